"""The browser core bound in a shadow root, in Chromium: what the Backstage addon relies on.

Backstage's TechDocs reader draws a page into a shadow root, where `document` finds none of
its elements and `document.activeElement` is the shadow host. The addon (backstage/) binds the
core there; its jest tests run in jsdom, so this checks the same core, the ES module the addon
ships (backstage/src/core/sremgr-core.js), in a real engine: a test page puts a built site's
checklist and dashboard into a shadow root and calls `bindPage(shadowRoot, options)` as the
addon does.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import Site, serve_site

CORE = Path(__file__).resolve().parents[2] / "backstage" / "src" / "core" / "sremgr-core.js"
SUFFIX = "@component:default/payments"

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>In a shadow root</title></head>
<body><div id="host"></div><script type="module" src="boot.js"></script></body></html>
"""

# The page's checklist or dashboard, moved into a shadow root with the plugin's stylesheet,
# then bound with the options the Backstage addon passes (its own dashboard and notices, the
# manifest fetched from the site, a storage key suffix).
BOOT = """\
import { NOTICES, bindDashboard, bindPage } from "./sremgr-core.js";
const page = new URLSearchParams(location.search).get("page");
const html = await (await fetch(new URL(`../${page}`, location.href))).text();
const doc = new DOMParser().parseFromString(html, "text/html");
const shadow = document.getElementById("host").attachShadow({ mode: "open" });
const css = document.createElement("link");
css.rel = "stylesheet";
css.href = new URL("../assets/sremgr/sremgr.css", location.href).href;
shadow.append(css, ...doc.querySelectorAll(".sremgr[data-sremgr-storage-key]"));
window.bound = bindPage(shadow, {
  suffix: "SUFFIX",
  manifest: () => fetch(new URL("../assets/sremgr/manifest.json", location.href)).then((r) => r.json()),
  dashboard: async () => bindDashboard,
  notices: async () => NOTICES,
  base: new URL("../", location.href).href,
});
""".replace("SUFFIX", SUFFIX)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    site, server = serve_site(tmp_path_factory.mktemp("shadow"), "material")
    folder = site.site_dir / "shadow"
    folder.mkdir()
    (folder / "index.html").write_text(PAGE, encoding="utf-8")
    (folder / "boot.js").write_text(BOOT, encoding="utf-8")
    shutil.copy(CORE, folder / "sremgr-core.js")
    yield site
    server.shutdown()
    server.server_close()


def open_in_shadow(site: Site, page: Any, path: str) -> None:
    page.goto(f"http://127.0.0.1:{site.port}/shadow/?page={path}")
    page.wait_for_selector("#host .sremgr.sremgr-js", state="attached")


def key(page: Any) -> str:
    return str(page.get_attribute("#host .sremgr", "data-sremgr-storage-key")) + SUFFIX


def test_a_checklist_in_a_shadow_root_ticks_and_keeps_its_ticks(site: Site, page: Any) -> None:
    open_in_shadow(site, page, "handbook/alpha/")
    assert page.evaluate("document.querySelector('.sremgr')") is None  # only in the shadow root
    page.check("#host #sremgr-alpha--one")
    bar = page.locator('#host [data-sremgr-progress="alpha"] .sremgr-bar-text')
    assert bar.text_content() == "2 of 5 points · 40%"
    stored = page.evaluate("k => JSON.parse(localStorage.getItem(k))", key(page))
    assert stored["checklists"]["alpha"]["items"]["one"]["state"] == "done"
    page.reload()
    page.wait_for_selector("#host .sremgr.sremgr-js", state="attached")
    assert page.is_checked("#host #sremgr-alpha--one")
    assert bar.text_content() == "2 of 5 points · 40%"


def test_a_dashboard_in_a_shadow_root_draws_and_its_panel_gives_focus_back(
    site: Site, page: Any
) -> None:
    open_in_shadow(site, page, "handbook/alpha/")
    page.check("#host #sremgr-alpha--one")
    # Two closed quarters, so that the dashboard has charts to draw (a first one has none).
    page.evaluate(
        """k => {
          const data = JSON.parse(localStorage.getItem(k));
          const closed = {closed: "2026-03-28T09:00:00.000Z", checklists: {}};
          data.snapshots = {"2026-Q1": closed, "2026-Q2": {...closed, closed: "2026-06-28T09:00:00.000Z"}};
          localStorage.setItem(k, JSON.stringify(data));
        }""",
        key(page),
    )
    open_in_shadow(site, page, "handbook/dashboard/")
    page.wait_for_selector("#host .sremgr[data-sremgr-ready]", state="attached")
    row = page.locator('#host li[data-sremgr-checklist="alpha"]')
    assert row.get_attribute("data-sremgr-score") == "40"
    assert page.locator("#host .sremgr-charts svg").count() > 0  # drawn for the real width
    # The question panel reads focus in the shadow root, where it is: Escape gives it back to
    # the control that asked (document.activeElement is only the shadow host).
    focused = "document.getElementById('host').shadowRoot.activeElement"
    page.focus('#host [data-sremgr-action="close"]')
    page.keyboard.press("Enter")
    assert page.evaluate(f"{focused}.textContent") == "Keep my ticks"
    page.keyboard.press("Escape")
    assert page.locator("#host .sremgr-panel").is_hidden()
    assert page.evaluate(f"{focused} && {focused}.getAttribute('data-sremgr-action')") == "close"


def test_a_note_being_typed_in_a_shadow_root_is_not_overwritten(site: Site, page: Any) -> None:
    """Another tab's change repaints the page; the note box that has focus keeps what is being
    typed. Focus is read in the shadow root: `document.activeElement` is only the host."""
    open_in_shadow(site, page, "handbook/alpha/")
    page.click('#host li[data-sremgr-item="one"] [data-sremgr-action="note"]')
    page.keyboard.type("mine")
    box = page.locator('#host li[data-sremgr-item="one"] textarea.sremgr-note')
    assert box.input_value() == "mine"
    # Another tab writes a later note for the same item, and the storage event arrives.
    page.evaluate(
        """k => {
          const data = JSON.parse(localStorage.getItem(k));
          const item = data.checklists.alpha.items.one;
          item.note = "theirs";
          item.noted = new Date(Date.now() + 60000).toISOString();
          localStorage.setItem(k, JSON.stringify(data));
          window.dispatchEvent(new StorageEvent("storage", { key: k }));
        }""",
        key(page),
    )
    page.wait_for_function(
        "k => JSON.parse(localStorage.getItem(k)).checklists.alpha.items.one.note === 'theirs'",
        arg=key(page),
    )
    # The event's repaint ran inside that call: the box still has focus and what was typed.
    assert page.evaluate("document.getElementById('host').shadowRoot.activeElement.tagName") == (
        "TEXTAREA"
    )
    assert box.input_value() == "mine"
