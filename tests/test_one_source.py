"""Issue 13: the CLI does what the docs say, checklist aliases, rename safety, and one error
policy under `mkdocs serve`."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from mkdocs_sremgr.model import Item
from sites import make_site, run_cli

ROTA = """\
id: rota
title: Rota
sections:
  - title: Basics
    items:
      - id: first
        text: I did the first thing.
"""


# -- validate ---------------------------------------------------------------------------------


def test_validate_checks_markers_in_pages(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        checklists={"rota.yml": ROTA},
        pages={"guide.md": "# Guide\n\n<!-- sremgr:checklist rotaa -->\n"},
    )
    result = site.cli("validate")
    assert result.returncode == 1
    assert "docs/guide.md:3:1: unknown checklist `rotaa` in marker" in result.stderr
    assert "did you mean `rota`?" in result.stderr


def test_validate_accepts_a_missing_optional_folder_like_the_build(tmp_path: Path) -> None:
    site = make_site(tmp_path, builtin=True)
    assert not (site.docs / "checklists").exists()
    site.build()
    result = site.cli("validate")
    assert result.returncode == 0, result.stderr
    assert "0 files valid" in result.stdout


def test_validate_outside_a_handbook_says_so(tmp_path: Path) -> None:
    result = run_cli("validate", cwd=tmp_path)
    assert result.returncode == 1
    assert "no mkdocs.yml here" in result.stderr
    (tmp_path / "mkdocs.yml").write_text("site_name: Plain\n")
    (tmp_path / "docs").mkdir()
    result = run_cli("validate", cwd=tmp_path)
    assert result.returncode == 1
    assert "does not use the sremgr plugin" in result.stderr


def test_unknown_id_hint_lists_the_teams_own_ids_first(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        builtin=True,
        checklists={"zz-ours.yml": ROTA.replace("rota", "zz-ours")},
        pages={"guide.md": "# Guide\n\n<!-- sremgr:checklist qqqqqqq -->\n"},
    )
    result = site.cli("validate")
    assert result.returncode == 1
    assert "known ids: zz-ours, " in result.stderr


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        (
            "id: rota\ntitle: Rota\nsections:\n  - title: Basics\n     items: []\n",
            "this key is indented deeper than the key above it",
        ),
        (
            "id: rota\nsections:\n  - title: Basics\n    items:\n      - id: a\n"
            "        text: A\n     - id: b\n",
            "this line starts in column 6, the line above in column 9",
        ),
    ],
)
def test_indentation_errors_get_an_indentation_hint(tmp_path: Path, text: str, hint: str) -> None:
    site = make_site(tmp_path, checklists={"rota.yml": text})
    result = site.cli("validate")
    assert result.returncode == 1
    assert hint in result.stderr
    assert "must be quoted" not in result.stderr


# -- new --------------------------------------------------------------------------------------


def test_new_writes_into_checklists_dir_and_the_build_uses_it(tmp_path: Path) -> None:
    site = make_site(tmp_path, options="      checklists_dir: team/lists\n")
    result = site.cli("new", "checklist", "our-own")
    assert result.returncode == 0, result.stderr
    assert (site.docs / "team" / "lists" / "our-own.yml").is_file()
    assert not (tmp_path / "our-own.yml").exists()
    site.build()
    assert "Our own" in site.read("handbook/our-own/index.html")


def test_new_refuses_to_shadow_a_builtin_unless_asked(tmp_path: Path) -> None:
    site = make_site(tmp_path, builtin=True)
    result = site.cli("new", "checklist", "be-on-call")
    assert result.returncode == 1
    assert "is a built-in checklist" in result.stderr and "--override" in result.stderr
    assert not (site.docs / "checklists" / "be-on-call.yml").exists()
    assert site.cli("new", "checklist", "be-on-call", "--override").returncode == 0
    assert (site.docs / "checklists" / "be-on-call.yml").is_file()


# -- checklist aliases ------------------------------------------------------------------------


def test_checklist_aliases_reach_the_manifest_and_the_page(tmp_path: Path) -> None:
    renamed = ROTA.replace("id: rota", "id: rota\naliases: [old-rota, older-rota]")
    site = make_site(
        tmp_path, checklists={"rota.yml": renamed, "other.yml": ROTA.replace("rota", "other")}
    )
    site.build()
    manifest = json.loads(site.read("assets/sremgr/manifest.json"))
    by_id = {c["id"]: c for c in manifest["checklists"]}
    assert by_id["rota"]["aliases"] == ["old-rota", "older-rota"]
    assert by_id["other"]["aliases"] == []
    assert 'data-sremgr-checklist-aliases="old-rota older-rota"' in site.read(
        "handbook/rota/index.html"
    )
    assert "data-sremgr-checklist-aliases" not in site.read("handbook/other/index.html")


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        (
            "id: old-rota",
            "docs/checklists/a.yml:2:11: alias `old-rota` is the id of a checklist at "
            "docs/checklists/b.yml:1:5",
        ),
        (
            "id: b\naliases: [old-rota]",
            "docs/checklists/b.yml:2:11: alias `old-rota` is also claimed by checklist "
            "`rota` at docs/checklists/a.yml:1:5",
        ),
    ],
)
def test_a_checklist_alias_may_not_name_another_checklist(
    tmp_path: Path, other: str, expected: str
) -> None:
    mine = ROTA.replace("id: rota", "id: rota\naliases: [old-rota]")
    theirs = ROTA.replace("id: rota", other)
    site = make_site(tmp_path, checklists={"a.yml": mine, "b.yml": theirs})
    result = site.cli("validate")
    assert result.returncode == 1
    assert expected in result.stderr


# -- rename safety ----------------------------------------------------------------------------


def published(tmp_path: Path, checklists: dict[str, str]) -> Path:
    """Build a 'live' site and return its manifest."""
    live = make_site(tmp_path / "live", checklists=checklists)
    live.build()
    return tmp_path / "live" / "site" / "assets" / "sremgr" / "manifest.json"


def test_against_catches_an_item_renamed_without_an_alias(tmp_path: Path) -> None:
    manifest = published(tmp_path, {"rota.yml": ROTA})
    renamed = ROTA.replace("id: first", "id: first-thing")
    site = make_site(tmp_path / "new", checklists={"rota.yml": renamed})
    result = site.cli("validate", "--against", str(manifest))
    assert result.returncode == 1
    assert "item `rota/first` is published but gone from `rota`" in result.stderr
    aliased = renamed.replace("id: first-thing", "id: first-thing\n        aliases: [first]")
    (site.docs / "checklists" / "rota.yml").write_text(aliased)
    result = site.cli("validate", "--against", str(manifest))
    assert result.returncode == 0, result.stderr


def test_against_catches_a_checklist_renamed_without_an_alias(tmp_path: Path) -> None:
    manifest = published(tmp_path, {"rota.yml": ROTA})
    renamed = ROTA.replace("id: rota", "id: new-rota")
    site = make_site(tmp_path / "new", checklists={"rota.yml": renamed})
    result = site.cli("validate", "--against", str(manifest))
    assert result.returncode == 1
    assert "checklist `rota` is published but gone" in result.stderr
    (site.docs / "checklists" / "rota.yml").write_text(
        renamed.replace("id: new-rota", "id: new-rota\naliases: [rota]")
    )
    assert site.cli("validate", "--against", str(manifest)).returncode == 0


def test_against_reads_a_url_and_refuses_a_non_manifest(tmp_path: Path) -> None:
    manifest = published(tmp_path, {"rota.yml": ROTA})
    site = make_site(tmp_path / "new", checklists={"rota.yml": ROTA})
    with serve_folder(manifest.parent) as base:
        result = site.cli("validate", "--against", f"{base}/manifest.json")
        assert result.returncode == 0, result.stderr
        result = site.cli("validate", "--against", f"{base}/missing.json")
        assert result.returncode == 1 and "cannot fetch" in result.stderr
    (tmp_path / "junk.json").write_text("[1, 2]")
    result = site.cli("validate", "--against", str(tmp_path / "junk.json"))
    assert result.returncode == 1 and "is not a mkdocs-sremgr manifest.json" in result.stderr


class serve_folder:
    def __init__(self, folder: Path) -> None:
        from functools import partial
        from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

        class Quiet(SimpleHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(folder)))

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


# -- the model owns the format ----------------------------------------------------------------


def test_browser_data_feeds_both_the_manifest_and_the_page(tmp_path: Path) -> None:
    checklist = ROTA.replace(
        "text: I did the first thing.",
        "text: I did the first thing.\n        weight: 2.5\n        aliases: [one]",
    )
    site = make_site(tmp_path, checklists={"rota.yml": checklist})
    site.build()
    item = json.loads(site.read("assets/sremgr/manifest.json"))["checklists"][0]["sections"][0][
        "items"
    ][0]
    html = site.read("handbook/rota/index.html")
    for name, attribute in Item.BROWSER:
        value = item[name]
        shown = (
            " ".join(value)
            if isinstance(value, list)
            else f"{value:g}"
            if isinstance(value, float)
            else str(value)
        )
        assert f'data-sremgr-{attribute}="{shown}"' in html, attribute


# -- serve ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode())
    except urllib.error.HTTPError as exc:
        return f"HTTP {exc.code}"


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


def test_serve_shows_a_broken_file_in_the_browser_and_blames_the_file(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        checklists={"rota.yml": ROTA},
        pages={"guide.md": "# Guide\n\n<!-- sremgr:checklist rota -->\n"},
    )
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=site.root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    log: list[str] = []
    assert server.stdout is not None
    stdout = server.stdout
    threading.Thread(target=lambda: log.extend(iter(stdout.readline, "")), daemon=True).start()
    page = f"http://127.0.0.1:{port}/handbook/rota/"
    guide = f"http://127.0.0.1:{port}/guide/"
    try:
        assert wait_for(lambda: "I did the first thing." in fetch(page)), "".join(log)
        (site.docs / "checklists" / "rota.yml").write_text(ROTA.replace("title: Rota", "titel: R"))
        assert wait_for(lambda: "unknown key `titel`" in fetch(page), 90), "".join(log)
        assert "docs/checklists/rota.yml:2:1" in fetch(page)
        assert wait_for(lambda: "docs/checklists/rota.yml has errors" in fetch(guide))
        assert "unknown checklist" not in "".join(log)
        assert server.poll() is None
        (site.docs / "checklists" / "rota.yml").write_text(ROTA.replace("first thing", "fixed"))
        assert wait_for(lambda: "I did the fixed." in fetch(page), 90), "".join(log)
        assert "Traceback" not in "".join(log)
    finally:
        server.terminate()
        server.wait(timeout=10)
