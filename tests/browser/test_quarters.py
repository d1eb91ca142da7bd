"""The quarterly self-check in Chromium, with Playwright's clock moving through quarters."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from conftest import Site, ready, stored

Q3 = datetime(2026, 9, 20, 10, 0, tzinfo=timezone.utc)
Q4 = datetime(2026, 11, 10, 10, 0, tzinfo=timezone.utc)


def goto(site: Site, page: Any, path: str) -> None:
    page.goto(site.url + path)
    ready(page)


@pytest.fixture
def clocked(material_site: Site, context: Any) -> Any:
    """A page with a fake clock in 2026-Q3 and empty storage."""
    page = context.new_page()
    page.clock.install(time=Q3)
    goto(material_site, page, "handbook/dashboard/")
    page.evaluate("localStorage.clear()")
    return page


def close_quarter(page: Any, keep: str | None = "Keep my ticks") -> None:
    page.click('[data-sremgr-action="close"]')
    if keep:
        page.get_by_role("button", name=keep).click()


def score(page: Any, series: str, period: str) -> str:
    return page.get_attribute(
        f'svg.sremgr-chart g[data-series="{series}"] circle[data-period="{period}"]', "data-score"
    )


def test_close_keep_and_compare_with_last_quarter(material_site: Site, clocked: Any) -> None:
    page = clocked
    goto(material_site, page, "handbook/alpha/")
    page.check("#sremgr-alpha--one")
    page.check("#sremgr-alpha--two")
    goto(material_site, page, "handbook/dashboard/")
    close_quarter(page)
    snapshot = stored(page)["snapshots"]["2026-Q3"]
    assert snapshot["checklists"]["alpha"] == {
        "done": ["one", "two"],
        "total": 4,
        "score": 60,
        "aside": 0,
    }
    assert snapshot["checklists"]["beta"] == {"done": [], "total": 2, "score": 0, "aside": 0}

    page.clock.set_system_time(Q4)
    goto(material_site, page, "handbook/alpha/")
    assert page.is_checked("#sremgr-alpha--one"), "keeping the ticks keeps them"
    page.check("#sremgr-alpha--three")
    assert page.locator(".sremgr-since").text_content() == "+1 since 2026-Q3"

    goto(material_site, page, "handbook/dashboard/")
    # Overall = mean of the checklists' scores: (60 + 0 + 0) / 3, now (80 + 0 + 0) / 3.
    assert score(page, "overall", "2026-Q3") == "20"
    assert score(page, "overall", "2026-Q4") == "27"
    assert score(page, "alpha", "2026-Q3") == "60"
    assert score(page, "alpha", "2026-Q4") == "80"
    radar = "svg.sremgr-radar g.{} circle[data-axis='Alpha checks']"
    assert page.get_attribute(radar.format("sremgr-area-now"), "data-score") == "80"
    assert page.get_attribute(radar.format("sremgr-area-before"), "data-score") == "60"
    assert page.locator("h2#sremgr-radar").text_content() == "This quarter and 2026-Q3"
    row = page.locator('li[data-sremgr-checklist="alpha"] .sremgr-row-meta')
    assert "+1 since 2026-Q3" in row.text_content()
    # The text alternative holds the same numbers.
    table = page.locator(".sremgr-charts table").first
    assert "60%" in table.locator("tr", has_text="Alpha checks").text_content()


def test_every_dashboard_score_says_how_many_items_were_set_aside(
    material_site: Site, clocked: Any
) -> None:
    page = clocked
    goto(material_site, page, "handbook/alpha/")
    page.check("#sremgr-alpha--one")
    page.click('li[data-sremgr-item="four"] [data-sremgr-action="na"]')
    goto(material_site, page, "handbook/dashboard/")
    bar = '[data-sremgr-checklist="alpha"] [role=progressbar]'
    assert page.get_attribute(bar, "aria-valuetext") == "2 of 4 points · 50% · 1 set aside"
    overall = '[data-sremgr-progress="overall"] .sremgr-bar-text'
    assert page.locator(overall).text_content().endswith(" · 1 set aside")
    close_quarter(page)
    assert stored(page)["snapshots"]["2026-Q3"]["checklists"]["alpha"]["aside"] == 1
    page.clock.set_system_time(Q4)
    goto(material_site, page, "handbook/dashboard/")
    table = page.locator(".sremgr-charts table").first
    cells = table.locator("tr", has_text="Alpha checks").locator("td").all_text_contents()
    assert cells == ["50% · 1 set aside", "50% · 1 set aside"]  # 2026-Q3 as closed, and now


def test_fresh_start_and_the_overwrite_prompt(material_site: Site, clocked: Any) -> None:
    page = clocked
    goto(material_site, page, "handbook/alpha/")
    page.check("#sremgr-alpha--one")
    page.click('li[data-sremgr-item="four"] [data-sremgr-action="na"]')
    goto(material_site, page, "handbook/dashboard/")
    close_quarter(page, "Start fresh")
    data = stored(page)
    assert data["snapshots"]["2026-Q3"]["checklists"]["alpha"]["done"] == ["one"]
    assert data["checklists"]["alpha"]["items"]["one"]["state"] == "open"
    assert data["checklists"]["alpha"]["items"]["four"]["state"] == "na", "not-for-me stays"
    assert page.evaluate("Object.keys(localStorage).some(k => k.includes(':backup:'))")

    goto(material_site, page, "handbook/alpha/")
    page.check("#sremgr-alpha--two")
    goto(material_site, page, "handbook/dashboard/")
    messages: list[str] = []
    page.once("dialog", lambda d: (messages.append(d.message), d.dismiss()))
    close_quarter(page, keep=None)
    assert "2026-Q3 was already closed" in messages[0]
    assert stored(page)["snapshots"]["2026-Q3"]["checklists"]["alpha"]["done"] == ["one"]
    page.once("dialog", lambda d: d.accept())
    close_quarter(page)
    assert stored(page)["snapshots"]["2026-Q3"]["checklists"]["alpha"]["done"] == ["two"]


def test_due_badges_follow_each_cadence(material_site: Site, clocked: Any) -> None:
    page = clocked
    for cid, item in (("alpha", "one"), ("beta", "b1"), ("gamma", "g1")):
        goto(material_site, page, f"handbook/{cid}/")
        page.check(f"#sremgr-{cid}--{item}")

    def due() -> set[str]:
        goto(material_site, page, "handbook/dashboard/")
        return set(
            page.eval_on_selector_all(
                "li.sremgr-is-due", "els => els.map(e => e.dataset.sremgrChecklist)"
            )
        )

    assert due() == set()
    page.clock.set_system_time(Q3 + timedelta(days=9))
    assert due() == {"alpha"}  # weekly
    page.clock.set_system_time(Q3 + timedelta(days=100))
    assert due() == {"alpha", "beta"}  # quarterly
    goto(material_site, page, "handbook/beta/")
    page.click('[data-sremgr-action="reviewed"]')  # looked, changed nothing
    assert due() == {"alpha"}
    page.clock.set_system_time(Q3 + timedelta(days=400))
    assert due() == {"alpha", "beta", "gamma"}  # yearly


def test_markdown_summary_for_the_one_on_one(
    material_site: Site, clocked: Any, context: Any, tmp_path: Path
) -> None:
    page = clocked
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    goto(material_site, page, "handbook/alpha/")
    page.check("#sremgr-alpha--one")
    page.click('li[data-sremgr-item="one"] [data-sremgr-action="note"]')
    page.fill('li[data-sremgr-item="one"] textarea', "Shadowed the night shift\nwith Sam")
    page.click('li[data-sremgr-item="four"] [data-sremgr-action="na"]')
    goto(material_site, page, "handbook/dashboard/")
    close_quarter(page)
    page.clock.set_system_time(Q4)
    goto(material_site, page, "handbook/alpha/")
    page.check("#sremgr-alpha--two")
    goto(material_site, page, "handbook/dashboard/")
    with page.expect_download() as download:
        page.click('[data-sremgr-action="download"]')
    assert download.value.suggested_filename == "self-check-2026-Q4.md"
    target = tmp_path / "summary.md"
    download.value.save_as(target)
    text = target.read_text()
    assert text.startswith("# Quarterly self-check: 2026-Q4\n")
    # The download is the full list; weights count as points (item one is worth 2), and the
    # score says how many items it left out.
    assert "## Alpha checks\n\n3 of 4 points · 75% · 1 set aside (+1 since 2026-Q3)" in text
    assert "- [x] I did the first thing.\n    - Note: Shadowed the night shift with Sam" in text
    assert "- [ ] I did the third thing." in text
    assert "- [ ] I did the fourth thing. *(not for me)*" in text
    page.click('[data-sremgr-action="copy-full"]')
    assert page.evaluate("navigator.clipboard.readText()") == text
    # The 1:1 summary fits on a screen: changes, notes, not-for-me, the heaviest open items,
    # one line per started checklist and one line for all untouched ones.
    page.click('[data-sremgr-action="copy"]')
    short = page.evaluate("navigator.clipboard.readText()")
    assert "## Since 2026-Q3\n\n- Done: I did the second thing. — *Alpha checks*" in short
    assert (
        "## My notes\n\n- I did the first thing. (×2) — *Alpha checks*: Shadowed the night shift with Sam"
        in short
    )
    assert "## Set aside\n\n- I did the fourth thing. — *Alpha checks* *(not for me)*" in short
    assert (
        "## Open items that weigh most (1 of 1)\n\n- [ ] I did the third thing. — *Alpha checks*"
        in short
    )
    assert "- Alpha checks: 3 of 4 points · 75% · 1 set aside (+1 since 2026-Q3)" in short
    assert "- Not started (2): Beta checks, Gamma checks" in short
    assert "Beta one" not in short and len(short.splitlines()) < 30
    feedback = page.locator(".sremgr-feedback[role=status]").first
    assert feedback.is_visible() and "Copied the 1:1 summary" in feedback.text_content()
    exported = stored(page)
    assert exported["checklists"]["alpha"]["items"]["one"]["note"].startswith("Shadowed")


def test_quarters_follow_the_fiscal_year(material_site: Site, page: Any) -> None:
    goto(material_site, page, "handbook/alpha/")
    cases = [
        ((2026, 11, 31), 1, "2026-Q4"),
        ((2026, 0, 1), 1, "2026-Q1"),
        ((2026, 6, 1), 7, "2026-Q1"),
        ((2026, 5, 30), 7, "2025-Q4"),
        ((2026, 9, 15), 7, "2026-Q2"),
        ((2027, 1, 1), 4, "2026-Q4"),
    ]
    for (y, m, d), start, expected in cases:
        got = page.evaluate(
            "([y, m, d, s]) => window.sremgr.periodOf(new Date(y, m, d), s)", [y, m, d, start]
        )
        assert got == expected, (y, m + 1, d, start)


def test_print_hides_controls_and_shows_the_tables(material_site: Site, clocked: Any) -> None:
    page = clocked
    goto(material_site, page, "handbook/alpha/")
    page.check("#sremgr-alpha--one")
    goto(material_site, page, "handbook/dashboard/")
    close_quarter(page)
    before = stored(page)
    assert before["snapshots"], "the closed quarter is in storage"
    page.emulate_media(media="print")
    assert not page.locator('[data-sremgr-action="close"]').is_visible()
    # The quarter on a page prints first, then the charts; their tables stay on screen (the
    # sheet has the numbers).
    assert page.locator(".sremgr-sheet").is_visible()
    assert not page.locator(".sremgr-charts table").first.is_visible()
    assert page.locator("svg.sremgr-chart").first.is_visible()
    page.screenshot(path=str(Path(__file__).parent / "out" / "print-dashboard.png"), full_page=True)
    for paper, width in (("A4", 794), ("Letter", 816)):  # CSS pixels at 96 dpi
        page.set_viewport_size({"width": width - 96, "height": 1000})  # minus default margins
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), paper
        assert page.pdf(format=paper).startswith(b"%PDF")
    goto(material_site, page, "handbook/alpha/")
    assert not page.locator('[data-sremgr-action="na"]').first.is_visible()
    # Printed, a checklist keeps its items and where to check; the reasoning stays on screen.
    assert not page.locator(".sremgr-details p").first.is_visible()
    assert stored(page) == before, "printing (or making the PDFs) changed storage"
