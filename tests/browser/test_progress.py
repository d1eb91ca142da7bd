"""Ticks are kept, visible and shared between tabs and pages (Material and the default theme)."""

from __future__ import annotations

import re
import threading
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

from conftest import (
    ALPHA,
    BETA,
    Site,
    _config,
    _free_port,
    _Handler,
    instant_armed,
    ready,
    storage_key,
    stored,
)


def checklist(site: Site, page: Any, cid: str = "alpha") -> None:
    page.goto(f"{site.url}handbook/{cid}/")
    ready(page)


def test_tick_survives_a_reload(
    material_site: Site, page: Any, offsite_requests: list[str]
) -> None:
    checklist(material_site, page)
    page.check("#sremgr-alpha--one")
    page.reload()
    ready(page)
    assert page.is_checked("#sremgr-alpha--one")
    assert not page.is_checked("#sremgr-alpha--two")
    record = stored(page)["checklists"]["alpha"]["items"]["one"]
    assert record["state"] == "done" and record["changed"].endswith("Z") and len(record["fp"]) == 8
    assert offsite_requests == []


def test_progress_is_weighted_accessible_and_announced(material_site: Site, page: Any) -> None:
    checklist(material_site, page)
    page.evaluate("localStorage.clear()")  # test isolation only: the script never clears
    page.reload()
    ready(page)
    bar = page.locator('[data-sremgr-progress="alpha"] [role=progressbar]')
    assert bar.get_attribute("aria-valuenow") == "0"
    page.check("#sremgr-alpha--one")  # weight 2 of 5
    assert bar.get_attribute("aria-valuenow") == "40"
    # One way of counting: points (item one is worth 2), the count and the percent agree.
    assert bar.get_attribute("aria-valuetext") == "2 of 5 points · 40%"
    section = page.locator('[data-sremgr-progress="alpha/first"] [role=progressbar]')
    assert section.get_attribute("aria-valuenow") == "67"
    assert "Alpha checks: 2 of 5 points · 40%" in page.locator(".sremgr-live").text_content()
    # Keyboard only: tab to the second box (past the first item's buttons, one toolbar and one
    # tab stop: issue 21) and tick it with the space bar.
    page.focus("#sremgr-alpha--one")
    for _ in range(2):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "sremgr-alpha--two"
    page.keyboard.press("Space")
    assert page.is_checked("#sremgr-alpha--two")
    assert bar.get_attribute("aria-valuenow") == "60"


def test_not_applicable_leaves_the_totals(material_site: Site, page: Any) -> None:
    checklist(material_site, page)
    page.evaluate("localStorage.clear()")
    page.reload()
    ready(page)
    page.check("#sremgr-alpha--three")
    page.click('li[data-sremgr-item="one"] [data-sremgr-action="na"]')
    bar = page.locator('[data-sremgr-progress="alpha"] [role=progressbar]')
    # A checklist with weights counts points, also while its weighted item is set aside.
    assert "1 of 3 points" in bar.get_attribute("aria-valuetext")
    assert bar.get_attribute("aria-valuenow") == "33"
    assert page.is_disabled("#sremgr-alpha--one")
    assert (
        page.get_attribute('li[data-sremgr-item="one"] [data-sremgr-action="na"]', "aria-pressed")
        == "true"
    )
    page.reload()
    ready(page)
    assert stored(page)["checklists"]["alpha"]["items"]["one"]["state"] == "na"
    assert "1 of 3 points" in bar.get_attribute("aria-valuetext")


def test_instant_navigation_then_dashboard_shows_the_tick(material_site: Site, page: Any) -> None:
    page.goto(material_site.url)
    page.evaluate("localStorage.clear()")
    page.goto(material_site.url)
    instant_armed(page)
    page.evaluate("window.__sameDocument = true")
    page.click("article a[href$='alpha/']")
    page.wait_for_url("**/handbook/alpha/")
    ready(page)
    page.check("#sremgr-alpha--one")
    page.click("article a[href$='dashboard/']") if page.locator(
        "article a[href$='dashboard/']"
    ).count() else page.click("nav a[href$='dashboard/']")
    page.wait_for_url("**/handbook/dashboard/")
    ready(page)
    assert page.evaluate("window.__sameDocument") is True, "instant navigation was not used"
    # Polled: just after the URL changes, `ready` may still see the page being left.
    page.wait_for_selector('li[data-sremgr-checklist="alpha"][data-sremgr-score="40"]')
    row = page.locator('li[data-sremgr-checklist="alpha"]')
    assert "2 of 5 points" in row.locator("[role=progressbar]").get_attribute("aria-valuetext")


