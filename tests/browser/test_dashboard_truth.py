"""Issue 21, the dashboard pass (problems 2, 3, 4, 5, 7, 8 and 10): one test per numbered problem.

Each drives the real site in Chromium with Playwright's clock, on a record of three closed
quarters; docs/quarterly-review.md says what the reader is meant to see.
"""

from __future__ import annotations

import json
import threading
from datetime import datetime, timezone
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from conftest import ALPHA, Site, _config, _free_port, _Handler, ready, storage_key, stored
from samples import ANTIPATTERN

NOV_20 = datetime(2026, 11, 20, 10, 0, tzinfo=timezone.utc)
AT = "2026-11-02T09:00:00.000Z"
#: The answer under the dashboard's toolbar.
TOP = ".sremgr-summary-panel ~ .sremgr-toolbar + .sremgr-feedback"
PHONE = {"width": 390, "height": 844}


def goto(site: Site, page: Any, path: str) -> None:
    page.goto(site.url + path)
    ready(page)


def history() -> dict[str, Any]:
    """2026-Q1..Q3 closed; alpha and beta worked on this quarter (Q4), gamma never; one note."""
    snapshots = {
        period: {
            "closed": f"2026-0{3 * q + 3}-28T09:00:00.000Z",
            "checklists": {
                "alpha": {"done": ["one", "two"][: q + 1], "total": 4, "score": 25 * (q + 1)},
                "beta": {"done": ["b1"], "total": 2, "score": 50},
                "gamma": {"done": [], "total": 1, "score": 0},
            },
        }
        for q, period in enumerate(["2026-Q1", "2026-Q2", "2026-Q3"])
    }
    return {
        "version": 1,
        "checklists": {
            "alpha": {
                "items": {
                    "one": {"state": "done", "changed": AT},
                    "two": {"state": "done", "changed": AT, "note": "Ask Sam."},
                }
            },
            "beta": {"items": {"b1": {"state": "done", "changed": AT}}},
        },
        "snapshots": snapshots,
        "meta": {"created": "2026-01-05T09:00:00.000Z", "exported": AT},
    }


@pytest.fixture
def seeded(material_site: Site, context: Any) -> Any:
    """The dashboard on 2026-11-20 (Q4) with three closed quarters in storage."""
    page = context.new_page()
    page.clock.install(time=NOV_20)
    goto(material_site, page, "handbook/dashboard/")
    page.evaluate("localStorage.clear()")
    page.evaluate(
        "([k, v]) => localStorage.setItem(k, v)", [storage_key(page), json.dumps(history())]
    )
    goto(material_site, page, "handbook/dashboard/")
    return page


def focused(page: Any) -> str:
    """What has focus: BODY, or the focused element's tag and text."""
    return str(
        page.evaluate(
            "(() => { const a = document.activeElement;"
            " return !a || a === document.body ? 'BODY' : a.tagName + ':' + a.textContent.trim(); })()"
        )
    )


def start_fresh(page: Any) -> None:
    page.click('[data-sremgr-action="close"]')
    page.get_by_role("button", name="Start fresh").click()
    expect(page.locator(TOP)).to_contain_text("fresh start")


def open_backups(page: Any) -> None:
    details = page.locator("details.sremgr-backups")
    if not details.evaluate("d => d.open"):
        page.click("details.sremgr-backups > summary")


