"""Refresh README's screenshots: build the demo handbook, tick a few items, take pictures.

Usage: python scripts/screenshots.py [--out docs/assets/screenshots] [--all]

`--all` also writes dark, default-theme and phone variants to the output folder
(handy for a visual check); README uses checklist.png and dashboard.png.
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
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build(site: Path, port: int, theme: str) -> None:
    override = site.parent / f"mkdocs-{theme}.yml"
    override.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\nsite_url: http://127.0.0.1:{port}/\n"
        f"docs_dir: {ROOT / 'docs'}\n"
        + ("theme:\n  name: mkdocs\n" if theme == "mkdocs" else ""), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(override), "-d", str(site)],
                   check=True, env=env, capture_output=True)


def serve(site: Path, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


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
                schemes = ["light", "dark"] if variants and theme == "material" else ["light"]
                for scheme in schemes:
                    for width in ([1280, 390] if variants else [1280]):
                        page = browser.new_page(viewport={"width": width, "height": 900},
                                                color_scheme=scheme)
                        page.goto(base + "handbook/be-on-call/")
                        boxes = page.locator("input.sremgr-check")
                        for n in range(min(4, boxes.count())):
                            boxes.nth(n).check()
                        suffix = "" if (theme, scheme, width) == ("material", "light", 1280) \
                            else f"-{theme}-{scheme}-{width}"
                        page.screenshot(path=str(out / f"checklist{suffix}.png"),
                                        full_page=width < 500)
                        page.goto(base + "handbook/dashboard/")
                        page.wait_for_timeout(300)
                        page.screenshot(path=str(out / f"dashboard{suffix}.png"),
                                        full_page=width < 500)
                        page.close()
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
