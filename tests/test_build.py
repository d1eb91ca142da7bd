"""Real builds of tiny sites: the HTML, nav, markers, templates, search, manifest and assets."""

from __future__ import annotations

import hashlib
import json
import logging
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import Navigation, Section, get_navigation

import sites
from mkdocs_sremgr import handbook as handbook_module
from sites import MATERIAL, MKDOCS, build_site

ROTA = """\
id: rota
title: On-call rota
lesson: Be on call **yourself**.
order: 1
tags: [operations, people]
antipatterns: [hero]
sections:
  - title: Before the shift
    items:
      - id: on-rotation
        text: I hold a primary shift every quarter.
        weight: 2
        aliases: [old-rotation, older-rotation]
        details: |
          Managers who page know the pain.

          !!! note "Tip"
              Start with a secondary shift.
      - id: runbooks
        text: I read the runbooks for `billing`.
  - id: after
    title: After the shift
    items:
      - id: handover
        text: I wrote a handover note.
"""

REVIEW = """\
id: review
title: Incident review
order: 2
cadence: monthly
sections:
  - title: In the room
    items:
      - id: no-blame
        text: Nobody was blamed.
"""

HERO = """\
kind: antipattern
id: hero
title: The on-call hero
summary: One person answers every page.
symptoms: [The same name on every timeline.]
instead: [Pair the hero with a second responder.]
"""


def make_site(
    tmp_path: Path, *, checklists: dict[str, str | bytes] | None = None, **options: Any
) -> Path:
    """The shared factory (tests/sites.py) with this file's three entries by default."""
    if checklists is None:
        checklists = {"rota.yml": ROTA, "review.yml": REVIEW, "hero.yml": HERO}
    return sites.make_site(tmp_path, checklists=checklists, **options).config_file


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


