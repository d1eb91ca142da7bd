"""`mkdocs serve`: a checklist edit rebuilds; a broken one is logged and the server stays up."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

GOOD = """\
id: rota
title: Rota
sections:
  - title: Basics
    items:
      - id: first
        text: {text}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def wait_for(predicate, timeout: float = 60) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def test_serve_rebuilds_on_yaml_edit_and_survives_errors(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "checklists").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n")
    checklist = docs / "checklists" / "rota.yml"
    checklist.write_text(GOOD.format(text="First wording."))
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Serve test\ntheme: {name: mkdocs}\nplugins:\n  - sremgr:\n"
        "      builtin: false\n"
    )
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    log: list[str] = []
    reader = threading.Thread(
        target=lambda: log.extend(iter(server.stdout.readline, "")), daemon=True
    )  # type: ignore[union-attr]
    reader.start()
    url = f"http://127.0.0.1:{port}/handbook/rota/"
    try:
        assert wait_for(lambda: "First wording." in fetch(url)), "".join(log)

        checklist.write_text(
            GOOD.format(text="Second wording.").replace("title: Rota", "titel: Rota")
        )
        assert wait_for(lambda: "unknown key `titel`" in "".join(log)), "".join(log)
        assert "docs/checklists/rota.yml:2:1" in "".join(log)
        assert server.poll() is None, "the server stopped on a YAML error"
        assert fetch(f"http://127.0.0.1:{port}/") != ""

        checklist.write_text(GOOD.format(text="Third wording."))
        assert wait_for(lambda: "Third wording." in fetch(url)), "".join(log)
        assert "Traceback" not in "".join(log)
    finally:
        server.terminate()
        server.wait(timeout=10)
