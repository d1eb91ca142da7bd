"""Issue 18: one core behind the plugin, the Markdown extension and write-pages.

The same options are refused everywhere, write-pages writes only under docs_dir and never
through a symbolic link (nor do `init` and `new`), an id that would replace a generated page
is refused, a build lists every problem at once, and a renamed checklist keeps its links.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import markdown
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from interop_sites import ALPHA, HERO
from mkdocs_sremgr.cli import main as cli
from mkdocs_sremgr.errors import HandbookError
from sites import Site, make_site

ZENSICAL = (
    '[project]\nsite_name = "Zen"\ndocs_dir = "docs"\n'
    "[project.markdown_extensions.sremgr]\nbuiltin = false\n"
)


def zensical_project(tmp_path: Path, options: str = "") -> Path:
    (tmp_path / "checklists").mkdir(exist_ok=True)
    (tmp_path / "checklists" / "alpha.yml").write_text(ALPHA)
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    config = tmp_path / "zensical.toml"
    config.write_text(ZENSICAL + options)
    return config


def files_under(folder: Path) -> set[str]:
    return (
        {p.relative_to(folder).as_posix() for p in folder.rglob("*")} if folder.exists() else set()
    )


def convert(text: str, folder: Path, **options: object) -> str:
    configs = {"sremgr": {"checklists_dir": str(folder), "builtin": False, **options}}
    return markdown.markdown(text, extensions=["sremgr"], extension_configs=configs)


# -- the options: one rule each, in every front door ---------------------------------------------


def test_write_pages_refuses_a_url_prefix_that_leaves_docs_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    config = zensical_project(project, 'url_prefix = "../../escaped/"\n')
    assert cli(["write-pages", "-f", str(config)]) == 1
    err = capsys.readouterr().err
    assert "option `url_prefix`" in err and "must stay inside docs_dir" in err
    assert not (tmp_path / "escaped").exists()
    assert files_under(project / "docs") == {"index.md"}


@pytest.mark.parametrize(
    ("option", "toml", "message"),
    [
        ("fiscal_year_start", "fiscal_year_start = 99\n", "expected a month from 1 to 12, not 99"),
        ("exclude", 'exclude = "be-on-call"\n', "expected a list of ids such as [be-on-call]"),
        ("fiscal_year", "fiscal_year = 4\n", "unknown option `fiscal_year` (hint: did you mean"),
    ],
)
def test_write_pages_refuses_the_options_the_plugin_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, toml: str, message: str
) -> None:
    config = zensical_project(tmp_path, toml)
    assert cli(["write-pages", "-f", str(config)]) == 1
    err = capsys.readouterr().err
    assert (
        f"zensical.toml: {message}" in err or f"zensical.toml: option `{option}`: {message}" in err
    )
    assert files_under(tmp_path / "docs") == {"index.md"}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"fiscal_year_start": 99}, r"option `fiscal_year_start`: expected a month from 1 to 12"),
        ({"exclude": "be-on-call"}, r"option `exclude`: expected a list of ids"),
        ({"url_prefix": "../out/"}, r"option `url_prefix`: .* must stay inside docs_dir"),
    ],
)
def test_the_markdown_extension_refuses_the_options_the_plugin_refuses(
    tmp_path: Path, options: dict[str, object], message: str
) -> None:
    (tmp_path / "alpha.yml").write_text(ALPHA)
    with pytest.raises(HandbookError, match=message):
        convert("<!-- sremgr:checklist alpha -->\n", tmp_path, **options)


# -- write-pages, init and new never write through a symbolic link ------------------------------


def test_write_pages_refuses_a_linked_assets_folder_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    project = tmp_path / "project"
    project.mkdir()
    config = zensical_project(project)
    (project / "docs" / "assets").mkdir()
    (project / "docs" / "assets" / "sremgr").symlink_to(outside, target_is_directory=True)
    assert cli(["write-pages", "-f", str(config)]) == 1
    err = capsys.readouterr().err
    assert "docs/assets/sremgr is a symbolic link" in err and "nothing written" in err
    assert list(outside.iterdir()) == []
    assert not (project / "docs" / "handbook").exists()  # not even the pages


def test_write_pages_refuses_a_dangling_link_at_a_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    config = zensical_project(project)
    (project / "docs" / "handbook").mkdir()
    target = tmp_path / "created-elsewhere.md"
    (project / "docs" / "handbook" / "alpha.md").symlink_to(target)
    assert cli(["write-pages", "-f", str(config)]) == 1
    assert "alpha.md is a symbolic link (a dangling one)" in capsys.readouterr().err
    assert not target.exists()


def test_init_refuses_a_dangling_link(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "book" / "docs").mkdir(parents=True)
    target = tmp_path / "created-elsewhere.md"
    (tmp_path / "book" / "docs" / "index.md").symlink_to(target)
    assert cli(["init", str(tmp_path / "book")]) == 1
    assert "refusing to overwrite" in capsys.readouterr().err
    assert not target.exists()
    assert not (tmp_path / "book" / "mkdocs.yml").exists()


def test_init_refuses_a_linked_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "book" / "docs").mkdir(parents=True)
    (tmp_path / "book" / "docs" / "checklists").symlink_to(outside, target_is_directory=True)
    assert cli(["init", str(tmp_path / "book")]) == 1
    assert "docs/checklists is a symbolic link" in capsys.readouterr().err
    assert list(outside.iterdir()) == []
    assert not (tmp_path / "book" / "mkdocs.yml").exists()


def test_new_refuses_a_dangling_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_site(tmp_path)
    folder = tmp_path / "docs" / "checklists"
    folder.mkdir()
    target = tmp_path / "created-elsewhere.yml"
    (folder / "rota.yml").symlink_to(target)
    monkeypatch.chdir(tmp_path)
    assert cli(["new", "checklist", "rota"]) == 1
    assert "refusing to overwrite" in capsys.readouterr().err
    assert not target.exists()


# -- ids that would replace a generated page --------------------------------------------------


RESERVED = """\
id: {ident}
title: Ours
sections:
  - title: Basics
    items:
      - id: one
        text: One.
