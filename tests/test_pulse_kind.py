"""Issue 20: `kind: pulse` in the one data model, and the pulse page through every front door.

The schema and the loader check a pulse like a checklist (file:line:column, a hint, ids,
aliases, lessons as references to checklists); the built-in pulse can be replaced or left out
like any built-in page; the plugin (Material and the default theme, `--strict`), write-pages
with the real Zensical, and the Markdown extension all publish the same page; the manifest
carries the statements; `pulse_minimum` is never below 3; `new pulse` writes a file that builds.
"""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
from mkdocs.exceptions import Abort, ConfigurationError

from interop_sites import ALPHA
from mkdocs_sremgr.cli import main as cli
from mkdocs_sremgr.errors import HandbookError
from mkdocs_sremgr.handbook import load_handbook
from mkdocs_sremgr.model import fingerprint
from sites import MATERIAL, MKDOCS, make_site
from zensical_site import make_project, write_pages, zensical_build, zensical_config

PULSE = """\
kind: pulse
id: our-pulse
title: Our pulse
intro: Rate what you have *seen* yourself.
statements:
  - id: holds-one-on-ones
    text: My manager holds our one-on-ones.
    lesson: alpha
  - id: shares-news
    text: I hear news from above from my manager first.
    lesson: alpha
    aliases: [news-first]
"""

PAGE = "handbook/pulse/our-pulse/index.html"
SCALE = ["1", "2", "3", "4", "5", "dk"]


def load(tmp_path: Path, files: dict[str, str], **kwargs: Any) -> Any:
    folder = tmp_path / "checklists"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    kwargs.setdefault("builtin", False)
    return load_handbook([folder], display_base=tmp_path, **kwargs)


def messages(handbook: Any) -> list[str]:
    return [str(p) for p in handbook.problems]


# -- the schema and the loader ----------------------------------------------------------------


def test_a_team_pulse_is_loaded_with_its_statements(tmp_path: Path) -> None:
    handbook = load(tmp_path, {"alpha.yml": ALPHA, "pulse.yml": PULSE})
    assert handbook.problems == []
    pulse = handbook.catalog.pulse
    assert pulse is not None and pulse.id == "our-pulse" and not pulse.builtin
    assert [(s.id, s.lesson, s.fp, s.aliases) for s in pulse.statements] == [
        ("holds-one-on-ones", "alpha", fingerprint("My manager holds our one-on-ones."), ()),
        (
            "shares-news",
            "alpha",
            fingerprint("I hear news from above from my manager first."),
            ("news-first",),
        ),
    ]


@pytest.mark.parametrize(
    ("old", "new", "where", "message", "hint"),
    [
        (
            "    lesson: alpha\n  - id: shares",
            "    lesosn: alpha\n  - id: shares",
            "pulse.yml:8:5",
            "unknown key `lesosn`",
            "did you mean `lesson`?",
        ),
        (
            "  - id: shares-news",
            "  - id: Shares_News",
            "pulse.yml:9:9",
            "`statements[1].id` `Shares_News` is not a kebab-case id",
            "e.g. `shares-news`",
        ),
        (
            "    lesson: alpha\n    aliases",
            "    lesson: Alpha Checks\n    aliases",
            "pulse.yml:11:13",
            "`statements[1].lesson` `Alpha Checks` is not a kebab-case id",
            "e.g. `alpha-checks`",
        ),
        (
            "    text: My manager holds our one-on-ones.\n",
            "    text: 42\n",
            "pulse.yml:7:11",
            "should be text, but YAML reads `42` as a number",
            'quote it: "42"',
        ),
        (
            "kind: pulse\n",
            "kind: puls\n",
            "pulse.yml:1:7",
            "unknown kind `puls`",
            "did you mean `pulse`?",
        ),
    ],
)
def test_schema_errors_name_file_line_column_and_a_hint(
    tmp_path: Path, old: str, new: str, where: str, message: str, hint: str
) -> None:
    assert old in PULSE
    handbook = load(tmp_path, {"alpha.yml": ALPHA, "pulse.yml": PULSE.replace(old, new)})
    found = [m for m in messages(handbook) if message in m]
    assert found, messages(handbook)
    assert found[0].startswith(f"checklists/{where}: "), found[0]
    assert hint in found[0]


