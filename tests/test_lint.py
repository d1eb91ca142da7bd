"""Pack-lint: each rule fires on a bad example, stays quiet on a good one, and reaches the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mkdocs_sremgr.catalog import CatalogLoader, builtin_dir, find_sources
from mkdocs_sremgr.lint import Finding, link_problem, lint, near_duplicates, windows
from mkdocs_sremgr.model import Catalog

READING = (
    "further_reading:\n  - title: A source\n    author: Someone\n    url: https://example.org/a\n"
)


def checklist(ident: str, items: list[str], cadence: str = "monthly") -> str:
    """A valid checklist file with a linked source; each item is `text` or `text|weight`."""
    lines = [
        f"id: {ident}",
        f"title: {ident.title()}",
        f"cadence: {cadence}",
        READING.rstrip("\n"),
        "sections:",
        "  - title: Only",
        "    items:",
    ]
    for n, spec in enumerate(items):
        text, _, weight = spec.partition("|")
        lines.append(f"      - id: {ident}-{n}\n        text: {text}")
        if weight:
            lines.append(f"        weight: {weight}")
    return "\n".join(lines) + "\n"


def load(tmp_path: Path, files: dict[str, str], builtin: bool = False) -> Catalog:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    sources = find_sources(builtin_dir(), builtin=True) if builtin else []
    result = CatalogLoader().load(sources + find_sources(tmp_path, tmp_path))
    assert result.problems == []
    return result.catalog


def rules(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


def test_a_clean_checklist_has_no_findings(tmp_path: Path) -> None:
    catalog = load(
        tmp_path,
        {
            "ok.yml": checklist(
                "ok",
                [
                    "In the last month I held a retro with the team.|2",
                    "In at least three of the last four weeks I sent an update.",
                    "I reviewed the dashboard every week this month.",
                ],
            )
        },
    )
    assert lint(catalog) == []


def test_near_duplicate_texts_across_checklists(tmp_path: Path) -> None:
    catalog = load(
        tmp_path,
        {
            "a.yml": checklist("a", ["In the last month I asked each report for feedback."]),
            "b.yml": checklist("b", ["I asked every report for feedback in the last month."]),
        },
    )
    findings = lint(catalog)
    assert rules(findings) == ["duplicate", "duplicate"]
    assert "`a/a-0` says nearly the same as `b/b-0`" in str(findings[0])
    assert str(findings[0]).startswith("a.yml:12:15: ")


def test_the_same_item_id_in_two_checklists_is_a_duplicate(tmp_path: Path) -> None:
    catalog = load(
        tmp_path,
        {
            "a.yml": checklist("a", ["I paired with an engineer on a deploy."]),
            "b.yml": checklist("b", ["I wrote our budget proposal."]).replace("b-0", "a-0"),
        },
    )
    assert rules(lint(catalog)) == ["duplicate", "duplicate"]


def test_different_items_are_not_duplicates() -> None:
    assert not near_duplicates(
        "In the last month I asked each direct report what I could do better.",
        "In the last month I changed one thing because of what a direct report told me.",
    )
    assert near_duplicates(
        "I held a one-on-one with every direct report.",
        "Every direct report had a 1:1 with me; I held them all.",
    )


def test_time_words_against_the_cadence(tmp_path: Path) -> None:
    catalog = load(
        tmp_path,
        {
            "w.yml": checklist("w", ["This quarter I stopped one meeting."], cadence="weekly"),
            "q.yml": checklist("q", ["This week I read a book."], cadence="quarterly"),
        },
    )
    findings = lint(catalog)
    assert rules(findings) == ["cadence", "cadence"]
    text = "\n".join(map(str, findings))
    assert "says “This quarter” in a weekly checklist" in text
    assert "says “This week” in a quarterly checklist: one good stretch" in text


def test_windows_read_counts_and_frequencies() -> None:
    assert windows("In at least three of the last four weeks I did it.") == [
        ("last four weeks", 28, False)
    ]
    assert windows("I did it every week this month.") == [
        ("every week", 7, True),
        ("this month", 31, False),
    ]
    assert windows("in the last six months, quarterly") == [
        ("last six months", 186, False),
        ("quarterly", 92, True),
    ]
    assert windows("after my last shift") == []


def test_more_than_two_weighted_items(tmp_path: Path) -> None:
    catalog = load(
        tmp_path,
        {"w.yml": checklist("w", ["I did A.|2", "I did B.|3", "I did C.|2", "I did D."])},
    )
    findings = lint(catalog)
    assert rules(findings) == ["weights"]
    assert "weights 3 items (`w-0`, `w-1`, `w-2`)" in str(findings[0])
    assert str(findings[0]).startswith("w.yml:19:17: ")


def test_further_reading_missing_or_without_a_link(tmp_path: Path) -> None:
    bare = (
        "id: bare\ntitle: Bare\nsections:\n  - title: S\n    items:\n"
        "      - id: x\n        text: I did X.\n"
    )
    unlinked = (
        bare.replace("bare", "unlinked")
        .replace("id: x", "id: y")
        .replace("I did X.", "I wrote Y.")
        .replace("sections:", "further_reading:\n  - title: A book\nsections:")
    )
    catalog = load(tmp_path, {"bare.yml": bare, "unlinked.yml": unlinked})
    findings = lint(catalog)
    assert rules(findings) == ["reading", "reading"]
    assert "`bare` has no further reading" in str(findings[0])
    assert "no further reading of `unlinked` has a link" in str(findings[1])


def test_links_must_be_clean_https_urls(tmp_path: Path) -> None:
    text = checklist("links", ["I did X."]).replace(
        "url: https://example.org/a", "url: http://example.org/a"
    )
    catalog = load(tmp_path, {"links.yml": text})
    findings = lint(catalog)
    assert rules(findings) == ["link"]
    assert str(findings[0]).startswith("links.yml:7:10: link of “A source” is not an https URL")
    assert link_problem("https://example.org/a b") == "contains white space"
    assert link_problem("https://localhost/x") == "has no host name"
    assert link_problem("../reading.md") == ""
    assert link_problem("https://sre.google/sre-book/being-on-call/") == ""


def test_paths_limit_findings_to_a_teams_own_files(tmp_path: Path) -> None:
    catalog = load(
        tmp_path,
        {"ours.yml": checklist("ours", ["This quarter I did X."], cadence="weekly")},
        builtin=True,
    )
    ours = lint(catalog, {"ours.yml"})
    assert rules(ours) == ["cadence"]
    assert lint(catalog, {"elsewhere.yml"}) == []


def test_validate_lint_prints_warnings_and_exits_0(tmp_path: Path) -> None:
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "ours.yml").write_text(
        checklist("ours", ["This quarter I did X."], cadence="weekly")
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs_sremgr.cli", "validate", "lists", "--lint"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert "warning: lists/ours.yml:12:15: `ours-0` says “This quarter”" in result.stderr
    assert "1 lint warning" in result.stderr
    assert "pack/checklists" not in result.stderr  # the built-in pack is not reported on
    broken = tmp_path / "lists" / "broken.yml"
    broken.write_text("id: broken\n")
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env)
    assert result.returncode == 1 and "lint warning" not in result.stderr
