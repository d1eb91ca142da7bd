"""Accessibility: axe-core's WCAG 2.2 AA rules on real handbook pages, in both themes.

The built-in pack (real checklists with weights and "Why and how" notes, real anti-patterns)
is built with Material and with MkDocs' default theme (`color_mode: auto`, so both have a dark
mode), served on 127.0.0.1 and checked in Chromium at phone and desktop size, light and dark.
axe-core comes from the npm registry (package.json; `npm ci`, which scripts/test.sh runs).

A violation fails the test when one of its elements, or an element it names as related (the
neighbour of a too-small target, say), is inside our markup: the `.sremgr` roots, or any
`sremgr-*` element. Violations that are the theme's own (its header, its search box) are not
ours to fix: they are reported as `ThemeViolation` warnings in pytest's summary instead.

The other tests measure what axe cannot see in one state: sizes, hover and pressed colours,
markers of disclosures, the done style of ticked items.
"""

from __future__ import annotations

import json
import os
import re
import textwrap
import threading
import warnings
from collections.abc import Iterator
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from conftest import Site, _free_port, _Handler, ready

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
THEMES = ["material", "mkdocs"]
CHECKLIST = "handbook/be-on-call/"
ANTIPATTERN = "handbook/antipatterns/sre-proxy-service/"
DASHBOARD = "handbook/dashboard/"

pytestmark = pytest.mark.browser


