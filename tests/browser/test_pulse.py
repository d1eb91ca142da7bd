"""The team pulse in a real browser: team members answer on the pulse page, each in a browser
context of their own, and send files or codes; the manager adds them on the dashboard."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_a11y import AXE, VARIANTS, axe_violations

from conftest import ALPHA, BETA, GAMMA, Site, block_offsite, instant_armed, ready, serve_site

PULSE = """\
kind: pulse
id: team-pulse
title: Team pulse
intro: How things look from where you sit.
statements:
  - id: alpha-seen
    text: My manager does the alpha things where I can see them.
    lesson: alpha
  - id: alpha-talk
    text: My manager talks with us about the alpha things.
    lesson: alpha
  - id: beta-seen
    text: My manager does the beta things.
    lesson: beta
"""
PULSE_PAGE = "handbook/pulse/team-pulse/"
DASHBOARD = "handbook/dashboard/"
#: What each of three people answers (statement id -> value on the scale).
ANSWERS = [
    {"alpha-seen": "4", "alpha-talk": "2", "beta-seen": "dk"},
    {"alpha-seen": "5", "alpha-talk": "3", "beta-seen": "1"},
    {"alpha-seen": "2", "alpha-talk": "4"},
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    files = {"alpha.yml": ALPHA, "beta.yml": BETA, "gamma.yml": GAMMA, "pulse.yml": PULSE}
    built, server = serve_site(tmp_path_factory.mktemp("pulse"), "material", files=files)
    yield built
    server.shutdown()
    server.server_close()


def open_pulse(context: Any, site: Site) -> Any:
    page = context.new_page()
    page.goto(site.url + PULSE_PAGE)
    page.wait_for_selector(".sremgr-pulse[data-sremgr-pulse-ready]", state="attached")
    return page


def answer(page: Any, values: dict[str, str]) -> None:
    for statement, value in values.items():
        page.check(f"#sremgr-team-pulse--{statement}--{value}")


def download(page: Any, to: Path) -> Path:
    with page.expect_download() as info:
        page.click('[data-sremgr-action="download"]')
    info.value.save_as(to)
    return to


def open_dashboard(context: Any, site: Site) -> Any:
    page = context.new_page()
    page.goto(site.url + DASHBOARD)
    ready(page)
    page.wait_for_selector(".sremgr-team:not([hidden])")
    return page


def add_files(page: Any, paths: list[Path]) -> None:
    page.set_input_files(".sremgr-team input[type=file]", [str(p) for p in paths])


def team_state(page: Any) -> Any:
    return page.get_attribute(".sremgr-team-results [data-sremgr-team]", "data-sremgr-team")


def pulse_stored(page: Any) -> Any:
    key = page.get_attribute(".sremgr[data-sremgr-storage-key]", "data-sremgr-storage-key")
    raw = page.evaluate("k => localStorage.getItem(k)", key)
    return json.loads(raw).get("pulse") if raw else None


def answer_files(browser: Any, site: Site, tmp_path: Path, offsite: list[str]) -> list[Path]:
    """Three people, each in a browser context of their own, answer and download their file."""
    paths = []
    for n, values in enumerate(ANSWERS):
        context = browser.new_context(accept_downloads=True)
        offsite += block_offsite(context)
        page = open_pulse(context, site)
        answer(page, values)
        paths.append(download(page, tmp_path / f"person-{n}.json"))
        assert page.get_attribute(".sremgr-pulse", "data-sremgr-pulse-sent") is not None
        context.close()
    return paths


def test_three_people_answer_and_the_team_view_shows_nothing_before_the_third(
    browser: Any, site: Site, tmp_path: Path
) -> None:
    offsite: list[str] = []
    paths = answer_files(browser, site, tmp_path, offsite)
    manager = browser.new_context()
    offsite += block_offsite(manager)
    page = open_dashboard(manager, site)
    add_files(page, paths[:2])
    page.wait_for_selector('[data-sremgr-team="needed"][data-sremgr-needed="1"]')
    results = page.inner_text(".sremgr-team-results")
    assert results.strip() == "One more answer is needed before the team's view is shown."
    assert page.locator(".sremgr-team-statements, .sremgr-team-lessons").count() == 0
    # The printed quarter on a page says as little: a line, no team column.
    assert "One more answer is needed" in page.text_content(".sremgr-sheet .sremgr-sheet-team")
    assert page.locator("[data-sremgr-team-cell]").count() == 0
    add_files(page, paths[2:])
    page.wait_for_selector('[data-sremgr-team="shown"][data-sremgr-answers="3"]')
    # alpha-seen 4, 5, 2 -> median 4; alpha-talk 2, 3, 4 -> 3; the lesson: median of 4 and 3
    row = page.locator('.sremgr-team-statements li[data-sremgr-statement="alpha-seen"]')
    assert "median 4" in row.inner_text() and "1: 0 · 2: 1 · 3: 0 · 4: 1 · 5: 1" in row.inner_text()
    lesson = page.locator('.sremgr-team-lessons tr[data-sremgr-lesson="alpha"]')
    assert lesson.locator("[data-sremgr-team-pct]").get_attribute("data-sremgr-team-pct") == "63"
    assert "0%" in lesson.locator("[data-sremgr-yours-pct]").inner_text()
    # the quarter on a page prints the team's view in a column beside the manager's score
    assert page.text_content('[data-sremgr-team-cell="alpha"]') == "63 of 100"
    assert "Team's view" in page.locator(".sremgr-sheet-scores thead").text_content()
    page.emulate_media(media="print")
    assert page.locator('[data-sremgr-team-cell="alpha"]').is_visible()
    page.emulate_media(media="screen")
    # beta-seen has two answers (1 and "don't know"): under the threshold on its own
    beta = page.locator('.sremgr-team-statements li[data-sremgr-statement="beta-seen"]')
    assert "needs one more answer" in beta.inner_text()
    # only counts are kept: no file, no per-person answers
    kept = pulse_stored(page)
    assert list(kept) == [page.get_attribute("[data-sremgr-quarter]", "data-sremgr-quarter")]
    agg = next(iter(kept.values()))
    assert sorted(agg) == ["answers", "counts", "format", "handbook", "quarter", "seen", "version"]
    assert agg["answers"] == 3
    # the same file again: refused, nothing changed
    add_files(page, paths[:1])
    page.wait_for_selector(".sremgr-team .sremgr-feedback-bad")
    assert "added already" in page.inner_text(".sremgr-team .sremgr-feedback")
    assert pulse_stored(page) == kept
    # the 1:1 summary has its line
    summary = page.evaluate(
        """() => {
          let text = null;
          navigator.clipboard.writeText = (t) => { text = t; return Promise.resolve(); };
          document.querySelector('[data-sremgr-action="copy"]').click();
          return new Promise((r) => setTimeout(() => r(text), 50));
        }"""
    )
    assert "Team pulse: 3 answers." in summary
    assert "- Alpha checks: team 63 of 100, mine 0%" in summary
    assert offsite == []
    manager.close()


def test_an_answer_file_holds_no_identity_and_no_time_of_day(
    browser: Any, site: Site, tmp_path: Path
) -> None:
    context = browser.new_context(accept_downloads=True)
    page = open_pulse(context, site)
    answer(page, ANSWERS[0])
    key = page.get_attribute(".sremgr-pulse", "data-sremgr-storage-key")
    text = download(page, tmp_path / "mine.json").read_text()
    data = json.loads(text)
    assert sorted(data) == ["answers", "format", "handbook", "quarter", "random_id", "version"]
    assert data["handbook"] == key and re.fullmatch(r"\d{4}-Q[1-4]", data["quarter"])
    assert re.fullmatch(r"[0-9a-f]{32}", data["random_id"])
    assert {k: v["value"] for k, v in data["answers"].items()} == {
        "alpha-seen": 4,
        "alpha-talk": 2,
        "beta-seen": "dk",
    }
    # no time of day or date beyond the quarter, no storage key of the draft, no browser detail
    draft_keys = page.evaluate("() => Object.keys(localStorage)")
    assert draft_keys and all(k not in text for k in draft_keys if k != key)
    assert not re.search(r"\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}|T\d{2}", text)
    ua = page.evaluate("navigator.userAgent")
    assert "Chrome" not in text and ua not in text
    name = page.evaluate("() => document.querySelector('.sremgr-feedback').textContent")
    assert "team-pulse-" in name
    context.close()


def test_answers_survive_a_reload_before_sending_and_start_over_clears_them(
    browser: Any, site: Site, tmp_path: Path
) -> None:
    context = browser.new_context(accept_downloads=True)
    page = open_pulse(context, site)
    answer(page, {"alpha-seen": "5", "beta-seen": "dk"})
    page.reload()
    page.wait_for_selector(".sremgr-pulse[data-sremgr-pulse-ready]", state="attached")
    assert page.is_checked("#sremgr-team-pulse--alpha-seen--5")
    assert page.is_checked("#sremgr-team-pulse--beta-seen--dk")
    assert not page.is_checked("#sremgr-team-pulse--alpha-talk--3")
    # the keyboard: the arrow keys move within a statement's group, and that is kept too
    page.focus("#sremgr-team-pulse--alpha-seen--5")
    page.keyboard.press("ArrowLeft")
    assert page.is_checked("#sremgr-team-pulse--alpha-seen--4")
    # sent: locked, and still so after a reload; the same file again (same random id)
    first = json.loads(download(page, tmp_path / "one.json").read_text())
    assert page.is_disabled("#sremgr-team-pulse--alpha-talk--1")
    page.reload()
    page.wait_for_selector(".sremgr-pulse[data-sremgr-pulse-sent]", state="attached")
    assert page.is_checked("#sremgr-team-pulse--alpha-seen--4")
    assert page.is_disabled("#sremgr-team-pulse--alpha-seen--4")
    again = json.loads(download(page, tmp_path / "two.json").read_text())
    assert again == first
    # start over (after a question): unlocked, cleared, the draft gone from storage
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-sremgr-action="start-over"]')
    page.wait_for_selector(".sremgr-pulse:not([data-sremgr-pulse-sent])", state="attached")
    assert not page.is_checked("#sremgr-team-pulse--alpha-seen--4")
    assert not page.is_disabled("#sremgr-team-pulse--alpha-seen--4")
    assert (
        page.evaluate("() => Object.keys(localStorage).filter(k => k.endsWith(':pulse-draft'))")
        == []
    )
    answer(page, {"alpha-seen": "2"})
    fresh = json.loads(download(page, tmp_path / "three.json").read_text())
    assert fresh["random_id"] != first["random_id"]
    # damaged storage never breaks the page: it starts empty
    page.evaluate(
        "() => { for (const k of Object.keys(localStorage)) localStorage.setItem(k, '{bad'); }"
    )
    page.reload()
    page.wait_for_selector(".sremgr-pulse[data-sremgr-pulse-ready]", state="attached")
    assert not page.is_checked("#sremgr-team-pulse--alpha-seen--5")
    context.close()


def test_another_handbooks_or_quarters_answers_and_pasted_codes(
    browser: Any, site: Site, tmp_path: Path
) -> None:
    offsite: list[str] = []
    codes = []
    for values in ANSWERS:
        context = browser.new_context()
        offsite += block_offsite(context)
        page = open_pulse(context, site)
        answer(page, values)
        # the clipboard is refused here (no permission): the code shows, selected, to copy by hand
        page.click('[data-sremgr-action="copy-code"]')
        page.wait_for_selector(".sremgr-pulse-code:not([hidden])")
        codes.append(page.input_value(".sremgr-pulse-code-text"))
        assert page.is_disabled("#sremgr-team-pulse--alpha-seen--1")  # sent: locked
        context.close()
    assert all(c.startswith("sremgr-pulse1:") for c in codes)
    manager = browser.new_context()
    offsite += block_offsite(manager)
    page = open_dashboard(manager, site)
    key = page.get_attribute(".sremgr[data-sremgr-storage-key]", "data-sremgr-storage-key")
    fp = page.evaluate(
        "() => window.sremgrManifest.pulse.statements.find(s => s.id === 'alpha-seen').fp"
    )
    statements = {"alpha-seen": {"fp": fp, "value": 4}}
    quarter = page.get_attribute("[data-sremgr-quarter]", "data-sremgr-quarter")
    for name, over, why in (
        ("other-handbook.json", {"handbook": "sremgr:v1:someone-else"}, "another handbook"),
        ("other-quarter.json", {"quarter": "2001-Q1"}, "another quarter"),
    ):
        body = {
            "format": "mkdocs-sremgr-pulse",
            "version": 1,
            "handbook": key,
            "quarter": quarter,
            "random_id": "ab" * 16,
            "answers": statements,
            **over,
        }
        path = tmp_path / name
        path.write_text(json.dumps(body))
        add_files(page, [path])
        page.wait_for_selector(".sremgr-team .sremgr-feedback-bad")
        assert why in page.inner_text(".sremgr-team .sremgr-feedback")
        assert pulse_stored(page) is None
    page.fill("#sremgr-team-codes", "\n".join(codes[:2]))
    page.click('[data-sremgr-action="pulse-codes"]')
    page.wait_for_selector('[data-sremgr-team="needed"][data-sremgr-needed="1"]')
    page.fill("#sremgr-team-codes", codes[2])
    page.click('[data-sremgr-action="pulse-codes"]')
    page.wait_for_selector('[data-sremgr-team="shown"][data-sremgr-answers="3"]')
    # an answer file's text never reaches the page as HTML
    path = tmp_path / "hostile.json"
    path.write_text('<img src=x onerror="window.pwned=1">')
    add_files(page, [path])
    page.wait_for_function(
        "() => document.querySelector('.sremgr-team .sremgr-feedback').textContent"
        ".includes('hostile.json')"
    )
    assert page.locator(".sremgr-team img").count() == 0
    assert page.evaluate("window.pwned") is None
    assert offsite == []
    manager.close()


@pytest.fixture(scope="module")
def axe() -> str:
    """axe-core's script (test_a11y.py says where it comes from)."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `npm ci` to install axe-core")
    return AXE.read_text(encoding="utf-8")