# 2. Truthful after every action: a fresh start is not a first visit, focus never falls to <body>.
def test_2_after_a_fresh_start_restore_and_delete_the_page_tells_the_truth(seeded: Any) -> None:
    page = seeded
    start_fresh(page)
    assert focused(page) != "BODY"
    body = page.locator("main").inner_text()
    assert "Nothing is ticked yet" not in body and "Where to start" not in body
    # The quarter just closed (2026-Q4, closed early) is the one the page now speaks of.
    assert page.locator("#sremgr-overall").inner_text() == "A fresh start since 2026-Q4 was closed"
    assert "2026-Q4 closed at 55%" in page.locator(".sremgr-summary-panel").inner_text()
    # Alpha and beta have a history: not "not started" like a checklist never opened.
    for cid, then in (("alpha", "60%"), ("beta", "50%")):
        row = page.locator(f'li[data-sremgr-checklist="{cid}"] .sremgr-row-meta').inner_text()
        assert row == f"nothing ticked since 2026-Q4 closed ({then} then)", cid
    gamma = page.locator('li[data-sremgr-checklist="gamma"] .sremgr-row-meta').inner_text()
    assert gamma == "not started"
    expect(page.locator('[data-sremgr-action="close"]')).to_be_visible()

    open_backups(page)
    page.once("dialog", lambda d: d.accept())
    page.locator('[data-sremgr-action="restore"]').first.click()
    expect(page.locator(".sremgr-safety .sremgr-feedback")).to_have_text("Backup restored.")
    assert page.locator("details.sremgr-backups").evaluate("d => d.open"), "the list stays open"
    assert focused(page) != "BODY"
    assert page.locator("#sremgr-overall").inner_text().startswith("2 of 3 checklists started")

    before = page.locator('[data-sremgr-action="delete-backup"]').count()
    page.once("dialog", lambda d: d.accept())
    page.locator('[data-sremgr-action="delete-backup"]').first.click()
    expect(page.locator('[data-sremgr-action="delete-backup"]')).to_have_count(before - 1)
    assert page.locator("details.sremgr-backups").evaluate("d => d.open"), "the list stays open"
    assert focused(page) != "BODY"


def import_text(page: Any, text: str) -> None:
    page.set_input_files(
        "input.sremgr-file",
        files=[{"name": "progress.json", "mimeType": "application/json", "buffer": text.encode()}],
    )


def visible_with(page: Any, text: str) -> int:
    """How many visible elements of the dashboard show `text` as their own."""
    return int(
        page.evaluate(
            "t => [...document.querySelectorAll('.sremgr-dashboard p')]"
            ".filter(p => p.offsetParent && p.textContent.includes(t)).length",
            text,
        )
    )


# 3. One answer at a time, beside the control that caused it.
def test_3_a_new_action_replaces_the_old_answer(seeded: Any) -> None:
    page = seeded
    with page.expect_download():
        page.click('[data-sremgr-action="export"]')
    expect(page.locator(TOP)).to_contain_text("Exported")
    good = {"format": "mkdocs-sremgr-export", "storage_key": storage_key(page), "exported": AT}
    import_text(page, json.dumps({**good, "data": history()}))
    expect(page.locator(".sremgr-panel")).to_be_visible()
    assert visible_with(page, "Exported") == 0, "no old answer above a new question"
    page.get_by_role("button", name="Cancel").click()

    import_text(page, "not json")
    expect(page.locator(TOP)).to_contain_text("Import refused")
    assert visible_with(page, "Import refused") == 1, "a refusal is said once"

    page.once("dialog", lambda d: d.accept())
    page.click('[data-sremgr-action="reset-all"]')
    expect(page.locator(".sremgr-safety .sremgr-feedback")).to_contain_text("Everything reset")
    open_backups(page)
    page.once("dialog", lambda d: d.accept())
    page.locator('[data-sremgr-action="restore"]').first.click()
    expect(page.locator(".sremgr-safety .sremgr-feedback")).to_have_text("Backup restored.")
    assert visible_with(page, "Import refused") == 0
    assert visible_with(page, "Everything reset") == 0


