"""Sites the interop tests build: tiny handbooks beside another plugin or engine."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

ALPHA = """\
id: alpha
title: Alpha checks
lesson: Keep the alpha habits.
cadence: weekly
sections:
  - id: first
    title: First section
    items:
      - id: one
        text: I did the first thing.
      - id: two
        text: I did the second thing.
"""

HERO = """\
kind: antipattern
id: hero
title: Hero culture
summary: One person does everything.
symptoms: [Always the same name.]
instead: [Share the load.]
checklists: [alpha]
"""


def make_site(
    root: Path,
    config: str,
    pages: dict[str, str] | None = None,
    checklists: dict[str, str] | None = None,
) -> Path:
    """A project with mkdocs.yml, docs/ pages and docs/checklists/ YAML files."""
    docs = root / "docs"
    (docs / "checklists").mkdir(parents=True, exist_ok=True)
    for name, text in (checklists if checklists is not None else {"alpha.yml": ALPHA}).items():
        (docs / "checklists" / name).write_text(text)
    for name, text in (pages or {"index.md": "# Home\n"}).items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text)
    (root / "mkdocs.yml").write_text(textwrap.dedent(config))
    return root / "mkdocs.yml"


def build_site(config_file: Path) -> Path:
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    config = load_config(config_file=str(config_file), strict=True)
    build(config)
    return Path(config.site_dir)


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def storage_keys(html: str) -> set[str]:
    return set(re.findall(r'data-sremgr-storage-key="([^"]+)"', html))


I18N = """\
site_name: Team handbook
site_url: http://127.0.0.1:8000/
theme: {name: material, font: false}
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - {locale: en, default: true, name: English, build: true}
        - {locale: de, name: Deutsch, build: true}
  - sremgr:
      builtin: false
"""


def i18n_site(root: Path, site_url: str = "http://127.0.0.1:8000/") -> Path:
    pages = {
        "index.en.md": "# Home\n\n<!-- sremgr:checklist alpha -->\n",
        "index.de.md": "# Startseite\n\n<!-- sremgr:checklist alpha -->\n",
    }
    config = I18N.replace("http://127.0.0.1:8000/", site_url)
    return make_site(root, config, pages, {"alpha.yml": ALPHA, "hero.yml": HERO})


MIKE = """\
site_name: Versioned handbook
site_url: http://127.0.0.1:8000/docs/
theme: {name: material, font: false}
plugins:
  - mike
  - sremgr:
      builtin: false
"""


def git(root: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.com",
    }
    result = subprocess.run(
        ["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout


def mike_deploy(root: Path, *args: str) -> None:
    """`mike deploy ...` as a team runs it: it builds with `mkdocs build` in a subprocess."""
    bin_dir = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "NO_MKDOCS_2_WARNING": "1",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.com",
    }
    result = subprocess.run(
        [str(Path(bin_dir) / "mike"), "deploy", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def mike_site(root: Path, config: str = MIKE) -> Path:
    """Versions 1.0 and 2.0 deployed with mike (2.0 as `latest`), checked out into `root/out`."""
    pytest.importorskip("mike")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    project = root / "project"
    make_site(project, config)
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "handbook")
    mike_deploy(project, "1.0", "latest")
    (project / "docs" / "checklists" / "alpha.yml").write_text(
        ALPHA + "      - id: three\n        text: I did a third thing.\n"
    )
    git(project, "commit", "-qam", "a new item")
    mike_deploy(project, "--update-aliases", "2.0", "latest")
    out = root / "served" / "docs"  # as published under site_url's /docs/
    out.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", "gh-pages"], cwd=project, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(out)], input=archive, check=True)
    return out