def seeded_team(browser: Any, site: Site, tmp_path: Path, viewport: dict, scheme: str) -> Any:
    paths = answer_files(browser, site, tmp_path, [])
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = open_dashboard(context, site)
    add_files(page, paths)
    page.wait_for_selector('[data-sremgr-team="shown"]')
    add_files(page, paths[:1])  # refused: the answer in its bad state is checked too
    page.wait_for_selector(".sremgr-team .sremgr-feedback-bad")
    return page


@pytest.mark.parametrize(("viewport", "scheme"), VARIANTS)
def test_the_pulse_page_and_the_team_view_have_no_violation_of_ours(
    browser: Any, site: Site, axe: str, tmp_path: Path, viewport: dict, scheme: str
) -> None:
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = open_pulse(context, site)
    answer(page, {"alpha-seen": "4", "beta-seen": "dk"})
    page.click('[data-sremgr-action="copy-code"]')
    page.wait_for_selector(".sremgr-pulse-code:not([hidden])")
    where = f"pulse page {viewport['width']} {scheme}"
    assert axe_violations(page, axe, where) == [], where
    context.close()
    team = seeded_team(browser, site, tmp_path, viewport, scheme)
    team.locator(".sremgr-team").scroll_into_view_if_needed()
    where = f"team view {viewport['width']} {scheme}"
    assert axe_violations(team, axe, where) == [], where
    team.context.close()