"""


@pytest.mark.parametrize("ident", ["dashboard", "antipatterns"])
def test_an_id_that_would_replace_a_generated_page_fails_the_strict_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, ident: str
) -> None:
    site = make_site(tmp_path, checklists={"ours.yml": RESERVED.format(ident=ident)})
    with pytest.raises((Abort, PluginError)):
        site.build(strict=True)
    assert f"docs/checklists/ours.yml:1:5: the checklist id `{ident}` is taken" in caplog.text
    assert f"choose another id, e.g. `our-{ident}`" in caplog.text


def test_a_former_id_that_would_replace_the_dashboard_is_refused(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    text = RESERVED.format(ident="ours").replace("title: Ours", "title: Ours\naliases: [dashboard]")
    site = make_site(tmp_path, checklists={"ours.yml": text})
    with pytest.raises((Abort, PluginError)):
        site.build(strict=True)
    assert "docs/checklists/ours.yml:3:11: the checklist id `dashboard` is taken" in caplog.text


# -- every problem in one pass ------------------------------------------------------------------


def test_a_build_reports_the_bad_markers_of_every_page_at_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = make_site(
        tmp_path,
        checklists={"alpha.yml": ALPHA},
        pages={
            "one.md": "# One\n\n<!-- sremgr:checklist alpah -->\n",
            "two.md": "# Two\n\n<!-- sremgr:checklist beta -->\n",
        },
    )
    for strict in (True, False):
        caplog.clear()
        with pytest.raises((Abort, PluginError)):
            site.build(strict=strict)
        assert "docs/one.md:3:1: unknown checklist `alpah` in marker" in caplog.text
        assert "docs/two.md:3:1: unknown checklist `beta` in marker" in caplog.text


def test_a_repeated_item_id_is_reported_with_a_schema_error_of_the_same_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    text = ALPHA.replace("id: two", "id: one") + "colour: red\n"
    site = make_site(tmp_path, checklists={"alpha.yml": text})
    with pytest.raises((Abort, PluginError)):
        site.build()
    assert "docs/checklists/alpha.yml:13:1: unknown key `colour`" in caplog.text
    assert "alpha.yml:11:13: item id `one` is used twice in checklist `alpha`" in caplog.text


def test_an_unknown_marker_in_an_indented_code_block_is_an_example(tmp_path: Path) -> None:
    page = (
        "# Guide\n\nWrite a marker like this:\n\n    <!-- sremgr:checklist your-id -->\n\n"
        "<!-- sremgr:checklist alpha -->\n"
    )
    site = make_site(tmp_path, checklists={"alpha.yml": ALPHA}, pages={"guide.md": page})
    site.build(strict=True)
    html = site.read("guide/index.html")
    assert "<code>&lt;!-- sremgr:checklist your-id --&gt;" in html
    assert 'data-sremgr-checklist="alpha"' in html


def test_validate_leaves_an_unknown_marker_in_code_alone_and_finds_one_outside(
    tmp_path: Path,
) -> None:
    """`validate` converts the page as the build does, so it agrees with the build."""
    example = "# Guide\n\nWrite a marker like this:\n\n    <!-- sremgr:checklist your-id -->\n"
    site = make_site(tmp_path, checklists={"alpha.yml": ALPHA}, pages={"guide.md": example})
    result = site.cli("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    (site.root / "docs" / "guide.md").write_text(example + "\n<!-- sremgr:checklist beta -->\n")
    result = site.cli("validate")
    assert result.returncode == 1
    assert "docs/guide.md:7:1: unknown checklist `beta`" in result.stdout + result.stderr
    assert "your-id" not in result.stdout + result.stderr


def test_the_markdown_extension_leaves_an_unknown_marker_in_code_alone(tmp_path: Path) -> None:
    (tmp_path / "alpha.yml").write_text(ALPHA)
    html = convert("Like this:\n\n    <!-- sremgr:checklist your-id -->\n", tmp_path)
    assert "<code>&lt;!-- sremgr:checklist your-id --&gt;" in html
    with pytest.raises(HandbookError, match="unknown checklist `your-id`"):
        convert("<!-- sremgr:checklist your-id -->\n", tmp_path)


# -- renames keep authors' links ----------------------------------------------------------------

RENAMED = ALPHA.replace("id: alpha\n", "id: alpha-habits\naliases: [alpha]\n")


def referenced_by_a_former_id(tmp_path: Path) -> Site:
    """A renamed checklist that a marker and an anti-pattern still name by its former id."""
    return make_site(
        tmp_path,
        checklists={"alpha.yml": RENAMED, "hero.yml": HERO},  # HERO names `alpha`
        pages={"guide.md": "# Guide\n\n<!-- sremgr:checklist alpha -->\n"},
    )


def test_a_reference_by_a_former_id_resolves_to_the_renamed_checklist(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = referenced_by_a_former_id(tmp_path)
    with caplog.at_level(logging.INFO):
        site.build(strict=True)
    assert (
        "docs/guide.md:3:1: `alpha` is a former id of the checklist `alpha-habits`" in caplog.text
    )
    assert (
        "docs/checklists/hero.yml:7:14: `alpha` is a former id of the checklist `alpha-habits`"
        in caplog.text
    )
    assert 'data-sremgr-checklist="alpha-habits"' in site.read("guide/index.html")
    hero = site.read("handbook/antipatterns/hero/index.html")
    assert 'href="../../alpha-habits/"' in hero


def test_validate_names_the_new_id_where_a_former_one_is_used(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """`validate` prints the INFO lines the build logs for a reference by a former id."""
    site = referenced_by_a_former_id(tmp_path)
    result = site.cli("validate")
    assert result.returncode == 0, result.stderr
    printed = result.stderr.splitlines()
    assert (
        "mkdocs-sremgr: info: docs/guide.md:3:1: `alpha` is a former id of the checklist "
        "`alpha-habits`, shown here (hint: write `alpha-habits` in the marker)"
    ) in printed
    assert (
        "mkdocs-sremgr: info: docs/checklists/hero.yml:7:14: `alpha` is a former id of the "
        "checklist `alpha-habits`, used for it (hint: write `alpha-habits`)"
    ) in printed
    with caplog.at_level(logging.INFO):
        site.build(strict=True)
    logged = [
        r.getMessage().removeprefix("mkdocs_sremgr: ")
        for r in caplog.records
        if "former id" in r.getMessage()
    ]
    assert len(logged) == 2
    assert {f"mkdocs-sremgr: info: {line}" for line in logged} <= set(printed)


def test_the_former_url_of_a_renamed_checklist_redirects(tmp_path: Path) -> None:
    site = make_site(
        tmp_path, checklists={"alpha.yml": RENAMED}, theme="{name: material, font: false}"
    )
    site.build(strict=True)
    old = site.read("handbook/alpha/index.html")
    # Its one script keeps the link's fragment (tests/browser/test_redirect.py); without
    # JavaScript the meta refresh goes, and the link is always there.
    assert (
        '<script src="../../assets/sremgr/sremgr-redirect.js" data-sremgr-from="alpha" '
        'data-sremgr-to="alpha-habits"></script>'
    ) in old
    assert (
        '<noscript><meta http-equiv="refresh" content="0; url=../alpha-habits/"></noscript>' in old
    )
    assert '<a href="../alpha-habits/">Alpha checks</a>' in old
    assert '<meta name="robots" content="noindex">' in old and old.count("<script") == 1
    assert "location.replace" in site.read("assets/sremgr/sremgr-redirect.js")
    assert "handbook/alpha/" not in site.read("index.html")  # not in the nav
    assert 'data-sremgr-checklist="alpha-habits"' in site.read("handbook/alpha-habits/index.html")


def test_an_unknown_reference_names_the_nearest_id(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    hero = HERO.replace("checklists: [alpha]", "checklists: [alpah-habits]")
    site = make_site(tmp_path, checklists={"alpha.yml": RENAMED, "hero.yml": hero})
    with pytest.raises((Abort, PluginError)):
        site.build()
    assert "unknown checklist `alpah-habits` (hint: did you mean `alpha-habits`?)" in caplog.text


def test_write_pages_writes_the_redirect_too(tmp_path: Path) -> None:
    config = zensical_project(tmp_path)
    (tmp_path / "checklists" / "alpha.yml").write_text(RENAMED)
    assert cli(["write-pages", "-f", str(config)]) == 0
    redirect = tmp_path / "docs" / "handbook" / "alpha" / "index.html"
    assert 'url=../alpha-habits/"' in redirect.read_text()
    # Rerun after the alias is dropped: the redirect it wrote goes.
    (tmp_path / "checklists" / "alpha.yml").write_text(RENAMED.replace("aliases: [alpha]\n", ""))
    assert cli(["write-pages", "-f", str(config)]) == 0
    assert not redirect.exists() and not redirect.parent.exists()
    # A page of the author's own at the former address is kept, alias or not.
    (tmp_path / "checklists" / "alpha.yml").write_text(RENAMED)
    redirect.parent.mkdir()
    redirect.write_text("<p>our own</p>")
    assert cli(["write-pages", "-f", str(config)]) == 0
    assert redirect.read_text() == "<p>our own</p>"


def test_mkdocs_build_still_runs_with_a_symlinked_docs_folder(tmp_path: Path) -> None:
    """The plugin does not write into docs_dir at all: a linked docs folder keeps working."""
    real = tmp_path / "real-docs"
    site = make_site(tmp_path / "p", checklists={"alpha.yml": ALPHA})
    os.rename(site.docs, real)
    site.docs.symlink_to(real, target_is_directory=True)
    build(load_config(config_file=str(site.config_file), strict=True))
    assert 'data-sremgr-checklist="alpha"' in site.read("handbook/alpha/index.html")


def test_a_page_of_the_authors_own_at_the_former_address_wins(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        checklists={"alpha.yml": RENAMED},
        pages={"handbook/alpha.md": "# Our own page about alpha\n"},
    )
    site.build(strict=True)
    old = site.read("handbook/alpha/index.html")
    assert "Our own page about alpha" in old and "refresh" not in old


def test_a_link_to_a_renamed_checklists_former_page_leads_to_its_page(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    guide = (
        "# Guide\n\nSee [the checks](handbook/alpha.md#alpha-habits--first).\n\n"
        "    [in code](handbook/alpha.md)\n"
    )
    site = make_site(tmp_path, checklists={"alpha.yml": RENAMED}, pages={"guide.md": guide})
    with caplog.at_level(logging.INFO):
        site.build(strict=True)  # MkDocs would warn of a link to a missing page
    html = site.read("guide/index.html")
    assert 'href="../handbook/alpha-habits/#alpha-habits--first"' in html
    assert "[in code](handbook/alpha.md)" in html
    assert (
        "docs/guide.md: the link `handbook/alpha.md#alpha-habits--first` names a renamed "
        "checklist's former page; it leads to `handbook/alpha-habits.md#alpha-habits--first`"
        in caplog.text
    )


def test_a_link_to_a_renamed_item_lands_on_it(tmp_path: Path) -> None:
    alpha = ALPHA.replace("      - id: one\n", "      - id: one\n        aliases: [first-one]\n")
    guide = "# Guide\n\nSee [the first](handbook/alpha.md#sremgr-alpha--first-one).\n"
    site = make_site(
        tmp_path,
        checklists={"alpha.yml": alpha},
        pages={"guide.md": guide},
        extra="validation:\n  anchors: warn\n",
    )
    site.build(strict=True)  # MkDocs would warn of a link to a missing anchor
    page = site.read("handbook/alpha/index.html")
    label = '<label for="sremgr-alpha--one" id="sremgr-alpha--one-text">'
    assert label + '<span id="sremgr-alpha--first-one"></span>' in page
