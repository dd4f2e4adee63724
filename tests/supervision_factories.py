"""Builders for the supervision suites: groups with supervisors and participants, sessions and attendance."""

from __future__ import annotations

import datetime

from django.test import Client
from wagtail.users.models import UserProfile

from supervision.models import Attendance, Membership, Session, SupervisionGroup, Topic
from tests.factories import make_user

RULES = "What is shared here stays here. Stories are told without names or details that identify anyone."


def person(username: str, first: str = "", last: str = "", language: str = ""):
    user = make_user(username)
    user.first_name, user.last_name = first, last
    user.save()
    if language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    return user


def make_group(
    name: str = "Peer workers in Trondheim", supervisors=(), participants=(), rules: str = RULES, **fields
) -> SupervisionGroup:
    group = SupervisionGroup.objects.create(name=name, ground_rules=rules, **fields)
    group.supervisors.set(supervisors)
    group.save()  # a ParentalManyToManyField is written on save
    for participant in participants:
        Membership.objects.create(group=group, user=participant, employer="Municipal mental health service")
    return group


def make_session(
    group: SupervisionGroup,
    date: datetime.date,
    minutes: int = 120,
    starts_at: datetime.time = datetime.time(10, 0),
    topics: tuple[str, ...] = (),
    free_topics: tuple[str, ...] = (),
    present=(),
    absent=(),
) -> Session:
    """A session saved directly (the rules are tested through the services and pages)."""
    session = Session.objects.create(
        group=group, date=date, starts_at=starts_at, duration_minutes=minutes, free_topics=list(free_topics)
    )
    session.topics.set(Topic.objects.filter(code__in=topics))
    for user in present:
        Attendance.objects.create(session=session, user=user, status=Attendance.Status.PRESENT)
    for user in absent:
        Attendance.objects.create(session=session, user=user, status=Attendance.Status.ABSENT)
    return session


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client