# 4. Backups a person can choose between: what made each, when, and what it holds.
def test_4_each_backup_says_what_made_it_and_what_it_holds(seeded: Any) -> None:
    page = seeded
    key = storage_key(page)
    old = json.dumps({"version": 1, "checklists": {}, "snapshots": {}, "meta": {}})
    page.evaluate(
        "([k, v]) => localStorage.setItem(k, v)", [key + ":backup:2026-10-01T08:00:00.000Z", old]
    )
    start_fresh(page)
    page.once("dialog", lambda d: d.accept())
    page.click('[data-sremgr-action="reset-all"]')
    expect(page.locator(".sremgr-safety .sremgr-feedback")).to_contain_text("Everything reset")
    open_backups(page)
    rows = page.locator("[data-sremgr-backup]").all_inner_texts()
    assert len(rows) == 3
    newest, fresh, oldest = rows
    assert "Before “Reset everything”" in newest and "4 closed quarters" in newest, newest
    assert "2 checklists" in newest and "1 note" in newest, newest
    assert "Before “Start fresh”" in fresh and "4 closed quarters" in fresh and "1 note" in fresh, (
        fresh
    )
    assert newest.split("\n")[0] != fresh.split("\n")[0]
    # A backup from an earlier version names no cause: it says so, and still what it holds.
    assert "not recorded" in oldest and "0 checklists" in oldest, oldest


# 5. One way of counting: items are items, points are points; an honest headline.
def test_5_one_way_of_counting_and_an_honest_headline(
    material_site: Site, seeded: Any, context: Any
) -> None:
    page = seeded
    headline = page.locator("#sremgr-overall").inner_text()
    assert headline.startswith("2 of 3 checklists started · "), headline
    assert "of them done" in headline
    # Alpha has a weighted item: every section of it counts points, the meta line both.
    goto(material_site, page, "handbook/alpha/")
    assert "4 items · 5 points" in page.locator(".sremgr-count").inner_text()
    texts = page.locator(".sremgr-section .sremgr-bar-text").all_inner_texts()
    assert len(texts) == 2 and all("points" in x for x in texts), texts

    goto(material_site, page, "handbook/dashboard/")
    labels = page.locator(".sremgr-toolbar .sremgr-btn").all_inner_texts()
    assert "Copy the 1:1 summary" in labels and "Download the full list" in labels, labels
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.click('[data-sremgr-action="copy"]')
    expect(page.locator(TOP)).to_contain_text("1:1 summary")
    short = page.evaluate("navigator.clipboard.readText()")
    assert "2026-Q3: " in short.split("\n")[2], short  # this quarter and the last
    page.click('[data-sremgr-action="copy-full"]')
    expect(page.locator(TOP)).to_contain_text("full list")
    start_fresh(page)
    page.click('[data-sremgr-action="copy"]')
    expect(page.locator(TOP)).to_contain_text("1:1 summary")
    after = page.evaluate("navigator.clipboard.readText()")
    assert "No longer done" not in after and "fresh start" in after.lower(), after


# 8. The export reminder says "export now and then" once.
def test_8_the_export_reminder_says_it_once(material_site: Site, context: Any) -> None:
    page = context.new_page()
    page.clock.install(time=NOV_20)
    goto(material_site, page, "handbook/dashboard/")
    page.evaluate("localStorage.clear()")
    goto(material_site, page, "handbook/alpha/")
    page.check("#sremgr-alpha--two")
    goto(material_site, page, "handbook/dashboard/")
    reminder = page.locator("[data-sremgr-export-age]").inner_text()
    assert reminder.count("now and then") == 1, reminder
    assert "Safari" in reminder


# 7. A note says "saved", and closes with its own button and with Escape.
def test_7_a_note_says_saved_and_closes(material_site: Site, context: Any) -> None:
    page = context.new_page()
    page.clock.install(time=NOV_20)
    goto(material_site, page, "handbook/alpha/")
    page.evaluate("localStorage.clear()")
    goto(material_site, page, "handbook/alpha/")
    item = page.locator("#sremgr-alpha--two-item")
    toggle = item.locator('.sremgr-tools [data-sremgr-action="note"]')
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    box = item.locator("textarea.sremgr-note")
    box.fill("Ask Sam about the rota.")
    expect(item.locator(".sremgr-note-state:visible")).to_have_text("Saved")
    assert stored(page)["checklists"]["alpha"]["items"]["two"]["note"] == "Ask Sam about the rota."
    item.get_by_role("button", name="Close the note").click()
    expect(box).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    assert focused(page).startswith("BUTTON:Note")
    toggle.click()
    expect(box).to_be_visible()
    expect(box).to_be_focused()
    page.keyboard.press("Escape")
    expect(box).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    # Closed, the note is still kept and still said to be there.
    goto(material_site, page, "handbook/alpha/")
    expect(item.locator("textarea.sremgr-note")).to_have_value("Ask Sam about the rota.")