def test_instant_navigation_binds_the_pulse_page_once(browser: Any, site: Site) -> None:
    """Material swaps the page in and runs its scripts again: the form binds, and only once."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site.url)
    instant_armed(page)
    page.evaluate("() => { window.sameWindow = true; }")

    def go(url: str) -> None:
        """Follows a link as a reader would: Material fetches the page and swaps it in."""
        page.evaluate(
            "url => { const a = document.createElement('a'); a.href = url;"
            " a.textContent = 'go'; document.querySelector('article').appendChild(a);"
            " a.click(); }",
            url,
        )

    go(site.url + PULSE_PAGE)
    page.wait_for_selector(".sremgr-pulse[data-sremgr-pulse-ready]", state="attached")
    assert page.evaluate("() => window.sameWindow === true")  # no full load
    answer(page, {"alpha-seen": "3"})
    assert page.locator(".sremgr-pulse-sent").count() == 1
    assert "1 of 3 answered." in page.inner_text(".sremgr-pulse .sremgr-feedback")
    # away and back again: bound once more, the answer still there
    go(site.url + "notes/")
    page.wait_for_selector(".sremgr-pulse", state="detached")
    go(site.url + PULSE_PAGE)
    page.wait_for_selector(".sremgr-pulse[data-sremgr-pulse-ready]", state="attached")
    assert page.evaluate("() => window.sameWindow === true")
    assert page.is_checked("#sremgr-team-pulse--alpha-seen--3")
    assert page.locator(".sremgr-pulse-sent").count() == 1
    context.close()


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """MkDocs' own theme, whose stylesheet and scripts know nothing of ours."""
    files = {"alpha.yml": ALPHA, "beta.yml": BETA, "pulse.yml": PULSE}
    built, server = serve_site(tmp_path_factory.mktemp("plain"), "mkdocs", files=files)
    yield built
    server.shutdown()
    server.server_close()


