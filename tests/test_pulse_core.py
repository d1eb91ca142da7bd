"""The team pulse's figures in Python: the shared vectors (the browser's tests read the same
files), properties over random answers, and the built-in statements."""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_sremgr import pulse
from mkdocs_sremgr.catalog import builtin_dir
from mkdocs_sremgr.i18n import _read
from mkdocs_sremgr.model import fingerprint

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "pulse"
SCRIPTS = ROOT / "src" / "mkdocs_sremgr" / "assets" / "src" / "pulse"
STATEMENTS = ROOT / "src" / "mkdocs_sremgr" / "pack" / "pulse" / "team-pulse.yml"


def read(name: str) -> Any:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


CTX = read("context.json")


def check(given: object, ctx: dict[str, Any] = CTX) -> dict[str, Any]:
    """check_answers' outcome in the vectors' form: {"ok": answers} or {"refused", "detail"}."""
    out = pulse.check_answers(
        given, handbook=ctx["handbook"], quarter=ctx["quarter"], statements=ctx["statements"]
    )
    return out.as_dict() if isinstance(out, pulse.Refused) else {"ok": out}


def add_all(inputs: list[object]) -> tuple[dict[str, Any], list[str | None]]:
    agg, outcomes = pulse.aggregate(
        inputs, handbook=CTX["handbook"], quarter=CTX["quarter"], statements=CTX["statements"]
    )
    return agg, [None if o is None else o.reason for o in outcomes]