# 10. The smaller ones: names per item, "counts double", toc headings, the list first on a phone,
# and an import question that says what the file holds.
def test_10_names_weights_toc_phone_and_the_import_question(
    material_site: Site, seeded: Any, context: Any
) -> None:
    page = seeded
    good = {"format": "mkdocs-sremgr-export", "storage_key": storage_key(page), "exported": AT}
    import_text(page, json.dumps({**good, "data": history()}))
    question = page.locator("#sremgr-panel-question").inner_text()
    assert "3 closed quarters" in question and "1 note" in question, question
    assert "Replace mine" in question and "drops" in question, question
    page.get_by_role("button", name="Cancel").click()

    goto(material_site, page, "handbook/alpha/")
    names = page.locator(".sremgr-tools button").evaluate_all(
        "bs => bs.map(b => (b.getAttribute('aria-labelledby') || '').split(' ')"
        ".map(id => document.getElementById(id)?.textContent || '').join(' ') || b.textContent)"
    )
    assert len(set(names)) == len(names), "every button names its item"
    one = page.get_by_role("checkbox", name="I did the first thing. counts double")
    expect(one).to_have_count(1)
    # One tab stop for an item's set-aside choices (a group), not one per button.
    stops = page.evaluate(
        "[...document.querySelectorAll('#sremgr-alpha--one-item button, #sremgr-alpha--one-item input')]"
        ".filter(el => el.tabIndex >= 0).length"
    )
    assert stops <= 3, stops

    phone = context.new_page()
    phone.set_viewport_size(PHONE)
    goto(material_site, phone, "handbook/alpha/")
    first = phone.locator(".sremgr-item").first.bounding_box()
    assert first["y"] < 600, first


def test_10_an_anti_patterns_headings_are_in_materials_toc(make_site: Any, page: Any) -> None:
    site = make_site(files={"alpha.yml": ALPHA, "hero.yml": ANTIPATTERN})
    found = [p for p in site.site_dir.rglob("index.html") if "hero-culture" in str(p)]
    assert found, "the anti-pattern's page"
    path = found[0].parent.relative_to(site.site_dir).as_posix() + "/"
    page.goto(site.url + path)
    toc = page.locator(".md-sidebar--secondary .md-nav__link").all_inner_texts()
    assert "Symptoms" in [x.strip() for x in toc], toc


def test_10_on_a_phone_a_builtin_checklist_starts_near_the_top(
    tmp_path: Path, context: Any
) -> None:
    """The built-in "Be on call": on a phone its first item starts within the first screen,
    not below a screen of explanation (the weights legend is folded)."""
    port = _free_port()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    config = _config("material", port).replace("builtin: false", "builtin: true")
    (tmp_path / "mkdocs.yml").write_text(config)
    site = Site(tmp_path, port, "material").build()
    server = ThreadingHTTPServer(
        ("127.0.0.1", port), partial(_Handler, directory=str(site.site_dir))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = context.new_page()
        page.set_viewport_size(PHONE)
        goto(site, page, "handbook/be-on-call/")
        # Its first line (and its box) within the first screen: on main it started at 1,140 px.
        first = page.locator(".sremgr-item").first.bounding_box()
        assert first["y"] + 60 < PHONE["height"], first
    finally:
        server.shutdown()
        server.server_close()
