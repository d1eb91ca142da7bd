"""`mkdocs-sremgr init` writes a site that loads nothing from third parties (issue 22): no
Google Fonts (Material), no highlight.js from cdnjs (the default theme). Built for real."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mkdocs_sremgr.cli import main
from sites import build_site

#: Attributes through which a page makes the browser fetch something as it loads.
FETCHED = {"link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}


class _Loads(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = FETCHED.get(tag)
        for name, value in attrs:
            if name == wanted and value:
                self.urls.append(value)


def loaded_from_elsewhere(site: Path) -> dict[str, list[str]]:
    """Per built page (and stylesheet), what it fetches from another host."""
    found: dict[str, list[str]] = {}
    for page in sorted(site.rglob("*.html")):
        parser = _Loads()
        parser.feed(page.read_text(encoding="utf-8"))
        away = [u for u in parser.urls if re.match(r"(?i)\s*(https?:)?//", u)]
        if away:
            found[str(page.relative_to(site))] = away
    for sheet in sorted(site.rglob("*.css")):
        away = re.findall(
            r"(?i)(?:url\(\s*['\"]?|@import\s+['\"])((?:https?:)?//[^'\")]+)",
            sheet.read_text(encoding="utf-8", errors="replace"),
        )
        if away:
            found[str(sheet.relative_to(site))] = away
    return found


# None: init's own choice (Material, which the test environment has installed).
@pytest.mark.parametrize("theme", [None, "material", "mkdocs"])
def test_the_site_init_writes_loads_nothing_from_third_parties(
    tmp_path: Path, theme: str | None
) -> None:
    assert main(["init", str(tmp_path), *(["--theme", theme] if theme else [])]) == 0
    config = (tmp_path / "mkdocs.yml").read_text()
    assert f"name: {theme or 'material'}" in config
    site = build_site(tmp_path / "mkdocs.yml")
    pages = list(site.rglob("*.html"))
    assert len(pages) > 5  # the index, the dashboard, the checklists of the pack
    text = "\n".join(p.read_text(encoding="utf-8") for p in pages)
    assert "fonts.googleapis" not in text and "fonts.gstatic" not in text
    assert "cdnjs" not in text
    assert loaded_from_elsewhere(site) == {}


def test_the_check_sees_what_a_theme_loads(tmp_path: Path) -> None:
    """The check above can fail: the default theme as MkDocs ships it loads from cdnjs."""
    assert main(["init", str(tmp_path), "--theme", "mkdocs"]) == 0
    config = tmp_path / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^  highlightjs: false.*\n", "", config.read_text()))
    found = loaded_from_elsewhere(build_site(config))
    assert any("cdnjs.cloudflare.com" in u for urls in found.values() for u in urls), found