def test_the_default_theme_answers_and_counts_too(
    browser: Any, plain_site: Site, tmp_path: Path
) -> None:
    offsite: list[str] = []
    paths = answer_files(browser, plain_site, tmp_path, offsite)
    context = browser.new_context()
    offsite += block_offsite(context)
    page = open_dashboard(context, plain_site)
    add_files(page, paths)
    page.wait_for_selector('[data-sremgr-team="shown"][data-sremgr-answers="3"]')
    assert offsite == []
    context.close()


def test_a_german_site_answers_in_german(browser: Any, site: Site, tmp_path: Path) -> None:
    """The pulse script's own strings come with the site's data script for its language."""
    from language_scan import english_in

    files = {"alpha.yml": ALPHA, "beta.yml": BETA, "pulse.yml": PULSE}
    german, server = serve_site(tmp_path / "de", "material", files=files)
    config = german.root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("builtin: false", "builtin: false\n      language: de")
    )
    german.build()
    try:
        context = browser.new_context()
        page = open_pulse(context, german)
        answer(page, {"alpha-seen": "4"})
        page.click('[data-sremgr-action="copy-code"]')
        page.wait_for_selector(".sremgr-pulse-code:not([hidden])")
        texts = [
            page.inner_text(sel)
            for sel in (
                ".sremgr-pulse-quarter",
                ".sremgr-pulse .sremgr-feedback",
                ".sremgr-pulse-sent",
            )
        ]
        assert texts[0].startswith("Deine Antworten gelten für ")
        assert english_in(texts, "de") == []
        context.close()
    finally:
        server.shutdown()
        server.server_close()


