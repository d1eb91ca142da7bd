"""Two tabs writing at once lose nothing: every write is one change applied to a fresh read,
and a write built on a stale read is repaired by the tabs whose changes it erased.

On the old code each tab saved its whole in-memory record, so the last writer erased the
other tab's ticks (19 of 40 lost at the same instant, 3-4 of 20 while a note was typed).

Two pages of one Playwright context share one renderer process, whose localStorage never
hands out a stale copy: the race above never makes the stale write that tabs in two
processes can (browsers promise no more). So each test then makes one itself
(`stale_write`): one tab writes back a record it read before the race, as such a tab would,
and every tick and note must come back (store.js `repair`). With the repair disabled, both
tests fail at that step.
"""

from __future__ import annotations

import contextlib
import time
from typing import Any

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from conftest import ALPHA, ready, storage_key, stored

N = 40
WIDE = (
    "id: wide\ntitle: Wide\ncadence: weekly\nsections:\n  - id: all\n    title: All\n    items:\n"
    + "".join(f"      - id: i{n}\n        text: Item number {n}.\n" for n in range(N))
)

# Waits until the shared instant `at` (epoch ms), then clicks the given items one per `gap` ms.
CLICK_AT = """async ([at, ids, gap]) => {
  await new Promise(r => setTimeout(r, Math.max(0, at - Date.now())));
  for (const id of ids) {
    document.getElementById('sremgr-wide--' + id).click();
    if (gap) await new Promise(r => setTimeout(r, gap));
  }
}"""


def two_tabs(make_site: Any, context: Any) -> tuple[Any, Any, Any]:
    site = make_site(files={"alpha.yml": ALPHA, "wide.yml": WIDE})
    tabs = context.new_page(), context.new_page()
    for tab in tabs:
        tab.goto(f"{site.url}handbook/wide/")
        ready(tab)
    return site, *tabs


def shows(page: Any, n: int) -> None:
    """The page shows `n` ticked boxes within a few seconds (with what it shows if not)."""
    try:
        page.wait_for_function(
            f"document.querySelectorAll('.sremgr-check:checked').length === {n}", timeout=5000
        )
    except Exception as error:
        count = page.locator(".sremgr-check:checked").count()
        mine = len(ticked(page))
        page.reload()
        ready(page)
        after = page.locator(".sremgr-check:checked").count()
        raise AssertionError(
            f"shows {count} of {n}; its storage has {mine}; after a reload it shows {after}"
        ) from error


# True once storage holds every item of `ids` as done (and item i0's note, when given).
SETTLED = """([key, ids, note]) => {
  const raw = localStorage.getItem(key);
  const items = (raw && JSON.parse(raw).checklists?.wide?.items) || {};
  return ids.every(id => items[id]?.state === 'done') && (note === null || items.i0?.note === note);
}"""


def settles(page: Any, ids: list[str], note: str | None = None) -> None:
    """Waits (up to 5 s) until storage holds what both tabs wrote: a tab's repair of another
    tab's stale write runs just after it (store.js `afterWrite`). The caller asserts after,
    so a loss is reported with what storage holds."""
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(
            SETTLED, arg=[storage_key(page), ids, note], polling=50, timeout=5000
        )


def snapshot(page: Any) -> str:
    """The stored record as it is now, for `stale_write` (a record must be there already)."""
    raw = page.evaluate("k => localStorage.getItem(k)", storage_key(page))
    assert raw is not None
    return str(raw)


def stale_write(page: Any, raw: str) -> None:
    """`page` writes back `raw`, an older read: what a tab in another process does when its
    fresh read was stale. The other tab hears it as a storage event, this tab does not."""
    page.evaluate("([k, raw]) => localStorage.setItem(k, raw)", [storage_key(page), raw])


def stored_before_the_race(page: Any) -> str:
    """Marks the checklist reviewed (so that a record is stored) and returns that record."""
    page.click('[data-sremgr-action="reviewed"]')
    page.wait_for_function("k => localStorage.getItem(k) !== null", arg=storage_key(page))
    return snapshot(page)


def ticked(page: Any) -> set[str]:
    items = stored(page)["checklists"]["wide"]["items"]
    return {iid for iid, r in items.items() if r.get("state") == "done"}


def test_two_tabs_clicking_at_the_same_instant_lose_no_tick(make_site: Any, context: Any) -> None:
    _, first, second = two_tabs(make_site, context)
    ids = [f"i{n}" for n in range(N)]
    before = stored_before_the_race(second)
    at = int(time.time() * 1000) + 400
    one = first.evaluate_handle(f"({CLICK_AT})({[at, ids[0::2], 0]})")
    two = second.evaluate_handle(f"({CLICK_AT})({[at, ids[1::2], 0]})")
    for handle in (one, two):
        handle.evaluate("p => p")
    settles(first, ids)
    assert ticked(first) == set(ids)
    for tab in (first, second):  # and both pages show it, without a reload
        shows(tab, N)
    # A stale write erases all 40 ticks: each tab brings its own 20 back.
    stale_write(second, before)
    settles(first, ids)
    assert ticked(first) == set(ids)
    for tab in (first, second):
        shows(tab, N)
    first.reload()
    ready(first)
    assert first.locator(".sremgr-check:checked").count() == N


# Types `text` into the item's note one character per `gap` ms from the instant `at`.
TYPE_AT = """async ([at, id, text, gap]) => {
  const box = document.querySelector(`li[data-sremgr-item="${id}"] textarea.sremgr-note`);
  await new Promise(r => setTimeout(r, Math.max(0, at - Date.now())));
  for (let i = 1; i <= text.length; i++) {
    box.value = text.slice(0, i);
    box.dispatchEvent(new Event('input', {bubbles: true}));
    if (gap) await new Promise(r => setTimeout(r, gap));
  }
}"""
NOTE = "Evidence: the rota is in the wiki."


def test_a_note_typed_in_one_tab_while_the_other_ticks(make_site: Any, context: Any) -> None:
    """Both tabs write as fast as they can from the same instant, a few rounds over: on the old
    code one of these runs lost ticks or the note about one time in three."""
    _, first, second = two_tabs(make_site, context)
    ids = [f"i{n}" for n in range(1, 21)]
    for round_ in range(8):
        if round_:
            first.evaluate("localStorage.clear()")
            for tab in (first, second):
                tab.reload()
                ready(tab)
        before = stored_before_the_race(second)
        first.click('li[data-sremgr-item="i0"] [data-sremgr-action="note"]')
        at = int(time.time() * 1000) + 300
        typing = first.evaluate_handle(f"({TYPE_AT})({[at, 'i0', NOTE, 0]})")
        ticking = second.evaluate_handle(f"({CLICK_AT})({[at, ids, 0]})")
        for handle in (typing, ticking):
            handle.evaluate("p => p")
        settles(second, ids, NOTE)
        assert ticked(second) == set(ids), f"round {round_}"
        assert stored(second)["checklists"]["wide"]["items"]["i0"]["note"] == NOTE
        shows(first, 20)
        assert second.locator(".sremgr-check:checked").count() == 20
        # A stale write erases the note and the ticks: the typing tab brings the note back,
        # the ticking tab its ticks.
        stale_write(second, before)
        settles(second, ids, NOTE)
        assert ticked(second) == set(ids), f"round {round_}, after a stale write"
        assert stored(second)["checklists"]["wide"]["items"]["i0"]["note"] == NOTE
        shows(first, 20)
