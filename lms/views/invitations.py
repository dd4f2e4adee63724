"""The invitation link's page, and self-registration on a course page.

The link is the proof of the address. A person who never had a password chooses one on
this page and then signs in; a person who has one must be signed in as themselves to
accept or decline, so a forwarded e-mail does not put a stranger into the cohort.
"""

from __future__ import annotations

import uuid
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lms import invitations
from lms.invitations import InvitationError
from lms.models import CoursePage
from lms.models.cohorts import Invitation
from website.languages import in_language


def _course_url(request: HttpRequest, course_key: uuid.UUID | None) -> str:
    """The course in the page's language (or the nearest), else My learning."""
    if course_key is not None:
        shown = in_language(
            CoursePage.objects.live().filter(translation_key=course_key), translation.get_language()
        )
        if shown:
            return shown[0].get_url(request)
    return reverse("lms:my_learning")


def _refused(request: HttpRequest, error: InvitationError, status: int = 410) -> HttpResponse:
    return render(request, "lms/invitations/unusable.html", {"message": str(error)}, status=status)


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invited = invitations.open_invitation(token)
    except InvitationError as error:
        return _refused(request, error)
    person = invited.user
    if not person.has_usable_password():
        return _first_password(request, invited)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.user.pk != person.pk:
        return _refused(
            request,
            InvitationError(
                _("This invitation is for another account. Sign out and sign in as the person invited.")
            ),
            status=403,
        )
    if request.method == "POST":
        answer = request.POST.get("answer")
        try:
            if answer == "accept":
                course_key = invitations.accept(invited)
                welcome = _("Welcome: you have joined %(cohort)s.") % {"cohort": _name(invited)}
                messages.success(request, welcome)
                return redirect(_course_url(request, course_key))
            if answer == "decline":
                invitations.decline(invited)
                messages.info(request, _("You have declined the invitation. Nothing has been shared."))
                return redirect("lms:my_learning")
        except InvitationError as error:
            return _refused(request, error)
    return render(request, "lms/invitations/answer.html", _context(invited))


def _name(invited: Invitation) -> str:
    return invited.cohort.name if invited.cohort else ", ".join(invitations.course_titles(invited))


def _context(invited: Invitation, **extra) -> dict:
    teachers = invited.cohort.teachers.all() if invited.cohort else []
    return {
        "invitation": invited,
        "cohort": invited.cohort,
        "course_titles": invitations.course_titles(invited),
        "teachers": [teacher.get_full_name() or teacher.get_username() for teacher in teachers],
        **extra,
    }


def _first_password(request: HttpRequest, invited: Invitation) -> HttpResponse:
    """A new person: choose a password, which accepts the invitation; then sign in."""
    form = SetPasswordForm(invited.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            course_key = invitations.accept(invited)
        except InvitationError as error:
            return _refused(request, error)
        form.save()
        messages.success(
            request, _("Your password is saved. Sign in with your e-mail address and your new password.")
        )
        query = urlencode({"next": _course_url(request, course_key)})
        return redirect(f"{reverse('login')}?{query}")
    return render(request, "lms/invitations/first_password.html", _context(invited, form=form))


class RegistrationForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Your name"), max_length=150, required=False)
    email = forms.EmailField(label=gettext_lazy("E-mail address"), max_length=150)


@require_POST
def register(request: HttpRequest, course_key: uuid.UUID) -> HttpResponse:
    """Register for a course open to registration: the answer is the same for every address."""
    shown = in_language(
        CoursePage.objects.live().filter(translation_key=course_key), translation.get_language()
    )
    course = shown[0] if shown else None
    if course is None or not (course.self_registration and course.self_enrolment):
        return _refused(request, InvitationError(_("This course does not take registrations.")), status=404)
    form = RegistrationForm(request.POST)
    if not form.is_valid():
        return render(request, "lms/invitations/register.html", {"course": course, "form": form}, status=400)
    email, name = form.cleaned_data["email"], form.cleaned_data["name"]
    # The link in the e-mail goes to BASE_URL (invitations.register's default), not to the request's host.
    invitations.register(course, email, name=name)
    return render(
        request, "lms/invitations/register.html", {"course": course, "sent_to": form.cleaned_data["email"]}
    )
