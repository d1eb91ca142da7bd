"""Other MkDocs plugins and engines, each built for real with the package installed.

Every test here backs a row of the compatibility table (docs/compatibility.md). Browser ticks
across languages and versions are in tests/browser/test_interop_browser.py.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from interop_sites import (
    ALPHA,
    HERO,
    MIKE,
    build_site,
    git,
    i18n_site,
    make_site,
    mike_site,
    read,
    storage_keys,
)

# -- mkdocs-static-i18n ----------------------------------------------------------------------


def test_static_i18n_builds_both_languages_with_assets_once(tmp_path: Path) -> None:
    site = build_site(i18n_site(tmp_path))
    for prefix in ("", "de/"):
        for page in ("handbook/alpha/", "handbook/dashboard/", "handbook/antipatterns/hero/", ""):
            html = read(site, f"{prefix}{page}index.html")
            assert len(re.findall(r'<script src="[^"]*assets/sremgr/sremgr\.js"', html)) == 1
            assert len(re.findall(r'href="[^"]*assets/sremgr/sremgr\.css"', html)) == 1
        assert 'data-sremgr-checklist="alpha"' in read(site, f"{prefix}handbook/alpha/index.html")
        assert "data-sremgr-dashboard" in read(site, f"{prefix}handbook/dashboard/index.html")
    # The German pages are German ones (the theme's strings), beside the English ones.
    assert '<html lang="de"' in read(site, "de/handbook/alpha/index.html")
    # The scripts they link exist, once, at the site's root, with the manifest.
    german = read(site, "de/handbook/dashboard/index.html")
    script = re.search(r'<script src="([^"]*assets/sremgr/sremgr\.js)"', german)
    assert script is not None
    assert (site / "de" / "handbook" / "dashboard" / script.group(1)).resolve().is_file()
    assert (site / "assets" / "sremgr" / "sremgr-dashboard.js").is_file()
    manifest = json.loads(read(site, "assets/sremgr/manifest.json"))
    # One key for both languages: the items are the same, so is the progress.
    assert manifest["checklists"][0]["url"] == "handbook/alpha/"  # the default language's
    keys = storage_keys(read(site, "handbook/alpha/index.html") + german)
    assert keys == {manifest["storage_key"]} == {"sremgr:v1:team-handbook"}
    # Links between generated pages stay within the language.
    hero = read(site, "de/handbook/antipatterns/hero/index.html")
    assert 'href="../../alpha/"' in hero


# -- mike ------------------------------------------------------------------------------------


def test_mike_versions_share_one_storage_key(tmp_path: Path) -> None:
    out = mike_site(tmp_path)
    keys = {
        version: storage_keys(read(out, f"{version}/handbook/alpha/index.html"))
        for version in ("1.0", "2.0", "latest")
    }
    # The key a site without mike gets from the same mkdocs.yml: nothing moves.
    assert keys == {v: {"sremgr:v1:docs-versioned-handbook"} for v in keys}
    assert "I did a third thing." in read(out, "2.0/handbook/alpha/index.html")
    manifest = json.loads(read(out, "1.0/assets/sremgr/manifest.json"))
    assert manifest["storage_key"] == "sremgr:v1:docs-versioned-handbook"


def test_mike_versions_apart_with_storage_namespace(tmp_path: Path) -> None:
    """The documented recipe for a team that keeps each version's progress apart."""
    config = MIKE.replace(
        "builtin: false", "builtin: false\n      storage_namespace: !ENV [MIKE_DOCS_VERSION, dev]"
    )
    out = mike_site(tmp_path, config)
    assert storage_keys(read(out, "1.0/handbook/alpha/index.html")) == {"sremgr:v1:1-0"}
    assert storage_keys(read(out, "2.0/handbook/alpha/index.html")) == {"sremgr:v1:2-0"}


def test_without_mike_the_key_is_unchanged(tmp_path: Path) -> None:
    """Existing sites keep their key: readers' progress is not stranded."""
    site = build_site(make_site(tmp_path, MIKE.replace("  - mike\n", "")))
    assert storage_keys(read(site, "handbook/alpha/index.html")) == {
        "sremgr:v1:docs-versioned-handbook"
    }


# -- mkdocs-macros ---------------------------------------------------------------------------


