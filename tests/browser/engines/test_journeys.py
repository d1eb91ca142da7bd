"""The core journeys in Firefox, WebKit and Chromium: tick and reload, two windows at once,
export, reset and import. Written against the DOM contract (docs/design.md, "Rendered HTML"),
the dashboard attributes the Chromium tests in tests/browser also read, and what a reader
sees, never against the script's internal names, so they outlive a rewrite of the script.

Chromium runs many more journeys through Playwright in tests/browser.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ALPHA, BETA, Site, serve_site

pytestmark = [pytest.mark.browser, pytest.mark.engines]

KEY = "sremgr:v1:test-handbook"
ITEMS = 40  # 20 ticked from each window


def many_items() -> str:
    items = "".join(
        f"      - id: i{n:02d}\n        text: Item number {n}.\n" for n in range(1, ITEMS + 1)
    )
    return (
        "id: many\ntitle: Many checks\ncadence: weekly\norder: 3\n"
        f"sections:\n  - id: all\n    title: All of them\n    items:\n{items}"
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    files = {"alpha.yml": ALPHA, "beta.yml": BETA, "many.yml": many_items()}
    built, server = serve_site(tmp_path_factory.mktemp("engines"), "material", files=files)
    yield built
    server.shutdown()
    server.server_close()


# ---------------------------------------------------------------- small helpers


def wait(driver: WebDriver, seconds: float = 10) -> WebDriverWait:
    return WebDriverWait(driver, seconds, poll_frequency=0.05)


def ready(driver: WebDriver) -> None:
    """The script has bound the page (it marks the root with data-sremgr-ready)."""
    wait(driver).until(
        lambda d: d.execute_script("return !!document.querySelector('.sremgr[data-sremgr-ready]')")
    )


def visit(driver: WebDriver, site: Site, path: str) -> None:
    driver.get(site.url + path)
    ready(driver)


def fresh(driver: WebDriver, site: Site, path: str) -> None:
    """`path` with this handbook's storage empty (one browser serves every test of an engine)."""
    driver.get(site.url + path)
    driver.execute_script("localStorage.clear()")
    driver.refresh()
    ready(driver)


def stored(driver: WebDriver, key: str = KEY) -> Any:
    raw = driver.execute_script("return localStorage.getItem(arguments[0])", key)
    return None if raw is None else json.loads(raw)


def backups(driver: WebDriver) -> list[str]:
    return sorted(
        driver.execute_script(
            "return Object.keys(localStorage).filter(k => k.startsWith(arguments[0] + ':backup:'))",
            KEY,
        )
    )


def states(driver: WebDriver, checklist: str) -> dict[str, str]:
    data = stored(driver) or {}
    items = data.get("checklists", {}).get(checklist, {}).get("items", {})
    return {item: record.get("state") for item, record in items.items()}


def checked(driver: WebDriver) -> set[str]:
    """Ids of the items whose box is ticked on the page."""
    return set(
        driver.execute_script(
            "return [...document.querySelectorAll('li[data-sremgr-item]')]"
            ".filter(li => li.querySelector('input[type=checkbox]').checked)"
            ".map(li => li.getAttribute('data-sremgr-item'))"
        )
    )


def tick(driver: WebDriver, checklist: str, item: str) -> None:
    driver.find_element(By.ID, f"sremgr-{checklist}--{item}").click()


def action(driver: WebDriver, name: str) -> None:
    driver.find_element(By.CSS_SELECTOR, f'[data-sremgr-action="{name}"]').click()


def answer_confirm(driver: WebDriver, accept: bool) -> str:
    alert = wait(driver, 5).until(
        expected_conditions.alert_is_present(), "no confirmation dialog appeared"
    )
    text = alert.text
    if accept:
        alert.accept()
    else:
        alert.dismiss()
    return text


def choose(driver: WebDriver, label: str) -> None:
    """Clicks the button a reader reads as `label` (the import question's answers)."""
    button = wait(driver, 5).until(
        lambda d: next(
            (b for b in d.find_elements(By.CSS_SELECTOR, ".sremgr button") if b.text == label),
            None,
        )
    )
    # Centred first: scrolled only to the top edge, Firefox leaves it under Material's header.
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()


