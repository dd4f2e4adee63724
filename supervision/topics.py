"""The topics a supervision session can be about.

The usual topics are a fixed list in code: each has a stable code (stored in the
database and on certificates) and a name that comes from the interface catalogues,
so every language in ``locale/`` has it and the catalogue test keeps it so. A name
that is printed on a certificate must exist in the holder's language; only gettext
strings are checked like that. Adding a usual topic is therefore a code change here
with its translations and a data migration, as adding a language is a settings change.

Anything else a group talks about goes in the session's free topics, printed as the
supervisor wrote them.
"""

from __future__ import annotations

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class TopicCode(models.TextChoices):
    PITFALLS = "pitfalls", _("Pitfalls and risks in the work")
    PARTICULAR_ROLE = "particular-role", _("What is particular about the peer worker role")
    STIGMA = "stigma", _("Scepticism and stigma around lived experience")
    COMMUNITIES_OF_PRACTICE = "communities-of-practice", _("Communities of practice and teamwork")
    ROLE_EXPECTATIONS = "role-expectations", _("Role expectations")
    USERS_EXPERIENCES = "users-experiences", _("Service users' experiences with peer workers")
    WORKPLACES = "workplaces", _("Kinds of workplaces")
    SELF_CARE = "self-care", _("Self-care")
    ETHICS = "ethics", _("Ethics")
    RECORD_SYSTEMS = "record-systems", _("Record systems")
    RELATIVES = "relatives", _("Relatives and next of kin")
    MAKING_A_DIFFERENCE = "making-a-difference", _("Making a difference for the people we meet")


#: The order topics are listed and printed in.
ORDER = {code: position for position, code in enumerate(TopicCode.values)}

#: Free topics: at most this many per session, each at most this long.
MAX_FREE_TOPICS = 10
MAX_FREE_TOPIC_LENGTH = 100


def topic_name(code: str, language: str) -> str:
    """The usual topic's name in ``language``; an unknown code (a retired topic) as stored."""
    if code not in TopicCode.values:
        return code
    with translation.override(language):
        return str(TopicCode(code).label)


def ordered_codes(codes) -> list[str]:
    return sorted(set(codes), key=lambda code: ORDER.get(code, len(ORDER)))


def merge_free_topics(lists) -> list[str]:
    """Free topics of several sessions, each once (ignoring case and spacing), first spelling kept."""
    seen: dict[str, str] = {}
    for topics in lists:
        for topic in topics:
            seen.setdefault(" ".join(topic.split()).casefold(), " ".join(topic.split()))
    return list(seen.values())
