"""A German handbook in Chromium: what the scripts draw speaks German too (issue 11).

The built pages are scanned in tests/test_languages.py; here the checklist page and the
dashboard are used as a reader uses them (a tick, a note, a review, a closed quarter, a fresh
start with its backup, the Markdown summary), then every visible text and label inside the
`.sremgr` elements, the dialogs' messages and the summary are scanned for English of ours.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from conftest import _free_port, _Handler, ready
from german_site import write_german_site
from interop_sites import build_site
from language_scan import english_in

Q3 = datetime(2026, 9, 20, 10, 0, tzinfo=timezone.utc)

VISIBLE_TEXT = """() => {
  const out = [];
  for (const root of document.querySelectorAll(".sremgr")) {
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) {
      const node = walk.currentNode, text = node.textContent.trim();
      if (text && !node.parentElement.closest("noscript")) out.push(text);
    }
    for (const el of root.querySelectorAll("*"))
      for (const name of ["title", "aria-label", "aria-valuetext", "placeholder", "alt"])
        if (el.getAttribute(name)) out.push(el.getAttribute(name));
  }
  return out;
}"""


@pytest.fixture(params=["material", "mkdocs"])
def german(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    site = build_site(write_german_site(tmp_path, request.param))
    port = _free_port()
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(_Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}/"
    server.shutdown()
    server.server_close()


def visible(page: Any) -> list[str]:
    return list(page.evaluate(VISIBLE_TEXT))


def test_the_scripts_speak_german(
    german: str, context: Any, tmp_path: Path, offsite_requests: list[str]
) -> None:
    page = context.new_page()
    page.clock.install(time=Q3)
    dialogs: list[str] = []

    def answer(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.accept()

    page.on("dialog", answer)
    seen: list[str] = []
    page.goto(german + "handbook/betrieb/")
    ready(page)
    page.evaluate("localStorage.clear()")
    page.reload()
    ready(page)
    page.check("#sremgr-betrieb--plan")
    page.click('li[data-sremgr-item="uebergabe"] [data-sremgr-action="note"]')
    page.fill('li[data-sremgr-item="uebergabe"] textarea', "Mit Sam besprochen")
    page.click('[data-sremgr-action="reviewed"]')
    page.wait_for_function("document.querySelector('.sremgr-live').textContent !== ''")
    seen += visible(page)
    checklist_text = " ".join(seen)
    assert "2 von 3 Punkten · 67 %" in checklist_text  # weighted: 2 of 3 points
    assert "Heute als geprüft markiert." in checklist_text
    assert "Belege, nächster Schritt … (nur in diesem Browser gespeichert)" in seen

    # The dashboard: close Q3 keeping the ticks, then a fresh Q4 (which keeps a backup).
    page.goto(german + "handbook/dashboard/")
    ready(page)
    page.click('[data-sremgr-action="close"]')
    seen += visible(page)  # the panel asking "keep or fresh"
    page.get_by_role("button", name="Haken behalten").click()
    page.clock.set_system_time(Q3 + timedelta(days=60))
    page.goto(german + "handbook/betrieb/")
    ready(page)
    page.check("#sremgr-betrieb--bericht")
    page.goto(german + "handbook/dashboard/")
    ready(page)
    page.click('[data-sremgr-action="close"]')
    page.get_by_role("button", name="Neu beginnen").click()
    page.wait_for_selector(".sremgr-backups")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    shown = visible(page)
    seen += shown
    text = " ".join(shown)
    assert "Checklisten begonnen" in text and "2026-Q4 wurde am" in text  # the quarter just closed
    assert "Verlauf nach Quartal" in text and "2026-Q4 (abgeschlossen) und 2026-Q3" in text
    assert "Sicherungen (1)" in text
    # Percentages through Intl as well: German puts a (no-break) space before the sign.
    axis = page.locator(".sremgr-chart .sremgr-axis").all_text_contents()
    assert "50\u00a0%" in axis and "50%" not in axis, axis
    # Dates through Intl in the page's language: "Letzte Änderung: 19.11.2026" style.
    assert re.search(r"Letzte Änderung: \d{2}\.\d{2}\.\d{4}", text), text
    with page.expect_download() as download:
        page.click('[data-sremgr-action="download"]')
    summary = tmp_path / "summary.md"
    download.value.save_as(summary)
    lines = summary.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# Quartalsrückblick: 2026-Q4"
    seen += lines
    page.click('[data-sremgr-action="reset-all"]')  # a confirm dialog, answered yes
    assert dialogs, "no dialog was shown"
    seen += dialogs

    hits = english_in(seen, "de")
    assert hits == [], hits
    assert offsite_requests == []


def test_the_scan_sees_english_when_the_strings_do_not_arrive(german: str, context: Any) -> None:
    """The scan can fail: with the data script blocked, the dashboard speaks English."""
    context.route("**/strings.de*.js", lambda route: route.abort())
    page = context.new_page()
    page.goto(german + "handbook/dashboard/")
    ready(page)
    keys = {key for key, _, _ in english_in(visible(page), "de")}
    assert {"dash.close", "dash.chartsLater", "dash.yourProgress"} <= keys


def test_static_i18n_dashboards_each_in_their_language(tmp_path: Path, context: Any) -> None:
    """mkdocs-static-i18n (en + de): one tick, both dashboards count it, each in its language."""
    pytest.importorskip("mkdocs_static_i18n")
    from interop_sites import i18n_site

    port = _free_port()
    site = build_site(i18n_site(tmp_path, f"http://127.0.0.1:{port}/"))
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(_Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{port}/"
        page = context.new_page()
        page.goto(url + "de/handbook/alpha/")
        ready(page)
        page.check("#sremgr-alpha--one")
        bar = ".sremgr-dashboard [data-sremgr-checklist='alpha'] .sremgr-bar-text"
        for path, close, done in (
            ("handbook/dashboard/", "Close the quarter", "1 of 2 done · 50%"),
            ("de/handbook/dashboard/", "Quartal abschließen", "1 von 2 erledigt · 50 %"),
        ):
            page.goto(url + path)
            ready(page)
            assert page.get_by_role("button", name=close).is_visible(), path
            assert page.text_content(bar) == done, path
        assert english_in(visible(page), "de") == []
    finally:
        server.shutdown()
        server.server_close()
