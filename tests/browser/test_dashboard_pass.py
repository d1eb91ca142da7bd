"""Issue 21, the dashboard pass: problems 1 (a history chart a person can read), 6 (a calm
first visit) and 9 (print for a 1:1), each driven in Chromium on the built-in pack, in both
themes, as docs/quarterly-review.md describes them.

The record is the issue's: three closed quarters, three checklists started (Guard your
calendar far ahead, Prioritize one-on-ones and Be on call close together), ten never touched.
"""

# ruff: noqa: F811  (the tests take test_a11y's fixtures, imported above, as arguments)
from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from datetime import datetime, timezone
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

# axe_source and pack_site are test_a11y's fixtures, shared.
from test_a11y import DASHBOARD, DESKTOP, PHONE, axe_source, axe_violations, pack_site  # noqa: F401

from conftest import _free_port, _Handler, ready
from german_site import write_german_site
from interop_sites import build_site
from language_scan import english_in

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
AT = "2026-11-02T09:00:00.000Z"
#: the share of each started checklist's items done at Q1, Q2, Q3 and now
STARTED = {
    "guard-your-calendar": (0.2, 0.4, 0.6, 0.8),
    "prioritize-one-on-ones": (0.1, 0.3, 0.3, 0.43),
    "be-on-call": (0.0, 0.2, 0.3, 0.4),
}
NOTE = "Covered Sam's Saturday shift; ask about the handover."


def items_of(checklist: dict[str, Any]) -> list[dict[str, Any]]:
    return [i for s in checklist["sections"] for i in s["items"]]


def issue_record(site_dir: Path, started: dict[str, tuple[float, ...]] = STARTED) -> dict[str, Any]:
    """Three closed quarters and this one: `started` worked on, every other checklist never."""
    manifest = json.loads((site_dir / "assets" / "sremgr" / "manifest.json").read_text())
    snapshots: dict[str, Any] = {}
    current: dict[str, Any] = {}
    for q, period in enumerate(["2026-Q1", "2026-Q2", "2026-Q3"]):
        closed = {}
        for c in manifest["checklists"]:
            ids = [i["id"] for i in items_of(c)]
            done = ids[: round(started.get(c["id"], (0, 0, 0, 0))[q] * len(ids))]
            closed[c["id"]] = {
                "done": done,
                "total": len(ids),
                "score": 100 * len(done) // len(ids),
            }
        snapshots[period] = {"closed": f"2026-0{3 * q + 3}-28T09:00:00.000Z", "checklists": closed}
    for c in manifest["checklists"]:
        if c["id"] not in started:
            continue
        items = items_of(c)
        mine = {
            i["id"]: {"state": "done", "changed": AT, "fp": i["fp"]}
            for i in items[: round(started[c["id"]][3] * len(items))]
        }
        if c["id"] == "be-on-call":
            mine[items[1]["id"]]["note"] = NOTE
            mine[items[-1]["id"]] = {"state": "na", "changed": AT, "fp": items[-1]["fp"]}
            mine[items[-2]["id"]] = {"state": "quiet", "changed": AT, "fp": items[-2]["fp"]}
        current[c["id"]] = {"items": mine}
    return {
        "version": 1,
        "checklists": current,
        "snapshots": snapshots,
        "meta": {"created": "2026-01-05T09:00:00.000Z", "exported": AT},
    }


def open_with(
    browser: Any,
    url: str,
    record: dict[str, Any] | None,
    viewport: dict,
    scheme: str = "light",
    touch: bool = False,
) -> Any:
    """A page at `url` in 2026-Q4 with `record` stored (None: nothing stored)."""
    context = browser.new_context(viewport=viewport, color_scheme=scheme, has_touch=touch)
    page = context.new_page()
    page.clock.install(time=NOW)
    page.goto(url)
    ready(page)
    key = page.get_attribute("[data-sremgr-storage-key]", "data-sremgr-storage-key")
    page.evaluate(
        "([k, v]) => { localStorage.clear(); if (v) localStorage.setItem(k, v) }",
        [key, record and json.dumps(record)],
    )
    page.reload()
    ready(page)
    return page


