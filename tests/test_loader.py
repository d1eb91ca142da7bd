"""Every validation rule: its exact message, its hint, and the line:column it points at."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_sremgr import schema
from mkdocs_sremgr.catalog import CatalogLoader, LoadResult, find_sources
from mkdocs_sremgr.errors import HandbookError, Problem
from mkdocs_sremgr.yamlload import MAX_BYTES, load_yaml
from samples import ANTIPATTERN, VALID


def problems_of(source: str | bytes, path: str = "c.yml") -> list[str]:
    """Loader and schema problems of one file, as the author sees them."""
    try:
        doc = load_yaml(source, path)
    except HandbookError as exc:
        return [str(p) for p in exc.problems]
    return [str(p) for p in schema.validate(doc)]


def load_dir(tmp_path: Path, files: dict[str, str | bytes]) -> LoadResult:
    root = tmp_path / "checklists"
    root.mkdir(exist_ok=True)
    for name, content in files.items():
        target = root / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return CatalogLoader().load(find_sources(root, tmp_path))


def messages(result: LoadResult) -> list[str]:
    return [str(p) for p in result.problems]


def test_valid_file_has_no_problems() -> None:
    assert problems_of(VALID) == []


# -- schema rules -------------------------------------------------------------------------


def test_unknown_key_with_did_you_mean() -> None:
    found = problems_of(VALID.replace("title: Team rota", "titel: Team rota"))
    assert "c.yml:2:1: unknown key `titel` (hint: did you mean `title`?)" in found
    # `title` is then missing too: both are reported, not just the first.
    assert "c.yml:1:1: missing required key `title` (hint: add `title: ...`)" in found


def test_unknown_key_without_close_match_lists_allowed_keys() -> None:
    found = problems_of(VALID.replace("        text:", "        zzzzzz: x\n        text:"))
    assert found == [
        "c.yml:7:9: unknown key `zzzzzz` (hint: allowed keys here: aliases, "
        "details, evidence, id, text, weight)"
    ]


def test_missing_required_key() -> None:
    assert problems_of(VALID.replace("title: Team rota\n", "")) == [
        "c.yml:1:1: missing required key `title` (hint: add `title: ...`)"
    ]


def test_missing_required_key_in_nested_item_points_at_the_item() -> None:
    found = problems_of(VALID.replace("        text: I did the first thing.\n", ""))
    assert found == [
        "c.yml:6:9: missing required key `text` in `sections[0].items[0]` (hint: add `text: ...`)"
    ]


def test_wrong_type() -> None:
    assert problems_of(VALID.replace("title: Team rota", "title: [a, b]")) == [
        "c.yml:2:8: `title` should be text, not a list"
    ]


def test_wrong_type_list_expected() -> None:
    assert problems_of(VALID + "tags: ops\n") == [
        "c.yml:8:7: `tags` should be a list, not text (hint: write a list, e.g. `tags: [ops]`)"
    ]


def test_top_level_not_a_mapping() -> None:
    assert problems_of("- a\n- b\n") == [
        "c.yml:1:1: the top level must be a mapping of keys, not a list "
        "(hint: start with `id: my-checklist` on the first line)"
    ]


@pytest.mark.parametrize(
    ("bad", "suggestion"),
    [
        ("Team_Rota", "team-rota"),
        ("team--rota", "team-rota"),
        ('"-rota"', "rota"),
    ],
)
def test_bad_kebab_case_id(bad: str, suggestion: str) -> None:
    found = problems_of(VALID.replace("id: team-rota", f"id: {bad}"))
    shown = bad.strip('"')
    assert found == [
        f"c.yml:1:5: `id` `{shown}` is not a kebab-case id (hint: use lowercase "
        f"letters, digits and hyphens, e.g. `{suggestion}`)"
    ]


def test_bad_item_id_points_at_the_value() -> None:
    assert problems_of(VALID.replace("id: first", "id: First Thing")) == [
        "c.yml:6:13: `sections[0].items[0].id` `First Thing` is not a kebab-case id "
        "(hint: use lowercase letters, digits and hyphens, e.g. `first-thing`)"
    ]


def test_enum_with_did_you_mean() -> None:
    assert problems_of(VALID + "cadence: quartely\n") == [
        "c.yml:8:10: `cadence` is `quartely`, which is not allowed "
        "(hint: did you mean `quarterly`?)"
    ]


def test_unknown_kind() -> None:
    assert problems_of("kind: antipatern\n" + VALID) == [
        "c.yml:1:7: unknown kind `antipatern` (hint: did you mean `antipattern`?)"
    ]


def test_weight_must_be_positive() -> None:
    found = problems_of(VALID + "        weight: 0\n")
    assert len(found) == 1
    assert found[0].startswith("c.yml:8:17: `sections[0].items[0].weight` is 0:")


_MANY_ITEMS = "".join(f"      - id: i{n}\n        text: T.\n" for n in range(501))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            VALID + "further_reading:\n  - title: A book\n    url: ftp://example.org/x\n",
            "c.yml:10:10: `further_reading[0].url` `ftp://example.org/x` has the wrong form "
            "(hint: links must start with http://, https://, / or ./)",
        ),
        (
            VALID.split("sections:")[0] + "sections: []\n",
            "c.yml:3:11: `sections` is empty (hint: add at least one entry)",
        ),
        (
            VALID.split("      - id: first")[0] + _MANY_ITEMS,
            "c.yml:6:7: `sections[0].items` has too many entries (501) "
            "(hint: keep it to 500; split the checklist)",
        ),
        (
            VALID.replace("title: Team rota", 'title: ""'),
            "c.yml:2:8: `title` is empty (hint: write some text or remove the key)",
        ),
        (
            VALID.replace("title: Team rota", "title: " + "x" * 301),
            "c.yml:2:8: `title` is too long (301 characters) (hint: keep it under 300 characters)",
        ),
        (
            VALID + "tags: [ops, ops]\n",
            "c.yml:8:7: `tags` lists the same value twice (hint: remove the repeat)",
        ),
        (
            VALID + "        weight: 101\n",
            "c.yml:8:17: `sections[0].items[0].weight` is 101: 101 is greater than the maximum "
            "of 100 (hint: use a positive number such as 1, 2 or 3)",
        ),
    ],
    ids=["pattern", "minItems", "maxItems", "minLength", "maxLength", "uniqueItems", "maximum"],
)
def test_each_limit_of_the_schema_has_its_own_message(source: str, expected: str) -> None:
    assert problems_of(source) == [expected]


# -- YAML 1.1 implicit typing --------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "where", "raw", "seen"),
    [
        ("id: first", "id: no", "6:13", "no", "a boolean (false)"),
        ("id: first", "id: yes", "6:13", "yes", "a boolean (true)"),
        ("text: I did the first thing.", "text: 12:30", "7:15", "12:30", "a number"),
        ("text: I did the first thing.", "text: 1.10", "7:15", "1.10", "a number"),
        ("text: I did the first thing.", "text: 2026-01-31", "7:15", "2026-01-31", "a date"),
        ("text: I did the first thing.", "text: null", "7:15", "null", "empty (null)"),
    ],
)
def test_yaml_implicit_typing_says_quote_it(
    old: str, new: str, where: str, raw: str, seen: str
) -> None:
    name = "id" if old.startswith("id") else "text"
    assert problems_of(VALID.replace(old, new)) == [
        f"c.yml:{where}: `sections[0].items[0].{name}` should be text, but YAML reads "
        f'`{raw}` as {seen} (hint: quote it: "{raw}")'
    ]


def test_quoted_values_stay_text() -> None:
    assert (
        problems_of(
            VALID.replace("id: first", 'id: "no"').replace(
                "text: I did the first thing.", "text: '12:30'"
            )
        )
        == []
    )


def test_impossible_date_cannot_be_read() -> None:
    assert problems_of(VALID.replace("text: I did the first thing.", "text: 2026-02-30")) == [
        "c.yml:7:15: `2026-02-30` cannot be read as a date (hint: quote it if it is text: "
        '"2026-02-30")'
    ]


# -- refused YAML --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tagged",
    [
        "!!python/object:os.system x",
        "!!python/object/apply:os.system ['echo hi']",
        "!!python/name:os.system",
    ],
)
def test_python_tags_are_refused(tagged: str) -> None:
    tag = tagged.split()[0]
    found = problems_of(VALID.replace("text: I did the first thing.", f"text: {tagged}"))
    assert found == [
        f"c.yml:7:15: the tag `{tag}` is not allowed (hint: remove the tag: "
        "checklists are plain YAML, loaded safely)"
    ]


def test_python_tag_on_a_mapping_is_refused() -> None:
    found = problems_of(VALID + "further_reading: !!python/object:x.Y {title: a}\n")
    assert found == [
        "c.yml:8:18: the tag `!!python/object:x.Y` is not allowed (hint: remove "
        "the tag: checklists are plain YAML, loaded safely)"
    ]


def test_alias_bomb_is_capped() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for n, name in enumerate("bcdefgh"):
        prev = "abcdefgh"[n]
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    found = problems_of("\n".join(lines) + "\n")
    assert len(found) == 1
    assert (
        "the file expands to more than 50000 values (hint: anchors and aliases multiply "
        "content: write the values out instead)" in found[0]
    )
    assert found[0].startswith("c.yml:5:")


def test_merge_keys_are_refused() -> None:
    found = problems_of("base: &b {a: 1}\nother:\n  <<: *b\n")
    assert found == ["c.yml:3:3: merge keys (`<<`) are not supported (hint: write the keys out)"]


def test_file_over_the_size_cap() -> None:
    big = VALID.encode() + b"# " + b"x" * MAX_BYTES + b"\n"
    assert problems_of(big) == [
        f"c.yml:1:1: the file is {len(big) // 1024} KiB, over the limit of 512 KiB "
        "(hint: split it into several checklists)"
    ]


def test_deep_nesting_is_refused_without_recursion_error() -> None:
    found = problems_of("a: " + "[" * 5000 + "]" * 5000 + "\n")
    # The column is where our depth check fired (35), or where libyaml >= 0.2.6 stopped first.
    assert len(found) == 1
    assert re.fullmatch(
        r"c\.yml:1:(35|\d{4}): the file nests deeper than 32 levels \(hint: a "
        r"checklist needs only a few levels: check the indentation\)",
        found[0],
    )


def test_deep_block_nesting() -> None:
    text = "".join(f"{'  ' * n}k{n}:\n" for n in range(40)) + "  " * 40 + "v\n"
    found = problems_of(text)
    assert len(found) == 1 and "nests deeper than 32 levels" in found[0]


def test_non_utf8_bytes_give_line_and_character_column() -> None:
    # Three two-byte characters before the bad byte: the column counts characters.
    data = VALID.replace("I did the first thing.", "ééé done").encode()
    data = data.replace("ééé".encode(), "ééé".encode() + b"\xff")
    assert problems_of(data) == [
        "c.yml:7:18: the file is not valid UTF-8 (byte 0xff) "
        "(hint: save the file with UTF-8 encoding)"
    ]


def test_latin1_file_is_reported() -> None:
    data = VALID.replace("Team rota", "Équipe").encode("latin-1")
    assert problems_of(data) == [
        "c.yml:2:8: the file is not valid UTF-8 (byte 0xc9) "
        "(hint: save the file with UTF-8 encoding)"
    ]


def test_utf8_bom_is_accepted() -> None:
    assert problems_of(b"\xef\xbb\xbf" + VALID.encode()) == []
    assert problems_of("\ufeff" + VALID) == []
    doc = load_yaml(b"\xef\xbb\xbf" + VALID.encode(), "c.yml")
    assert doc.where(("id",)) == (1, 5)


@pytest.mark.parametrize("content", [b"", b"\n\n", b"# only a comment\n", b"---\n"])
def test_empty_file(content: bytes) -> None:
    found = problems_of(content)
    if content == b"---\n":  # an explicit empty document is a null, not a mapping
        assert found == [
            "c.yml:2:1: the top level must be a mapping of keys, not empty (null) "
            "(hint: start with `id: my-checklist` on the first line)"
        ]
    else:
        assert found == [
            "c.yml:1:1: the file is empty (hint: a checklist needs at least `id`, "
            "`title` and `sections`; run `mkdocs-sremgr new checklist ID` for a "
            "starter)"
        ]


def test_several_documents() -> None:
    assert problems_of(VALID + "---\nid: other\n") == [
        "c.yml:8:1: the file holds more than one YAML document (hint: keep one checklist per "
        "file: remove the `---` line or split the file)"
    ]


def test_leading_document_marker_is_fine() -> None:
    assert problems_of("---\n" + VALID) == []


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("  - title: Basics", "\t- title: Basics", "4:1"),
        ("      - id: first", "      -\tid: first", "6:8"),
    ],
)
def test_tabs(old: str, new: str, where: str) -> None:
    assert problems_of(VALID.replace(old, new)) == [
        f"c.yml:{where}: YAML syntax error: found character that cannot start any token "
        "(hint: indent with spaces: YAML does not allow tabs for indentation)"
    ]


def test_duplicate_key_names_both_lines() -> None:
    assert problems_of(VALID + "title: Again\n") == [
        "c.yml:8:1: duplicate key `title` (first at line 2, again at line 8) "
        "(hint: keep one `title` and delete the other)"
    ]


def test_duplicate_key_in_an_item() -> None:
    found = problems_of(VALID + "        text: Again.\n")
    assert found == [
        "c.yml:8:9: duplicate key `text` (first at line 7, again at line 8) "
        "(hint: keep one `text` and delete the other)"
    ]


def test_unquoted_colon_gets_a_hint() -> None:
    found = problems_of(VALID.replace("I did the first thing.", "Note: this breaks: yes"))
    assert len(found) == 1
    assert found[0].startswith("c.yml:7:") and "YAML syntax error" in found[0]
    assert 'text that contains ": " must be quoted' in found[0]


def test_control_character_is_reported_with_position() -> None:
    found = problems_of(VALID.replace("first thing", "first\x07thing"))
    assert len(found) == 1
    assert found[0].startswith("c.yml:7:")
    assert "remove control characters" in found[0]


# -- rules across files --------------------------------------------------------------------


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    result = load_dir(tmp_path, {"a.yml": VALID, "b.yml": VALID})
    assert messages(result) == [
        "checklists/b.yml:1:5: duplicate checklist id `team-rota`: also used in "
        "checklists/a.yml:1:5 (hint: ids must be unique: rename one of them)"
    ]


def test_checklist_and_antipattern_may_share_an_id(tmp_path: Path) -> None:
    result = load_dir(
        tmp_path, {"a.yml": VALID, "b.yml": ANTIPATTERN.replace("hero-culture", "team-rota")}
    )
    assert messages(result) == []


def test_duplicate_item_ids_in_a_checklist(tmp_path: Path) -> None:
    text = VALID + "  - title: More\n    items:\n      - id: first\n        text: Again.\n"
    result = load_dir(tmp_path, {"a.yml": text})
    assert messages(result) == [
        "checklists/a.yml:10:13: item id `first` is used twice in checklist `team-rota` "
        "(first at checklists/a.yml:6:9) (hint: item ids must be unique within a checklist)"
    ]


def test_duplicate_section_ids(tmp_path: Path) -> None:
    text = VALID + "  - title: Basics\n    items:\n      - id: second\n        text: Two.\n"
    result = load_dir(tmp_path, {"a.yml": text})
    assert messages(result) == [
        "checklists/a.yml:8:5: two sections of `team-rota` have the id `basics` "
        "(hint: give each section its own `id` (or title))"
    ]


def test_alias_equal_to_a_current_item_id(tmp_path: Path) -> None:
    text = VALID + "      - id: second\n        text: Two.\n        aliases: [first]\n"
    result = load_dir(tmp_path, {"a.yml": text})
    assert messages(result) == [
        "checklists/a.yml:10:19: alias `first` is also the id of an item at "
        "checklists/a.yml:6:9 (hint: an alias names a former id that no item uses now)"
    ]


def test_alias_claimed_by_two_items(tmp_path: Path) -> None:
    text = VALID.replace(
        "        text: I did the first thing.\n", "        text: One.\n        aliases: [old]\n"
    )
    text += "      - id: second\n        text: Two.\n        aliases: [old]\n"
    result = load_dir(tmp_path, {"a.yml": text})
    assert messages(result) == [
        "checklists/a.yml:11:19: alias `old` is also claimed by item `first` at "
        "checklists/a.yml:6:9 (hint: each former id can move to one item only)"
    ]


def test_dangling_reference_from_checklist_with_did_you_mean(tmp_path: Path) -> None:
    result = load_dir(
        tmp_path, {"a.yml": VALID + "antipatterns: [hero-cultre]\n", "b.yml": ANTIPATTERN}
    )
    assert messages(result) == [
        "checklists/a.yml:8:16: unknown anti-pattern `hero-cultre` "
        "(hint: did you mean `hero-culture`?)"
    ]


def test_dangling_reference_from_antipattern_with_did_you_mean(tmp_path: Path) -> None:
    result = load_dir(tmp_path, {"a.yml": VALID, "b.yml": ANTIPATTERN + "checklists: [team-rot]\n"})
    assert messages(result) == [
        "checklists/b.yml:7:14: unknown checklist `team-rot` (hint: did you mean `team-rota`?)"
    ]


def test_dangling_reference_without_close_match(tmp_path: Path) -> None:
    result = load_dir(tmp_path, {"a.yml": VALID + "antipatterns:\n  - zzz\n"})
    assert messages(result) == [
        "checklists/a.yml:9:5: unknown anti-pattern `zzz` (hint: no anti-pattern has the id `zzz`)"
    ]


def test_extension_of_unknown_checklist(tmp_path: Path) -> None:
    extension = (
        "extends: team-rot\nsections:\n  - title: Extra\n    items:\n"
        "      - id: extra\n        text: Extra.\n"
    )
    result = load_dir(tmp_path, {"a.yml": VALID, "b.yml": extension})
    assert messages(result) == [
        "checklists/b.yml:1:10: `extends` names no checklist `team-rot` "
        "(hint: did you mean `team-rota`?)"
    ]


def test_extension_merges_into_its_checklist(tmp_path: Path) -> None:
    extension = (
        "extends: team-rota\ntags: [ours]\nsections:\n  - title: Basics\n"
        "    items:\n      - id: extra\n        text: Extra.\n"
    )
    result = load_dir(tmp_path, {"a.yml": VALID, "b.yml": extension})
    assert messages(result) == []
    checklist = result.catalog.checklists["team-rota"]
    assert [i.id for i in checklist.items] == ["first", "extra"]
    assert checklist.tags == ["ours"]


def test_extension_item_clashing_with_the_base(tmp_path: Path) -> None:
    extension = (
        "extends: team-rota\nsections:\n  - title: Mine\n    items:\n"
        "      - id: first\n        text: Again.\n"
    )
    result = load_dir(tmp_path, {"a.yml": VALID, "b.yml": extension})
    assert messages(result) == [
        "checklists/b.yml:5:13: item id `first` is used twice in checklist `team-rota` "
        "(first at checklists/a.yml:6:9) (hint: item ids must be unique within a checklist)"
    ]


def test_several_errors_reported_together(tmp_path: Path) -> None:
    result = load_dir(
        tmp_path,
        {
            "a.yml": VALID.replace("title: Team rota", "titel: Team rota"),
            "b.yml": VALID.replace("team-rota", "other").replace("id: first", "id: no"),
            "c.yml": b"id: x\n\xfe\n",
            "d.yml": VALID.replace("team-rota", "third") + "antipatterns: [nope]\n",
        },
    )
    found = messages(result)
    assert len(found) == 5, found
    assert found[0] == "checklists/a.yml:1:1: missing required key `title` (hint: add `title: ...`)"
    assert found[1] == "checklists/a.yml:2:1: unknown key `titel` (hint: did you mean `title`?)"
    assert found[2].startswith("checklists/b.yml:6:13: ")
    assert found[3].startswith("checklists/c.yml:2:1: the file is not valid UTF-8")
    assert found[4].startswith("checklists/d.yml:8:16: unknown anti-pattern `nope`")
    error = HandbookError(result.problems)
    assert str(error).startswith("mkdocs-sremgr found 5 problems:\n  checklists/a.yml:1:1: ")


def test_error_message_is_capped_but_counts_everything() -> None:
    problems = [Problem("x.yml", n, 1, "bad") for n in range(1, 61)]
    text = str(HandbookError(problems))
    assert text.startswith("mkdocs-sremgr found 60 problems:")
    assert "x.yml:50:1: bad" in text and "x.yml:51:1" not in text
    assert text.endswith("  ... and 10 more")


def test_dot_folders_and_other_suffixes_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "checklists" / ".hidden").mkdir(parents=True)
    (tmp_path / "checklists" / ".hidden" / "x.yml").write_text("broken: [")
    (tmp_path / "checklists" / "notes.txt").write_text("broken: [")
    result = load_dir(tmp_path, {"a.yaml": VALID})
    assert messages(result) == []
    assert list(result.catalog.checklists) == ["team-rota"]


# -- the build -----------------------------------------------------------------------------


def test_strict_build_fails_with_plugin_error_and_no_traceback(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "checklists").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n")
    (docs / "checklists" / "a.yml").write_text(VALID.replace("title: Team", "titel: Team"))
    (docs / "checklists" / "b.yml").write_text(
        VALID.replace("team-rota", "b").replace("text: I did the first thing.", "text: 12:30")
    )
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\ntheme: {name: mkdocs}\nplugins:\n  - sremgr:\n      builtin: false\n"
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    # MkDocs shows a PluginError (a BuildError) as one logged error, then aborts.
    assert "ERROR   -  mkdocs-sremgr found 3 problems:" in output
    assert "Aborted with a BuildError!" in output
    assert "docs/checklists/a.yml:2:1: unknown key `titel` (hint: did you mean `title`?)" in output
    assert "docs/checklists/a.yml:1:1: missing required key `title`" in output
    assert (
        "docs/checklists/b.yml:7:15: `sections[0].items[0].text` should be text, but YAML "
        'reads `12:30` as a number (hint: quote it: "12:30")' in output
    )
    assert not (tmp_path / "site" / "index.html").exists()


def test_fast_check_changes_no_verdict_and_no_message() -> None:
    """Big handbooks validate through the compiled check first: same problems, same words."""
    from mkdocs_sremgr.yamlload import load_yaml

    broken = [
        VALID,
        VALID.replace("title:", "titel:", 1),
        VALID.replace("id: first", "id: First"),
        VALID + "extra: [1, 2]\n",
        "id: x\n",
    ]
    for text in broken:
        doc = load_yaml(text.encode(), "c.yml")
        assert schema.validate(doc, fast=True) == schema.validate(doc)
