"""Refresh README's screenshots: build the demo handbook, tick a few items, take pictures.

Usage: python scripts/screenshots.py [--out docs/assets/screenshots] [--all]

`--all` also writes dark, default-theme and phone variants to <out>/variants/
(for a visual check, not committed): the checklist, the dashboard, its charts with their
tables open, and an anti-pattern page, in Material and the default theme (whose
`color_mode: auto` follows the system's dark mode too). README uses checklist.png,
dashboard.png and history.png; docs/quarterly-review.md uses the four walkthrough-*.png
(a first visit, a checklist page, closing a quarter early, the charts on a phone).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from datetime import datetime, timezone
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build(site: Path, port: int, theme: str) -> None:
    override = site.parent / f"mkdocs-{theme}.yml"
    override.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\nsite_url: http://127.0.0.1:{port}/\n"
        f"docs_dir: {ROOT / 'docs'}\n"
        + (
            "theme:\n  name: mkdocs\n  highlightjs: false\n  color_mode: auto\n"
            "plugins:\n  - search\n  - sremgr\n"
            if theme == "mkdocs"
            else ""
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(override), "-d", str(site)],
        check=True,
        env=env,
        capture_output=True,
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(site: Path, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# Three closed quarters and a current one, drawn from the manifest, so the dashboard
# shows its history and radar charts (a reader would get there over nine months).
SEED = """async (now) => {
  const m = await (await fetch('/assets/sremgr/manifest.json')).json();
  const key = m.storage_key, snapshots = {}, items = {};
  const quarters = ['2026-Q1', '2026-Q2', '2026-Q3'];
  const pick = (c, q) => c.sections.flatMap(s => s.items)
    .filter((it, i) => (i * 7 + c.id.length) % 10 < 2 + q * 2 + (c.id.length % 3));
  quarters.forEach((p, q) => {
    const cl = {};
    m.checklists.forEach(c => {
      const all = c.sections.flatMap(s => s.items), done = pick(c, q);
      cl[c.id] = {done: done.map(i => i.id), total: all.length,
                  score: Math.round(100 * done.length / all.length)};
    });
    snapshots[p] = {closed: `2026-0${3 * q + 3}-28T09:00:00.000Z`, checklists: cl};
  });
  m.checklists.forEach(c => {
    const mine = {};
    pick(c, 3).forEach(it => { mine[it.id] = {state: 'done', changed: now, fp: it.fp}; });
    items[c.id] = {items: mine};
  });
  localStorage.setItem(key, JSON.stringify({version: 1, checklists: items, snapshots,
    meta: {created: '2026-01-05T09:00:00.000Z', exported: '2026-11-02T09:00:00.000Z'}}));
}"""
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)


def seeded(browser: Browser, base: str, width: int, height: int, seed: bool = True) -> Page:
    """A new page (its own empty storage) at NOW, with the nine months of SEED unless not."""
    page = browser.new_page(viewport={"width": width, "height": height}, color_scheme="light")
    page.clock.install(time=NOW)
    if seed:
        page.goto(base)
        page.evaluate(SEED, NOW.isoformat().replace("+00:00", "Z"))
    return page


def ready(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(".sremgr[data-sremgr-ready]", state="attached")


def walkthrough(browser: Browser, base: str, out: Path) -> None:
    """docs/quarterly-review.md's pictures, each showing what its caption says."""
    # A first visit: nothing stored, so "Where to start" and every checklist "not started".
    page = seeded(browser, base, 1280, 800, seed=False)
    ready(page, base + "handbook/dashboard/")
    page.screenshot(path=str(out / "walkthrough-first-visit.png"))
    page.close()

    # A checklist page: points, the legend (folded under "How progress is counted", so
    # opened here), "Last reviewed" and the answer to "Mark reviewed today", then the
    # first item's toolbar and its note saying "Saved".
    page = seeded(browser, base, 1280, 800)
    ready(page, base + "handbook/be-on-call/")
    page.locator("details.sremgr-legend-box").evaluate("d => { d.open = true; }")
    first = page.locator("li.sremgr-item").first
    first.locator('[data-sremgr-action="note"]').click()
    first.locator("textarea").fill("Took the Nov 7 weekend; two pages, both noise.")
    page.locator('[data-sremgr-action="reviewed"]').first.click()
    # From the top down to the checklist's progress (the title is in the nav and the
    # header): scrolling down, never up, keeps Material's "Back to top" away.
    page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
    page.wait_for_timeout(300)
    page.locator(".sremgr-summary-more").evaluate(
        "d => window.scrollTo(0, d.getBoundingClientRect().bottom + window.scrollY - 48)"
    )
    page.wait_for_timeout(500)  # Material's header shows the page's title
    page.screenshot(path=str(out / "walkthrough-checklist.png"))
    page.close()

    # Closing a quarter early: the question names the quarter and when it ends.
    page = seeded(browser, base, 1280, 800)
    ready(page, base + "handbook/dashboard/")
    page.locator('[data-sremgr-action="close"]').click()
    page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
    page.wait_for_timeout(500)
    page.screenshot(path=str(out / "walkthrough-close.png"))
    page.close()

    # The history and the radar on a phone, after three closed quarters.
    page = seeded(browser, base, 390, 2400)
    ready(page, base + "handbook/dashboard/")
    page.locator(".sremgr-charts").screenshot(path=str(out / "walkthrough-charts-phone.png"))
    page.close()