def compact(value: Any) -> str:
    """JSON as the browser's JSON.stringify writes it: key order and all."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


# -- the shared vectors ------------------------------------------------------------------------


@pytest.mark.parametrize("vector", read("checks.json"), ids=lambda v: v["name"])
def test_vectors_answer_files_and_codes(vector: dict[str, Any]) -> None:
    assert check(vector["input"]) == vector["expect"]
    if "ok" in vector["expect"]:  # and in the file's key order, as the browser gives it
        assert compact(check(vector["input"])["ok"]) == compact(vector["expect"]["ok"])


def test_vectors_codes_encode_and_decode_as_in_the_browser() -> None:
    for entry in read("codes.json"):
        assert pulse.encode_code(entry["answers"]) == entry["code"]
        assert pulse.decode_code(entry["code"]) == entry["answers"]


@pytest.mark.parametrize("case", read("views.json")["cases"], ids=lambda c: c["name"])
def test_vectors_views(case: dict[str, Any]) -> None:
    files = read("views.json")["files"]
    agg, refused = add_all([files[k] for k in case["add"]])
    assert refused == case["refused"]
    statements = case.get("statements", CTX["statements"])
    view = pulse.pulse_view(agg, statements, minimum=case["minimum"])
    assert compact(view) == compact(case["view"])


def test_vectors_the_stored_aggregate() -> None:
    views = read("views.json")
    agg, _ = add_all([views["files"][k] for k in views["aggregate"]["add"]])
    assert compact(agg) == compact(views["aggregate"]["aggregate"])
    assert pulse.check_aggregate(json.loads(compact(agg))) == agg
    for vector in views["aggregate"]["checks"]:
        out = pulse.check_aggregate(vector["input"])
        got = out.as_dict() if isinstance(out, pulse.Refused) else {"ok": out}
        assert compact(got) == compact(vector["expect"]), vector["name"]


# -- properties ----------------------------------------------------------------------------------

values = st.sampled_from([1, 2, 3, 4, 5, "dk"])
answer_values = st.dictionaries(
    st.sampled_from([s["id"] for s in CTX["statements"]]), values, min_size=1
)
random_ids = st.binary(min_size=16, max_size=16).map(bytes.hex)


def make(vals: dict[str, Any], rid: str) -> dict[str, Any]:
    fps = {s["id"]: s["fp"] for s in CTX["statements"]}
    return {
        "format": pulse.FORMAT,
        "version": 1,
        "handbook": CTX["handbook"],
        "quarter": CTX["quarter"],
        "random_id": rid,
        "answers": {
            s["id"]: {"fp": fps[s["id"]], "value": vals[s["id"]]}
            for s in CTX["statements"]
            if s["id"] in vals
        },
    }


answers = st.builds(make, answer_values, random_ids)
teams = st.lists(answers, max_size=9, unique_by=lambda a: a["random_id"])


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=300), st.binary(max_size=60).map(lambda b: "sremgr-pulse1:" + b.hex())
    )
)
def test_check_answers_never_raises_on_text(text: str) -> None:
    out = check(text)
    assert "ok" in out or out["refused"].startswith("dash.pulse.why.")


@settings(max_examples=200, deadline=None)
@given(answers, st.integers(min_value=0), st.characters(codec="ascii"))
def test_check_answers_never_raises_on_a_damaged_file_or_code(
    answer: dict[str, Any], at: int, ch: str
) -> None:
    for text in (json.dumps(answer), pulse.encode_code(answer)):
        i = at % len(text)
        out = check(text[:i] + ch + text[i + 1 :])
        assert "ok" in out or out["refused"].startswith("dash.pulse.why.")


@settings(max_examples=200, deadline=None)
@given(answers)
def test_a_file_and_its_code_read_back_the_same(answer: dict[str, Any]) -> None:
    assert check(json.dumps(answer)) == {"ok": answer}
    assert pulse.decode_code(pulse.encode_code(answer)) == answer
    assert check(pulse.encode_code(answer)) == {"ok": answer}


@settings(max_examples=200, deadline=None)
@given(teams, answers)
def test_adding_the_same_answers_twice_changes_nothing(
    team: list[dict[str, Any]], answer: dict[str, Any]
) -> None:
    agg, _ = add_all([*team, answer])
    before = compact(agg)
    assert pulse.add_answers(agg, answer) == pulse.Refused("dash.pulse.why.alreadyAdded")
    assert compact(agg) == before


@settings(max_examples=200, deadline=None)
@given(teams, st.randoms(use_true_random=False))
def test_the_order_of_adding_does_not_matter(
    team: list[dict[str, Any]], rnd: random.Random
) -> None:
    shuffled = list(team)
    rnd.shuffle(shuffled)
    assert compact(add_all(list(team))[0]) == compact(add_all(list(shuffled))[0])


@settings(max_examples=200, deadline=None)
@given(teams, st.randoms(use_true_random=False))
def test_nothing_per_person_is_kept_beyond_the_counts(
    team: list[dict[str, Any]], rnd: random.Random
) -> None:
    """Deal each statement's answers out to other people: the aggregate cannot tell."""
    dealt: list[dict[str, Any]] = [{} for _ in team]
    for s in CTX["statements"]:
        given_values = [a["answers"][s["id"]]["value"] for a in team if s["id"] in a["answers"]]
        holders = rnd.sample(range(len(team)), len(given_values))
        for holder, value in zip(holders, given_values, strict=False):
            dealt[holder][s["id"]] = value
    others = [make(v, a["random_id"]) for v, a in zip(dealt, team, strict=True) if v]
    assert add_all(list(team))[0]["counts"] == add_all(list(others))[0]["counts"]


@settings(max_examples=200, deadline=None)
@given(teams, st.one_of(st.integers(min_value=-3, max_value=12), st.floats()))
def test_under_the_threshold_only_the_number_needed(team: list[Any], minimum: float) -> None:
    agg, _ = add_all(list(team))
    view = pulse.pulse_view(agg, CTX["statements"], minimum=minimum)
    least = pulse.threshold(minimum)
    assert least >= 3
    if len(team) < least:
        assert view == {"needed": least - len(team)}
        return
    for s in view["statements"]:
        assert set(s) == {"id", "lesson", "needed"} or s["answers"] >= least


def test_the_js_modules_and_python_refuse_with_the_same_catalog_keys() -> None:
    """Every refusal has a string in the catalogs (test_i18n checks all six have it), and the
    two implementations know the same reasons."""
    python = set(
        re.findall(r'_refuse\(\s*"(\w+)"', (ROOT / "src/mkdocs_sremgr/pulse.py").read_text())
    )
    js: set[str] = set()
    for path in SCRIPTS.glob("*.js"):
        js |= set(re.findall(r'"dash\.pulse\.why\.(\w+)"', path.read_text(encoding="utf-8")))
    assert python == js
    english = _read("en")
    assert sorted(k for k in js if f"dash.pulse.why.{k}" not in english) == []


