"""A handbook built with the real Zensical: `mkdocs-sremgr write-pages`, then `zensical build`."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from mkdocs_sremgr.cli import main as sremgr_cli


def zensical_config(site_url: str = "", extension_options: str = "builtin: false") -> str:
    url = f"site_url: {site_url}\n" if site_url else ""
    options = textwrap.indent(extension_options, " " * 6)
    return (
        f"site_name: Zen handbook\n{url}"
        "theme:\n  name: material\n  font: false\n"
        "extra_css: [assets/sremgr/sremgr.css]\n"
        "extra_javascript: [assets/sremgr/sremgr.js]\n"
        "markdown_extensions:\n  - admonition\n  - attr_list\n"
        f"  - sremgr:\n{options}\n"
    )


def make_project(root: Path, checklists: dict[str, str], config: str, index: str) -> Path:
    """A Zensical project: mkdocs.yml, docs/index.md and checklists/ beside docs/."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "checklists").mkdir(exist_ok=True)
    for name, text in checklists.items():
        (root / "checklists" / name).write_text(text)
    (root / "docs" / "index.md").write_text(index)
    (root / "mkdocs.yml").write_text(config)
    return root / "mkdocs.yml"


def write_pages(config_file: Path) -> int:
    return sremgr_cli(["write-pages", "-f", str(config_file)])


def zensical_build(root: Path, *, clean: bool = True) -> subprocess.CompletedProcess[str]:
    """`zensical build --strict` in `root`, as a team runs it (its own process); without
    `clean`, Zensical uses the cache of the previous build."""
    return subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict", *(["--clean"] if clean else [])],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=300,
        check=False,
    )