def score(driver: WebDriver, checklist: str) -> str | None:
    selector = f'li[data-sremgr-checklist="{checklist}"][data-sremgr-score]'
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, selector))
    return driver.find_element(By.CSS_SELECTOR, selector).get_attribute("data-sremgr-score")


def notice(driver: WebDriver) -> str:
    """The answer under the dashboard's toolbar: an action's one answer (issue 21)."""
    return str(
        wait(driver, 5).until(
            lambda d: d.execute_script(
                "const n = document.querySelector("
                "'.sremgr-summary-panel ~ .sremgr-toolbar + .sremgr-feedback');"
                "return n && n.textContent"
            )
        )
    )


def screenshot(driver: WebDriver, path: Path) -> None:
    """Saves the page as painted: two animation frames first, or WebKit may show the old one."""
    driver.execute_async_script(
        "const done = arguments[0];requestAnimationFrame(() => requestAnimationFrame(() => done()))"
    )
    driver.save_screenshot(str(path))


# ---------------------------------------------------------------- journeys


def test_tick_survives_a_reload(
    driver: WebDriver, site: Site, engine: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    fresh(driver, site, "handbook/alpha/")
    tick(driver, "alpha", "one")
    tick(driver, "alpha", "three")
    tick(driver, "alpha", "three")  # ticked and unticked again
    assert states(driver, "alpha") == {"one": "done", "three": "open"}
    driver.refresh()
    ready(driver)
    assert checked(driver) == {"one"}
    assert driver.find_element(By.ID, "sremgr-alpha--one").is_selected()
    assert states(driver, "alpha") == {"one": "done", "three": "open"}
    # For a person to look at: the ticked page as this engine paints it.
    folder = tmp_path_factory.getbasetemp() / "screenshots"
    folder.mkdir(exist_ok=True)
    shot = folder / f"{engine}-ticked.png"
    screenshot(driver, shot)
    assert shot.read_bytes().startswith(b"\x89PNG")


# Each window runs its burst of changes synchronously, starting at the same instant of
# the shared clock, the way two tabs of one handbook can: `ticks` are checkbox ids to click,
# `note` is [item id, text] to type into that item's open note, one input event per letter.
BURST = """
const [ticks, note, at] = arguments;
window.__sremgrBurst = null;
const go = () => {
  while (Date.now() < at) {}  // spin to the shared instant
  const started = Date.now();
  for (const id of ticks) document.getElementById(id).click();
  if (note) {
    const box = document.querySelector(`li[data-sremgr-item="${note[0]}"] textarea`);
    for (const letter of note[1]) {
      box.value += letter;
      box.dispatchEvent(new Event("input", {bubbles: true}));
    }
  }
  window.__sremgrBurst = [started, Date.now()];
};
// Wake early and spin: a window that is not in front may run its timers late (WebKit's by
// hundreds of milliseconds on a busy machine).
setTimeout(go, Math.max(0, at - Date.now() - 1500));
"""


def open_note(driver: WebDriver, item: str) -> None:
    driver.find_element(
        By.CSS_SELECTOR, f'li[data-sremgr-item="{item}"] [data-sremgr-action="note"]'
    ).click()
    wait(driver, 5).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, f'li[data-sremgr-item="{item}"] textarea')
    )


# Instrumentation, installed in each racing window before its burst: whether the engine has
# the Web Locks API, every write and read of the handbook's entry and every storage event,
# each as [time, ticks done in "many" in the value]. A failure prints both windows' logs.
DEBUG = """
const key = arguments[0];
const log = window.__sremgrDebug = {locks: !!navigator.locks, writes: [], reads: [], events: []};
const done = (raw) => {
  try {
    const items = JSON.parse(raw).checklists.many.items;
    return Object.values(items).filter((r) => r.state === "done").length;
  } catch { return raw === null ? null : 0; }
};
const {getItem, setItem} = Storage.prototype;
Storage.prototype.setItem = function (k, v) {
  if (k === key) log.writes.push([Date.now(), done(v)]);
  return setItem.call(this, k, v);
};
Storage.prototype.getItem = function (k) {
  const v = getItem.call(this, k);
  if (k === key) log.reads.push([Date.now(), done(v)]);
  return v;
};
const shown = () => document.querySelectorAll("input.sremgr-check:checked").length;
// Registered after the page's own listener: `shown` is what the page painted for the event.
addEventListener("storage", (e) => log.events.push([Date.now(), done(e.newValue), shown()]));
log.errors = [];
addEventListener("error", (e) => log.errors.push(String(e.message)));
addEventListener("unhandledrejection", (e) => log.errors.push(String(e.reason)));
"""