# -- the built-in statements ---------------------------------------------------------------------


def test_the_built_in_pulse_speaks_to_the_packs_lessons() -> None:
    pulse_file = yaml.safe_load(STATEMENTS.read_text(encoding="utf-8"))
    assert set(pulse_file) == {"kind", "id", "title", "intro", "statements"}
    assert pulse_file["kind"] == "pulse"
    statements = pulse_file["statements"]
    assert 10 <= len(statements) <= 14
    ids = [s["id"] for s in statements]
    assert len(set(ids)) == len(ids)
    lessons = {p.stem for p in (builtin_dir() / "checklists").glob("*.yml")}
    assert {s["lesson"] for s in statements} == lessons  # every lesson, and only real ones
    for s in statements:
        assert set(s) == {"id", "text", "lesson"}
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", s["id"]), s["id"]
        text = s["text"]
        assert text.endswith(".") and text.count(". ") == 0, text  # one sentence
        assert "1:1" not in text and not re.search(r"\b(always|never|great|excellent)\b", text)
        assert len(fingerprint(text)) == 8


def test_the_loader_reads_the_built_in_pulse_as_it_is_written() -> None:
    """The pack's pulse is a built-in entry like its checklists: loaded, fingerprinted, its
    lessons the pack's checklists (and `exclude: [team-pulse]` names it)."""
    from mkdocs_sremgr.handbook import load_handbook

    handbook = load_handbook([], display_base=ROOT)
    assert handbook.problems == []
    assert "team-pulse" in handbook.builtin_ids
    loaded = handbook.catalog.pulse
    assert loaded is not None and loaded.builtin
    written = yaml.safe_load(STATEMENTS.read_text(encoding="utf-8"))["statements"]
    assert [(s.id, s.lesson, s.fp) for s in loaded.statements] == [
        (s["id"], s["lesson"], fingerprint(s["text"])) for s in written
    ]


# -- the two implementations side by side --------------------------------------------------------

NODE_CHECK = """
import { checkAnswers } from "./src/mkdocs_sremgr/assets/src/pulse/answers.js";
import fs from "node:fs";
const { inputs, ctx } = JSON.parse(fs.readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(inputs.map((i) => checkAnswers(i, ctx))));
"""


def damaged_inputs(rng: random.Random, count: int) -> list[str]:
    """Answer files and codes with one or two random changes: characters, digits, keys."""
    seeds = [v["input"] for v in read("checks.json") if len(v["input"]) < 2000]
    pieces = [
        '"',
        "0",
        "9",
        "1e400",
        "-",
        ".5",
        "{}",
        "[]",
        "null",
        "true",
        ",",
        ":",
        " ",
        "\\u0000",
        "é",
        "😀",
        "A",
        "_",
    ]
    out = []
    for _ in range(count):
        text = rng.choice(seeds)
        for _ in range(rng.randint(1, 2)):
            i = rng.randrange(len(text) + 1)
            cut = rng.choice([0, 0, 1, 2])
            text = text[:i] + rng.choice(pieces) + text[i + cut :]
        out.append(text)
    return out


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run the browser module")
def test_python_and_the_browser_module_agree_on_damaged_files() -> None:
    inputs = damaged_inputs(random.Random(20), 3000)
    ctx = {k: CTX[k] for k in ("handbook", "quarter", "statements")}
    result = subprocess.run(
        ["node", "--input-type=module", "-e", NODE_CHECK],
        input=json.dumps({"inputs": inputs, "ctx": ctx}),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    browser = json.loads(result.stdout)
    differ = [(i, b, check(i)) for i, b in zip(inputs, browser, strict=True) if check(i) != b]
    assert differ == []
    accepted = sum("ok" in b for b in browser)
    assert 0 < accepted < len(inputs)  # the changes reach both outcomes
