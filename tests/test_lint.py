"""Pack-lint: each rule fires on a bad example, stays quiet on a good one, and reaches the CLI."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Iterable
from itertools import accumulate, combinations
from pathlib import Path

from mkdocs_sremgr.catalog import CatalogLoader, builtin_dir, find_sources
from mkdocs_sremgr.lint import RULES, Finding, link_problem, lint, near_duplicates, windows
from mkdocs_sremgr.model import Catalog
from mkdocs_sremgr.wording import (
    COMMON_ITEMS,
    all_or_nothing,
    last_instance,
    similar_pairs,
    stem,
    two_acts,
    words,
)

READING = (
    "further_reading:\n  - title: A source\n    author: Someone\n    url: https://example.org/a\n"
)


def checklist(
    ident: str, items: list[str], cadence: str = "monthly", bare: Iterable[int] = ()
) -> str:
    """A valid checklist file with a linked source; each item is `text` or `text|weight`.

    Every item says where to check the tick (`evidence`) except those numbered in `bare`,
    whose ids end in `-no-evidence`: the evidence rule has its own tests."""
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
        suffix = "-no-evidence" if n in set(bare) else ""
        lines.append(f"      - id: {ident}-{n}{suffix}\n        text: {text}")
        if weight:
            lines.append(f"        weight: {weight}")
        if not suffix:
            lines.append("        evidence: the calendar")
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
                    "In the last month I reviewed the alert dashboard with each direct report.",
                    "This month I went through the runbooks with the on-call engineers.",
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
    assert str(findings[0]).startswith("w.yml:21:17: ")  # the third weight


def test_further_reading_missing_or_without_a_link(tmp_path: Path) -> None:
    bare = (
        "id: bare\ntitle: Bare\nsections:\n  - title: S\n    items:\n"
        "      - id: x\n        text: I did X.\n        evidence: the calendar\n"
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
    expected = 1  # the item says where to check it (`evidence`)
    assert "where to check the tick" not in result.stderr
    assert result.stderr.count("warning: ") == expected
    assert f"{expected} lint warning" in result.stderr
    assert "pack/checklists" not in result.stderr  # the built-in pack is not reported on
    broken = tmp_path / "lists" / "broken.yml"
    broken.write_text("id: broken\n")
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env)
    assert result.returncode == 1 and "lint warning" not in result.stderr


# -- lint v2 --------------------------------------------------------------------------------


def test_every_finding_names_a_known_rule_and_has_a_hint(tmp_path: Path) -> None:
    catalog = load(
        tmp_path,
        {
            "a.yml": checklist(
                "a",
                [
                    "This week I answered every page.",
                    "The last time I ran a retro, I wrote the notes and shared them.",
                    "I did A.|2",
                    "I did B.|2",
                    "I did C.|3",
                ],
                cadence="quarterly",
                bare=[0, 1, 2, 3],
            ),
            "b.yml": checklist("b", ["I answered pages myself, every one."]),
        },
    )
    findings = lint(catalog)
    assert {f.rule for f in findings} == set(RULES) - {"reading", "link"}
    assert all(f.hint and f.rule in RULES for f in findings)
    shown = str(findings[0])
    assert shown.startswith("a.yml:") and "(hint: " in shown and shown.endswith("]")


def test_all_or_nothing_words(tmp_path: Path) -> None:
    bad = [
        "On my shifts this quarter I answered every page myself.",
        "I never cancelled a one-on-one.",
        "I cancelled none of my one-on-ones.",
        "Whenever someone asked, I pointed them to the docs.",
        "Each time a page woke me, I started late the next day.",
        "I always reread my notes.",
        "No one waited more than two days for an answer.",
        "Before each one-on-one I reread my notes.",
        "I went through all my recurring meetings.",
        "Everything I delegated has an owner.",
        "I reviewed the dashboard every week.",
    ]
    for text in bad:
        assert all_or_nothing(text), text
    good = [
        "This quarter I asked each direct report what I could do better.",
        "I held at least two one-on-ones with every direct report.",
        "I challenged a process we keep only because “it has always been done that way”.",
        "In at least three of the last four weeks I reread my notes before a one-on-one.",
        "I asked everyone who had not yet spoken for their view.",
        "I recorded each decision in the team's log.",
        "This quarter I looked at the incidents for patterns, not just at each one alone.",
        "I wrote down what I learned after all.",
    ]
    for text in good:
        assert all_or_nothing(text) == [], text
    assert all_or_nothing("I reviewed it every week, never late.") == [
        ("every week", all_or_nothing("every week")[0][1]),
        ("never", all_or_nothing("never")[0][1]),
    ]
    assert "at least three of the last four weeks" in all_or_nothing("every week")[0][1]
    catalog = load(tmp_path, {"a.yml": checklist("a", [bad[0], good[0]], cadence="quarterly")})
    findings = lint(catalog)
    assert rules(findings) == ["all-or-nothing"]
    assert str(findings[0]).startswith(
        "a.yml:12:15: `a-0` says “every”: one miss in the period makes the tick false"
    )


def test_a_single_event_with_no_window(tmp_path: Path) -> None:
    for text in (
        "The last time someone told me about exclusion, I agreed a step with them.",
        "Before my last shift I tested my access end to end.",
        "In the last review I joined, we spent time on what went well.",
        "My most recent update described outcomes, not tasks.",
    ):
        assert last_instance(text), text
    for text in (
        "This quarter, each time someone told me about exclusion, I agreed a step with them.",
        "In the last month, after the last review I joined, I thanked the facilitator.",
        "In at least three of the last four weeks I sent an update.",
        "Before the last two shifts of the quarter I tested my access.",
        "At last I wrote the runbook.",
        "I had a one-on-one with my own manager in the last month.",
    ):
        assert last_instance(text) == "", text
    catalog = load(
        tmp_path,
        {
            "a.yml": checklist(
                "a",
                [
                    "The last time someone raised a concern, I agreed a step with them.",
                    "This quarter I sponsored someone for a visible project.",
                ],
                cadence="quarterly",
            )
        },
    )
    findings = lint(catalog)
    assert rules(findings) == ["window"]
    assert "`a-0` says “The last time …” and names no period" in str(findings[0])
    assert "“this quarter”" in findings[0].hint


def test_two_acts_joined_by_and(tmp_path: Path) -> None:
    for text, said in (
        (
            "I named the three biggest sources of toil and shared them with the team.",
            "and shared them",
        ),
        ("I checked each rotation's load and acted where it was over.", "and acted where"),
        ("I asked my manager what they expect, and wrote the answer down.", "and wrote the"),
        ("I reviewed the trend with the team, and we picked one source to cut.", ", and we picked"),
        ("I agreed a step with them and then took it within two weeks.", "and then took it"),
        ("Review the alert list and file a ticket for each noisy alert.", "and file a"),
        ("I kept notes and used them in the next review.", "and used them"),
    ):
        assert two_acts(text) == [said], text
    for text in (
        "This quarter the team and I brought our list of recurring work up to date.",
        "I asked each direct report whether they feel heard and included in the team.",
        "I kept time unbooked for incidents and unplanned requests.",
        "I told the team about a failure of my own and what I learned from it.",
        "The team changed one way of working after a failure, and I can say which.",
        "I gave the team read and write access to the runbooks.",
        "I reviewed the board with all planned and unplanned work.",
    ):
        assert two_acts(text) == [], text
    catalog = load(
        tmp_path,
        {
            "a.yml": checklist(
                "a", ["I ran a pulse and shared the results.", "I wrote the runbook for failover."]
            )
        },
    )
    findings = lint(catalog)
    assert rules(findings) == ["two-acts"]
    assert "`a-0` joins a second act with “and shared the”" in str(findings[0])


def test_missing_evidence_is_soft(tmp_path: Path) -> None:
    texts = [f"I did thing number {word}." for word in ("alpha", "bravo", "delta", "echo", "golf")]
    catalog = load(
        tmp_path,
        {
            "few.yml": checklist("few", texts, bare=[1, 3]),  # 3 of 5 say where to look
            "most.yml": checklist("most", texts, bare=[4]).replace("thing", "other"),  # 4 of 5
        },
    )
    findings = [f for f in lint(catalog) if f.rule != "duplicate"]
    assert rules(findings) == ["evidence", "evidence"]
    assert all(f.path == "few.yml" for f in findings)
    assert "`few-1-no-evidence` does not say where to check the tick; 3 of 5" in str(findings[0])
    assert "`evidence:`" in findings[0].hint


def test_stemming_meets_the_forms_of_a_word() -> None:
    for forms in (
        ("review", "reviews", "reviewed", "reviewing"),
        ("share", "shared", "sharing", "shares"),
        ("plan", "plans", "planned", "planning"),
        ("delegate", "delegated", "delegation"),
        ("update", "updates", "updated"),
        ("reply", "replies", "replied"),
    ):
        assert len({stem(word) for word in forms}) == 1, forms
    assert stem("meeting") != stem("metric")
    assert words("I shared the update with stakeholders.") == words(
        "Updates shared with stakeholders."
    )


def test_duplicates_by_stem_name_both_places(tmp_path: Path) -> None:
    catalog = load(
        tmp_path,
        {
            "a.yml": checklist("a", ["In the last month I share the update with stakeholders."]),
            "b.yml": checklist("b", ["Updates shared with stakeholders in the last month."]),
        },
    )
    findings = lint(catalog)
    assert rules(findings) == ["duplicate", "duplicate"]
    assert str(findings[0]).startswith(
        "a.yml:12:15: `a/a-0` says nearly the same as `b/b-0` (b.yml:12:15)"
    )
    assert "(a.yml:12:15)" in findings[1].message
    assert "both say share, update, stakeholders" in findings[0].hint


def test_similar_pairs_finds_what_comparing_every_pair_finds() -> None:
    """The inverted index is exact while no word is common: the same pairs as brute force."""
    rng = random.Random(7)
    vocabulary = [f"w{n}" for n in range(60)]
    texts = [frozenset(rng.sample(vocabulary, rng.randint(1, 6))) for _ in range(300)]
    found = similar_pairs(texts)
    assert found.common == frozenset()
    brute = [
        (i, j)
        for (i, a), (j, b) in combinations(enumerate(texts), 2)
        if near_duplicates(" ".join(a), " ".join(b))
    ]
    assert brute and [(i, j) for i, j, _ in found.pairs] == brute
    assert found.compared < len(texts) * (len(texts) - 1) // 2


def _generated(count: int, seed: int = 3) -> list[str]:
    """Plain first-person item texts over 20,000 made-up words with a Zipf-like skew (as in
    benchmarks/lint.py); every 100th repeats the one 50 before it in another order."""
    rng = random.Random(seed)
    vocabulary = [f"{rng.choice('bdfgklmnprst')}{n:x}x" for n in range(20000)]
    cumulative = list(accumulate(1 / (rank + 10) for rank in range(len(vocabulary))))
    texts: list[str] = []
    for n in range(count):
        if n % 100 == 99:
            texts.append("Again, " + " ".join(reversed(texts[n - 50].rstrip(".").split())) + ".")
            continue
        a, b, c, d, e = rng.choices(vocabulary, cum_weights=cumulative, k=5)
        texts.append(f"This quarter I checked the {a} {b} with {c}, {d} and {e}.")
    return texts


def test_10000_items_are_linted_in_linear_work(tmp_path: Path) -> None:
    """A handbook of 10,000 valid items (five files of 2,000): the lint finishes, finds the
    repeated items, and the pairs it compares grow with the number of items, not its square.
    Time itself is measured in benchmarks/lint.py, not here."""
    texts = _generated(10_000)
    for part in range(5):
        lines = [f"id: big-{part}", f"title: Big {part}", "cadence: quarterly", READING.rstrip()]
        lines.append("sections:")
        for n in range(part * 2000, (part + 1) * 2000):
            if n % 500 == 0:
                lines.append(f"  - title: Part {n}\n    items:")
            lines.append(f"      - id: item-{n}\n        text: {texts[n]}")
        (tmp_path / f"big-{part}.yml").write_text("\n".join(lines) + "\n")
    catalog = load(tmp_path, {})
    assert sum(len(c.items) for c in catalog.checklists.values()) == 10_000
    findings = lint(catalog)
    repeated = {f"item-{n}" for n in range(99, 10_000, 100)}
    flagged = {f.message.split("`")[1].split("/")[1] for f in findings if f.rule == "duplicate"}
    assert repeated <= flagged
    small, large = (similar_pairs([words(t) for t in _generated(n)]) for n in (1_000, 10_000))
    # Every item is compared only with items sharing a word no more than COMMON_ITEMS use:
    assert large.compared <= COMMON_ITEMS * sum(len(words(t)) for t in texts)
    # ... and in practice with a few dozen, as many at 10,000 items as at 1,000.
    assert large.compared / 10_000 < 2 * small.compared / 1_000 < 100
    assert large.compared < 10_000 * 100  # comparing every pair would be 50 million


def test_a_long_weight_list_is_named_in_short(tmp_path: Path) -> None:
    texts = [f"I fixed alert number {n}.|2" for n in range(10)]  # duplicates, too
    findings = [
        f for f in lint(load(tmp_path, {"w.yml": checklist("w", texts)})) if f.rule == "weights"
    ]
    assert len(findings) == 8
    assert "weights 10 items (`w-0`, `w-1`, `w-2`, `w-3`, `w-4` and 5 more)" in str(findings[0])


def test_every_rule_is_documented() -> None:
    doc = (Path(__file__).parents[1] / "docs" / "authoring.md").read_text()
    table = doc[doc.index("`--lint` also checks") : doc.index("### What the lint cannot see")]
    for rule in RULES:
        assert f"| `{rule}` |" in table, rule
    assert "whether the manager really did" in doc and "whether an item is worth doing" in doc
