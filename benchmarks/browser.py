"""Start-up time of sremgr.js in headless Chromium: a 500-item page, a 1,000-checklist dashboard."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import socket
import statistics
import tempfile
import threading
from pathlib import Path

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


#: Our scripts, as Chrome's trace names them.
OUR_SCRIPTS = ("/assets/sremgr/sremgr.js", "/assets/sremgr/sremgr-dashboard.js")


def main_thread_ms(trace: bytes) -> tuple[float, float]:
    """How long the page's main thread ran our start-up, and our timers after it (ms).

    From Chrome's trace: each call into our scripts is a `FunctionCall` event whose `tdur` is
    thread time. A wall-clock start-up on a busy 2-core machine also counts the time the
    renderer waits for a core while the browser's other processes load the page; thread time
    does not, so it is what the script itself costs. The start-up is our longest call outside a
    timer; "after" adds up our timer callbacks (the "Last reviewed" date, whose first Intl
    formatter is costly, is written just after start-up)."""
    events = json.loads(trace)
    events = events["traceEvents"] if isinstance(events, dict) else events
    timers = [
        (e["ts"], e["ts"] + e.get("dur", 0), e.get("tid"))
        for e in events
        if e.get("name") == "TimerFire" and e.get("ph") == "X"
    ]
    startup, after = 0, 0
    for event in events:
        if event.get("name") != "FunctionCall" or event.get("ph") != "X":
            continue
        data = event.get("args", {}).get("data", {})
        if not (isinstance(data, dict) and str(data.get("url", "")).endswith(OUR_SCRIPTS)):
            continue
        in_timer = any(
            start <= event["ts"] <= end and tid == event.get("tid") for start, end, tid in timers
        )
        if in_timer:
            after += event.get("tdur", 0)
        else:
            startup = max(startup, event.get("tdur", 0))
    return startup / 1000, after / 1000


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _site(root: Path) -> Path:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    docs = root / "docs"
    (docs / "checklists").mkdir(parents=True)
    (docs / "index.md").write_text("# Start-up\n")
    big = ["id: big", "title: Five hundred items", "sections:"]
    for s in range(20):
        big += [f"  - title: Section {s}", "    items:"]
        big += [
            f"      - id: item-{s}-{i}\n        text: Item {s}.{i} of the big list."
            for i in range(25)
        ]
    (docs / "checklists" / "big.yml").write_text("\n".join(big) + "\n")
    for c in range(999):
        (docs / "checklists" / f"c{c}.yml").write_text(
            f"id: c{c}\ntitle: Checklist {c}\ntags: [t{c % 7}]\nsections:\n  - title: S\n"
            "    items:\n"
            + "".join(f"      - id: i{i}\n        text: Item {i}.\n" for i in range(25))
        )
    (root / "mkdocs.yml").write_text(
        "site_name: Startup\ntheme: {name: mkdocs}\nplugins:\n  - sremgr:\n      builtin: false\n"
    )
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    config = load_config(config_file=str(root / "mkdocs.yml"))
    build(config)
    return Path(config.site_dir)


# A reader halfway through: every other item done, some not for them, a few notes, and a
# closed quarter, so start-up does the work a real page does (untouched items cost less).
SEED_PROGRESS = """() => {
  const root = document.querySelector('.sremgr[data-sremgr-storage-key]');
  const items = {}, stamp = new Date().toISOString();
  document.querySelectorAll('li[data-sremgr-item]').forEach((li, n) => {
    const fp = li.getAttribute('data-sremgr-fp'), id = li.getAttribute('data-sremgr-item');
    if (n % 2 === 0) items[id] = {state: 'done', changed: stamp, fp};
    else if (n % 25 === 1) items[id] = {state: 'na', changed: stamp, fp};
    if (n % 50 === 0) Object.assign(items[id], {note: 'Evidence: runbook ' + n, noted: stamp});
  });
  const done = Object.keys(items).filter(k => items[k].state === 'done').slice(0, 100);
  localStorage.setItem(root.getAttribute('data-sremgr-storage-key'), JSON.stringify({
    version: 1, checklists: {big: {items}}, meta: {created: stamp},
    snapshots: {'2020-Q1': {closed: stamp,
                            checklists: {big: {score: 20, done: done, total: 480}}}}}));
  return Object.keys(items).length;
}"""


def startup_times(runs: int = 11) -> dict[str, str]:
    from playwright.sync_api import sync_playwright

    root = Path(tempfile.mkdtemp(prefix="sremgr-startup-"))
    try:
        site = _site(root)
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        handler = functools.partial(_QuietHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        results = {}
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            # One profile for the whole run, so the stored progress is there on every visit.
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"http://127.0.0.1:{port}/handbook/big/")
            seeded = page.evaluate(SEED_PROGRESS)
            page.close()
            results["stored progress"] = f"{seeded} of 500 items on the big page have a record"
            for label, path in (
                ("500-item page", "handbook/big/"),
                ("dashboard, 1,000 checklists", "handbook/dashboard/"),
            ):
                sync, ready, storage, thread, later = [], [], [], [], []
                for _ in range(runs):
                    page = context.new_page()
                    browser.start_tracing(page=page, categories=["devtools.timeline"])
                    page.goto(f"http://127.0.0.1:{port}/{path}")
                    page.wait_for_selector(".sremgr[data-sremgr-ready]", state="attached")
                    on_thread, after = main_thread_ms(browser.stop_tracing())
                    thread.append(on_thread)
                    later.append(after)
                    # Measured by the script itself with performance.now() around its start-up:
                    # `ms` is the synchronous part (read storage, bind, draw), `readyMs` also
                    # waits for the manifest the dashboard needs.
                    timing = page.evaluate("window.sremgr.timings[0]")
                    if path == "handbook/big/":  # the stored progress really was drawn
                        assert page.locator("input.sremgr-check:checked").count() == 250
                    page.close()
                    sync.append(float(timing["ms"]))
                    ready.append(float(timing["readyMs"]))
                    storage.append(float(timing["storageMs"]))
                results[label] = (
                    f"start-up median {statistics.median(sync):.2f} ms (of which the browser's "
                    f"first localStorage read {statistics.median(storage):.2f} ms), ready "
                    f"{statistics.median(ready):.2f} ms; on the main thread (trace): start-up "
                    f"{statistics.median(thread):.2f} ms, timers after it "
                    f"{statistics.median(later):.2f} ms ({runs} page loads in new tabs)"
                )
                # Repeat visits: the browser has compiled and cached the script by then.
                page = context.new_page()
                warm = []
                for _ in range(runs):
                    page.goto(f"http://127.0.0.1:{port}/{path}")
                    page.wait_for_selector(".sremgr[data-sremgr-ready]", state="attached")
                    warm.append(float(page.evaluate("window.sremgr.timings[0].ms")))
                page.close()
                results[label + ", repeat visits"] = (
                    f"start-up median {statistics.median(warm[2:]):.2f} ms (visits 3 to {runs})"
                )
            browser.close()
        server.shutdown()
        return results
    finally:
        shutil.rmtree(root, ignore_errors=True)
