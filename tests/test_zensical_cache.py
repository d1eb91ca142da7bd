"""Zensical's cache keeps a page whose Markdown did not change: edits must still reach readers.

Built with the real Zensical (0.0.73) and `mkdocs-sremgr write-pages`, warm cache, no `--clean`:
the generated pages carry a stamp of what they show, so an edit to the YAML changes their
Markdown; a hand-written page with a marker follows the YAML when `watch:` lists its folder
(write-pages says so when it does not); a broken file fails a warm build.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from interop_sites import ALPHA
from mkdocs_sremgr.cli import main as sremgr_cli
from zensical_site import make_project, zensical_build, zensical_config


def project(root: Path, *, watch: bool) -> Path:
    config = zensical_config() + ("watch: [checklists]\n" if watch else "")
    return make_project(
        root, {"alpha.yml": ALPHA}, config, "# Home\n\n<!-- sremgr:checklist alpha -->\n"
    )


def warm_build(root: Path) -> subprocess.CompletedProcess[str]:
    """`zensical build --strict` without `--clean`: the cache of the previous build is used."""
    return zensical_build(root, clean=False)


def edit_item(root: Path, old: str, new: str) -> None:
    path = root / "checklists" / "alpha.yml"
    path.write_text(path.read_text().replace(old, new))
    # Zensical compares modification times in whole seconds.
    stamp = path.stat().st_mtime + 2
    os.utime(path, (stamp, stamp))


def test_an_edit_reaches_the_generated_page_and_a_watched_page_without_clean(
    tmp_path: Path,
) -> None:
    config = project(tmp_path, watch=True)
    assert sremgr_cli(["write-pages", "-f", str(config)]) == 0
    assert warm_build(tmp_path).returncode == 0
    page = tmp_path / "site" / "handbook" / "alpha" / "index.html"
    assert "I did the first thing." in page.read_text()
    edit_item(tmp_path, "I did the first thing.", "I did the renamed thing.")
    assert sremgr_cli(["write-pages", "-f", str(config)]) == 0
    assert warm_build(tmp_path).returncode == 0
    assert "I did the renamed thing." in page.read_text()
    assert "I did the renamed thing." in (tmp_path / "site" / "index.html").read_text()


def test_without_watch_the_generated_page_still_follows_the_yaml(tmp_path: Path) -> None:
    """The stamp in a generated page's front matter changes its Markdown, so Zensical's cache
    cannot keep the old page (it did before: only `--clean` helped)."""
    config = project(tmp_path, watch=False)
    assert sremgr_cli(["write-pages", "-f", str(config)]) == 0
    assert warm_build(tmp_path).returncode == 0
    page = tmp_path / "site" / "handbook" / "alpha" / "index.html"
    edit_item(tmp_path, "I did the first thing.", "I did the renamed thing.")
    assert sremgr_cli(["write-pages", "-f", str(config)]) == 0
    assert warm_build(tmp_path).returncode == 0
    assert "I did the renamed thing." in page.read_text()


def test_a_broken_file_fails_a_warm_build(tmp_path: Path) -> None:
    config = project(tmp_path, watch=True)
    assert sremgr_cli(["write-pages", "-f", str(config)]) == 0
    assert warm_build(tmp_path).returncode == 0
    edit_item(tmp_path, "title: Alpha checks", "titel: Alpha checks")
    assert sremgr_cli(["write-pages", "-f", str(config)]) == 1  # the recipe stops here
    result = warm_build(tmp_path)  # and Zensical alone, warm, fails too
    assert result.returncode != 0
    assert "unknown key `titel`" in result.stdout + result.stderr


def test_write_pages_says_when_the_checklists_are_not_watched(tmp_path: Path) -> None:
    config = project(tmp_path, watch=False)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs_sremgr.cli", "write-pages", "-f", str(config)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert "does not watch checklists" in result.stderr
    assert "add `watch: [checklists]`" in result.stderr