def test_two_tabs_stay_in_sync(material_site: Site, context: Any) -> None:
    first, second = context.new_page(), context.new_page()
    for tab in (first, second):
        checklist(material_site, tab)
    first.evaluate("localStorage.clear()")
    first.check("#sremgr-alpha--four")
    second.wait_for_function("document.getElementById('sremgr-alpha--four').checked")
    assert "1 of 5 points" in second.locator(
        '[data-sremgr-progress="alpha"] [role=progressbar]'
    ).get_attribute("aria-valuetext")


def test_default_mkdocs_theme(make_site: Any, page: Any, offsite_requests: list[str]) -> None:
    site = make_site("mkdocs")
    checklist(site, page)
    page.check("#sremgr-alpha--two")
    page.reload()
    ready(page)
    assert page.is_checked("#sremgr-alpha--two")
    page.goto(f"{site.url}handbook/dashboard/")
    ready(page)
    assert page.get_attribute('li[data-sremgr-checklist="alpha"]', "data-sremgr-score") == "20"
    assert offsite_requests == []


def test_sites_on_one_origin_never_share_storage(tmp_path: Path, page: Any) -> None:
    """Two handbooks with the same name and the same checklist ids, served from one origin
    at /one/ and /two/: a tick in one never shows in the other."""
    served = tmp_path / "served"
    port = _free_port()
    for name in ("one", "two"):
        root = tmp_path / name
        (root / "docs" / "checklists").mkdir(parents=True)
        (root / "docs" / "index.md").write_text("# Home\n")
        (root / "docs" / "checklists" / "alpha.yml").write_text(ALPHA)
        config = _config("mkdocs", port).replace(
            f"site_url: http://127.0.0.1:{port}/", f"site_url: http://127.0.0.1:{port}/{name}/"
        )
        (root / "mkdocs.yml").write_text(config + f"site_dir: {served / name}\n")
        Site(root, port, "mkdocs").build()
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(_Handler, directory=str(served)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{port}"
        page.goto(f"{base}/one/handbook/alpha/")
        ready(page)
        first_key = storage_key(page)
        page.check("#sremgr-alpha--one")
        page.goto(f"{base}/two/handbook/alpha/")
        ready(page)
        assert storage_key(page) != first_key
        assert not page.is_checked("#sremgr-alpha--one")
        page.check("#sremgr-alpha--two")
        page.goto(f"{base}/one/handbook/alpha/")
        ready(page)
        assert page.is_checked("#sremgr-alpha--one")
        assert not page.is_checked("#sremgr-alpha--two")
        assert stored(page, first_key)["checklists"]["alpha"]["items"]["one"]["state"] == "done"
    finally:
        server.shutdown()
        server.server_close()


def test_dashboard_shows_overall_tags_and_last_change(material_site: Site, page: Any) -> None:
    checklist(material_site, page, "beta")
    page.evaluate("localStorage.clear()")
    page.reload()
    ready(page)
    page.check("#sremgr-beta--b1")
    page.goto(f"{material_site.url}handbook/dashboard/")
    ready(page)
    # Overall: the mean over the checklists the reader has started (beta 50%); the mean of
    # all three (alpha 0, beta 50, gamma 0) comes second.
    assert page.locator("#sremgr-overall").text_content() == (
        "1 of 3 checklists started · 50% of it done"
    )
    overall = page.locator('[data-sremgr-progress="overall"]').text_content()
    assert "all 3 checklists: 17%" in overall
    ops = page.locator('li[data-sremgr-tag="ops"] [role=progressbar]')  # alpha and beta
    assert ops.get_attribute("aria-valuenow") == "25"
    assert ops.get_attribute("aria-valuetext") == "2 checklists · 25%"  # the mean, as the bar
    assert page.locator('li[data-sremgr-tag="people"]').count() == 1
    row = page.locator('li[data-sremgr-checklist="beta"] .sremgr-row-meta').text_content()
    assert "Last change: " in row and "never" not in row
    gamma = page.locator('li[data-sremgr-checklist="gamma"] .sremgr-row-meta').text_content()
    assert gamma == "not started"  # neutral, never "due"
    links = page.eval_on_selector_all(".sremgr-dashboard-list a", "as => as.map(a => a.href)")
    assert links == [f"{material_site.url}handbook/{c}/" for c in ("alpha", "beta", "gamma")]


def test_without_javascript_pages_still_read_well(material_site: Site, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{material_site.url}handbook/alpha/")
    assert page.locator("label[for=sremgr-alpha--one]").is_visible()
    assert page.locator("legend h2#alpha--first").is_visible()
    # No dead controls: the buttons appear only when the script runs.
    assert not page.locator('[data-sremgr-action="na"]').first.is_visible()
    assert not page.locator('[data-sremgr-action="reset"]').is_visible()
    page.goto(f"{material_site.url}handbook/dashboard/")
    assert page.locator("li[data-sremgr-checklist] a").count() == 3
    assert "turn on JavaScript" in page.locator(".sremgr-dashboard").text_content()
    context.close()


def test_dashboard_code_is_fetched_only_where_a_dashboard_is(
    material_site: Site, page: Any
) -> None:
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url.rsplit("/", 1)[-1]))
    page.goto(material_site.url)
    instant_armed(page)
    page.evaluate("window.__sameDocument = true")
    page.click("article a[href$='alpha/']")
    page.wait_for_url("**/handbook/alpha/")
    ready(page)
    assert "sremgr-dashboard.js" not in fetched and "manifest.json" not in fetched
    page.click("nav a[href$='dashboard/']")
    page.wait_for_url("**/handbook/dashboard/")
    ready(page)
    page.go_back()
    page.wait_for_url("**/handbook/alpha/")
    page.go_forward()
    page.wait_for_url("**/handbook/dashboard/")
    page.wait_for_selector(".sremgr-dashboard .sremgr-summary-panel")
    assert page.evaluate("window.__sameDocument") is True, "instant navigation was not used"
    assert fetched.count("sremgr-dashboard.js") == 1  # once per page life, whatever the visits
    assert page.locator(".sremgr-dashboard .sremgr-summary-panel").count() == 1


