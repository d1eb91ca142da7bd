"""Whatever bytes an author saves, the loader answers with a clean result or a HandbookError.

Random text and bytes, mutations of valid files, and random but plausible catalogs go
through the whole pipeline (YAML loading, schema validation, catalog assembly, manifest):
nothing else may escape, and nothing may hang.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_sremgr import schema
from mkdocs_sremgr.catalog import Parsed, Source, build_catalog
from mkdocs_sremgr.errors import HandbookError, Problem
from mkdocs_sremgr.manifest import build_manifest
from mkdocs_sremgr.yamlload import load_yaml

CHECKLIST = """\
id: team-rota
title: Team rota
lesson: Be on call **yourself**.
cadence: monthly
order: 2
tags: [ops, people]
antipatterns: [hero-culture]
further_reading:
  - title: A book
    url: https://example.org/
sections:
  - title: Basics
    items:
      - id: first
        text: I did the first thing.
        weight: 2
        aliases: [old-first]
        details: |
          Why: because.
      - id: second
        text: "Quoted: text"
"""

ANTIPATTERN = """\
kind: antipattern
id: hero-culture
title: Hero culture
summary: One person does everything.
symptoms: [Always the same name.]
instead:
  - Share the load.
checklists: [team-rota]
"""

EXTENSION = """\
extends: team-rota
tags: [ours]
sections:
  - title: Basics
    items:
      - id: third
        text: Added by the team.
"""

SEEDS = (CHECKLIST, ANTIPATTERN, EXTENSION)

PROPERTY = settings(
    max_examples=200, deadline=timedelta(seconds=2), suppress_health_check=[HealthCheck.too_slow]
)


def parse(source: str | bytes, name: str) -> Parsed:
    src = Source(Path(name), name)
    try:
        doc = load_yaml(source, name)
    except HandbookError as exc:
        assert exc.problems, "a HandbookError must carry at least one problem"
        return Parsed(src, None, list(exc.problems))
    return Parsed(src, doc, schema.validate(doc))


def check_pipeline(sources: list[str | bytes]) -> None:
    """Run everything the plugin runs on `sources`; only HandbookError data may come out."""
    parsed = [parse(source, f"f{n}.yml") for n, source in enumerate(sources)]
    result = build_catalog(parsed)
    for problem in result.problems:
        assert isinstance(problem, Problem)
        assert problem.line >= 1 and problem.column >= 1
        assert problem.path in {p.source.display for p in parsed}
        assert problem.message
    if result.problems:
        assert str(HandbookError(result.problems)).startswith("mkdocs-sremgr found")
    manifest = json.loads(build_manifest(result.catalog, {}, "sremgr:v1:t", 1))
    assert {c["id"] for c in manifest["checklists"]} == set(result.catalog.checklists)


def test_seeds_are_valid() -> None:
    parsed = [parse(s, f"f{n}.yml") for n, s in enumerate(SEEDS)]
    result = build_catalog(parsed)
    assert result.problems == []
    assert [i.id for i in result.catalog.checklists["team-rota"].items] == [
        "first",
        "second",
        "third",
    ]


@PROPERTY
@given(st.text(max_size=400))
def test_random_text(text: str) -> None:
    check_pipeline([text])


@PROPERTY
@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    check_pipeline([data])


YAML_CHARS = st.sampled_from(
    [
        *":-[]{}&*!|>'\"#%@`,?\t\n \\",
        "\r",
        "\x00",
        "\ufeff",
        "é",
        "---",
        "...",
        "!!python/object ",
        "&a ",
        "*a",
        "<<: ",
    ]
)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(("insert", "delete", "replace", "dup-line", "drop-line")))
        if action == "insert":
            text = text[:at] + draw(YAML_CHARS | st.text(max_size=5)) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 10)) :]
        elif action == "replace":
            text = text[:at] + draw(YAML_CHARS) + text[at + 1 :]
        else:
            lines = text.split("\n")
            n = draw(st.integers(0, len(lines) - 1))
            if action == "dup-line":
                lines.insert(n, lines[n])
            else:
                del lines[n]
            text = "\n".join(lines)
    return text


@PROPERTY
@given(st.lists(mutated(), min_size=1, max_size=3))
def test_mutated_valid_yaml(texts: list[str]) -> None:
    check_pipeline([*texts, *SEEDS])


@PROPERTY
@given(mutated(), st.sampled_from(("utf-8", "utf-16", "latin-1")), st.booleans())
def test_mutated_yaml_as_bytes(text: str, encoding: str, bom: bool) -> None:
    data = text.encode(encoding, "replace")
    check_pipeline([(b"\xef\xbb\xbf" if bom else b"") + data])


# -- random, mostly plausible catalogs: the rules across files meet colliding ids -----------

IDS = st.sampled_from(["a", "b", "team-rota", "hero-culture", "old", "Bad_Id", "x-1"])
SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 200),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    IDS,
)
JUNK = st.recursive(
    SCALAR,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


def maybe(draw: st.DrawFn, value: st.SearchStrategy[Any]) -> Any:
    """Usually a plausible value, sometimes junk."""
    return draw(JUNK) if draw(st.integers(0, 9)) == 0 else draw(value)


@st.composite
def item(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = {"id": maybe(draw, IDS), "text": maybe(draw, st.text(max_size=20))}
    if draw(st.booleans()):
        data["aliases"] = maybe(draw, st.lists(IDS, max_size=3))
    if draw(st.booleans()):
        data["weight"] = maybe(draw, st.floats(0, 150) | st.integers(-1, 150))
    if draw(st.booleans()):
        data["details"] = draw(st.text(max_size=30))
    return data


@st.composite
def section(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": maybe(draw, st.text(max_size=10)),
        "items": draw(st.lists(item(), max_size=4)),
    }
    if draw(st.booleans()):
        data["id"] = maybe(draw, IDS)
    return data


@st.composite
def document(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(("checklist", "extension", "antipattern")))
    data: dict[str, Any]
    if kind == "antipattern":
        data = {
            "kind": "antipattern",
            "id": maybe(draw, IDS),
            "title": "T",
            "summary": "S",
            "symptoms": ["s"],
            "instead": ["i"],
            "checklists": maybe(draw, st.lists(IDS, max_size=3)),
        }
    else:
        data = {
            "sections": draw(st.lists(section(), max_size=3)),
            "antipatterns": maybe(draw, st.lists(IDS, max_size=3)),
            "tags": maybe(draw, st.lists(st.text(max_size=5), max_size=3)),
        }
        if kind == "extension":
            data["extends"] = maybe(draw, IDS)
        else:
            data.update(id=maybe(draw, IDS), title=maybe(draw, st.text(max_size=10)))
    if draw(st.integers(0, 4)) == 0:
        data[draw(st.text(max_size=6))] = draw(JUNK)
    return data


@PROPERTY
@given(st.lists(document(), min_size=1, max_size=5))
def test_random_catalogs(documents: list[dict[str, Any]]) -> None:
    check_pipeline([yaml.safe_dump(d, allow_unicode=True) for d in documents])


@PROPERTY
@given(document())
def test_fast_check_agrees_with_jsonschema(data: dict[str, Any]) -> None:
    """The compiled fast path may only skip jsonschema when jsonschema finds nothing either."""
    validator = schema._validator(schema.kind_of(data))
    assert schema.is_valid_fast(data) == validator.is_valid(data)


@PROPERTY
@given(mutated())
def test_fast_check_agrees_on_mutated_files(text: str) -> None:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return
    if isinstance(data, dict):
        validator = schema._validator(schema.kind_of(data))
        assert schema.is_valid_fast(data) == validator.is_valid(data)