def evidence(driver: WebDriver, handles: tuple[str, str]) -> str:
    """What each racing window did and saw (DEBUG), and what it reads now, for a failure."""
    lines = []
    for handle in handles:
        driver.switch_to.window(handle)
        log = driver.execute_script("return window.__sremgrDebug")
        now = sorted(i for i, state in states(driver, "many").items() if state == "done")
        lines.append(
            f"window {handle}: {json.dumps(log)}; storage now {now}; shows {checked(driver)}"
        )
    return "\n".join(lines)


def race(
    driver: WebDriver, site: Site, first: tuple[list[str], Any], second: tuple[list[str], Any]
) -> tuple[str, str]:
    """Opens the "many" checklist in two windows and runs burst `first` in one and `second`
    in the other at one shared instant; returns the two window handles.

    The bursts must really overlap, or the test would prove nothing: when a busy machine
    starts them apart, it tries again from empty storage, five times at most.
    """
    fresh(driver, site, "handbook/many/")
    opener = driver.current_window_handle
    driver.switch_to.new_window("window")
    handles = (opener, driver.current_window_handle)
    bursts = dict(zip(handles, (first, second), strict=True))
    ran: dict[str, Any] = {}
    for _attempt in range(5):
        # Start from empty storage with no page of an earlier attempt still open: an open page
        # hears of the clear and may still hold work of its own (engine tests once saw the
        # earlier attempt's ticks back before the burst, which then unticked them).
        for handle in handles:
            driver.switch_to.window(handle)
            driver.get("about:blank")
        driver.switch_to.window(opener)
        fresh(driver, site, "handbook/many/")
        for handle, (_, note) in bursts.items():
            driver.switch_to.window(handle)
            if handle != opener:
                visit(driver, site, "handbook/many/")
            driver.execute_script(DEBUG, KEY)
            if note:
                open_note(driver, note[0])
            assert (checked(driver), stored(driver)) == (set(), None), "the race starts dirty"
        at = driver.execute_script("return Date.now()") + 2500
        for handle, (ticks, note) in bursts.items():
            driver.switch_to.window(handle)
            driver.execute_script(BURST, [f"sremgr-many--{i}" for i in ticks], note, at)
        for handle in handles:
            driver.switch_to.window(handle)
            ran[handle] = wait(driver).until(
                lambda d: d.execute_script("return window.__sremgrBurst")
            )
        starts = [started for started, _ in ran.values()]
        if max(starts) - min(starts) <= 20:
            return handles
    pytest.fail(f"the two windows never started their bursts together: {ran}")


def states_of(driver: WebDriver) -> dict[str, Any]:
    data = stored(driver) or {}
    return dict(data.get("checklists", {}).get("many", {}).get("items", {}))


def wait_for(read: Any, expected: Any, seconds: float = 5) -> Any:
    """`read()` once it returns `expected`, or its last value after `seconds`."""
    deadline = time.monotonic() + seconds
    while (value := read()) != expected and time.monotonic() < deadline:
        time.sleep(0.1)
    return value


def lost_ticks(driver: WebDriver, ids: list[str], seconds: float = 5) -> list[str]:
    """The items of `ids` storage does not hold as done, once writes have had `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        done = {i for i, state in states(driver, "many").items() if state == "done"}
        lost = sorted(set(ids) - done)
        if not lost or time.monotonic() > deadline:
            return lost
        time.sleep(0.1)


def test_two_windows_ticking_at_once_lose_nothing(driver: WebDriver, site: Site) -> None:
    ids = [f"i{n:02d}" for n in range(1, ITEMS + 1)]
    # Interleaved, so neighbouring items race too.
    first, second = race(driver, site, (ids[0::2], None), (ids[1::2], None))
    lost = lost_ticks(driver, ids)
    assert lost == [], f"storage lost {len(lost)} of {ITEMS} ticks: {lost}\n" + evidence(
        driver, (first, second)
    )
    for handle in (first, second):
        driver.switch_to.window(handle)
        shown = wait_for(lambda: checked(driver), set(ids))
        assert shown == set(ids), f"a window shows {len(shown)} of {len(ids)} ticks\n" + evidence(
            driver, (first, second)
        )
    driver.refresh()
    ready(driver)
    assert checked(driver) == set(ids)


def test_a_note_typed_in_one_window_while_the_other_ticks_loses_nothing(
    driver: WebDriver, site: Site
) -> None:
    ids = [f"i{n:02d}" for n in range(2, 22)]
    text = "Spoke with the on-call team"
    first, second = race(driver, site, ([], ["i01", text]), (ids, None))
    lost = lost_ticks(driver, ids)
    assert lost == [], f"storage lost {len(lost)} of {len(ids)} ticks: {lost}\n" + evidence(
        driver, (first, second)
    )
    note = wait_for(lambda: (states_of(driver).get("i01") or {}).get("note"), text)
    assert note == text, f"storage holds the note {note!r}"
    for handle in (first, second):
        driver.switch_to.window(handle)
        shown = wait_for(lambda: checked(driver), set(ids))
        assert shown == set(ids), f"a window shows {len(shown)} of {len(ids)} ticks\n" + evidence(
            driver, (first, second)
        )
    driver.switch_to.window(first)
    box = driver.find_element(By.CSS_SELECTOR, 'li[data-sremgr-item="i01"] textarea')
    assert box.get_attribute("value") == text


def downloaded(folder: Path, seconds: float = 10) -> tuple[str, Any]:
    """The one file the browser finished saving in `folder`: its name and parsed content."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        files = [p for p in folder.glob("*.json") if p.is_file()]
        unfinished = list(folder.glob("*.part")) + list(folder.glob("*.download"))
        if files and not unfinished:
            try:
                return files[0].name, json.loads(files[0].read_text())
            except ValueError:
                pass  # still being written
        time.sleep(0.1)
    pytest.fail(f"no download arrived in {folder} within {seconds} s: {list(folder.iterdir())}")


def upload(driver: WebDriver, path: Path) -> None:
    """Chooses `path` in the dashboard's file input, as the Import button's picker would."""
    picker = driver.find_element(By.CSS_SELECTOR, ".sremgr-dashboard input[type=file]")
    picker.send_keys(str(path))


def test_export_reset_and_import_replace_round_trip(
    driver: WebDriver, site: Site, downloads: Path, tmp_path: Path
) -> None:
    fresh(driver, site, "handbook/alpha/")
    tick(driver, "alpha", "one")
    driver.find_element(
        By.CSS_SELECTOR, 'li[data-sremgr-item="two"] [data-sremgr-action="note"]'
    ).click()
    note = wait(driver, 5).until(
        lambda d: d.find_element(By.CSS_SELECTOR, 'li[data-sremgr-item="two"] textarea')
    )
    note.send_keys("Talked to Sam")
    tick(driver, "alpha", "three")
    wait(driver, 5).until(
        lambda d: (
            (stored(d)["checklists"]["alpha"]["items"].get("two") or {}).get("note")
            == "Talked to Sam"
        ),
        "the note was not saved",
    )
    visit(driver, site, "handbook/dashboard/")
    assert score(driver, "alpha") == "60"  # one (weight 2) and three of 5
    before = stored(driver)

    # Export: the real file the browser saves.
    action(driver, "export")
    name, exported = downloaded(downloads)
    assert name.endswith(".json")
    assert exported["format"] == "mkdocs-sremgr-export"
    assert exported["storage_key"] == KEY
    assert exported["data"]["checklists"] == before["checklists"]

    # Reset asks first: "Cancel" keeps everything, "OK" clears after keeping a backup.
    action(driver, "reset-all")
    answer_confirm(driver, accept=False)
    assert stored(driver)["checklists"] == before["checklists"]
    assert backups(driver) == []
    action(driver, "reset-all")
    assert "backup" in answer_confirm(driver, accept=True)
    wait(driver, 5).until(lambda d: stored(d)["checklists"] == {}, "reset did not clear storage")
    saved = backups(driver)
    assert len(saved) == 1
    assert (
        json.loads(driver.execute_script("return localStorage.getItem(arguments[0])", saved[0]))[
            "checklists"
        ]
        == (before["checklists"])
    )
    wait(driver, 5).until(lambda d: score(d, "alpha") == "0", "the dashboard still shows progress")

    # Import the exported file and replace: everything is back, and another backup is kept.
    path = tmp_path / name
    path.write_text(json.dumps(exported))
    upload(driver, path)
    choose(driver, "Replace mine")
    wait(driver, 5).until(
        lambda d: stored(d)["checklists"] == before["checklists"], "the import did not restore"
    )
    assert len(backups(driver)) == 2
    assert score(driver, "alpha") == "60"
    visit(driver, site, "handbook/alpha/")
    assert checked(driver) == {"one", "three"}
    textarea = driver.find_element(By.CSS_SELECTOR, 'li[data-sremgr-item="two"] textarea')
    assert textarea.get_attribute("value") == "Talked to Sam"