def test_dashboard_code_that_cannot_load_leaves_a_notice_and_the_data(
    material_site: Site, page: Any
) -> None:
    checklist(material_site, page)
    page.check("#sremgr-alpha--one")
    page.route("**/sremgr-dashboard.js", lambda route: route.fulfill(status=404, body="gone"))
    page.goto(f"{material_site.url}handbook/dashboard/")
    notice = page.locator('[data-sremgr-notice="dashboard"]')
    notice.wait_for()
    assert "could not load its script" in notice.text_content()
    assert (
        page.locator('.sremgr-dashboard-list a[href$="alpha/"]').count() == 1
    )  # the plain list stays
    assert stored(page)["checklists"]["alpha"]["items"]["one"]["state"] == "done"


PROTO = """\
id: constructor
title: Prototype names
cadence: monthly
tags: [toString, __proto__, constructor, hasOwnProperty]
order: 4
sections:
  - id: only
    title: Only section
    items:
      - id: constructor
        text: An item called constructor.
      - id: prototype
        text: An item called prototype.
"""


def test_ids_and_tags_named_like_object_properties_work_everywhere(
    make_site: Any, page: Any
) -> None:
    """A checklist `constructor` with tags `toString`, `__proto__`: once thrown on the dashboard."""
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    # "By tag" lists tags shared by several checklists: a second one shares them all.
    twin = PROTO.replace("id: constructor\ntitle: Prototype names", "id: valueof\ntitle: Twin")
    twin = twin.replace("order: 4", "order: 5")
    site = make_site(
        files={"alpha.yml": ALPHA, "beta.yml": BETA, "proto.yml": PROTO, "twin.yml": twin}
    )
    checklist(site, page, "constructor")
    page.check("#sremgr-constructor--constructor")
    page.goto(f"{site.url}handbook/dashboard/")
    ready(page)
    page.wait_for_selector(".sremgr-summary-panel")
    row = page.locator('li[data-sremgr-checklist="constructor"]')
    assert row.get_attribute("data-sremgr-score") == "50"
    tags = page.eval_on_selector_all(
        "[data-sremgr-tag]", "els => els.map(e => e.dataset.sremgrTag)"
    )
    assert {"toString", "__proto__", "constructor", "hasOwnProperty"} <= set(tags)
    assert errors == []


