"""The `sremgr` Markdown extension under plain Python-Markdown (no engine context)."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from interop_sites import ALPHA, HERO
from mkdocs_sremgr.errors import HandbookError


def convert(text: str, folder: Path, **options: object) -> str:
    configs = {"sremgr": {"checklists_dir": str(folder), "builtin": False, **options}}
    # By its entry point name, as Zensical and mkdocs.yml name it.
    return markdown.markdown(text, extensions=["admonition", "sremgr"], extension_configs=configs)


def test_markers_expand_with_links_from_the_site_root(tmp_path: Path) -> None:
    (tmp_path / "alpha.yml").write_text(ALPHA)
    (tmp_path / "hero.yml").write_text(HERO)
    html = convert(
        "# Page\n\n<!-- sremgr:antipattern hero -->\n\n`<!-- sremgr:checklist alpha -->`\n",
        tmp_path,
        site_name="Our book",
    )
    assert 'data-sremgr-antipattern="hero"' in html
    assert 'href="/handbook/alpha/"' in html  # no page context: from the root
    assert "<code>&lt;!-- sremgr:checklist alpha --&gt;</code>" in html  # code stays code
    checklist = convert("<!-- sremgr:checklist alpha -->\n", tmp_path, site_name="Our book")
    assert 'data-sremgr-storage-key="sremgr:v1:our-book"' in checklist
    assert checklist.count('class="sremgr-check"') == 2


def test_unknown_id_and_bad_yaml_raise(tmp_path: Path) -> None:
    (tmp_path / "alpha.yml").write_text(ALPHA)
    with pytest.raises(HandbookError, match=r"unknown checklist `alpah`.*did you mean `alpha`"):
        convert("<!-- sremgr:checklist alpah -->\n", tmp_path)
    (tmp_path / "broken.yml").write_text("id: broken\ntitle: [unclosed\n")
    with pytest.raises(HandbookError, match=r"broken\.yml:3:1: YAML syntax error"):
        convert("<!-- sremgr:checklist alpha -->\n", tmp_path)


def test_the_language_option_translates_the_markup(tmp_path: Path) -> None:
    (tmp_path / "alpha.yml").write_text(ALPHA)
    english = convert("<!-- sremgr:checklist alpha -->\n", tmp_path)
    german = convert("<!-- sremgr:checklist alpha -->\n", tmp_path, language="de")
    assert "Mark reviewed today" in english and "Mark reviewed today" not in german
    assert "Heute als geprüft markieren" in german and "2 Einträge" in german


def test_write_pages_writes_the_strings_of_the_sites_language(tmp_path: Path) -> None:
    from mkdocs_sremgr.publish import load_published
    from mkdocs_sremgr.render import MarkdownRenderer
    from mkdocs_sremgr.standalone import options_from_config, write_pages

    (tmp_path / "checklists").mkdir()
    (tmp_path / "checklists" / "alpha.yml").write_text(ALPHA)
    config = tmp_path / "zensical.toml"
    config.write_text(
        '[project]\nsite_name = "Buch"\ndocs_dir = "docs"\n[project.theme]\nlanguage = "de"\n'
        "[project.markdown_extensions.sremgr]\nbuiltin = false\n"
    )
    options, docs, _ = options_from_config(config)
    assert options.language == "de"
    written = write_pages(load_published(options, MarkdownRenderer([], {})), docs)
    names = {p.name for p in written}
    assert {"strings.de.js", "strings.de.dashboard.js"} <= names
    assert "title: Übersicht" in (docs / "handbook" / "dashboard.md").read_text()


def test_the_strings_option_overrides_single_strings_as_the_plugin_does(tmp_path: Path) -> None:
    (tmp_path / "alpha.yml").write_text(ALPHA)
    strings = {"item.note": "Evidence", "de": {"item.na": "Passt nicht zu uns"}}
    english = convert("<!-- sremgr:checklist alpha -->\n", tmp_path, strings=strings)
    german = convert("<!-- sremgr:checklist alpha -->\n", tmp_path, language="de", strings=strings)
    assert ">Evidence</button>" in english and ">Not for me</button>" in english
    assert ">Passt nicht zu uns</button>" in german and ">Evidence</button>" in german
    with pytest.raises(ValueError, match=r"`checklist.items` must be a text"):
        convert("<!-- sremgr:checklist alpha -->\n", tmp_path, strings={"checklist.items": [1]})


def test_write_pages_carries_the_strings_option_into_the_data_script(tmp_path: Path) -> None:
    from mkdocs_sremgr.publish import load_published
    from mkdocs_sremgr.render import MarkdownRenderer
    from mkdocs_sremgr.standalone import options_from_config, write_pages

    (tmp_path / "checklists").mkdir()
    (tmp_path / "checklists" / "alpha.yml").write_text(ALPHA)
    config = tmp_path / "zensical.toml"
    config.write_text(
        '[project]\nsite_name = "Book"\ndocs_dir = "docs"\n'
        "[project.markdown_extensions.sremgr]\nbuiltin = false\n"
        '[project.markdown_extensions.sremgr.strings]\n"progress.notSaved" = "Looks right"\n'
    )
    options, docs, _ = options_from_config(config)
    write_pages(load_published(options, MarkdownRenderer([], {})), docs)
    assert "Looks right" in (docs / "assets" / "sremgr" / "strings.en.js").read_text()


def test_a_strings_warning_is_given_once_not_on_every_page(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "alpha.yml").write_text(ALPHA)
    with caplog.at_level("WARNING"):
        for _ in range(3):  # an engine makes one Markdown instance per page
            convert("<!-- sremgr:checklist alpha -->\n", tmp_path, strings={"item.nA": "x"})
    warned = [r for r in caplog.records if "`item.nA` is no string" in r.getMessage()]
    assert len(warned) == 1, [r.getMessage() for r in caplog.records]