def test_macros_leave_generated_pages_alone(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs_macros")
    title = "Alpha {% raw %} and {{ checks }}"
    config = make_site(
        tmp_path,
        """\
        site_name: Macro handbook
        theme: {name: material, font: false}
        plugins:
          - macros
          - sremgr:
              builtin: false
        """,
        {"index.md": "# Home\n\nTwo is {{ 1 + 1 }}.\n"},
        {"alpha.yml": ALPHA.replace("title: Alpha checks", f'title: "{title}"')},
    )
    site = build_site(config)
    alpha = read(site, "handbook/alpha/index.html")
    assert "Macro Syntax Error" not in alpha
    assert alpha.count('class="sremgr-check"') == 2
    assert "Alpha {% raw %} and {{ checks }}</h1>" in alpha
    assert "Two is 2." in read(site, "index.html")  # macros still run on the team's pages


# -- mkdocs-awesome-nav ----------------------------------------------------------------------


def test_awesome_nav_keeps_the_handbook_where_nav_yml_puts_it(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs_awesome_nav")
    pages = {f"{name}.md": f"# {name.title()}\n" for name in ("index", "guide", "ops", "about")}
    pages[".nav.yml"] = textwrap.dedent("""\
        nav:
          - index.md
          - guide.md
          - Handbook: handbook
          - ops.md
          - about.md
        """)
    config = make_site(
        tmp_path,
        """\
        site_name: Nav handbook
        theme: {name: mkdocs, highlightjs: false}
        plugins:
          - awesome-nav
          - sremgr:
              builtin: false
        """,
        pages,
        {"alpha.yml": ALPHA, "hero.yml": HERO},
    )
    site = build_site(config)
    top = re.findall(
        r'<li class="nav-item(?: dropdown)?">\s*<a [^>]*class="nav-link[^"]*"[^>]*>([^<]+)</a>',
        read(site, "index.html"),
    )
    assert top[:5] == ["Index", "Guide", "Handbook", "Ops", "About"]


def test_awesome_nav_keeps_the_title_nav_yml_gives_the_section(tmp_path: Path) -> None:
    """A `.nav.yml` title for the handbook's folder is the author's: it stays (mkdocs-awesome-nav
    3.3 replaced it by "Handbook" unless `nav_section` was set too)."""
    pytest.importorskip("mkdocs_awesome_nav")
    pages = {f"{name}.md": f"# {name.title()}\n" for name in ("index", "ops")}
    pages[".nav.yml"] = "nav:\n  - index.md\n  - Our SRE rules: handbook\n  - ops.md\n"
    plugins = "plugins:\n  - awesome-nav\n  - sremgr:\n      builtin: false\n"
    config = make_site(
        tmp_path,
        "site_name: Nav handbook\ntheme: {name: mkdocs, highlightjs: false}\n" + plugins,
        pages,
        {"alpha.yml": ALPHA, "hero.yml": HERO},
    )
    html = read(build_site(config), "index.html")
    link = r'<li class="nav-item(?: dropdown)?">\s*<a [^>]*class="nav-link[^"]*"[^>]*>([^<]+)</a>'
    assert re.findall(link, html)[:3] == ["Index", "Our SRE rules", "Ops"]
    # `nav_section` set on purpose still names it.
    named = config.read_text().replace("builtin: false", "builtin: false\n      nav_section: Rules")
    config.write_text(named)
    html = read(build_site(config), "index.html")
    assert ">Rules</a>" in html and "Our SRE rules" not in html


# -- a nav that leaves the handbook out ------------------------------------------------------


NAV_SITE = "site_name: Navs\ntheme: {name: mkdocs, highlightjs: false}\n"


@pytest.mark.parametrize("how", ["nav", "literate-nav", "monorepo"])
def test_a_nav_that_leaves_the_handbook_out_is_a_warning_with_the_line_to_add(
    tmp_path: Path, how: str
) -> None:
    pages = {"index.md": "# Home\n", "ops.md": "# Ops\n"}
    if how == "nav":
        head = NAV_SITE + "nav: [index.md, ops.md]\nplugins:\n"
    elif how == "literate-nav":
        pytest.importorskip("mkdocs_literate_nav")
        pages["SUMMARY.md"] = "* [Home](index.md)\n* [Ops](ops.md)\n"
        head = NAV_SITE + "plugins:\n  - literate-nav\n"
    else:
        pytest.importorskip("mkdocs_monorepo_plugin")
        sub = tmp_path / "team"
        (sub / "docs").mkdir(parents=True)
        (sub / "docs" / "rota.md").write_text("# Rota\n")
        (sub / "mkdocs.yml").write_text("site_name: team\nnav: [rota.md]\n")
        head = NAV_SITE + "nav: [index.md, {Team: '!include team/mkdocs.yml'}]\nplugins:\n"
        head += "  - monorepo\n"
    config = make_site(
        tmp_path, head + "  - sremgr:\n      builtin: false\n", pages, {"alpha.yml": ALPHA}
    )
    with pytest.raises(Abort, match=r"Aborted with 1 warnings in strict mode"):
        build_site(config)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
    )
    assert "lists no page of the handbook" in result.stderr
    assert "add `- Handbook: handbook/dashboard.md`" in result.stderr
    # Left out on purpose: no warning.
    config.write_text(config.read_text() + "not_in_nav: handbook/\n")
    build_site(config)


def test_a_nav_that_lists_the_handbook_gives_no_warning(tmp_path: Path) -> None:
    head = NAV_SITE + "nav: [index.md, {Handbook: [handbook/dashboard.md, handbook/alpha.md]}]\n"
    config = make_site(
        tmp_path,
        head + "plugins:\n  - sremgr:\n      builtin: false\n",
        {"index.md": "# Home\n"},
        {"alpha.yml": ALPHA},
    )
    build_site(config)


# -- Material's blog -------------------------------------------------------------------------


def test_blog_excerpt_marker_becomes_a_link(tmp_path: Path) -> None:
    post = textwrap.dedent("""\
        ---
        date: 2024-01-31
        ---

        # Our first post

        Start with this:

        <!-- sremgr:checklist alpha -->

        A marker in an indented code block is an example:

            <!-- sremgr:dashboard -->

        <!-- more -->

        The rest.
        """)
    config = make_site(
        tmp_path,
        """\
        site_name: Blog handbook
        theme: {name: material, font: false}
        plugins:
          - blog
          - sremgr:
              builtin: false
        """,
        {"index.md": "# Home\n", "blog/index.md": "# Blog\n", "blog/posts/first.md": post},
    )
    site = build_site(config)
    for view, href in (
        ("blog/index.html", "../handbook/alpha/"),
        ("blog/archive/2024/index.html", "../../../handbook/alpha/"),
    ):
        html = read(site, view)
        assert "sremgr-slot" not in html
        assert f'Checklist: <a href="{href}">Alpha checks</a>' in html
        assert "<code>&lt;!-- sremgr:dashboard --&gt;" in html
    # The post itself has the whole checklist.
    post_html = read(site, "blog/2024/01/31/our-first-post/index.html")
    assert post_html.count('class="sremgr-check"') == 2


# -- git-revision-date-localized -------------------------------------------------------------


def test_generated_pages_carry_their_yaml_files_git_date(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs_git_revision_date_localized_plugin")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    config = make_site(
        tmp_path,
        """\
        site_name: Dated handbook
        repo_url: https://example.com/team/handbook
        edit_uri: edit/main/docs/
        theme: {name: material, font: false, features: [content.action.edit]}
        plugins:
          - git-revision-date-localized:
              type: iso_date
              enable_creation_date: true
          - sremgr:
              builtin: false
        """,
    )
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    when = "2021-03-04T10:00:00Z"
    dated = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    os.environ.update(dated)
    try:
        git(tmp_path, "commit", "-qm", "handbook")
    finally:
        for name in dated:
            os.environ.pop(name)
    site = build_site(config)
    alpha = read(site, "handbook/alpha/index.html")
    assert re.search(r"git-revision-date-localized-plugin-iso_date[^>]*>2021-03-04<", alpha)
    # The edit button opens the YAML file the page comes from.
    assert 'href="https://example.com/team/handbook/edit/main/docs/checklists/alpha.yml"' in alpha


# -- ProperDocs with its default theme -------------------------------------------------------


def test_properdocs_default_theme_builds(tmp_path: Path) -> None:
    pytest.importorskip("properdocs")
    config = make_site(
        tmp_path,
        """\
        site_name: Proper handbook
        theme: {name: mkdocs, highlightjs: false}
        plugins:
          - sremgr:
              builtin: false
        """,
    )
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(config)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    alpha = read(tmp_path / "site", "handbook/alpha/index.html")
    assert alpha.count('class="sremgr-check"') == 2
    assert "assets/sremgr/sremgr.js" in alpha
