"""Tiny real MkDocs projects for tests: write one, build it, read its pages."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

MATERIAL = "{name: material, font: false}"
MKDOCS = "{name: mkdocs}"


@dataclass
class Site:
    """A written project: its mkdocs.yml, and helpers to build it and read the output."""

    config_file: Path

    @property
    def root(self) -> Path:
        return self.config_file.parent

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def build(self, *, strict: bool = True) -> Path:
        return build_site(self.config_file, strict=strict)

    def read(self, page: str) -> str:
        return (self.root / "site" / page).read_text(encoding="utf-8")

    def cli(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        """`mkdocs-sremgr ARGS` run in the project folder, as a user would."""
        return run_cli(*args, cwd=self.root, timeout=timeout)


def make_site(
    tmp_path: Path,
    *,
    theme: str = MKDOCS,
    plugins: str = "",
    options: str = "",
    extra: str = "",
    pages: dict[str, str] | None = None,
    checklists: dict[str, str | bytes] | None = None,
    builtin: bool = False,
    checklists_dir: str = "checklists",
) -> Site:
    """Write a tiny project; `builtin: false` (the default here) keeps the pack out."""
    docs = tmp_path / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for name, text in {"index.md": "# Home\n\nWelcome.\n", **(pages or {})}.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    for name, content in (checklists or {}).items():
        target = docs / checklists_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    sremgr = ("" if builtin else "      builtin: false\n") + options
    entry = f"  - sremgr:\n{sremgr}" if sremgr else "  - sremgr\n"
    config.write_text(
        f"site_name: Test book\ntheme: {theme}\n{extra}plugins:\n{plugins}{entry}",
        encoding="utf-8",
    )
    return Site(config)


def build_site(config_file: Path, *, strict: bool = True) -> Path:
    config = load_config(config_file=str(config_file), strict=strict)
    build(config)
    return Path(config.site_dir)


def run_cli(
    *args: str, cwd: Path, timeout: float = 120, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs_sremgr.cli", *args],
        cwd=cwd,
        capture_output=True,
        env=env,
        timeout=timeout,
        input=stdin,
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )
