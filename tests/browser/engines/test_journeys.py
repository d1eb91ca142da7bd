"""The core journeys in Firefox and WebKit: tick and reload, two windows at once, export,
reset and import. Written against the DOM contract (docs/design.md, "Rendered HTML") and
what a reader sees, never against the script's internal names.

Chromium runs the same journeys, and many more, through Playwright in tests/browser.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ALPHA, BETA, Site, serve_site
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

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
    alert = wait(driver, 5).until(expected_conditions.alert_is_present())
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
    button.click()


def score(driver: WebDriver, checklist: str) -> str | None:
    selector = f'li[data-sremgr-checklist="{checklist}"][data-sremgr-score]'
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, selector))
    return driver.find_element(By.CSS_SELECTOR, selector).get_attribute("data-sremgr-score")


def notice(driver: WebDriver) -> str:
    return str(
        wait(driver, 5).until(
            lambda d: d.execute_script(
                "const n = document.querySelector('[data-sremgr-notice=action]');"
                "return n && n.textContent"
            )
        )
    )


# ---------------------------------------------------------------- journeys


def test_tick_survives_a_reload(driver: WebDriver, site: Site) -> None:
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


# Each window ticks its own 20 items in one synchronous burst that starts at the same
# instant (read from the shared clock), the way two tabs of one handbook can.
BURST = """
const [ids, at] = arguments;
window.__sremgrBurst = null;
const scheduled = Date.now();
const go = () => {
  while (Date.now() < at) {}  // spin to the shared instant
  const started = Date.now();
  for (const id of ids) document.getElementById(id).click();
  window.__sremgrBurst = [scheduled, started, Date.now()];
};
// Wake early and spin: a window that is not in front may run its timers late.
setTimeout(go, Math.max(0, at - Date.now() - 300));
"""


def test_two_windows_ticking_at_once_lose_nothing(driver: WebDriver, site: Site) -> None:
    fresh(driver, site, "handbook/many/")
    first = driver.current_window_handle
    driver.switch_to.new_window("window")
    second = driver.current_window_handle
    visit(driver, site, "handbook/many/")
    ids = [f"i{n:02d}" for n in range(1, ITEMS + 1)]
    mine = {first: ids[0::2], second: ids[1::2]}  # interleaved, so neighbours race too
    at = driver.execute_script("return Date.now()") + 1200
    for handle in (first, second):
        driver.switch_to.window(handle)
        driver.execute_script(BURST, [f"sremgr-many--{i}" for i in mine[handle]], at)
    bursts = {}
    for handle in (first, second):
        driver.switch_to.window(handle)
        bursts[handle] = wait(driver).until(
            lambda d: d.execute_script("return window.__sremgrBurst")
        )
    # Both bursts must really have overlapped, or this test proves nothing.
    starts = [b[1] for b in bursts.values()]
    assert max(starts) - min(starts) <= 20, f"the windows did not tick together: {bursts}"

    time.sleep(0.5)  # room for storage events and repaints to arrive
    lost = sorted(i for i, state in states(driver, "many").items() if state != "done")
    lost += sorted(set(ids) - set(states(driver, "many")))
    assert lost == [], f"storage lost {len(lost)} of {ITEMS} ticks: {lost}"
    for handle in (first, second):
        driver.switch_to.window(handle)
        wait(driver, 5).until(lambda d: checked(d) == set(ids), "a window shows fewer ticks")
    driver.refresh()
    ready(driver)
    assert checked(driver) == set(ids)