def test_the_aggregates_go_into_the_snapshot_export_and_import(
    browser: Any, site: Site, tmp_path: Path
) -> None:
    paths = answer_files(browser, site, tmp_path, [])
    manager = browser.new_context(accept_downloads=True)
    page = open_dashboard(manager, site)
    add_files(page, paths)
    page.wait_for_selector('[data-sremgr-team="shown"][data-sremgr-answers="3"]')
    quarter = page.get_attribute("[data-sremgr-quarter]", "data-sremgr-quarter")
    kept = pulse_stored(page)
    # closing the quarter keeps the team's view per lesson (the close button shows once
    # something is started: one item ticked first)
    page.goto(site.url + "handbook/alpha/")
    ready(page)
    page.check("#sremgr-alpha--one")
    page = open_dashboard(manager, site)
    page.click('[data-sremgr-action="close"]')
    page.get_by_role("button", name="Keep my ticks").click()
    page.wait_for_function(
        "q => JSON.parse(localStorage.getItem(document.querySelector('.sremgr')"
        ".getAttribute('data-sremgr-storage-key'))).snapshots[q]",
        arg=quarter,
    )
    key = page.get_attribute(".sremgr[data-sremgr-storage-key]", "data-sremgr-storage-key")
    record = json.loads(page.evaluate("k => localStorage.getItem(k)", key))
    assert record["snapshots"][quarter]["pulse"] == {"answers": 3, "lessons": {"alpha": 63}}
    # the export carries the aggregates
    with page.expect_download() as info:
        page.click('[data-sremgr-action="export"]')
    exported = json.loads(Path(info.value.path()).read_text())
    assert exported["data"]["pulse"] == kept
    # a tampered aggregate refuses the whole import; a good one merges into another browser
    tampered = json.loads(json.dumps(exported))
    tampered["data"]["pulse"][quarter]["answers"] = 30
    other = browser.new_context()
    there = open_dashboard(other, site)
    bad = tmp_path / "tampered.json"
    bad.write_text(json.dumps(tampered))
    there.set_input_files("input.sremgr-file", str(bad))
    there.wait_for_selector(".sremgr-feedback.sremgr-feedback-bad")
    assert 'pulse › "' in there.inner_text(".sremgr-feedback.sremgr-feedback-bad")
    assert pulse_stored(there) is None
    good = tmp_path / "export.json"
    good.write_text(json.dumps(exported))
    there.set_input_files("input.sremgr-file", str(good))
    there.get_by_role("button", name="Merge").click()
    there.wait_for_selector('[data-sremgr-team="shown"][data-sremgr-answers="3"]')
    assert pulse_stored(there) == kept
    # the same answer files added there now are refused: they are in the merged aggregate
    add_files(there, paths[:1])
    there.wait_for_selector(".sremgr-team .sremgr-feedback-bad")
    assert "added already" in there.inner_text(".sremgr-team .sremgr-feedback")
    other.close()
    manager.close()


