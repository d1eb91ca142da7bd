"""Issue 12, the quarter made for people: one test per numbered point of the design pass.

Each drives the real site in Chromium with Playwright's clock; see docs/quarterly-review.md
for what the reader is meant to see.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from conftest import ALPHA, BETA, GAMMA, Site, ready, stored

Q3 = datetime(2026, 9, 20, 10, 0, tzinfo=timezone.utc)
AUGUST_15 = datetime(2026, 8, 15, 10, 0, tzinfo=timezone.utc)
PHONE = {"width": 390, "height": 844}


def goto(site: Site, page: Any, path: str) -> None:
    page.goto(site.url + path)
    ready(page)


@pytest.fixture
def fresh(material_site: Site, context: Any) -> Any:
    """A page in 2026-Q3 with empty storage."""
    page = context.new_page()
    page.clock.install(time=Q3)
    goto(material_site, page, "handbook/dashboard/")
    page.evaluate("localStorage.clear()")
    return page


def focused_action(page: Any) -> str | None:
    return page.evaluate(
        "document.activeElement === document.body ? 'BODY'"
        " : document.activeElement.getAttribute('data-sremgr-action')"
    )


def three_quarters(site: Site) -> dict[str, Any]:
    """2026-Q1..Q3 closed; alpha and beta worked on, gamma never touched this quarter."""
    manifest = json.loads((site.site_dir / "assets" / "sremgr" / "manifest.json").read_text())
    snapshots: dict[str, Any] = {}
    for q, period in enumerate(["2026-Q1", "2026-Q2", "2026-Q3"]):
        closed = {}
        for c in manifest["checklists"]:
            ids = [i["id"] for s in c["sections"] for i in s["items"]]
            done = ids[: (q + 1) * len(ids) // 4]
            closed[c["id"]] = {
                "done": done,
                "total": len(ids),
                "score": 100 * len(done) // len(ids),
            }
        snapshots[period] = {"closed": f"2026-0{3 * q + 3}-28T09:00:00.000Z", "checklists": closed}
    at = "2026-11-02T09:00:00.000Z"
    return {
        "version": 1,
        "checklists": {
            "alpha": {"items": {k: {"state": "done", "changed": at} for k in ("one", "two")}},
            "beta": {"items": {"b1": {"state": "done", "changed": at}}},
        },
        "snapshots": snapshots,
        "meta": {"created": "2026-01-05T09:00:00.000Z", "exported": at},
    }


# 1. Visible feedback for every action, near where it was taken, and announced.
def test_1_every_action_answers_beside_it_and_last_reviewed_shows(
    material_site: Site, fresh: Any, context: Any
) -> None:
    page = fresh
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    goto(material_site, page, "handbook/alpha/")
    answer = page.locator(".sremgr-checklist .sremgr-feedback[role=status]")
    page.click('[data-sremgr-action="reviewed"]')
    assert answer.is_visible() and answer.text_content() == "Marked as reviewed today."
    page.wait_for_function(
        "document.querySelector('.sremgr-reviewed').textContent.startsWith('Last reviewed: ')"
    )
    assert "2026" in page.locator(".sremgr-reviewed").text_content()
    toolbar = page.locator(".sremgr-checklist .sremgr-toolbar").bounding_box()
    box = answer.bounding_box()
    assert 0 <= box["y"] - (toolbar["y"] + toolbar["height"]) < 40, "right under the toolbar"
    page.check("#sremgr-alpha--one")
    page.once("dialog", lambda d: d.accept())
    page.click('[data-sremgr-action="reset"]')
    assert "backup" in answer.text_content()

    page.check("#sremgr-alpha--two")
    goto(material_site, page, "handbook/dashboard/")
    top = page.locator(".sremgr-summary-panel ~ .sremgr-toolbar + .sremgr-feedback[role=status]")
    for action, expected in (("copy", "Copied the one-on-one summary"), ("export", "Exported")):
        if action == "export":
            with page.expect_download():
                page.click(f'[data-sremgr-action="{action}"]')
        else:
            page.click(f'[data-sremgr-action="{action}"]')
        expect(top).to_contain_text(expected)
        assert top.is_visible(), action
    page.click('[data-sremgr-action="close"]')
    page.get_by_role("button", name="Keep my ticks").click()
    assert "Closed 2026-Q3. Your ticks stay" in top.text_content()
    # Reset everything answers beside itself, in the backups section.
    page.once("dialog", lambda d: d.accept())
    page.click('[data-sremgr-action="reset-all"]')
    below = page.locator(".sremgr-safety .sremgr-feedback[role=status]")
    assert below.is_visible() and "Everything reset" in below.text_content()


# 2. One way of counting: the count matches the percent; Overall once, over started checklists.
def test_2_count_and_percent_agree_and_overall_is_explained(
    material_site: Site, fresh: Any
) -> None:
    page = fresh
    goto(material_site, page, "handbook/alpha/")
    legend = page.locator(".sremgr-legend").text_content()
    assert "points" in legend and "×2" in legend
    page.check("#sremgr-alpha--one")  # worth 2 of 5 points
    bar = page.locator('[data-sremgr-progress="alpha"] .sremgr-bar-text')
    assert bar.text_content() == "2 of 5 points · 40%"
    beta_bar = '[data-sremgr-progress="beta"] .sremgr-bar-text'
    goto(material_site, page, "handbook/beta/")
    page.check("#sremgr-beta--b1")
    assert page.locator(beta_bar).text_content() == "1 of 2 done · 50%"
    goto(material_site, page, "handbook/dashboard/")
    # Alpha 40%, beta 50%: Overall 45% over the two started; all three (gamma 0): 30%.
    assert page.locator("#sremgr-overall").text_content() == "Overall: 45%"
    overall = page.locator('[data-sremgr-progress="overall"] .sremgr-bar-text').text_content()
    assert overall == "Mean of the 2 checklists you have started · all 3 checklists: 30%"
    assert page.get_by_text("Overall:", exact=False).count() == 1, "Overall shown once"


# 4. Charts that read on a phone: 12 px text, values written on them, labelled lines.
def test_4_charts_read_on_a_phone(material_site: Site, browser: Any) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.clock.install(time=datetime(2026, 11, 10, 10, 0, tzinfo=timezone.utc))
    goto(material_site, page, "handbook/dashboard/")
    key = page.get_attribute("[data-sremgr-storage-key]", "data-sremgr-storage-key")
    record = three_quarters(material_site)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(record)])
    page.reload()
    ready(page)
    sizes = page.eval_on_selector_all(
        "svg.sremgr-chart text",
        "els => els.map(e => e.getScreenCTM().a * parseFloat(getComputedStyle(e).fontSize))",
    )
    assert sizes and min(sizes) >= 11.9, min(sizes)
    ends = page.eval_on_selector_all(
        "svg.sremgr-chart text.sremgr-end", "els => els.map(e => e.textContent)"
    )
    assert len(ends) == 4  # all checklists + alpha, beta, gamma
    assert any("Alpha" in e and "%" in e for e in ends), ends
    values = page.locator("svg.sremgr-chart g[data-series=overall] text.sremgr-value")
    assert values.count() == 3, "the overall line is valued at each closed quarter"
    radar = page.eval_on_selector_all(
        "svg.sremgr-radar > text", "els => els.map(e => e.textContent)"
    )
    assert all(
        t.startswith(n)
        for t, n in zip(radar, ["Alpha checks", "Beta checks", "Gamma"], strict=True)
    )
    assert all("%" in t for t in radar), "each axis says its values"
    # Gamma is 0 now: its point still sits off the centre, the shape stays legible.
    centre = page.evaluate(
        "(() => { const s = document.querySelector('svg.sremgr-radar').viewBox.baseVal;"
        " return [s.width / 2, s.height / 2]; })()"
    )
    gamma = page.locator("svg.sremgr-radar g.sremgr-area-now circle[data-axis='Gamma checks']")
    gx, gy = float(gamma.get_attribute("cx")), float(gamma.get_attribute("cy"))
    assert abs(gx - centre[0]) + abs(gy - centre[1]) > 3
    legend = page.locator(".sremgr-legend-list").text_content()
    assert "2026-Q3" in legend and "2026-Q4" in legend
    assert page.locator(".sremgr-table").count() == 2, "the tables stay"
    context.close()


# 5. Quarter semantics: what a close covers, a warning before the quarter ends, the new state.
def test_5_a_close_says_its_quarter_and_the_dashboard_the_new_state(
    material_site: Site, context: Any
) -> None:
    page = context.new_page()
    page.clock.install(time=AUGUST_15)
    goto(material_site, page, "handbook/alpha/")
    page.evaluate("localStorage.clear()")
    page.reload()
    ready(page)
    page.check("#sremgr-alpha--one")
    goto(material_site, page, "handbook/dashboard/")
    quarter = page.locator("[data-sremgr-quarter]")
    assert "2026-Q3, ends on Sep 30, 2026 (46 days left)" in quarter.text_content()
    page.click('[data-sremgr-action="close"]')
    question = page.locator("#sremgr-panel-question").text_content()
    assert "Close 2026-Q3?" in question
    assert "ends on Sep 30, 2026, in 46 days" in question
    page.get_by_role("button", name="Keep my ticks").click()
    assert stored(page)["snapshots"]["2026-Q3"]["checklists"]["alpha"]["done"] == ["one"]
    text = quarter.text_content()
    assert "2026-Q3 was closed on Aug 15, 2026" in text and "last closed" not in text
    assert page.locator("h2#sremgr-radar").text_content() == "2026-Q3, closed"


# 6. Accessible panels: named by their question, focus placed after a choice, Escape cancels.
def test_6_panels_are_named_keep_focus_and_escape_cancels(
    material_site: Site, fresh: Any, tmp_path: Path
) -> None:
    page = fresh
    goto(material_site, page, "handbook/alpha/")
    page.check("#sremgr-alpha--one")
    goto(material_site, page, "handbook/dashboard/")
    panel = page.locator(".sremgr-panel")
    page.focus('[data-sremgr-action="close"]')
    page.keyboard.press("Enter")
    assert panel.get_attribute("role") == "group"
    assert page.get_by_role("group", name="Close 2026-Q3?", exact=False).count() == 1
    assert page.evaluate("document.activeElement.textContent") == "Keep my ticks"
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    assert focused_action(page) == "close", "focus back on the control that asked"
    assert "2026-Q3" not in json.dumps(stored(page)["snapshots"])
    assert (
        "Not closed"
        in page.locator(".sremgr-summary-panel ~ .sremgr-toolbar + .sremgr-feedback").text_content()
    )
    # A choice made with the keyboard: focus returns to the opener, never to <body>.
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # Keep my ticks
    assert focused_action(page) == "close"
    # The import question: Cancel, then Escape, both give focus back to Import…
    path = tmp_path / "mine.json"
    with page.expect_download() as download:
        page.click('[data-sremgr-action="export"]')
    download.value.save_as(path)
    for how in ("Cancel", "Escape"):
        page.focus('[data-sremgr-action="import"]')
        page.set_input_files("input.sremgr-file", str(path))
        page.wait_for_selector("#sremgr-panel-question")
        assert page.get_by_role("group", name="This file holds", exact=False).count() == 1
        if how == "Cancel":
            page.get_by_role("button", name="Cancel").click()
        else:
            page.keyboard.press("Escape")
        assert panel.is_hidden() and focused_action(page) == "import", how
    # Reset everything: focus stays in its section when the button goes away.
    page.once("dialog", lambda d: d.accept())
    page.click('[data-sremgr-action="reset-all"]')
    assert focused_action(page) != "BODY"


# 7. First visit: no alarm, a neutral "not started", no export nag, nothing to close or reset.
def test_7_a_first_visit_is_calm_and_says_where_to_start(material_site: Site, fresh: Any) -> None:
    page = fresh
    page.reload()
    ready(page)
    assert page.locator(".sremgr-due").count() == 0
    assert page.locator(".sremgr-not-started").count() == 3
    assert page.locator("[data-sremgr-export-age]").count() == 0
    assert page.locator('[data-sremgr-action="close"]').is_hidden()
    assert page.locator('[data-sremgr-action="reset-all"]').count() == 0
    assert page.locator("#sremgr-overall").text_content() == "Where to start"
    start = page.locator(".sremgr-start a")
    assert start.text_content() == "Alpha checks"
    start.click()
    page.wait_for_url("**/handbook/alpha/")
    ready(page)
    page.check("#sremgr-alpha--one")
    goto(material_site, page, "handbook/dashboard/")
    assert "7 days for weekly" in page.locator(".sremgr-due-help").text_content()
    assert page.locator('[data-sremgr-action="close"]').is_visible()


# 8. Backups explained beside the reset, dates in the page's language, tags that help.
def test_8_backups_in_words_local_dates_shared_tags_grouped_toolbar(
    make_site: Any, page: Any
) -> None:
    solo = GAMMA.replace("tags: [people]", "tags: [people, solo]")
    site = make_site(files={"alpha.yml": ALPHA, "beta.yml": BETA, "gamma.yml": solo})
    page.clock.install(time=Q3)
    goto(site, page, "handbook/alpha/")
    page.check("#sremgr-alpha--one")
    goto(site, page, "handbook/dashboard/")
    tags = page.eval_on_selector_all(
        "[data-sremgr-tag]", "els => els.map(e => e.dataset.sremgrTag)"
    )
    assert sorted(tags) == ["ops", "people"], "a tag of one checklist is not listed"
    groups = page.locator(".sremgr-summary-panel ~ .sremgr-toolbar > .sremgr-group")
    assert groups.count() == 3
    assert page.locator('.sremgr-group [data-sremgr-action="reset-all"]').count() == 0
    page.once("dialog", lambda d: d.accept())
    page.click('[data-sremgr-action="reset-all"]')
    safety = page.locator(".sremgr-safety")
    assert "a full copy of it is kept here" in safety.text_content()
    page.click(".sremgr-backups > summary")
    assert "Your progress as it was on Sep 20, 2026" in safety.text_content()
    # Dates follow <html lang>: the same page in German.
    page.evaluate("document.documentElement.lang = 'de'")
    goto(site, page, "handbook/alpha/")
    page.evaluate("document.documentElement.lang = 'de'")
    page.click('[data-sremgr-action="reviewed"]')
    page.wait_for_function(
        "document.querySelector('.sremgr-reviewed').textContent.includes('20.09.2026')"
    )