class Tags(HTMLParser):
    """Collects start tags with their attributes, and inline script bodies."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.inline_scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script" and "src" not in dict(attrs)

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.inline_scripts.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [
            a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())
        ]


def parse(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    return parser


# -- the checklist page --------------------------------------------------------------------


@pytest.mark.parametrize("theme", [MATERIAL, MKDOCS])
def test_checklist_page_has_real_form_controls(tmp_path: Path, theme: str) -> None:
    site = build_site(make_site(tmp_path, theme=theme))
    html = read(site, "handbook/rota/index.html")
    tags = parse(html)

    boxes = [b for b in tags.find("input", type="checkbox") if b.get("class") == "sremgr-check"]
    # Material's own drawer/toc toggles are checkboxes too; every other one is ours.
    assert all(
        b["id"].startswith("__") for b in tags.find("input", type="checkbox") if b not in boxes
    )
    assert [b["id"] for b in boxes] == [
        "sremgr-rota--on-rotation",
        "sremgr-rota--runbooks",
        "sremgr-rota--handover",
    ]
    labels = {a["for"] for a in tags.find("label")}
    assert labels >= {b["id"] for b in boxes}
    items = tags.find("li", **{"class": "sremgr-item"})
    assert [f"sremgr-rota--{li['data-sremgr-item']}" for li in items] == [b["id"] for b in boxes]
    # The buttons only work with the script: Material's search leaves them out.
    # Each item's buttons are one toolbar named by the item's text.
    tools = re.findall(
        r'<span class="sremgr-tools" role="toolbar" aria-labelledby="([^"]+)" data-search-exclude>',
        html,
    )
    assert tools == [f"{b['id']}-text" for b in boxes]
    assert len(tags.find("fieldset", **{"data-sremgr-section": "before-the-shift"})) == 1
    assert len(tags.find("fieldset", **{"data-sremgr-section": "after"})) == 1
    assert html.count("<legend>") == 2
    assert '<legend><h2 id="rota--before-the-shift">Before the shift</h2></legend>' in html
    root = tags.find("div", **{"data-sremgr-checklist": "rota"})
    assert root and root[0]["data-sremgr-storage-key"] == "sremgr:v1:test-book"
    item = tags.find("li", **{"data-sremgr-item": "on-rotation"})[0]
    assert item["data-sremgr-weight"] == "2"
    assert item["data-sremgr-aliases"] == "old-rotation older-rotation"
    plain = tags.find("li", **{"data-sremgr-item": "handover"})[0]  # defaults are left out
    assert "data-sremgr-weight" not in plain and "data-sremgr-aliases" not in plain
    assert (
        item["data-sremgr-fp"]
        == hashlib.sha256(b"I hold a primary shift every quarter.").hexdigest()[:8]
    )
    # Inline Markdown in the label, a link to the related anti-pattern page.
    assert "<code>billing</code>" in html and "<strong>yourself</strong>" in html
    assert 'href="../antipatterns/hero/"' in html
    # The section headings are the page's table of contents.
    assert 'href="#rota--after"' in html


def test_antipattern_and_dashboard_pages(tmp_path: Path) -> None:
    site = build_site(make_site(tmp_path))
    antipattern = read(site, "handbook/antipatterns/hero/index.html")
    assert 'data-sremgr-antipattern="hero"' in antipattern
    assert "Pair the hero with a second responder." in antipattern
    assert 'href="../../rota/"' in antipattern  # linked both ways
    dashboard = read(site, "handbook/dashboard/index.html")
    assert "data-sremgr-dashboard" in dashboard
    assert 'href="../rota/"' in dashboard and 'href="../review/"' in dashboard
    assert not list(site.rglob("*.yml")), "checklist YAML must not be copied into the site"


def test_checklist_section_ids_and_details_use_site_extensions(tmp_path: Path) -> None:
    site = build_site(make_site(tmp_path, extra="markdown_extensions: [admonition]\n"))
    html = read(site, "handbook/rota/index.html")
    details = html[html.index('<details class="sremgr-details">') :]
    details = details[: details.index("</details>")]
    assert '<div class="admonition note">' in details
    assert '<p class="admonition-title">Tip</p>' in details
    assert "<p>Managers who page know the pain.</p>" in details


def test_without_admonition_the_block_stays_text(tmp_path: Path) -> None:
    site = build_site(make_site(tmp_path))
    assert 'class="admonition' not in read(site, "handbook/rota/index.html")


# -- nav -----------------------------------------------------------------------------------


def navigation(config_file: Path) -> Navigation:
    """The nav as MkDocs hands it to templates, after every plugin's on_nav."""
    config: MkDocsConfig = load_config(config_file=str(config_file))
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    nav = get_navigation(files, config)
    return config.plugins.on_nav(nav, config=config, files=files)


def titles(items: list[Any]) -> list[Any]:
    """Section titles and page sources (page titles are known only once pages are read)."""
    return [
        (i.title, titles(i.children)) if isinstance(i, Section) else i.file.src_uri for i in items
    ]


def test_nav_without_user_nav_gathers_pages_under_nav_section(tmp_path: Path) -> None:
    config = make_site(
        tmp_path, pages={"guide.md": "# Guide\n"}, options="      nav_section: Team book\n"
    )
    nav = navigation(config)
    assert titles(nav.items) == [
        "index.md",
        "guide.md",
        (
            "Team book",
            [
                "handbook/dashboard.md",
                "handbook/rota.md",
                "handbook/review.md",
                ("Anti-patterns", ["handbook/antipatterns/hero.md"]),
            ],
        ),
    ]
    assert [p.file.src_uri for p in nav.pages][-1] == "handbook/antipatterns/hero.md"
    assert nav.pages[2].previous_page is nav.pages[1]
    assert nav.pages[-1].next_page is None

    site = build_site(config)
    assert "Team book" in read(site, "index.html")