def test_a_damaged_stored_aggregate_is_said_kept_and_backed_up_before_counting_again(
    browser: Any, site: Site, tmp_path: Path
) -> None:
    paths = answer_files(browser, site, tmp_path, [])
    context = browser.new_context()
    page = open_dashboard(context, site)
    quarter = page.get_attribute("[data-sremgr-quarter]", "data-sremgr-quarter")
    key = page.get_attribute(".sremgr[data-sremgr-storage-key]", "data-sremgr-storage-key")
    broken = {"format": "mkdocs-sremgr-pulse-aggregate", "version": 1, "answers": "many"}
    page.evaluate(
        """([k, q, agg]) => {
          const d = JSON.parse(localStorage.getItem(k) || '{"version":1,"checklists":{}}');
          d.pulse = {[q]: agg};
          localStorage.setItem(k, JSON.stringify(d));
        }""",
        [key, quarter, broken],
    )
    page.reload()
    ready(page)
    page.wait_for_selector('[data-sremgr-team="bad"]')
    assert "cannot be read" in page.inner_text(".sremgr-team-results")
    assert pulse_stored(page) == {quarter: broken}  # shown, not overwritten unseen
    add_files(page, paths)
    page.wait_for_selector('[data-sremgr-team="shown"][data-sremgr-answers="3"]')
    backups = page.evaluate(
        "k => Object.keys(localStorage).filter(n => n.startsWith(k + ':backup:'))", key
    )
    assert len(backups) == 1
    kept = json.loads(page.evaluate("n => localStorage.getItem(n)", backups[0]))
    assert kept["pulse"] == {quarter: broken}
    context.close()


@pytest.mark.parametrize(("viewport", "scheme"), [v for v in VARIANTS if "light" in v.id])
def test_the_default_theme_pulse_page_and_team_view_have_no_violation_of_ours(
    browser: Any, plain_site: Site, axe: str, tmp_path: Path, viewport: dict, scheme: str
) -> None:
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = open_pulse(context, plain_site)
    answer(page, {"alpha-seen": "4"})
    page.click('[data-sremgr-action="download"]')
    where = f"default theme pulse page {viewport['width']}"
    assert axe_violations(page, axe, where) == [], where
    context.close()
    team = seeded_team(browser, plain_site, tmp_path, viewport, scheme)
    where = f"default theme team view {viewport['width']}"
    assert axe_violations(team, axe, where) == [], where
    team.context.close()


def test_answer_files_dropped_on_the_team_view_are_added(
    browser: Any, site: Site, tmp_path: Path
) -> None:
    paths = answer_files(browser, site, tmp_path, [])
    context = browser.new_context()
    page = open_dashboard(context, site)
    texts = [p.read_text() for p in paths]
    # a drop as the browser delivers it: a DataTransfer holding the files
    page.evaluate(
        """(texts) => {
          const dt = new DataTransfer();
          texts.forEach((t, i) => dt.items.add(new File([t], `p${i}.json`, {type: 'application/json'})));
          const zone = document.querySelector('.sremgr-team-drop');
          zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));
          zone.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
        }""",
        texts,
    )
    page.wait_for_selector('[data-sremgr-team="shown"][data-sremgr-answers="3"]')
    assert page.locator(".sremgr-team-drop.sremgr-team-over").count() == 0
    context.close()