def test_import_merge_keeps_the_newest_change_of_each_item(
    driver: WebDriver, site: Site, tmp_path: Path
) -> None:
    fresh(driver, site, "handbook/dashboard/")
    mine = {
        "version": 1,
        "snapshots": {},
        "meta": {},
        "checklists": {
            "alpha": {
                "items": {
                    "one": {"state": "done", "changed": "2026-05-01T00:00:00.000Z"},
                    "two": {"state": "done", "changed": "2026-01-01T00:00:00.000Z"},
                }
            }
        },
    }
    driver.execute_script("localStorage.setItem(arguments[0], arguments[1])", KEY, json.dumps(mine))
    driver.refresh()
    ready(driver)
    theirs = {
        "format": "mkdocs-sremgr-export",
        "storage_key": KEY,
        "exported": "2026-06-01T00:00:00.000Z",
        "data": {
            "version": 1,
            "snapshots": {},
            "meta": {},
            "checklists": {
                "alpha": {
                    "items": {
                        "one": {"state": "open", "changed": "2026-02-01T00:00:00.000Z"},
                        "two": {"state": "open", "changed": "2026-03-01T00:00:00.000Z"},
                        "three": {"state": "done", "changed": "2026-03-01T00:00:00.000Z"},
                    }
                },
                "beta": {"items": {"b1": {"state": "done", "changed": "2026-03-01T00:00:00.000Z"}}},
            },
        },
    }
    path = tmp_path / "theirs.json"
    path.write_text(json.dumps(theirs))
    upload(driver, path)
    choose(driver, "Merge")
    wait(driver, 5).until(lambda d: "beta" in stored(d)["checklists"], "the merge was not saved")
    # Mine is newer for "one", theirs for "two"; "three" and beta's "b1" are only theirs.
    assert states(driver, "alpha") == {"one": "done", "two": "open", "three": "done"}
    assert states(driver, "beta") == {"b1": "done"}
    assert score(driver, "alpha") == "60"
    assert score(driver, "beta") == "50"
    # Merging the same file again changes nothing.
    once = stored(driver)["checklists"]
    upload(driver, path)
    choose(driver, "Merge")
    # The Merge button closes the question and merges in one click handler: once the question
    # is gone and the answer given, the merge has run.
    wait(driver, 5).until(
        lambda d: d.execute_script(
            "return !document.getElementById('sremgr-panel-question')"
            " && [...document.querySelectorAll('.sremgr-feedback')]"
            ".some(p => p.textContent === 'Imported and merged.')"
        ),
        "the second merge did not answer",
    )
    assert stored(driver)["checklists"] == once
    visit(driver, site, "handbook/alpha/")
    assert checked(driver) == {"one", "three"}


def test_a_damaged_import_is_refused_and_changes_nothing(
    driver: WebDriver, site: Site, tmp_path: Path
) -> None:
    fresh(driver, site, "handbook/alpha/")
    tick(driver, "alpha", "one")
    visit(driver, site, "handbook/dashboard/")
    before = driver.execute_script("return localStorage.getItem(arguments[0])", KEY)
    path = tmp_path / "damaged.json"
    path.write_text('{"format": "mkdocs-sremgr-export", oops')
    upload(driver, path)
    assert "Import refused" in notice(driver)
    assert driver.execute_script("return localStorage.getItem(arguments[0])", KEY) == before
