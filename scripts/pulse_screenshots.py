"""Screenshots of the team pulse: the pulse page a team member answers, and the team view on the
manager's dashboard, in light and dark, on a phone (390 px) and a desktop (1280 px).

Usage: python scripts/pulse_screenshots.py [--out docs/assets/screenshots]

Builds the demo handbook (this repository's docs, with the built-in pack and its pulse), lets
five people answer in browser contexts of their own and download their answer files, adds the
files on the dashboard, and writes pulse-<scheme>-<width>.png and team-<scheme>-<width>.png.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshots import CHROMIUM_ARGS, NOW, ROOT, SEED, build, free_port, serve

PULSE = "handbook/pulse/team-pulse/"
DASHBOARD = "handbook/dashboard/"
#: Five people's answers, by statement position: varied, some "don't know", one skipped.
ANSWERS = [
    ["4", "4", "3", "5", "4", "4", "3", "2", "4", "3", "4", "5", "4"],
    ["5", "3", "2", "5", "3", "4", "4", "2", "dk", "2", "4", "4", "5"],
    ["3", "4", "2", "4", "4", "dk", "3", "1", "3", "2", "3", "4", "4"],
    ["4", "2", "3", "dk", "5", "4", "2", "2", "4", "3", "5", "4", None],
    ["2", "4", "1", "5", "4", "5", "3", "3", "dk", "2", "4", "5", "4"],
]


def answer_all(page, values: list[str | None]) -> None:  # type: ignore[no-untyped-def]
    fields = page.locator("fieldset.sremgr-statement")
    for i, value in enumerate(values):
        if value is not None and i < fields.count():
            fields.nth(i).locator(f'input[value="{value}"]').check()


def shoot(out: Path) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="sremgr-pulse-shots-"))
    try:
        port = free_port()
        site = tmp / "material"
        build(site, port, "material")
        server = serve(site, port)
        base = f"http://127.0.0.1:{port}/"
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            files = []
            for n, values in enumerate(ANSWERS):
                context = browser.new_context(accept_downloads=True)
                page = context.new_page()
                page.goto(base + PULSE)
                page.wait_for_selector("[data-sremgr-pulse-ready]", state="attached")
                answer_all(page, values)
                with page.expect_download() as info:
                    page.click('[data-sremgr-action="download"]')
                files.append(tmp / f"answers-{n}.json")
                info.value.save_as(files[-1])
                context.close()
            for scheme in ("light", "dark"):
                for width in (1280, 390):
                    context = browser.new_context(
                        viewport={"width": width, "height": 844 if width < 500 else 800},
                        color_scheme=scheme,
                    )
                    page = context.new_page()
                    page.goto(base + PULSE)
                    page.wait_for_selector("[data-sremgr-pulse-ready]", state="attached")
                    answer_all(page, ANSWERS[0][:5])
                    page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
                    page.wait_for_timeout(300)
                    # What the first screen shows.
                    page.screenshot(path=str(out / f"pulse-{scheme}-{width}.png"))
                    page.click('[data-sremgr-action="copy-code"]')  # no clipboard: shown to copy
                    page.wait_for_selector(".sremgr-pulse-code:not([hidden])")
                    page.wait_for_timeout(300)
                    # From the last statement (locked now) to the "sent" box and its button.
                    box = page.evaluate(
                        "() => { const top = [...document.querySelectorAll('.sremgr-statement')]"
                        ".pop().getBoundingClientRect(), end = document.querySelector("
                        "'.sremgr-pulse-sent').getBoundingClientRect(); return {x: 0, "
                        "y: top.top + scrollY - 16, width: innerWidth, "
                        "height: end.bottom - top.top + 32}; }"
                    )
                    page.screenshot(
                        path=str(out / f"pulse-sent-{scheme}-{width}.png"), full_page=True, clip=box
                    )
                    # The manager's own ticks (README's demo record), so the two views differ.
                    page.evaluate(SEED, NOW.isoformat().replace("+00:00", "Z"))
                    page.goto(base + DASHBOARD)
                    page.wait_for_selector(".sremgr[data-sremgr-ready]", state="attached")
                    page.set_input_files(".sremgr-team input[type=file]", [str(f) for f in files])
                    page.wait_for_selector('[data-sremgr-team="shown"]')
                    # The section from the full page: the theme's sticky header stays at the top.
                    box = page.evaluate(
                        "() => { const r = document.querySelector('.sremgr-team')"
                        ".getBoundingClientRect(); return {x: r.left + scrollX, "
                        "y: r.top + scrollY, width: r.width, height: r.height}; }"
                    )
                    page.screenshot(
                        path=str(out / f"team-{scheme}-{width}.png"), full_page=True, clip=box
                    )
                    context.close()
            browser.close()
        server.shutdown()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "assets" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    shoot(args.out)
    print(f"screenshots written to {args.out}")


if __name__ == "__main__":
    main()
