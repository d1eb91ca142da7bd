"""The pulse page loads its own script (sremgr-pulse.js) by a path relative to the page: it must
reach the shipped file in every front door and URL style, and nowhere else than that page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from interop_sites import ALPHA
from sites import MATERIAL, MKDOCS, make_site
from test_pulse_kind import PULSE
from zensical_site import make_project, write_pages, zensical_build, zensical_config

SCRIPT = re.compile(r'<script src="([^"]*sremgr-pulse\.js)"')


def script_target(page: Path) -> Path:
    """The file the pulse page's <script> points at, resolved from the page's folder."""
    found = SCRIPT.findall(page.read_text(encoding="utf-8"))
    assert len(found) == 1, found
    return (page.parent / found[0]).resolve()


@pytest.mark.parametrize("theme", [MATERIAL, MKDOCS])
@pytest.mark.parametrize("directory_urls", [True, False])
def test_the_pulse_page_loads_its_script_in_every_url_style(
    tmp_path: Path, theme: str, directory_urls: bool
) -> None:
    site = make_site(
        tmp_path,
        theme=theme,
        extra=f"use_directory_urls: {str(directory_urls).lower()}\n",
        checklists={"alpha.yml": ALPHA, "pulse.yml": PULSE},
    )
    out = site.build()
    page = out / (
        "handbook/pulse/our-pulse/index.html" if directory_urls else "handbook/pulse/our-pulse.html"
    )
    target = script_target(page)
    assert target == (out / "assets/sremgr/sremgr-pulse.js").resolve() and target.is_file()
    # only the pulse page loads it: the per-page bundle never does, nor any other page
    others = [p for p in out.rglob("*.html") if p != page]
    assert others and not any("sremgr-pulse.js" in p.read_text(encoding="utf-8") for p in others)


def test_the_pulse_page_loads_its_script_through_write_pages_and_zensical(tmp_path: Path) -> None:
    config = make_project(
        tmp_path, {"alpha.yml": ALPHA, "pulse.yml": PULSE}, zensical_config(), "# Home\n"
    )
    assert write_pages(config) == 0
    result = zensical_build(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    out = tmp_path / "site"
    target = script_target(out / "handbook/pulse/our-pulse/index.html")
    assert target == (out / "assets/sremgr/sremgr-pulse.js").resolve() and target.is_file()