def test_a_missing_lesson_is_a_schema_error(tmp_path: Path) -> None:
    text = PULSE.replace("    lesson: alpha\n  - id: shares", "  - id: shares")
    handbook = load(tmp_path, {"alpha.yml": ALPHA, "pulse.yml": text})
    assert any(
        "checklists/pulse.yml:6:5: missing required key `lesson` in `statements[0]`" in m
        for m in messages(handbook)
    ), messages(handbook)


def test_a_lesson_is_checked_as_a_reference_with_did_you_mean(tmp_path: Path) -> None:
    text = PULSE.replace("    lesson: alpha\n    aliases", "    lesson: alpah\n    aliases")
    handbook = load(tmp_path, {"alpha.yml": ALPHA, "pulse.yml": text})
    assert messages(handbook) == [
        "checklists/pulse.yml:11:13: unknown checklist `alpah` as the lesson "
        "(hint: did you mean `alpha`?)"
    ]


def test_a_lesson_may_name_a_checklists_former_id(tmp_path: Path) -> None:
    renamed = ALPHA.replace("id: alpha\n", "id: alpha-new\naliases: [alpha]\n", 1)
    handbook = load(tmp_path, {"alpha.yml": renamed, "pulse.yml": PULSE})
    assert handbook.problems == []
    assert {s.lesson for s in handbook.catalog.pulse.statements} == {"alpha-new"}
    assert any("`alpha` is a former id of the checklist `alpha-new`" in n for n in handbook.notes)


def test_a_lesson_that_is_excluded_is_an_error_for_the_team(tmp_path: Path) -> None:
    text = PULSE.replace("lesson: alpha\n    aliases", "lesson: be-on-call\n    aliases")
    handbook = load(
        tmp_path, {"alpha.yml": ALPHA, "pulse.yml": text}, builtin=True, exclude=["be-on-call"]
    )
    assert [m for m in messages(handbook) if "lesson" in m] == [
        "checklists/pulse.yml:11:13: lesson `be-on-call` is excluded "
        "(hint: remove this statement or take `be-on-call` out of `exclude`)"
    ]


def test_statement_ids_and_aliases_are_unique_in_a_pulse(tmp_path: Path) -> None:
    text = PULSE.replace("id: shares-news", "id: holds-one-on-ones").replace(
        "aliases: [news-first]", "aliases: [holds-one-on-ones]"
    )
    handbook = load(tmp_path, {"alpha.yml": ALPHA, "pulse.yml": text})
    found = messages(handbook)
    assert any(
        m.startswith("checklists/pulse.yml:9:9: statement id `holds-one-on-ones` is used twice")
        and "(first at checklists/pulse.yml:6:5)" in m
        for m in found
    ), found
    assert any(
        m.startswith("checklists/pulse.yml:12:15: alias `holds-one-on-ones` is also the id")
        for m in found
    ), found


def test_a_handbook_has_one_pulse(tmp_path: Path) -> None:
    other = PULSE.replace("id: our-pulse", "id: second-pulse")
    handbook = load(tmp_path, {"alpha.yml": ALPHA, "a.yml": PULSE, "b.yml": other})
    assert [m.split(" (hint")[0] for m in messages(handbook)] == [
        "checklists/b.yml:2:5: a second team pulse `second-pulse`: the handbook has one, "
        "`our-pulse` at checklists/a.yml:2:5"
    ]


def test_the_team_pulse_replaces_the_built_in_one_and_exclude_leaves_it_out(
    tmp_path: Path,
) -> None:
    own = PULSE.replace("lesson: alpha", "lesson: be-on-call")
    replaced = load(tmp_path / "a", {"pulse.yml": own}, builtin=True)
    assert replaced.problems == []
    assert replaced.catalog.pulse.id == "our-pulse"
    assert "checklists/pulse.yml replaces the built-in pulse `team-pulse`" in replaced.notes
    left_out = load(tmp_path / "b", {}, builtin=True, exclude=["team-pulse"])
    assert left_out.problems == [] and left_out.unknown_excludes == []
    assert left_out.catalog.pulse is None


def test_a_built_in_statement_goes_with_the_checklist_the_team_left_out(tmp_path: Path) -> None:
    handbook = load(tmp_path, {}, builtin=True, exclude=["be-on-call"])
    assert handbook.problems == []
    assert "be-on-call" not in {s.lesson for s in handbook.catalog.pulse.statements}
    assert "manager-takes-shifts" not in {s.id for s in handbook.catalog.pulse.statements}