PERCENT = r"(\d+)\s*%"


def _percentages(text: str) -> list[int]:
    return [int(m) for m in re.findall(PERCENT, text)]


def test_a_quiet_quarter_scores_no_point_anywhere(material_site: Site, page: Any) -> None:
    """Issue 19: a reader who did nothing in a quarter with no incidents and marks the items
    "didn't come up" gets no point anywhere, and every percentage on the checklist page has
    the number of items set aside beside it."""
    checklist(material_site, page)
    page.evaluate("localStorage.clear()")
    page.reload()
    ready(page)
    quiet = page.locator('li[data-sremgr-item="two"] [data-sremgr-action="quiet"]')
    assert quiet.text_content() == "Didn't come up"
    # Keyboard: the button is reached and pressed like any other, and says which item it is for.
    quiet.focus()
    page.keyboard.press("Space")
    assert quiet.get_attribute("aria-pressed") == "true"
    named = (quiet.get_attribute("aria-labelledby") or "").split()
    texts = [page.locator(f"#{n}").text_content() for n in named]
    assert texts == ["Didn't come up", "I did the second thing."]
    assert page.is_disabled("#sremgr-alpha--two")
    assert page.get_attribute('li[data-sremgr-item="two"]', "data-sremgr-state") == "quiet"
    for iid in ("one", "three"):
        page.click(f'li[data-sremgr-item="{iid}"] [data-sremgr-action="quiet"]')

    def bars() -> dict[str, str]:
        return {
            el.get_attribute("data-sremgr-progress"): el.locator(".sremgr-bar-text").text_content()
            for el in page.locator(".sremgr-progress").all()
        }

    shown = bars()
    assert shown["alpha/first"] == "Nothing scored this quarter · 2 set aside"
    # Alpha has a weighted item: every bar of it counts points, whichever items are in play.
    assert shown["alpha/second"] == "0 of 1 points · 0% · 1 set aside"
    assert shown["alpha"] == "0 of 1 points · 0% · 3 set aside"
    for text in shown.values():
        assert all(p == 0 for p in _percentages(text)), text
        if "%" in text:
            assert "set aside" in text, text
    page.click('li[data-sremgr-item="four"] [data-sremgr-action="quiet"]')
    assert bars()["alpha"] == "Nothing scored this quarter · 4 set aside"
    bar = page.locator('[data-sremgr-progress="alpha"] [role=progressbar]')
    assert bar.get_attribute("aria-valuenow") == "0"
    assert bar.get_attribute("aria-valuetext") == "Nothing scored this quarter · 4 set aside"
    page.reload()
    ready(page)
    assert bars()["alpha"] == "Nothing scored this quarter · 4 set aside"
    # The dashboard and the 1:1 summary give no point either.
    page.goto(f"{material_site.url}handbook/dashboard/")
    ready(page)
    # Every score the dashboard draws (headline, rows, tags); chart axes (0–100%) are not scores.
    scores = " | ".join(page.locator(".sremgr-dashboard .sremgr-progress").all_inner_texts())
    assert all(p == 0 for p in _percentages(scores)), scores
    assert "Nothing scored this quarter · 4 set aside" in scores, scores
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.click('[data-sremgr-action="copy"]')
    summary = page.evaluate("navigator.clipboard.readText()")
    assert "- Alpha checks: Nothing scored this quarter · 4 set aside" in summary
    assert "*(didn't come up this quarter)*" in summary
    assert all(p == 0 for p in _percentages(summary)), summary
