"""Hostile input to the command line and the report (issue 18): a slow server, a device or a
FIFO given as a path, the same export with one byte changed, another handbook's export, and a
protocol-relative link. Each test reproduced the bug on the code before its fix."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from mkdocs_sremgr.manifest import storage_key
from sites import make_site, run_cli

ROTA = """\
id: rota
title: Rota
sections:
  - title: Basics
    items:
      - id: first
        text: I did it.
"""

MANIFEST = json.dumps({"format": 1, "storage_key": "sremgr:v1:x", "checklists": []}).encode()


# -- validate --against: an overall deadline and a size cap ------------------------------------


@contextmanager
def serve(respond: Callable[[BaseHTTPRequestHandler], None]) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 in a thread, answering every GET with `respond`."""
    stop = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with contextlib.suppress(OSError):  # the client gave up: as the tests want
                respond(self)

        def log_message(self, *args: object) -> None:
            pass

    Handler.stop = stop  # type: ignore[attr-defined]
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/manifest.json"
    finally:
        stop.set()
        server.shutdown()
        server.server_close()


def trickle(handler: BaseHTTPRequestHandler) -> None:
    """A manifest one byte at a time, a byte every 0.4 s: each read is quick, the whole is not."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(MANIFEST)))
    handler.end_headers()
    for byte in MANIFEST:
        if handler.stop.is_set():  # type: ignore[attr-defined]
            return
        handler.wfile.write(bytes([byte]))
        handler.wfile.flush()
        time.sleep(0.4)


def flood(handler: BaseHTTPRequestHandler) -> None:
    """An endless body without a length, as fast as the socket takes it."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.end_headers()
    chunk = b" " * 65536
    while not handler.stop.is_set():  # type: ignore[attr-defined]
        handler.wfile.write(chunk)


def test_against_a_trickling_server_stops_at_the_overall_deadline(tmp_path: Path) -> None:
    site = make_site(tmp_path, checklists={"rota.yml": ROTA})
    with serve(trickle) as url:
        started = time.monotonic()
        result = site.cli("validate", "--against", url, "--timeout", "2", timeout=60)
        took = time.monotonic() - started
    assert result.returncode == 1, result.stdout
    assert "took longer than 2 s" in result.stderr and url in result.stderr
    assert "--timeout" in result.stderr  # how to allow more
    assert took < 15, took  # the manifest alone takes 0.4 s x 60 bytes = 24 s


def test_against_an_endless_body_stops_at_the_size_cap(tmp_path: Path) -> None:
    site = make_site(tmp_path, checklists={"rota.yml": ROTA})
    with serve(flood) as url:
        result = site.cli("validate", "--against", url, timeout=120)
    assert result.returncode == 1, result.stdout
    assert f"{url} is over the limit of 20 MiB" in result.stderr


def test_against_a_fast_server_still_works(tmp_path: Path) -> None:
    def whole(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(MANIFEST)))
        handler.end_headers()
        handler.wfile.write(MANIFEST)

    site = make_site(tmp_path, checklists={"rota.yml": ROTA})
    with serve(whole) as url:
        result = site.cli("validate", "--against", url, "--timeout", "5")
    assert result.returncode == 0, result.stderr
    assert "1 file valid" in result.stdout


# -- validate PATH: only regular files and folders ---------------------------------------------


