"""Common MkDocs plugins beside the handbook, each built for real (`mkdocs build --strict`).

Each case backs a row of docs/compatibility.md: the plugin runs with its usual settings in a
tiny handbook, the build raises no warning, and what the row promises is checked in the built
site (the checklist still ticks: its markup and scripts are there; what the plugin adds is there).
"""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from interop_sites import ALPHA, HERO, make_site, read
from techdocs_env import TechDocs

HEAD = """\
site_name: Matrix handbook
site_url: https://handbook.example/
theme: {name: material, font: false}
"""


@dataclass(frozen=True)
class Case:
    module: str  # the import name that tells the plugin is installed
    plugins: str  # the lines under `plugins:` before sremgr
    check: Callable[[Path], None]
    pages: dict[str, str] = field(default_factory=dict)
    extra: str = ""  # more of mkdocs.yml
    files: dict[str, str] = field(default_factory=dict)  # files beside mkdocs.yml


def checklist_works(site: Path, page: str = "handbook/alpha/index.html") -> str:
    html = read(site, page)
    # Quotes optional: minify drops them.
    assert re.search(r'data-sremgr-checklist="?alpha', html)
    assert re.search(r'<script src="?[^" >]*assets/sremgr/sremgr\.js', html)
    assert (site / "assets" / "sremgr" / "sremgr.js").is_file()
    return html


def _section_index(site: Path) -> None:
    checklist_works(site)
    # The section's own index page is the section's link; the handbook's pages sit beside it.
    assert "Guides" in read(site, "guides/index.html")


def _gen_files(site: Path) -> None:
    checklist_works(site)
    generated = read(site, "generated/index.html")
    assert 'data-sremgr-checklist="alpha"' in generated  # a marker in a gen-files page


def _mkdocstrings(site: Path) -> None:
    checklist_works(site)
    assert "Say hello to a team." in read(site, "api/index.html")


def _redirects(site: Path) -> None:
    checklist_works(site)
    redirect = read(site, "old-alpha/index.html")
    assert "handbook/alpha/" in redirect


def _minify(site: Path) -> None:
    html = checklist_works(site)
    assert "\n\n" not in html  # minified
    assert re.search(r'data-sremgr-item="?one', html)


def _glightbox(site: Path) -> None:
    checklist_works(site)
    assert "glightbox" in read(site, "index.html")


def _print_site(site: Path) -> None:
    checklist_works(site)
    printed = read(site, "print_page/index.html")
    assert "Alpha checks" in printed and "I did the first thing." in printed


def _material_builtin(site: Path) -> None:
    html = checklist_works(site)
    assert "fonts.googleapis" not in html


def _offline(site: Path) -> None:
    checklist_works(site, "handbook/alpha.html")  # offline turns directory URLs off
    assert (site / "search" / "search_index.js").is_file()


CASES = {
    "section-index": Case(
        "mkdocs_section_index",
        "  - section-index\n",
        _section_index,
        pages={"guides/index.md": "# Guides\n", "guides/one.md": "# One\n"},
    ),
    "gen-files": Case(
        "mkdocs_gen_files",
        "  - gen-files:\n      scripts: [gen_pages.py]\n",
        _gen_files,
        files={
            "gen_pages.py": textwrap.dedent("""\
                import mkdocs_gen_files

                with mkdocs_gen_files.open("generated.md", "w") as page:
                    page.write("# Generated\\n\\n<!-- sremgr:checklist alpha -->\\n")
                """)
        },
    ),
    "mkdocstrings": Case(
        "mkdocstrings",
        "  - mkdocstrings:\n      handlers:\n        python:\n          paths: [src]\n",
        _mkdocstrings,
        pages={"api.md": "# API\n\n::: teamtools.hello\n"},
        files={
            "src/teamtools.py": textwrap.dedent('''\
                def hello(team: str) -> str:
                    """Say hello to a team."""
                    return f"Hello, {team}"
                ''')
        },
    ),
    "redirects": Case(
        "mkdocs_redirects",
        "  - redirects:\n      redirect_maps:\n        old-alpha.md: handbook/alpha.md\n",
        _redirects,
    ),
    "minify": Case(
        "mkdocs_minify_plugin",
        "  - minify:\n      minify_html: true\n",
        _minify,
    ),
    "glightbox": Case("mkdocs_glightbox", "  - glightbox\n", _glightbox),
    "print-site": Case("mkdocs_print_site_plugin", "", _print_site, extra=""),
    # Material's own bundle names Mermaid on unpkg, which this machine cannot fetch.
    "material-privacy": Case(
        "material", "  - privacy:\n      assets_exclude: [unpkg.com/*]\n", _material_builtin
    ),
    "material-offline": Case("material", "  - search\n  - offline\n", _offline),
    "material-optimize": Case("material", "  - optimize\n", _material_builtin),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_common_plugin_builds_beside_the_handbook(tmp_path: Path, name: str) -> None:
    case = CASES[name]
    importlib.import_module(case.module)  # installed by the test extra: never skipped
    plugins = case.plugins + "  - sremgr:\n      builtin: false\n"
    if name == "print-site":  # print-site wants to be last
        plugins = "  - sremgr:\n      builtin: false\n  - print-site\n"
    pages = {"index.md": "# Home\n", **case.pages}
    config = make_site(
        tmp_path,
        HEAD + case.extra + "plugins:\n" + plugins,
        pages,
        {"alpha.yml": ALPHA, "hero.yml": HERO},
    )
    for name_, text in case.files.items():
        (tmp_path / name_).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name_).write_text(text)
    # `mkdocs build` in a process of its own, as a team runs it (plugins start in on_startup).
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"},
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert not re.search(r"^WARNING +-", result.stderr, re.MULTILINE), result.stderr
    case.check(tmp_path / "site")


def test_mkdocs_rss_plugin_with_its_defaults_builds(tmp_path: Path, rss_venv: TechDocs) -> None:
    """mkdocs-rss-plugin 1.19 read every page's `abs_src_path`; generated pages had none and
    the build crashed (`TypeError` in `Path(None)`). In a venv of its own (conftest.rss_venv)."""
    make_site(
        tmp_path,
        "site_name: Feed handbook\nsite_url: https://handbook.example/\n"
        "theme: {name: mkdocs, highlightjs: false}\n"
        "plugins:\n  - search\n  - sremgr\n  - rss\n",
        {"index.md": "# Home\n"},
        {"alpha.yml": ALPHA, "hero.yml": HERO},
    )
    # The feed reads dates from git: the project is a repository, as a team's is.
    for args in (["init", "-q"], ["add", "-A"]):
        subprocess.run(["git", *args], cwd=tmp_path, check=True)
    subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "x"],
        cwd=tmp_path,
        check=True,
    )
    result = rss_venv.build(tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (
        "https://handbook.example/handbook/"
        in (tmp_path / "site" / "feed_rss_created.xml").read_text()
    )
    checklist_works(tmp_path / "site")