def shoot(out: Path, variants: bool) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="sremgr-shots-"))
    themes = ["material", "mkdocs"] if variants else ["material"]
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for theme in themes:
                port = free_port()
                site = tmp / theme
                build(site, port, theme)
                server = serve(site, port)
                base = f"http://127.0.0.1:{port}/"
                schemes = ["light", "dark"] if variants else ["light"]
                for scheme in schemes:
                    for width in [1280, 390] if variants else [1280]:
                        page = browser.new_page(
                            viewport={"width": width, "height": 900}, color_scheme=scheme
                        )
                        page.clock.install(time=NOW)
                        page.goto(base)
                        page.evaluate(SEED, NOW.isoformat().replace("+00:00", "Z"))
                        page.goto(base + "handbook/be-on-call/")
                        page.wait_for_selector(".sremgr[data-sremgr-ready]", state="attached")
                        note = page.locator("li.sremgr-item").nth(1)
                        note.locator('[data-sremgr-action="note"]').click()
                        note.locator("textarea").fill("Covered Sam's Saturday shift.")
                        page.locator("li.sremgr-item").nth(3).locator(
                            '[data-sremgr-action="na"]'
                        ).click()
                        page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
                        page.wait_for_timeout(500)  # Material's header swaps its title back
                        suffix = (
                            ""
                            if (theme, scheme, width) == ("material", "light", 1280)
                            else f"-{theme}-{scheme}-{width}"
                        )
                        target = out if not suffix else out / "variants"
                        target.mkdir(parents=True, exist_ok=True)
                        page.screenshot(
                            path=str(target / f"checklist{suffix}.png"), full_page=width < 500
                        )
                        page.goto(base + "handbook/dashboard/")
                        page.wait_for_selector(".sremgr[data-sremgr-ready]", state="attached")
                        page.screenshot(
                            path=str(target / f"dashboard{suffix}.png"), full_page=bool(suffix)
                        )
                        if not suffix:  # README: the charts of three closed quarters
                            page.set_viewport_size({"width": width, "height": 2400})
                            page.locator(".sremgr-charts").screenshot(
                                path=str(target / "history.png")
                            )
                        else:  # the charts' tables, open: a phone must show every column
                            page.evaluate(
                                "document.querySelectorAll('details.sremgr-table-wrap')"
                                ".forEach(d => { d.open = true; })"
                            )
                            page.wait_for_timeout(300)  # the arrows finish turning
                            page.locator(".sremgr-charts").screenshot(
                                path=str(target / f"charts{suffix}.png")
                            )
                            page.goto(base + "handbook/antipatterns/sre-proxy-service/")
                            page.screenshot(
                                path=str(target / f"antipattern{suffix}.png"), full_page=True
                            )
                        page.close()
                if theme == "material":
                    walkthrough(browser, base, out)
                server.shutdown()
            browser.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "assets" / "screenshots")
    parser.add_argument("--all", action="store_true", help="dark, default theme and phone too")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    shoot(args.out, args.all)
    print(f"screenshots written to {args.out}")


if __name__ == "__main__":
    main()