def test_user_nav_lists_a_generated_page(tmp_path: Path) -> None:
    config = make_site(tmp_path, extra="nav:\n  - index.md\n  - Our rota: handbook/rota.md\n")
    nav = navigation(config)
    assert titles(nav.items) == ["index.md", "handbook/rota.md"]
    assert nav.items[1].title == "Our rota"
    site = build_site(config)
    home = read(site, "index.html")
    assert 'href="handbook/rota/"' in home
    assert "Handbook" not in home
    assert 'data-sremgr-checklist="rota"' in read(site, "handbook/rota/index.html")
    # Pages left out of the user's nav are still built and reachable.
    assert (site / "handbook" / "review" / "index.html").is_file()


# -- markers in hand-written pages ---------------------------------------------------------


GUIDE = """\
# Guide

Our rota:

<!-- sremgr:checklist rota -->

And the trap:

<!--sremgr:antipattern hero-->
"""


@pytest.mark.parametrize("theme", [MATERIAL, MKDOCS])
def test_markers_render_in_a_hand_written_page(tmp_path: Path, theme: str) -> None:
    site = build_site(make_site(tmp_path, theme=theme, pages={"team/guide.md": GUIDE}))
    html = read(site, "team/guide/index.html")
    assert 'data-sremgr-checklist="rota"' in html
    assert 'id="sremgr-rota--on-rotation"' in html
    assert 'data-sremgr-antipattern="hero"' in html
    assert "<!-- sremgr:" not in html and "sremgr-slot" not in html
    assert 'href="../../handbook/antipatterns/hero/"' in html
    assert "<p><div" not in html  # the slot's paragraph is dropped