def test_a_checklist_may_not_take_the_pulse_folder(tmp_path: Path) -> None:
    handbook = load(tmp_path, {"p.yml": ALPHA.replace("id: alpha", "id: pulse")})
    assert any("the checklist id `pulse` is taken" in m for m in messages(handbook))


# -- the page, through every front door -------------------------------------------------------


class _Page(HTMLParser):
    """What the pulse script binds to: the root's data, each fieldset and its radios."""

    def __init__(self) -> None:
        super().__init__()
        self.root: dict[str, str | None] = {}
        self.statements: list[dict[str, Any]] = []
        self.buttons: list[str] = []
        self.in_legend = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "div" and "sremgr-pulse" in classes:
            self.root = a
        elif tag == "fieldset" and "sremgr-statement" in classes:
            self.statements.append({**a, "legend": "", "radios": []})
        elif tag == "legend" and self.statements:
            self.in_legend = True
        elif tag == "input" and a.get("type") == "radio":
            self.statements[-1]["radios"].append(a)
        elif tag == "button" and a.get("data-sremgr-action"):
            self.buttons.append(str(a["data-sremgr-action"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "legend":
            self.in_legend = False

    def handle_data(self, data: str) -> None:
        if self.in_legend:
            self.statements[-1]["legend"] += data


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def assert_pulse_page(html: str, *, key: str, minimum: int = 3) -> None:
    page = parse(html)
    assert page.root["data-sremgr-pulse"] == "our-pulse"
    assert page.root["data-sremgr-storage-key"] == key
    assert page.root["data-sremgr-fiscal-year-start"] == "1"
    assert page.root["data-sremgr-minimum"] == str(minimum)
    assert page.root["data-sremgr-statements"] == "holds-one-on-ones shares-news"
    assert [s["legend"] for s in page.statements] == [
        "My manager holds our one-on-ones.",
        "I hear news from above from my manager first.",
    ]
    for statement in page.statements:
        box = f"sremgr-our-pulse--{statement['data-sremgr-statement']}"
        assert statement["id"] == box
        assert statement["data-sremgr-fp"] == fingerprint(statement["legend"])
        assert statement["data-sremgr-lesson"] == "alpha"
        assert [r["value"] for r in statement["radios"]] == SCALE
        assert {r["name"] for r in statement["radios"]} == {box}
        assert [r["id"] for r in statement["radios"]] == [f"{box}--{v}" for v in SCALE]
        assert not any("checked" in r for r in statement["radios"])
    assert page.statements[1]["data-sremgr-aliases"] == "news-first"
    assert "data-sremgr-aliases" not in page.statements[0]
    assert page.buttons == ["download", "copy-code"]
    assert "Who sees your answers" in html and "Strongly disagree" in html
    assert f"until {minimum} answers are in" in html


@pytest.mark.parametrize("theme", [MATERIAL, MKDOCS], ids=["material", "mkdocs"])
def test_the_plugin_publishes_the_pulse_page_strictly(tmp_path: Path, theme: str) -> None:
    site = make_site(tmp_path, theme=theme, checklists={"alpha.yml": ALPHA, "pulse.yml": PULSE})
    out = site.build(strict=True)
    assert_pulse_page((out / PAGE).read_text(encoding="utf-8"), key="sremgr:v1:test-book")
    manifest = json.loads((out / "assets/sremgr/manifest.json").read_text(encoding="utf-8"))
    assert manifest["pulse"] == {
        "id": "our-pulse",
        "title": "Our pulse",
        "url": "handbook/pulse/our-pulse/",
        "minimum": 3,
        "statements": [
            {
                "id": "holds-one-on-ones",
                "fp": fingerprint("My manager holds our one-on-ones."),
                "lesson": "alpha",
                "text": "My manager holds our one-on-ones.",
                "aliases": [],
            },
            {
                "id": "shares-news",
                "fp": fingerprint("I hear news from above from my manager first."),
                "lesson": "alpha",
                "text": "I hear news from above from my manager first.",
                "aliases": ["news-first"],
            },
        ],
    }


def test_the_built_in_pulse_page_builds_with_the_pack(tmp_path: Path) -> None:
    site = make_site(tmp_path, builtin=True)
    out = site.build(strict=True)
    html = (out / "handbook/pulse/team-pulse/index.html").read_text(encoding="utf-8")
    assert html.count('class="sremgr-statement"') == 14
    manifest = json.loads((out / "assets/sremgr/manifest.json").read_text(encoding="utf-8"))
    assert manifest["pulse"]["id"] == "team-pulse" and len(manifest["pulse"]["statements"]) == 14
    assert {s["lesson"] for s in manifest["pulse"]["statements"]} == {
        c["id"] for c in manifest["checklists"]
    }


def test_without_a_pulse_the_manifest_says_so_and_no_page_is_made(tmp_path: Path) -> None:
    site = make_site(tmp_path, checklists={"alpha.yml": ALPHA})
    out = site.build(strict=True)
    manifest = json.loads((out / "assets/sremgr/manifest.json").read_text(encoding="utf-8"))
    assert manifest["pulse"] is None
    assert not (out / "handbook" / "pulse").exists()


def test_a_marker_in_a_page_of_the_authors_shows_the_pulse_and_a_wrong_one_fails(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    files = {"alpha.yml": ALPHA, "pulse.yml": PULSE}
    site = make_site(
        tmp_path, checklists=files, pages={"ask.md": "# Ask\n\n<!-- sremgr:pulse our-pulse -->\n"}
    )
    out = site.build(strict=True)
    assert_pulse_page(
        (out / "ask/index.html").read_text(encoding="utf-8"), key="sremgr:v1:test-book"
    )
    (site.docs / "ask.md").write_text("# Ask\n\n<!-- sremgr:pulse our-pulsee -->\n")
    with pytest.raises(Abort):
        site.build(strict=True)
    assert (
        "docs/ask.md:3:1: unknown pulse `our-pulsee` in marker (hint: did you mean `our-pulse`?)"
        in caplog.text
    )


def test_write_pages_and_zensical_publish_the_pulse_page(tmp_path: Path) -> None:
    config = make_project(
        tmp_path, {"alpha.yml": ALPHA, "pulse.yml": PULSE}, zensical_config(), "# Home\n"
    )
    assert write_pages(config) == 0
    assert (tmp_path / "docs/handbook/pulse/our-pulse.md").is_file()
    manifest = json.loads((tmp_path / "docs/assets/sremgr/manifest.json").read_text())
    assert [s["id"] for s in manifest["pulse"]["statements"]] == [
        "holds-one-on-ones",
        "shares-news",
    ]
    result = zensical_build(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "site" / PAGE).read_text(encoding="utf-8")
    assert_pulse_page(html, key="sremgr:v1:zen-handbook")


def test_the_markdown_extension_renders_the_same_pulse(tmp_path: Path) -> None:
    (tmp_path / "alpha.yml").write_text(ALPHA)
    (tmp_path / "pulse.yml").write_text(PULSE)
    configs = {
        "sremgr": {
            "checklists_dir": str(tmp_path),
            "builtin": False,
            "site_name": "Test book",
            "pulse_minimum": 5,
        }
    }
    html = markdown.markdown(
        "<!-- sremgr:pulse our-pulse -->\n", extensions=["sremgr"], extension_configs=configs
    )
    assert_pulse_page(html, key="sremgr:v1:test-book", minimum=5)


# -- pulse_minimum ----------------------------------------------------------------------------


def test_pulse_minimum_reaches_the_page_and_the_manifest(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        checklists={"alpha.yml": ALPHA, "pulse.yml": PULSE},
        options="      pulse_minimum: 6\n",
    )
    out = site.build(strict=True)
    assert_pulse_page(
        (out / PAGE).read_text(encoding="utf-8"), key="sremgr:v1:test-book", minimum=6
    )
    manifest = json.loads((out / "assets/sremgr/manifest.json").read_text(encoding="utf-8"))
    assert manifest["pulse"]["minimum"] == 6


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2", r"2 is below 3: with fewer answers, who said what is easy to guess \(hint: use 3"),
        ("0", r"0 is below 3"),
        ("three", r"expected a whole number of answers, not 'three' \(hint: write a number"),
        ("true", r"expected a whole number of answers, not True"),
    ],
)
def test_a_pulse_minimum_below_three_fails_the_plugin_with_a_hint(
    tmp_path: Path, value: str, message: str, caplog: pytest.LogCaptureFixture
) -> None:
    site = make_site(
        tmp_path, checklists={"alpha.yml": ALPHA}, options=f"      pulse_minimum: {value}\n"
    )
    with pytest.raises((ConfigurationError, Abort)):
        site.build(strict=True)
    assert "Plugin 'sremgr' option 'pulse_minimum'" in caplog.text
    assert re.search(message, caplog.text), caplog.text


def test_a_pulse_minimum_below_three_fails_the_markdown_extension_and_write_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "alpha.yml").write_text(ALPHA)
    configs = {"sremgr": {"checklists_dir": str(tmp_path), "builtin": False, "pulse_minimum": 2}}
    with pytest.raises(HandbookError, match=r"option `pulse_minimum`: 2 is below 3") as raised:
        markdown.markdown(
            "<!-- sremgr:checklist alpha -->\n", extensions=["sremgr"], extension_configs=configs
        )
    assert "hint: use 3 or more" in str(raised.value)
    config = make_project(
        tmp_path / "zen",
        {"alpha.yml": ALPHA},
        zensical_config(extension_options="builtin: false\npulse_minimum: 1"),
        "# Home\n",
    )
    assert write_pages(config) == 1
    err = capsys.readouterr().err
    assert "option `pulse_minimum`: 1 is below 3" in err and "hint: use 3 or more" in err
    assert not (tmp_path / "zen/docs/handbook").exists()


# -- new pulse --------------------------------------------------------------------------------


def test_new_pulse_writes_a_starter_that_builds_and_replaces_the_built_in_one_on_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = make_site(tmp_path, builtin=True)
    config = str(site.config_file)
    assert cli(["new", "pulse", "our-pulse", "-f", config]) == 1
    assert "the handbook has the built-in pulse `team-pulse`" in capsys.readouterr().err
    assert not (site.docs / "checklists" / "our-pulse.yml").exists()
    assert cli(["new", "pulse", "our-pulse", "-f", config, "--override"]) == 0
    written = (site.docs / "checklists" / "our-pulse.yml").read_text(encoding="utf-8")
    assert written.startswith("# yaml-language-server: $schema=../../sremgr.schema.json\n")
    assert "kind: pulse\nid: our-pulse\n" in written
    assert "lesson: prioritize-one-on-ones" in written
    out = site.build(strict=True)
    assert (out / "handbook/pulse/our-pulse/index.html").is_file()
    assert not (out / "handbook/pulse/team-pulse").exists()
    assert cli(["new", "pulse", "second-pulse", "-f", config, "--override"]) == 1
    assert "the handbook has a team pulse already, `our-pulse`" in capsys.readouterr().err


def test_the_published_schema_describes_the_pulse(tmp_path: Path) -> None:
    from mkdocs_sremgr.schema import schema

    published = schema()
    assert published["$defs"]["pulse"]["properties"]["kind"] == {
        "const": "pulse",
        "description": "Must be `pulse`.",
    }
    assert published["$defs"]["statement"]["required"] == ["id", "text", "lesson"]
    site = make_site(tmp_path, checklists={"alpha.yml": ALPHA, "pulse.yml": PULSE})
    out = site.build(strict=True)
    shipped = json.loads((out / "assets/sremgr/sremgr.schema.json").read_text(encoding="utf-8"))
    assert shipped == published


def test_a_reworded_statement_reaches_a_warm_zensical_build(tmp_path: Path) -> None:
    """Zensical keeps a page whose Markdown is unchanged: the pulse page's content stamp
    changes with its statements, so a reworded one (a new fingerprint) reaches the page."""
    config = make_project(
        tmp_path, {"alpha.yml": ALPHA, "pulse.yml": PULSE}, zensical_config(), "# Home\n"
    )
    assert write_pages(config) == 0
    assert zensical_build(tmp_path).returncode == 0
    path = tmp_path / "checklists" / "pulse.yml"
    path.write_text(PULSE.replace("holds our one-on-ones.", "holds our one-on-ones weekly."))
    stamp = path.stat().st_mtime + 2  # Zensical compares modification times in whole seconds
    os.utime(path, (stamp, stamp))
    assert write_pages(config) == 0
    result = zensical_build(tmp_path, clean=False)
    assert result.returncode == 0, result.stdout + result.stderr
    page = parse((tmp_path / "site" / PAGE).read_text(encoding="utf-8"))
    assert page.statements[0]["legend"] == "My manager holds our one-on-ones weekly."
    assert page.statements[0]["data-sremgr-fp"] == fingerprint(
        "My manager holds our one-on-ones weekly."
    )
