"""The dashboard as a view of the page script: one string catalog at run time (the rare notices
the page loads show on the dashboard too), and no listener left behind by a root that Material's
instant navigation has swapped out."""

from __future__ import annotations

import json
from typing import Any

from conftest import Site, instant_armed, ready

KEY = "sremgr:v1:test-handbook"


def dashboard(site: Site, page: Any) -> None:
    page.goto(f"{site.url}handbook/dashboard/")
    ready(page)


def test_the_dashboard_says_when_progress_was_saved_by_a_newer_version(
    material_site: Site, page: Any
) -> None:
    dashboard(material_site, page)
    newer = json.dumps({"version": 2, "whatever": {"x": 1}})
    page.evaluate("([k, v]) => { localStorage.clear(); localStorage.setItem(k, v) }", [KEY, newer])
    page.reload()
    ready(page)
    notice = page.locator(".sremgr-dashboard [data-sremgr-notice=newer]")
    notice.wait_for()
    assert "newer version" in notice.text_content()
    assert page.evaluate("k => localStorage.getItem(k)", KEY) == newer


def test_the_dashboard_says_when_damaged_data_was_moved_to_a_backup(
    material_site: Site, page: Any
) -> None:
    dashboard(material_site, page)
    page.evaluate(
        "k => { localStorage.clear(); localStorage.setItem(k, '{\"version\": 1, oops') }", KEY
    )
    page.reload()
    ready(page)
    notice = page.locator(".sremgr-dashboard [data-sremgr-notice=moved]")
    notice.wait_for()
    assert "could not be read" in notice.text_content()
    assert "notice." not in page.locator(".sremgr-dashboard .sremgr-notices").text_content()


def resize_listeners(page: Any) -> int:
    """The `resize` listeners on window now (DevTools' own count: removed ones are gone)."""
    cdp = page.context.new_cdp_session(page)
    try:
        win = cdp.send("Runtime.evaluate", {"expression": "window"})["result"]["objectId"]
        found = cdp.send("DOMDebugger.getEventListeners", {"objectId": win})["listeners"]
        return sum(1 for entry in found if entry["type"] == "resize")
    finally:
        cdp.detach()


def test_instant_navigation_leaves_no_listener_of_an_old_dashboard(
    material_site: Site, page: Any
) -> None:
    page.goto(material_site.url)
    # Two closed quarters: the history chart is drawn (a first visit has none).
    closed = {"closed": "2026-03-28T09:00:00.000Z", "checklists": {}}
    record = {"version": 1, "checklists": {}, "meta": {}}
    record["snapshots"] = {
        "2026-Q1": closed,
        "2026-Q2": {**closed, "closed": "2026-06-28T09:00:00.000Z"},
    }
    page.evaluate(
        "([k, v]) => { localStorage.clear(); localStorage.setItem(k, v) }",
        [KEY, json.dumps(record)],
    )
    dashboard(material_site, page)
    instant_armed(page)
    page.evaluate("window.__sameDocument = true")
    first = resize_listeners(page)
    for _ in range(3):
        page.click("nav a[href$='alpha/']")
        page.wait_for_url("**/handbook/alpha/")
        ready(page)
        page.click("nav a[href$='dashboard/']")
        page.wait_for_url("**/handbook/dashboard/")
        ready(page)
        page.wait_for_selector(".sremgr-dashboard .sremgr-summary-panel h2")
    assert page.evaluate("window.__sameDocument") is True, "instant navigation was not used"
    assert resize_listeners(page) == first
    # The dashboard now shown still redraws its charts for a new width.
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_function(
        "() => { const svg = document.querySelector('.sremgr-charts svg');"
        " return svg && Number(svg.getAttribute('width')) < 400 }"
    )