def unusual_paths(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "pipe.yml"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.yml"
    zero.symlink_to("/dev/zero")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock.yml"))
    sock.close()
    kinds = {"device": Path("/dev/zero"), "fifo": fifo, "link": zero}
    return {**kinds, "socket": tmp_path / "sock.yml"}


@pytest.mark.skipif(not Path("/dev/zero").exists() or not hasattr(os, "mkfifo"), reason="POSIX")
@pytest.mark.parametrize("kind", ["device", "fifo", "link", "socket"])
def test_validate_refuses_what_is_no_file_or_folder(tmp_path: Path, kind: str) -> None:
    path = unusual_paths(tmp_path)[kind]
    result = run_cli("validate", "--no-builtin", str(path), cwd=tmp_path, timeout=30)
    assert result.returncode == 1, result.stdout
    assert "valid" not in result.stdout
    assert f"{path} is not a regular file or a folder" in result.stderr


def test_validate_follows_a_link_to_a_file_or_a_folder(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "rota.yml").write_text(ROTA)
    (tmp_path / "folder").symlink_to(tmp_path / "real")
    (tmp_path / "file.yml").symlink_to(tmp_path / "real" / "rota.yml")
    for name in ("folder", "file.yml"):
        result = run_cli("validate", "--no-builtin", name, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert "1 file valid" in result.stdout


# -- report: the same export once, and only this handbook's ------------------------------------


def export(key: str, states: dict[str, str], exported: str = "2026-11-25T00:00:00Z") -> dict:
    return {
        "format": "mkdocs-sremgr-export",
        "storage_key": key,
        "exported": exported,
        "data": {
            "version": 1,
            "checklists": {
                "rota": {
                    "items": {
                        i: {"state": s, "changed": "2026-11-01T00:00:00Z"}
                        for i, s in states.items()
                    }
                }
            },
        },
    }


THIS_KEY = storage_key(None, None, "Test book")  # make_site's site_name, no site_url


def test_report_knows_the_same_export_by_its_content(tmp_path: Path) -> None:
    site = make_site(tmp_path, checklists={"rota.yml": ROTA})
    data = export(THIS_KEY, {"first": "done"})
    (tmp_path / "a.json").write_text(json.dumps(data, indent=1))
    # The same export again: other white space, other key order, a trailing newline.
    (tmp_path / "b.json").write_text(json.dumps(dict(reversed(data.items()))) + "\n")
    # ... and with a letter written as an escape, and the version as 1.0.
    escaped = (
        json.dumps(data).replace('"done"', '"\\u0064one"').replace('"version": 1', '"version": 1.0')
    )
    assert escaped != json.dumps(data)
    (tmp_path / "c.json").write_text(escaped)
    result = site.cli("report", "a.json", "b.json", "c.json")
    assert result.returncode == 1, result.stdout
    assert "file 2 (b.json): it is the same as file 1" in result.stderr
    assert "file 3 (c.json): it is the same as file 1" in result.stderr


def test_report_counts_two_people_with_the_same_ticks(tmp_path: Path) -> None:
    site = make_site(tmp_path, checklists={"rota.yml": ROTA})
    (tmp_path / "a.json").write_text(json.dumps(export(THIS_KEY, {"first": "done"})))
    other = export(THIS_KEY, {"first": "done"}, exported="2026-11-26T09:00:00Z")
    other["data"]["meta"] = {"exported": "2026-11-26T09:00:00Z"}  # type: ignore[index]
    (tmp_path / "b.json").write_text(json.dumps(other))
    result = site.cli("report", "a.json", "b.json")
    assert result.returncode == 0, result.stderr
    assert "| I did it. | 2 of 2 | 0 |" in result.stdout


def test_report_refuses_another_handbooks_export(tmp_path: Path) -> None:
    site = make_site(tmp_path, checklists={"rota.yml": ROTA})
    (tmp_path / "ours.json").write_text(json.dumps(export(THIS_KEY, {"first": "done"})))
    (tmp_path / "theirs.json").write_text(
        json.dumps(export("sremgr:v1:platform-handbook", {"first": "na"}))
    )
    result = site.cli("report", "ours.json", "theirs.json")
    assert result.returncode == 1, result.stdout
    assert "file 2 (theirs.json)" in result.stderr
    assert "sremgr:v1:platform-handbook" in result.stderr and THIS_KEY in result.stderr
    assert "--any-handbook" in result.stderr
    assert "file 1" not in result.stderr
    result = site.cli("report", "ours.json", "theirs.json", "--any-handbook")
    assert result.returncode == 0, result.stderr
    assert "| I did it. | 1 of 2 | 1 |" in result.stdout


def test_report_without_a_handbook_refuses_a_mix_of_handbooks(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps(export("sremgr:v1:one", {"first": "done"})))
    (tmp_path / "b.json").write_text(json.dumps(export("sremgr:v1:two", {"first": "na"})))
    result = run_cli("report", "a.json", "b.json", cwd=tmp_path)
    assert result.returncode == 1, result.stdout
    assert "file 2 (b.json)" in result.stderr and "sremgr:v1:two" in result.stderr
    assert "sremgr:v1:one" in result.stderr and "--any-handbook" in result.stderr
    assert run_cli("report", "a.json", "b.json", "--any-handbook", cwd=tmp_path).returncode == 0


def test_report_key_follows_storage_namespace_and_site_url(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        checklists={"rota.yml": ROTA},
        extra="site_url: https://example.com/handbook/\n",
    )
    key = storage_key(None, "https://example.com/handbook/", "Test book")
    (tmp_path / "a.json").write_text(json.dumps(export(key, {"first": "done"})))
    assert site.cli("report", "a.json").returncode == 0
    (tmp_path / "mkdocs.yml").write_text(
        (tmp_path / "mkdocs.yml").read_text() + "      storage_namespace: ours\n"
    )
    result = site.cli("report", "a.json")
    assert result.returncode == 1 and "sremgr:v1:ours" in result.stderr


# -- further_reading: a //host link is not a local path ----------------------------------------


# As YAML writes them: browsers read `\` as `/` and drop tabs, so each leads to evil.example.
@pytest.mark.parametrize(
    "url", ["'//evil.example/x'", "'/\\evil.example/x'", '"/\\t/evil.example"']
)
def test_a_protocol_relative_link_is_refused(tmp_path: Path, url: str) -> None:
    text = ROTA + f"further_reading:\n  - title: A book\n    url: {url}\n"
    site = make_site(tmp_path, checklists={"rota.yml": text})
    result = site.cli("validate")
    assert result.returncode == 1, result.stdout
    assert "docs/checklists/rota.yml:10:10:" in result.stderr
    assert "another site" in result.stderr and "https://" in result.stderr


def test_local_links_still_pass(tmp_path: Path) -> None:
    text = ROTA + (
        "further_reading:\n  - title: A\n    url: /a/b\n  - title: B\n    url: ./c\n"
        "  - title: C\n    url: ../d\n  - title: D\n    url: https://example.com/x\n"
    )
    site = make_site(tmp_path, checklists={"rota.yml": text})
    result = site.cli("validate")
    assert result.returncode == 0, result.stderr
