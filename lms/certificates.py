"""Issuing certificates of completion, and finding one by its verification code.

A certificate is issued lazily, the first time its learner asks for it (the list of
certificates or the download), once their enrolment is completed and the course gives
certificates. Issuing is get-or-create: one certificate per learner per course, however
often or concurrently it is asked for. The name, the date and the course's titles in
every language are stored then; later downloads print the same facts.
"""

from __future__ import annotations

import re
import secrets
import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.models import Certificate, CertificateKind, CoursePage, Enrolment
from lms.outline import source_course
from lms.xapi import titles_for
from website.languages import best_value

#: Crockford's base 32: no I, L, O or U, so a code read aloud or typed is hard to get wrong.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12  # 60 random bits: far beyond guessing, still short enough to type
CODE_PATTERN = re.compile(rf"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")
#: What people type by mistake for the letters the alphabet leaves out.
LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


class NotEligible(Exception):
    """The learner cannot have this certificate (yet); the message says why."""


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _position in range(CODE_LENGTH))


def normalise_code(typed: str) -> str | None:
    """The stored form of a code as a person may type it ("7kq2-m9xd 4htb"), or None if it cannot be one."""
    code = re.sub(r"[\s-]", "", typed or "").upper().translate(LOOKALIKES)
    return code if CODE_PATTERN.match(code) else None


def find(typed_code: str) -> Certificate | None:
    code = normalise_code(typed_code)
    return Certificate.objects.filter(code=code).first() if code else None


def holder_name(user) -> str:
    """The name printed: the account's full name, else its user name, never an e-mail address."""
    name = user.get_full_name().strip() or user.get_username()
    return name.split("@", 1)[0] if "@" in name else name


def title_in(certificate: Certificate, language: str) -> str:
    """The subject's title in ``language``, or the nearest one along its fallback chain."""
    titles = certificate.titles
    return best_value(titles, language) or next(iter(titles.values()), "")


def eligible_course(user, course_key: uuid.UUID) -> tuple[CoursePage, Enrolment]:
    enrolment = Enrolment.objects.filter(user=user, course_key=course_key).first()
    course = CoursePage.objects.live().filter(translation_key=course_key).first()
    if enrolment is None or course is None:
        raise NotEligible(_("You are not enrolled in this course."))
    course = source_course(course)
    if not course.certificate:
        raise NotEligible(_("This course does not give certificates."))
    if enrolment.completed_at is None:
        raise NotEligible(_("The certificate comes when you have completed every required lesson."))
    return course, enrolment


def issue_for_course(user, course_key: uuid.UUID) -> Certificate:
    """The learner's certificate for the course, issued now if it is their first time asking.

    Raises ``NotEligible`` when the course is not completed or gives no certificate.
    """
    existing = Certificate.objects.filter(user=user, kind=CertificateKind.COURSE, subject_key=course_key)
    certificate = existing.first()
    if certificate is not None:
        _add_new_titles(certificate)
        return certificate
    course, enrolment = eligible_course(user, course_key)
    fields = {
        "holder_name": holder_name(user),
        "titles": titles_for(CoursePage, [course.translation_key]).get(course.translation_key, {}),
        "achieved_on": timezone.localdate(enrolment.completed_at),
    }
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Certificate.objects.create(
                    user=user, kind=CertificateKind.COURSE, subject_key=course_key, code=new_code(), **fields
                )
        except IntegrityError:
            # Either a concurrent request issued it first (then return that one) or,
            # astronomically rarely, the code was taken (then draw another).
            certificate = existing.first()
            if certificate is not None:
                return certificate
    raise RuntimeError("Could not draw an unused verification code in five attempts.")


def _add_new_titles(certificate: Certificate) -> None:
    """Titles of translations published since issuing; a title once printed is never changed."""
    if certificate.kind != CertificateKind.COURSE or certificate.withdrawn:
        return
    current = titles_for(CoursePage, [certificate.subject_key]).get(certificate.subject_key, {})
    added = {language: title for language, title in current.items() if language not in certificate.titles}
    if added:
        certificate.titles = {**certificate.titles, **added}
        certificate.save(update_fields=["titles"])


def certificates_of(user) -> list[Certificate]:
    """The learner's certificates, newest first, issuing any that became due since they last looked."""
    held = Certificate.objects.filter(user=user, kind=CertificateKind.COURSE).values("subject_key")
    due = (
        Enrolment.objects.filter(user=user, completed_at__isnull=False)
        .exclude(course_key__in=held)
        .values_list("course_key", flat=True)
    )
    for course_key in due:
        try:
            issue_for_course(user, course_key)
        except NotEligible:
            continue  # a course without certificates, or no longer published: nothing to issue
    return list(Certificate.objects.filter(user=user, withdrawn_at__isnull=True))