def test_unknown_marker_id_fails_with_page_line_and_did_you_mean(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = make_site(
        tmp_path, pages={"team/guide.md": GUIDE.replace("checklist rota", "checklist rot")}
    )
    with pytest.raises(Abort):
        build_site(config)
    assert (
        "docs/team/guide.md:5:1: unknown checklist `rot` in marker (hint: did you mean `rota`?)"
    ) in caplog.text


def test_unknown_marker_kind(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = make_site(tmp_path, pages={"g.md": "# G\n\nText <!-- sremgr:checklst rota -->\n"})
    with pytest.raises(Abort):
        build_site(config)
    assert (
        "docs/g.md:3:6: unknown marker `sremgr:checklst` (hint: did you mean `checklist`?)"
        in caplog.text
    )


def test_marker_in_a_code_fence_is_left_alone(tmp_path: Path) -> None:
    page = (
        "# Howto\n\nWrite:\n\n```html\n<!-- sremgr:checklist nope -->\n```\n\n"
        "~~~\n<!-- sremgr:antipattern nope -->\n~~~\n\n<!-- sremgr:checklist review -->\n"
    )
    site = build_site(make_site(tmp_path, pages={"howto.md": page}))
    html = read(site, "howto/index.html")
    assert "&lt;!-- sremgr:checklist nope --&gt;" in html
    assert "&lt;!-- sremgr:antipattern nope --&gt;" in html
    assert 'data-sremgr-checklist="review"' in html
    assert 'data-sremgr-checklist="nope"' not in html


def test_marker_in_inline_code_and_nested_fences_is_left_alone(tmp_path: Path) -> None:
    page = (
        "# Howto\n\nWrite `<!-- sremgr:checklist nope -->` or "
        "``<!-- sremgr:antipattern nope -->``.\n\n"
        "````md\n```\n<!-- sremgr:checklist nope -->\n```\n````\n\n"
        "<!-- sremgr:checklist review -->\n"
    )
    site = build_site(make_site(tmp_path, pages={"howto.md": page}))
    html = read(site, "howto/index.html")
    assert "<code>&lt;!-- sremgr:checklist nope --&gt;</code>" in html
    assert "<code>&lt;!-- sremgr:antipattern nope --&gt;</code>" in html
    assert "```\n&lt;!-- sremgr:checklist nope --&gt;\n```" in html
    assert html.count("data-sremgr-checklist=") == html.count('data-sremgr-checklist="review"')
    assert "sremgr-slot" not in html


def test_marker_inside_an_admonition_stays_inside(tmp_path: Path) -> None:
    page = (
        '# Note\n\n!!! note "Our rota"\n    Before.\n\n'
        "    <!-- sremgr:checklist rota -->\n\n    After.\n\nOutside.\n\n"
        "Indented code:\n\n    <!-- sremgr:checklist review -->\n"
    )
    site = build_site(
        make_site(tmp_path, extra="markdown_extensions: [admonition]\n", pages={"note.md": page})
    )
    html = read(site, "note/index.html")
    note = html[html.index('<div class="admonition note">') : html.index("<p>Outside.</p>")]
    assert 'data-sremgr-checklist="rota"' in note
    assert (
        note.index("<p>Before.</p>")
        < note.index("data-sremgr-checklist")
        < note.index("<p>After.</p>")
    )
    # An indented code block shows the marker as written, like any code.
    assert "<pre><code>&lt;!-- sremgr:checklist review --&gt;" in html
    assert 'data-sremgr-checklist="review"' not in html
    assert "sremgr-slot" not in html


# -- customising ---------------------------------------------------------------------------


def test_template_override_from_custom_dir(tmp_path: Path) -> None:
    override = tmp_path / "overrides" / "sremgr"
    override.mkdir(parents=True)
    (override / "checklist.html").write_text(
        '<div class="our-list" data-sremgr-checklist="{{ checklist.id }}">'
        "{% for item in checklist.items %}<p>{{ item.text | inline }}</p>{% endfor %}</div>\n"
    )
    config = make_site(tmp_path, theme="{name: material, font: false, custom_dir: overrides}")
    site = build_site(config)
    html = read(site, "handbook/rota/index.html")
    assert '<div class="our-list" data-sremgr-checklist="rota">' in html
    assert "<p>I read the runbooks for <code>billing</code>.</p>" in html
    assert "<fieldset" not in html
    # Templates not overridden still come from the package.
    assert 'data-sremgr-antipattern="hero"' in read(site, "handbook/antipatterns/hero/index.html")


def test_material_tags_plugin_lists_checklist_tags(tmp_path: Path) -> None:
    config = make_site(
        tmp_path,
        theme=MATERIAL,
        plugins="  - tags\n",
        pages={"tags.md": "# Tags\n\n<!-- material/tags -->\n"},
    )
    site = build_site(config)
    index = read(site, "tags/index.html")
    listing = index[index.index("<article") : index.index("</article>")]
    for tag in ("operations", "people"):
        assert tag in listing
    assert "../handbook/rota/" in listing
    assert "On-call rota" in listing
    assert "Incident review" not in listing  # it has no tags


def test_tags_are_shown_once(tmp_path: Path) -> None:
    """With Material's tags plugin the page's own tag chips are enough; a marker page and
    the default theme still show the checklist's tags in its meta line."""
    config = make_site(
        tmp_path / "m",
        theme=MATERIAL,
        plugins="  - tags\n",
        pages={"embed.md": "# Embed\n\n<!-- sremgr:checklist rota -->\n"},
    )
    site = build_site(config)
    assert 'class="sremgr-tags"' not in read(site, "handbook/rota/index.html")
    assert 'class="sremgr-tags"' in read(site, "embed/index.html")
    plain = build_site(make_site(tmp_path / "d"))
    assert 'class="sremgr-tags"' in read(plain, "handbook/rota/index.html")


def test_search_index_contains_item_text(tmp_path: Path) -> None:
    site = build_site(make_site(tmp_path, plugins="  - search\n"))
    index = json.loads(read(site, "search/search_index.json"))
    rota = [d for d in index["docs"] if d["location"].startswith("handbook/rota/")]
    assert rota
    assert any("I hold a primary shift every quarter." in d["text"] for d in rota)
    assert any(d["location"] == "handbook/rota/#rota--after" for d in rota)


def test_material_search_leaves_out_the_controls(tmp_path: Path) -> None:
    """The controls' words would repeat in the index on every item: `data-search-exclude`."""
    site = build_site(make_site(tmp_path, theme=MATERIAL, plugins="  - search\n"))
    index = json.loads(read(site, "search/search_index.json"))
    words = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("handbook/rota/"))
    assert "I hold a primary shift every quarter." in words
    for control in ("Not for me", "Why and how", "Mark reviewed today", "Reset this checklist"):
        assert control not in words, control


# -- manifest and assets -------------------------------------------------------------------


def test_manifest_contents(tmp_path: Path) -> None:
    config = make_site(
        tmp_path,
        extra="site_url: https://example.org/sre/team/\n",
        options="      fiscal_year_start: 4\n",
    )
    site = build_site(config)
    manifest = json.loads(read(site, "assets/sremgr/manifest.json"))
    assert manifest["format"] == 1
    assert manifest["storage_key"] == "sremgr:v1:sre-team-test-book"
    assert manifest["fiscal_year_start"] == 4
    assert manifest["dashboard_url"] == "handbook/dashboard/"
    assert [c["id"] for c in manifest["checklists"]] == ["rota", "review"]
    rota = manifest["checklists"][0]
    assert (rota["title"], rota["url"], rota["cadence"]) == (
        "On-call rota",
        "handbook/rota/",
        "quarterly",
    )
    assert rota["tags"] == ["operations", "people"]
    assert [s["id"] for s in rota["sections"]] == ["before-the-shift", "after"]
    first = rota["sections"][0]["items"][0]
    assert first["id"] == "on-rotation"
    assert first["weight"] == 2
    assert first["aliases"] == ["old-rotation", "older-rotation"]
    assert first["fp"] == hashlib.sha256(b"I hold a primary shift every quarter.").hexdigest()[:8]
    assert rota["sections"][0]["items"][1]["aliases"] == []
    assert rota["sections"][0]["items"][1]["weight"] == 1
    assert manifest["checklists"][1]["cadence"] == "monthly"
    assert (site / "assets" / "sremgr" / "sremgr.schema.json").is_file()


@pytest.mark.parametrize(
    ("extra", "options", "key"),
    [
        ("", "      storage_namespace: Our Team!\n", "sremgr:v1:our-team"),
        ("site_url: https://example.org/\n", "", "sremgr:v1:test-book"),
    ],
)
def test_storage_key(tmp_path: Path, extra: str, options: str, key: str) -> None:
    site = build_site(make_site(tmp_path, extra=extra, options=options))
    assert json.loads(read(site, "assets/sremgr/manifest.json"))["storage_key"] == key
    assert f'data-sremgr-storage-key="{key}"' in read(site, "handbook/rota/index.html")


@pytest.mark.parametrize("theme", [MATERIAL, MKDOCS])
def test_assets_on_every_page_without_inline_script(tmp_path: Path, theme: str) -> None:
    site = build_site(make_site(tmp_path, theme=theme, pages={"deep/er/page.md": "# Deep\n"}))
    for asset in ("sremgr.js", "sremgr-dashboard.js", "sremgr.css"):
        assert (site / "assets" / "sremgr" / asset).is_file()
    pages = sorted(site.rglob("index.html"))
    assert len(pages) >= 6
    for page in pages:
        tags = parse(page.read_text(encoding="utf-8"))
        depth = len(page.relative_to(site).parts) - 1
        prefix = "../" * depth
        scripts = [a["src"] for a in tags.find("script") if a.get("src")]
        styles = [a["href"] for a in tags.find("link", rel="stylesheet")]
        assert f"{prefix}assets/sremgr/sremgr.js" in scripts, page
        assert f"{prefix}assets/sremgr/sremgr.css" in styles, page
        assert not any("sremgr-dashboard" in src for src in scripts), page  # fetched on demand
        assert not any("sremgr" in body for body in tags.inline_scripts), page


def test_builtin_false_with_no_checklists_at_all(tmp_path: Path) -> None:
    site = build_site(make_site(tmp_path, checklists={}))
    manifest = json.loads(read(site, "assets/sremgr/manifest.json"))
    assert manifest["checklists"] == []
    assert "data-sremgr-dashboard" in read(site, "handbook/dashboard/index.html")


def test_builtin_true_with_an_empty_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pack = tmp_path / "empty-pack"
    pack.mkdir()
    monkeypatch.setattr(handbook_module, "builtin_dir", lambda: pack)
    config = make_site(tmp_path / "site-src")
    config.write_text(config.read_text().replace("builtin: false", "builtin: true"))
    site = build_site(config)
    ids = [c["id"] for c in json.loads(read(site, "assets/sremgr/manifest.json"))["checklists"]]
    assert ids == ["rota", "review"]


def test_dashboard_can_be_turned_off(tmp_path: Path) -> None:
    site = build_site(make_site(tmp_path, options="      dashboard: false\n"))
    assert not (site / "handbook" / "dashboard").exists()
    assert json.loads(read(site, "assets/sremgr/manifest.json"))["dashboard_url"] == ""


def test_disabled_plugin_adds_nothing(tmp_path: Path) -> None:
    site = build_site(make_site(tmp_path, options="      enabled: false\n"))
    assert not (site / "handbook").exists()
    assert not (site / "assets" / "sremgr").exists()
    assert "sremgr" not in read(site, "index.html")


def test_hand_written_page_wins_over_generated(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = make_site(tmp_path, pages={"handbook/review.md": "# Our own review page\n"})
    with caplog.at_level(logging.INFO):
        site = build_site(config)
    assert "Our own review page" in read(site, "handbook/review/index.html")
    assert "handbook/review.md exists in docs" in caplog.text


def test_broken_checklist_aborts_the_build_with_positions(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = make_site(
        tmp_path,
        checklists={
            "rota.yml": ROTA.replace("lesson:", "lessen:"),
            "hero.yml": HERO.replace("symptoms", "symptom"),
        },
    )
    with pytest.raises(Abort):
        build_site(config)
    assert "mkdocs-sremgr found 3 problems:" in caplog.text
    assert (
        "docs/checklists/rota.yml:3:1: unknown key `lessen` (hint: did you mean `lesson`?)"
        in caplog.text
    )
    assert (
        "docs/checklists/hero.yml:5:1: unknown key `symptom` (hint: did you mean "
        "`symptoms`?)" in caplog.text
    )
    assert "Traceback" not in caplog.text


# -- serve -----------------------------------------------------------------------------------


class FakeServer:
    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str, *args: Any, **kwargs: Any) -> None:
        self.watched.append(path)


def test_on_serve_watches_the_checklists_dir(tmp_path: Path) -> None:
    config = load_config(config_file=str(make_site(tmp_path)))
    server = FakeServer()
    returned = config.plugins["sremgr"].on_serve(server, config=config, builder=lambda: None)
    assert returned is server
    assert server.watched == [str(tmp_path / "docs" / "checklists")]


def test_on_serve_through_the_plugin_collection(tmp_path: Path) -> None:
    config = load_config(config_file=str(make_site(tmp_path)))
    server = FakeServer()
    config.plugins.on_serve(server, config=config, builder=lambda: None)
    assert str(tmp_path / "docs" / "checklists") in server.watched


def test_on_serve_without_a_checklists_dir_watches_nothing(tmp_path: Path) -> None:
    config = load_config(config_file=str(make_site(tmp_path, checklists={})))
    server = FakeServer()
    config.plugins["sremgr"].on_serve(server, config=config, builder=lambda: None)
    assert server.watched == []


def test_generated_page_urls_follow_url_prefix(tmp_path: Path) -> None:
    site = build_site(make_site(tmp_path, options="      url_prefix: team/book\n"))
    assert (site / "team" / "book" / "rota" / "index.html").is_file()
    manifest = json.loads(read(site, "assets/sremgr/manifest.json"))
    assert manifest["checklists"][0]["url"] == "team/book/rota/"
    assert re.search(r'href="\.\./antipatterns/hero/"', read(site, "team/book/rota/index.html"))