class ThemeViolation(UserWarning):
    """An axe violation in the theme's own markup: listed, not failed (not ours to fix)."""


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` (scripts/test.sh does) to install axe-core")
    return AXE.read_text(encoding="utf-8")


def _config(theme: str, port: int) -> str:
    """The built-in pack, with the theme's dark mode following the reader's system setting."""
    head = f"site_name: Accessible handbook\nsite_url: http://127.0.0.1:{port}/\n"
    head += "markdown_extensions: [admonition, attr_list, md_in_html, pymdownx.details]\n"
    if theme == "material":
        return head + textwrap.dedent("""\
            theme:
              name: material
              font: false
              features: [navigation.instant]
              palette:
                - media: "(prefers-color-scheme: light)"
                  scheme: default
                  toggle: {icon: material/brightness-7, name: Dark mode}
                - media: "(prefers-color-scheme: dark)"
                  scheme: slate
                  toggle: {icon: material/brightness-4, name: Light mode}
            plugins: [search, tags, sremgr]
            """)
    return head + textwrap.dedent("""\
        theme:
          name: mkdocs
          highlightjs: false  # the theme would fetch it from a CDN
          color_mode: auto
        plugins: [search, sremgr]
        """)


@pytest.fixture(scope="module", params=THEMES)
def pack_site(request: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    theme = request.param
    root = tmp_path_factory.mktemp(f"a11y-{theme}")
    port = _free_port()
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n\n[The dashboard](handbook/dashboard.md)\n")
    (root / "mkdocs.yml").write_text(_config(theme, port))
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    build(load_config(config_file=str(root / "mkdocs.yml"), strict=True))
    site = Site(root, port, theme)
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(_Handler, directory=str(root / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site
    server.shutdown()
    server.server_close()


def seeded_record(site: Site) -> dict[str, Any]:
    """What a reader has after three closed quarters: ticks, one not-for-me, a note."""
    manifest = json.loads((site.site_dir / "assets" / "sremgr" / "manifest.json").read_text())
    snapshots: dict[str, Any] = {}
    current: dict[str, Any] = {}
    for q, period in enumerate(["2026-Q1", "2026-Q2", "2026-Q3"]):
        closed: dict[str, Any] = {}
        for c in manifest["checklists"]:
            ids = [i["id"] for s in c["sections"] for i in s["items"]]
            done = ids[: (q + 1) * len(ids) // 5]
            closed[c["id"]] = {"done": done, "total": len(ids), "score": 100 * len(done) // len(ids)}
        snapshots[period] = {"closed": f"2026-0{3 * q + 3}-28T09:00:00.000Z", "checklists": closed}
    for c in manifest["checklists"]:
        items = [i for s in c["sections"] for i in s["items"]]
        mine = {
            i["id"]: {"state": "done", "changed": "2026-11-02T09:00:00.000Z", "fp": i["fp"]}
            for i in items[: 4 * len(items) // 5]
        }
        last = items[-1]
        mine[last["id"]] = {"state": "na", "changed": "2026-11-02T09:00:00.000Z", "fp": last["fp"]}
        mine[items[0]["id"]]["note"] = "Covered the Saturday shift."
        current[c["id"]] = {"items": mine}
    return {
        "version": 1,
        "checklists": current,
        "snapshots": snapshots,
        "meta": {"created": "2026-01-05T09:00:00.000Z", "exported": "2026-11-02T09:00:00.000Z"},
    }


def open_page(browser: Any, site: Site, path: str, viewport: dict, scheme: str) -> Any:
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    page.goto(site.url + path)
    if "handbook/" in path and "antipatterns" not in path:
        ready(page)
    return page


# axe resolves each node to an element; ours when it, or a related node, sits in our markup.
RUN_AXE = """async (tags) => {
  const ours = (sel) => {
    const el = document.querySelector(sel);
    return !!(el && el.closest('.sremgr, [class*="sremgr-"]'));
  };
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                          resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => {
      const related = [...n.any, ...n.all, ...n.none].flatMap(c => c.relatedNodes || [])
        .map(r => r.target[0]);
      return {target: n.target[0], ours: ours(n.target[0]) || related.some(ours),
              summary: (n.failureSummary || '').split('\\n').slice(0, 2).join(' ')};
    }),
  }));
}"""


def axe_violations(page: Any, axe_source: str, where: str) -> list[str]:
    """Our violations, one line each; the theme's own are emitted as warnings."""
    page.add_script_tag(content=axe_source)
    found = page.evaluate(RUN_AXE, WCAG_22_AA)
    ours, theirs = [], []
    for v in found:
        for node in v["nodes"]:
            line = f"{v['id']} ({v['impact']}) {node['target']}: {node['summary']}"
            (ours if node["ours"] else theirs).append(line)
    for line in theirs:
        warnings.warn(f"{where}: theme's own: {line}", ThemeViolation, stacklevel=2)
    return ours


VARIANTS = [
    pytest.param(viewport, scheme, id=f"{name}-{scheme}")
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP))
    for scheme in ("light", "dark")
]


def tick_some(page: Any) -> None:
    """Tick two items (one weighted), mark one not for me, open a note, hover a row."""
    items = page.locator("li.sremgr-item")
    items.nth(0).locator("input.sremgr-check").check()
    items.nth(1).locator("input.sremgr-check").check()
    items.nth(2).locator('[data-sremgr-action="na"]').click()
    items.nth(3).locator('[data-sremgr-action="note"]').click()
    items.nth(3).locator("textarea").fill("Ask Sam how the handover went.")
    items.nth(2).hover()


@pytest.mark.parametrize(("viewport", "scheme"), VARIANTS)
@pytest.mark.parametrize("ticked", [False, True], ids=["untouched", "ticked"])
def test_checklist_page_has_no_violation_of_ours(
    browser: Any, pack_site: Site, axe_source: str, viewport: dict, scheme: str, ticked: bool
) -> None:
    page = open_page(browser, pack_site, CHECKLIST, viewport, scheme)
    if ticked:
        tick_some(page)
    where = f"{pack_site.theme} checklist {viewport['width']} {scheme}"
    violations = axe_violations(page, axe_source, where)
    assert not violations, "\n".join(violations)
    page.context.close()


@pytest.mark.parametrize(("viewport", "scheme"), VARIANTS)
def test_dashboard_with_closed_quarters_has_no_violation_of_ours(
    browser: Any, pack_site: Site, axe_source: str, viewport: dict, scheme: str
) -> None:
    page = open_page(browser, pack_site, DASHBOARD, viewport, scheme)
    page.evaluate(
        "([k, v]) => localStorage.setItem(k, v)",
        [
            page.get_attribute("[data-sremgr-storage-key]", "data-sremgr-storage-key"),
            json.dumps(seeded_record(pack_site)),
        ],
    )
    page.reload()
    ready(page)
    page.wait_for_selector("svg.sremgr-chart")
    where = f"{pack_site.theme} dashboard {viewport['width']} {scheme}"
    violations = axe_violations(page, axe_source, where)
    assert not violations, "\n".join(violations)
    page.context.close()


@pytest.mark.parametrize(("viewport", "scheme"), VARIANTS)
def test_antipattern_page_has_no_violation_of_ours(
    browser: Any, pack_site: Site, axe_source: str, viewport: dict, scheme: str
) -> None:
    page = open_page(browser, pack_site, ANTIPATTERN, viewport, scheme)
    where = f"{pack_site.theme} anti-pattern {viewport['width']} {scheme}"
    violations = axe_violations(page, axe_source, where)
    assert not violations, "\n".join(violations)
    page.context.close()


def test_axe_sees_a_violation_in_our_markup(
    browser: Any, pack_site: Site, axe_source: str
) -> None:
    """The harness can fail: grey-on-grey text planted in our markup is caught as ours."""
    page = open_page(browser, pack_site, CHECKLIST, DESKTOP, "light")
    page.evaluate(
        "document.querySelector('.sremgr-lesson').style.cssText = 'color:#ccc;background:#fff'"
    )
    violations = axe_violations(page, axe_source, "planted")
    assert any(re.match(r"color-contrast .*sremgr-lesson", v) for v in violations), violations
    page.context.close()
