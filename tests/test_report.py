"""`mkdocs-sremgr report`: anonymous roll-up of exported progress files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mkdocs_sremgr.cli import main

CHECKLIST = """\
id: team-rota
title: Team rota
sections:
  - title: Basics
    items:
      - id: first
        text: I did the first thing.
        aliases: [old-first]
      - id: second
        text: I did the second thing.
"""


def export(
    states: dict[str, str], snapshots: dict[str, int] | None = None, **extra: object
) -> dict[str, object]:
    data: dict[str, object] = {
        "version": 1,
        "checklists": {
            "team-rota": {
                "items": {
                    i: {"state": s, "changed": "2026-11-01T00:00:00Z", "note": "private"}
                    for i, s in states.items()
                }
            }
        },
        "snapshots": {
            p: {
                "closed": "2026-10-01T00:00:00Z",
                "checklists": {"team-rota": {"done": [], "total": 2, "score": score}},
            }
            for p, score in (snapshots or {}).items()
        },
        **extra,
    }
    return {
        "format": "mkdocs-sremgr-export",
        "storage_key": "sremgr:v1:t",  # the handbook fixture's (site_name: T)
        "exported": "2026-11-25T00:00:00Z",
        "data": data,
    }


@pytest.fixture
def handbook(tmp_path: Path) -> Path:
    (tmp_path / "docs" / "checklists").mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    (tmp_path / "docs" / "checklists" / "team-rota.yml").write_text(CHECKLIST)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - sremgr:\n      builtin: false\n"
    )
    return tmp_path


def write(folder: Path, name: str, content: object) -> Path:
    path = folder / name
    path.write_text(content if isinstance(content, str) else json.dumps(content))
    return path


def test_markdown_rollup_counts_and_trend_without_names(
    handbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [
        write(
            handbook,
            "alice-smith.json",
            export({"first": "done", "second": "na"}, {"2026-Q3": 50, "2026-Q4": 100}),
        ),
        write(handbook, "bob-jones.json", export({"old-first": "done"}, {"2026-Q4": 50})),
        write(handbook, "carol-wu.json", export({"second": "done"})),
    ]
    code = main(["report", *map(str, files), "-f", str(handbook / "mkdocs.yml")])
    out = capsys.readouterr().out
    assert code == 0
    assert "From 3 progress files" in out
    assert "| I did the first thing. | 2 of 3 | 0 | 0 |" in out  # the alias counts as done
    assert "| I did the second thing. | 1 of 3 | 1 | 0 |" in out
    assert "| Overall | 50% (1) | 75% (2) |" in out
    for secret in ("alice", "bob", "carol", "private"):
        assert secret not in out.lower()
    assert "fewer than three" not in out


def test_html_rollup_escapes_and_warns_for_small_groups(handbook: Path) -> None:
    out_file = handbook / "report.html"
    one = write(handbook, "x.json", export({"first": "done"}))
    assert (
        main(
            [
                "report",
                str(one),
                "--format",
                "html",
                "-o",
                str(out_file),
                "-f",
                str(handbook / "mkdocs.yml"),
            ]
        )
        == 0
    )
    text = out_file.read_text()
    assert text.startswith("<!DOCTYPE html>")
    assert "<td>1 of 1</td>" in text
    assert "fewer than three files" in text


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("not json", "not JSON"),
        ({"hello": "world"}, "not a mkdocs-sremgr progress export"),
        ({"version": 9, "checklists": {}}, "newer mkdocs-sremgr"),
        ({"version": 1, "checklists": {"Bad Id": {}}}, "not a kebab-case id"),
        (
            {"version": 1, "checklists": {"a": {"items": {"b": {"state": "Maybe!"}}}}},
            "not an id",
        ),
        ({"version": 1, "checklists": [], "snapshots": {}}, "should be an object"),
        ({"version": 1, "checklists": {}, "snapshots": {"Q4": {}}}, "not a quarter"),
        (
            {
                "version": 1,
                "checklists": {},
                "snapshots": {"2026-Q4": {"checklists": {"a": {"score": 900}}}},
            },
            "between 0 and 100",
        ),
    ],
)
def test_malformed_files_are_refused_with_a_reason(
    handbook: Path, capsys: pytest.CaptureFixture[str], content: object, reason: str
) -> None:
    good = write(handbook, "good.json", export({"first": "done"}))
    bad = write(handbook, "bad.json", content)
    out_file = handbook / "out.md"
    code = main(
        ["report", str(good), str(bad), "-o", str(out_file), "-f", str(handbook / "mkdocs.yml")]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "file 2" in err and reason in err
    assert not out_file.exists()


def test_oversized_file_is_refused(handbook: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = handbook / "big.json"
    big.write_bytes(b" " * (5 * 1024 * 1024 + 1))
    assert main(["report", str(big)]) == 1
    assert "over the" in capsys.readouterr().err


def test_a_state_this_version_does_not_know_counts_as_open(
    handbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A newer build's state (issue 18) is read, not refused, and counted as open: neither
    done nor set aside; each set-aside state of the table has its own column."""
    files = [
        write(handbook, "a.json", export({"first": "a-later-state", "second": "na"})),
        write(handbook, "b.json", export({"first": "done", "second": "quiet"})),
    ]
    code = main(["report", *map(str, files), "-f", str(handbook / "mkdocs.yml")])
    out = capsys.readouterr().out
    assert code == 0
    assert "| Item | Done | Not for me | Didn't come up |" in out
    assert "| I did the first thing. | 1 of 2 | 0 | 0 |" in out
    assert "| I did the second thing. | 0 of 2 | 1 | 1 |" in out


def test_trend_says_how_many_items_were_set_aside(handbook: Path) -> None:
    """Issue 19: a score says how many items it left out (a snapshot's `aside`)."""
    data = export({"first": "done"}, {"2026-Q3": 50, "2026-Q4": 100})
    snaps = data["data"]["snapshots"]  # type: ignore[index]
    snaps["2026-Q4"]["checklists"]["team-rota"]["aside"] = 3
    one = write(handbook, "x.json", data)
    for fmt, cell in (
        ("markdown", "| 100% (1) · 3 set aside |"),
        ("html", "<td>100% (1) · 3 set aside</td>"),
    ):
        out = handbook / f"r.{fmt}"
        args = [
            "report",
            str(one),
            "--format",
            fmt,
            "-o",
            str(out),
            "-f",
            str(handbook / "mkdocs.yml"),
        ]
        assert main(args) == 0
        text = out.read_text()
        assert cell in text, text
        assert "50% (1) |" in text or "<td>50% (1)</td>" in text  # none set aside: nothing added
    snaps["2026-Q4"]["checklists"]["team-rota"]["aside"] = -1
    bad = write(handbook, "bad.json", data)
    assert main(["report", str(bad), "-f", str(handbook / "mkdocs.yml")]) == 1
