"""axe-core accessibility checks in a Playwright page.

axe-core is the npm package in package.json (``npm ci`` puts it in node_modules/);
it is injected into the page under test and run against the whole document.
Without it the browser tests skip, or fail under ``REQUIRE_BROWSER=1`` (CI).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from harness.chromium import skip_unless_required

AXE_SCRIPT = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0 and 2.1, levels A and AA: what the Polish accessibility act asks of public bodies.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = ("serious", "critical")

_RUN_JS = """
async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                          resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
    summary: (v.nodes[0] && v.nodes[0].failureSummary) || '',
  }));
}
"""


@dataclass(frozen=True)
class Finding:
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]
    summary: str

    def __str__(self) -> str:
        where = "; ".join(self.targets)
        return f"[{self.impact}] {self.rule}: {self.help} — {where}\n    {self.summary}"


def require_axe_or_skip() -> None:
    if AXE_SCRIPT.exists():
        return
    skip_unless_required(
        f"axe-core not installed ({AXE_SCRIPT} missing): run `npm ci`", "REQUIRE_BROWSER"
    )


# Streamlit fades the elements of the previous run while a rerun is under way; axe would
# measure the faded colours. Wait until nothing is stale.
_NOTHING_STALE_JS = "() => !document.querySelector('[data-stale=\"true\"]')"


def audit(page, attempts: int = 3) -> list[Finding]:
    """Every WCAG 2.1 A/AA violation axe finds on the page, once no element is stale.

    A rerun that starts while axe runs (the sign-in cookie's second run) fades elements
    again; findings on faded elements are measured afresh after the page settles.
    """
    from harness.chromium import settle

    for attempt in range(1, attempts + 1):
        page.wait_for_function(_NOTHING_STALE_JS, timeout=60_000, polling=200)
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.add_script_tag(path=str(AXE_SCRIPT))
        findings = [
            Finding(v["id"], v["impact"] or "", v["help"], tuple(v["targets"]), v["summary"])
            for v in page.evaluate(_RUN_JS, WCAG_TAGS)
        ]
        stale = any('data-stale="true"' in target for f in findings for target in f.targets)
        if not stale or attempt == attempts:
            return findings
        settle(page)
    return findings


def serious(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.impact in FAILING_IMPACTS]
