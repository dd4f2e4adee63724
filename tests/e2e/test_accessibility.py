"""axe-core finds no serious or critical accessibility problems on the public pages, in
English and in a translation."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

#: Violations of these impacts fail the test; "minor" and "moderate" are left to review.
BLOCKING = {"serious", "critical"}


def describe(violations: list[dict]) -> str:
    """Each violation with the CSS selectors of the elements that fail it, to act on."""
    lines = []
    for violation in violations:
        impact, rule = violation["impact"], violation["id"]
        lines.append(f"[{impact}] {rule}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            # A target is a CSS selector, or a list of them for an element inside a frame.
            target = " >>> ".join(map(str, node["target"]))
            lines.append(f"    {target}: {summary[:300]}")
    return "\n".join(lines)


def axe_violations(page, axe_script) -> list[dict]:
    # Through the DevTools protocol, which the page's Content-Security-Policy does not govern;
    # a <script> tag holding axe's text is an inline script, which the policy refuses.
    page.evaluate(axe_script.read_text())
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [v for v in results["violations"] if v["impact"] in BLOCKING]


#: Each page type in English, in its Norwegian translation and, for material, as the Norwegian
#: stand-in a Danish reader gets (with the language notice).
ADDRESSES = {
    "home": [("en", ""), ("nb", "")],
    "material": [("en", ""), ("nb", ""), ("nb", "?from=da")],
    "video": [("en", ""), ("nb", "")],
}


@pytest.mark.parametrize("kind", list(ADDRESSES))
def test_no_serious_violations(axe_script, page, live_site, kind):
    report = []
    for language, query in ADDRESSES[kind]:
        page.goto(live_site.address(kind, language, query))
        violations = axe_violations(page, axe_script)
        if violations:
            report.append(f"axe on {page.url}:\n{describe(violations)}")
    assert not report, "\n\n".join(report)
