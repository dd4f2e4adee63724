"""System checks of the LMS's deployment settings (``manage.py check --deploy``)."""

from __future__ import annotations

import functools
import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

#: The Public Suffix List as Debian ships it (package ``publicsuffix``, kept current by Debian's
#: updates): the list browsers use to decide which domain a cookie may be set for.
PUBLIC_SUFFIX_LIST = Path("/usr/share/publicsuffix/public_suffix_list.dat")


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().rstrip(".")


@functools.cache
def _public_suffix_rules(path: Path = PUBLIC_SUFFIX_LIST) -> tuple[frozenset, frozenset, frozenset] | None:
    """The list's plain rules, wildcard rules (``*.ck`` as ``ck``) and exceptions; None without it."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    plain, wildcard, exception = set(), set(), set()
    for line in text.splitlines():
        rule = line.strip().split(" ")[0]
        if not rule or rule.startswith("//"):
            continue
        try:
            rule = rule.encode("idna").decode("ascii")  # hosts arrive in their ASCII (punycode) form
        except UnicodeError:
            continue  # a rule Python's IDNA 2003 codec cannot encode cannot match a host it decoded either
        if rule.startswith("!"):
            exception.add(rule[1:])
        elif rule.startswith("*."):
            wildcard.add(rule[2:])
        else:
            plain.add(rule)
    return frozenset(plain), frozenset(wildcard), frozenset(exception)


def registrable_domain(host: str) -> str:
    """The part of ``host`` a cookie can be set for: its public suffix and one label more.

    Follows the Public Suffix List's algorithm (the longest matching rule; exceptions win). Without
    the list, the last two labels: that can only make hosts look more alike (a.co.uk and b.co.uk
    both "co.uk"), so the check then warns too often, never too seldom. IP addresses and single
    labels (localhost) are their own domain: no cookie is ever shared through them.
    """
    host = host.lower().rstrip(".")
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    labels = host.split(".")
    if len(labels) < 2:
        return host
    rules = _public_suffix_rules()
    suffix_length = 1  # the list's implicit "*": any top-level label is a public suffix
    if rules is not None:
        plain, wildcard, exception = rules
        for start in range(len(labels)):
            candidate = ".".join(labels[start:])
            if candidate in exception:
                suffix_length = len(labels) - start - 1
                break
            if candidate in plain or ".".join(labels[start + 1 :]) in wildcard:
                suffix_length = len(labels) - start
                break
    if len(labels) <= suffix_length:
        return host
    return ".".join(labels[-(suffix_length + 1) :])


@register(Tags.security, deploy=True)
def check_content_origin(app_configs, **kwargs):
    """Uploaded H5P/SCORM content must run on an origin that is not the site's and gets no session."""
    if not settings.CONTENT_ORIGIN:
        return [
            Warning(
                "CONTENT_ORIGIN is not set: SCORM packages cannot run, and H5P runs in a sandboxed frame.",
                hint="Set CONTENT_ORIGIN to another host name of this server, e.g. https://content.example.org.",
                id="lms.W001",
            )
        ]
    host = _host(settings.CONTENT_ORIGIN)
    if not host or host == _host(settings.WAGTAILADMIN_BASE_URL):
        return [
            Error(
                "CONTENT_ORIGIN must differ from the site's origin, or uploaded content acts as the site.",
                hint="Give the content a host name of its own, e.g. https://content.example.org.",
                id="lms.E001",
            )
        ]
    cookie_domain = (settings.SESSION_COOKIE_DOMAIN or "").lstrip(".").lower()
    if cookie_domain and (host == cookie_domain or host.endswith("." + cookie_domain)):
        return [
            Error(
                "The session cookie's domain covers CONTENT_ORIGIN: uploaded content would receive it.",
                hint="Leave SESSION_COOKIE_DOMAIN unset, or give the content a domain of its own.",
                id="lms.E002",
            )
        ]
    site_host = _host(settings.WAGTAILADMIN_BASE_URL)
    shared = registrable_domain(host)
    if "." in shared and not _is_ip(shared) and shared == registrable_domain(site_host):
        return [
            Warning(
                f"CONTENT_ORIGIN ({host}) and the site ({site_host}) share the registrable domain "
                f"{shared}: a package's page could set cookies for the site (a session fixation).",
                hint="Serve content from a domain of its own, e.g. https://nordpeer-content.example.",
                id="lms.W002",
            )
        ]
    return []


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