# The history chart's text: every label's box, and the drawing's own.
BOXES = """() => {
  const svg = document.querySelector('.sremgr-charts svg.sremgr-chart');
  const r = svg.getBoundingClientRect();
  return {svg: [r.left, r.top, r.right, r.bottom],
          texts: [...svg.querySelectorAll('text')].map(t => {
            const b = t.getBoundingClientRect();
            const text = [...t.childNodes].filter(n => n.nodeName !== 'title')
              .map(n => n.textContent).join(' ');
            return {text, box: [b.left, b.top, b.right, b.bottom]};
          })};
}"""


def overlaps(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_1_history_labels_never_collide_nor_leave_the_chart(
    browser: Any, pack_site: Any, viewport: dict
) -> None:
    page = open_with(browser, pack_site.url + DASHBOARD, issue_record(pack_site.site_dir), viewport)
    page.wait_for_selector(".sremgr-charts svg.sremgr-chart")
    found = page.evaluate(BOXES)
    svg, texts = found["svg"], found["texts"]
    for t in texts:
        box = t["box"]
        inside = (
            box[0] >= svg[0] - 0.5
            and box[2] <= svg[2] + 0.5
            and box[1] >= svg[1] - 0.5
            and box[3] <= svg[3] + 0.5
        )
        assert inside, f"{t['text']!r} runs past the chart: {box} not in {svg}"
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            assert not overlaps(a["box"], b["box"]), f"{a['text']!r} overlaps {b['text']!r}"
    # The ten untouched checklists: one label, not ten "0% …".
    zeros = [t["text"] for t in texts if re.match(r"0\s?% \S", t["text"])]
    manifest = json.loads((pack_site.site_dir / "assets" / "sremgr" / "manifest.json").read_text())
    assert zeros == [f"0% {len(manifest['checklists']) - len(STARTED)} not started"], zeros
    page.context.close()


def test_1_a_line_is_picked_by_keyboard_and_by_touch(browser: Any, pack_site: Any) -> None:
    page = open_with(
        browser, pack_site.url + DASHBOARD, issue_record(pack_site.site_dir), PHONE, touch=True
    )
    chart = ".sremgr-charts svg.sremgr-chart"
    page.wait_for_selector(chart)
    group = page.get_by_role("group", name="Highlight a line")
    guard = group.get_by_role("button", name="Guard your calendar")
    guard.focus()
    page.keyboard.press("Enter")
    assert guard.get_attribute("aria-pressed") == "true"
    picked = page.locator(f"{chart} g.sremgr-picked[data-series='guard-your-calendar']")
    assert picked.count() == 2, "the line and its label stand out"
    assert page.locator(f"{chart} g.sremgr-dim[data-series='be-on-call']").count() == 2
    # A repaint (here a narrower screen) keeps the pick and the focus.
    drawn = page.get_attribute(chart, "width")
    page.set_viewport_size({"width": 340, "height": 844})
    page.wait_for_function(f"document.querySelector({chart!r}).getAttribute('width') !== {drawn!r}")
    assert (
        page.evaluate("document.activeElement.getAttribute('data-series')") == "guard-your-calendar"
    )
    assert guard.get_attribute("aria-pressed") == "true" and picked.count() == 2
    # A tap on another name picks that one; the same again shows every line alike.
    be = group.get_by_role("button", name="Be on call")
    be.tap()
    assert (
        be.get_attribute("aria-pressed") == "true"
        and guard.get_attribute("aria-pressed") == "false"
    )
    assert page.locator(f"{chart} g.sremgr-picked[data-series='be-on-call']").count() == 2
    be.tap()
    assert page.locator(f"{chart} g.sremgr-picked, {chart} g.sremgr-dim").count() == 0
    page.context.close()


def test_1_printed_text_is_not_outlined_and_headings_stay_with_their_charts(
    browser: Any, pack_site: Any
) -> None:
    page = open_with(browser, pack_site.url + DASHBOARD, issue_record(pack_site.site_dir), DESKTOP)
    page.wait_for_selector(".sremgr-charts svg.sremgr-chart")
    page.emulate_media(media="print")
    strokes = page.evaluate(
        "() => [...document.querySelectorAll('.sremgr-chart text')].map(t => [t.textContent,"
        " getComputedStyle(t).stroke, getComputedStyle(t).display])"
    )
    outlined = [
        (text, stroke)
        for text, stroke, _ in strokes
        if stroke not in ("none", "rgb(255, 255, 255)")
    ]
    assert not outlined, outlined[:5]
    kept = page.evaluate(
        "() => [...document.querySelectorAll('.sremgr-charts h2')].map(h => {"
        " const block = h.parentElement;"
        " return [h.textContent, getComputedStyle(block).breakInside,"
        "  !!block.querySelector('svg.sremgr-chart'), getComputedStyle(h).breakAfter] })"
    )
    assert len(kept) == 2, kept
    for heading, inside, has_chart, after in kept:
        assert inside == "avoid" and has_chart and after == "avoid", heading
    page.context.close()


def test_6_a_first_visit_shows_no_empty_chart(browser: Any, pack_site: Any) -> None:
    page = open_with(browser, pack_site.url + DASHBOARD, None, DESKTOP)
    page.wait_for_selector(".sremgr-summary-panel h2")
    assert page.locator(".sremgr-dashboard svg").count() == 0, "no chart before there is a quarter"
    assert page.locator(".sremgr-tag-list").count() == 0, "no tags all at 0%"
    later = page.locator(".sremgr-charts .sremgr-charts-later")
    assert later.count() == 1 and "once a quarter is closed" in later.text_content()
    height = page.evaluate(
        "() => document.querySelector('.sremgr-charts').getBoundingClientRect().height"
        " + document.querySelector('.sremgr-extra').getBoundingClientRect().height"
    )
    assert height < 150, height
    # The first close brings the radar (this quarter on record); the history waits for a second point.
    page.goto(pack_site.url + "handbook/be-on-call/")
    ready(page)
    page.locator("input.sremgr-check").first.check()
    page.goto(pack_site.url + DASHBOARD)
    ready(page)
    page.click('[data-sremgr-action="close"]')
    page.get_by_role("button", name="Keep my ticks").click()
    page.wait_for_selector("svg.sremgr-radar")
    assert page.locator(".sremgr-charts svg.sremgr-chart").count() == 1
    assert "next quarter" in page.locator(".sremgr-charts-later").text_content()
    assert page.locator(".sremgr-tag-list").count() == 1, "tags once something is started"
    page.context.close()


def pages(pdf: bytes) -> int:
    """Pages in a PDF, counted in its bytes (Chromium writes each page object plainly)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def test_9_the_largest_checklist_prints_on_two_a4_pages(browser: Any, pack_site: Any) -> None:
    manifest = json.loads((pack_site.site_dir / "assets" / "sremgr" / "manifest.json").read_text())
    largest = max(manifest["checklists"], key=lambda c: sum(len(i["text"]) for i in items_of(c)))
    items = items_of(largest)
    # Half ticked, one not for me, one that did not come up, a note on three items.
    mine: dict[str, Any] = {
        i["id"]: {"state": "done", "changed": AT, "fp": i["fp"]} for i in items[::2]
    }
    mine[items[1]["id"]] = {"state": "na", "changed": AT, "fp": items[1]["fp"]}
    mine[items[3]["id"]] = {"state": "quiet", "changed": AT, "fp": items[3]["fp"]}
    for i in items[:6:2]:
        mine[i["id"]]["note"] = (
            "Talked it through with Sam on Tuesday; the next step is in the team doc."
        )
    record = {
        "version": 1,
        "checklists": {largest["id"]: {"items": mine}},
        "snapshots": {},
        "meta": {},
    }
    page = open_with(browser, pack_site.url + f"handbook/{largest['id']}/", record, DESKTOP)
    page.wait_for_selector("textarea.sremgr-note")
    page.emulate_media(media="print")
    shown = page.evaluate("() => document.querySelector('.sremgr-checklist').innerText")
    assert "Sam on Tuesday" in page.evaluate(
        "() => [...document.querySelectorAll('textarea.sremgr-note')].map(t => t.value).join(' ')"
    )
    assert items[-1]["text"].split()[-1].strip(".") in shown, "every item prints"
    assert page.locator("textarea.sremgr-note").first.is_visible(), "notes print"
    count = pages(page.pdf(format="A4"))
    assert count <= 2, f"{largest['id']} prints on {count} A4 pages"
    page.context.close()


def test_9_the_dashboard_prints_the_quarter_on_one_page(browser: Any, pack_site: Any) -> None:
    page = open_with(browser, pack_site.url + DASHBOARD, issue_record(pack_site.site_dir), DESKTOP)
    page.wait_for_selector(".sremgr-charts svg.sremgr-chart")
    page.emulate_media(media="print")
    sheet = page.locator(".sremgr-sheet")
    assert sheet.is_visible(), "the quarter on a page prints"
    text = sheet.inner_text()
    assert "2026-Q4 on a page" in text
    rows = page.locator(".sremgr-sheet-scores tbody tr").all_inner_texts()
    guard = next(r for r in rows if r.startswith("Guard your calendar")).split("\t")
    now, before = (int(re.findall(r"(\d+)%", cell)[-1]) for cell in guard[1:3])
    assert before == 60 and guard[3] == f"▲ +{now - before}", (
        guard
    )  # now, the last close, the change
    manifest = json.loads((pack_site.site_dir / "assets" / "sremgr" / "manifest.json").read_text())
    untouched = len(manifest["checklists"]) - len(STARTED)
    assert f"Not started ({untouched}): " in text, "the untouched ones in one line"
    assert len(rows) == 1 + len(STARTED), rows
    assert NOTE in text and "(not for me)" in text and "(didn't come up this quarter)" in text
    # No pulse answer this quarter: no team line, no team column.
    assert page.locator(".sremgr-sheet .sremgr-sheet-team, [data-sremgr-team-cell]").count() == 0
    # Alone, the sheet is one A4 page; the charts follow on pages of their own.
    page.add_style_tag(content="@media print { .sremgr-charts { display: none !important } }")
    assert pages(page.pdf(format="A4")) == 1
    page.context.close()


@pytest.fixture(params=["material", "mkdocs"])
def german(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    site = build_site(write_german_site(tmp_path, request.param))
    port = _free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(_Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}/", site
    server.shutdown()
    server.server_close()


# What prints: the text shown under print media, and any text the stylesheet adds.
PRINTED = """() => {
  const out = [];
  for (const root of document.querySelectorAll('.sremgr')) {
    out.push(root.innerText);
    for (const el of root.querySelectorAll('*'))
      for (const pseudo of ['::before', '::after']) {
        const c = getComputedStyle(el, pseudo).content;
        if (c && c !== 'none' && c !== 'normal' && c !== '""') out.push(c);
      }
  }
  return out.filter(Boolean);
}"""


def test_9_print_speaks_the_page_language(browser: Any, german: tuple[str, Path]) -> None:
    url, site = german
    record = issue_record(site, {"betrieb": (0.3, 0.3, 0.3, 0.5), "menschen": (0, 0, 1, 1)})
    record["checklists"]["betrieb"]["items"]["bericht"] = {"state": "na", "changed": AT}
    record["checklists"]["betrieb"]["items"]["plan"] = {
        "state": "done",
        "changed": AT,
        "note": "Mit Sam besprochen",
    }
    printed: list[str] = []
    for path in ("handbook/betrieb/", "handbook/dashboard/"):
        page = open_with(browser, url + path, record, DESKTOP)
        page.emulate_media(media="print")
        printed += page.evaluate(PRINTED)
        page.context.close()
    text = " ".join(printed)
    assert "2026-Q4 auf einer Seite" in text and "Meine Notizen" in text, text[:400]
    assert "(nicht für mich)" in text and "Mit Sam besprochen" in text
    hits = english_in(printed, "de")
    assert hits == [], hits


@pytest.mark.parametrize("path", [DASHBOARD, "handbook/be-on-call/"])
def test_9_the_print_view_has_no_violation_of_ours(
    browser: Any,
    pack_site: Any,
    axe_source: str,
    path: str,
) -> None:
    page = open_with(browser, pack_site.url + path, issue_record(pack_site.site_dir), DESKTOP)
    page.emulate_media(media="print")
    violations = axe_violations(page, axe_source, f"{pack_site.theme} print {path}")
    assert not violations, "\n".join(violations)
    page.context.close()
