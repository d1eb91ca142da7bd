"""Pack-lint: the item standard of docs/authoring.md, checked where a machine can check it.

Validation (catalog.py) refuses files the plugin cannot use. Lint looks at files it can use
and points at what makes a checklist hard to tick honestly: two items that say nearly the
same thing, an item that looks further back (or less far) than its checklist's cadence or
names a single event with no window, all-or-nothing words, two acts joined by "and", items
that do not say where to check the tick, weights spread over too many items, a page without
further reading, a link that is not a clean https URL. Findings are advice, not errors: the
build never runs lint; the pack's test and `mkdocs-sremgr validate --lint` do.

`lint()` is a pure function over a loaded `Catalog`: no files, no logging, no globals. The
wording heuristics themselves live in `wording.py`. It runs in time linear in the number of
items (10,000 items in a few seconds): the duplicate check goes through an inverted index.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from mkdocs_sremgr.errors import Problem
from mkdocs_sremgr.model import AntiPattern, Catalog, Checklist, Item
from mkdocs_sremgr.rules import CADENCE_DAYS
from mkdocs_sremgr.wording import (
    all_or_nothing,
    last_instance,
    near_duplicates,
    similar_pairs,
    surface,
    two_acts,
    windows,
    words,
)
from mkdocs_sremgr.yamlload import JsonPath

__all__ = ["RULES", "Finding", "link_problem", "lint", "near_duplicates", "windows", "words"]

MAX_WEIGHTED = 2
"""Items per checklist that may carry a weight other than 1 (the authoring guide's rule)."""

EVIDENCE_SHARE = 0.8
"""The share of a checklist's items that should say where to check the tick (`evidence`).
Soft on purpose: an item whose tick is plain to see may go without, so items without
evidence are reported only while fewer than 80% of their checklist's items have it."""


@dataclass(frozen=True, order=True)
class Finding(Problem):
    """One lint warning: a problem's place, message and hint, and the rule that found it."""

    rule: str = field(kw_only=True)

    def __str__(self) -> str:
        # Written as a build problem is, plus the rule's name.
        return f"{super().__str__()} [{self.rule}]"


RULES = (
    "duplicate",
    "cadence",
    "window",
    "all-or-nothing",
    "two-acts",
    "evidence",
    "weights",
    "reading",
    "link",
)
"""Every rule's name, as findings carry it: one per check of the item standard."""


def lint(catalog: Catalog, paths: Iterable[str] | None = None) -> list[Finding]:
    """Every finding for the catalog, sorted; with `paths`, only those about these files.

    Duplicates are always looked for across the whole catalog, so a team's item that
    repeats a built-in one is found even when only the team's files are reported on.
    """
    wanted = None if paths is None else set(paths)
    checklists = list(catalog.checklists.values())
    findings = [
        *_duplicates(catalog),
        *(f for c in checklists for f in _cadence(c)),
        *(f for c in checklists for f in _wording(c)),
        *(f for c in checklists for f in _evidence(c)),
        *(f for c in checklists for f in _weights(c)),
        *(f for e in _entries(catalog) for f in _reading(e)),
    ]
    return sorted(f for f in findings if wanted is None or f.path in wanted)


def _entries(catalog: Catalog) -> list[Checklist | AntiPattern]:
    return [*catalog.checklists.values(), *catalog.antipatterns.values()]


def _item_at(item: Item, checklist: Checklist, field: str = "text") -> tuple[str, int, int]:
    doc = item.doc or checklist.doc
    if doc is None:
        return f"<{checklist.id}>", 0, 0
    line, column = doc.where((*item.path, field)) if item.doc else (0, 0)
    return doc.path, line, column


def _at(
    item: Item,
    checklist: Checklist,
    rule: str,
    message: str,
    field: str = "text",
    *,
    hint: str = "",
) -> Finding:
    return Finding(*_item_at(item, checklist, field), message, hint, rule=rule)


def _entry_finding(
    entry: Checklist | AntiPattern, path: JsonPath, rule: str, message: str, hint: str
) -> Finding:
    """A finding about a checklist's or anti-pattern's own key (`path` in its file)."""
    if entry.doc is None:
        return Finding(f"<{entry.id}>", 0, 0, message, hint, rule=rule)
    line, column = entry.doc.where(path)
    return Finding(entry.doc.path, line, column, message, hint, rule=rule)


# -- near-duplicate texts -------------------------------------------------------------------


def _duplicates(catalog: Catalog) -> Iterator[Finding]:
    everything = [(c, item) for c in catalog.checklists.values() for item in c.items]
    found = similar_pairs([words(item.text) for _, item in everything])
    shared = {(i, j): both for i, j, both in found.pairs}
    # The same id in two checklists is how a copied item usually shows: each later copy
    # is paired with the first (not with every other copy, which would be quadratic).
    by_id: dict[str, list[int]] = defaultdict(list)
    for index, (_, item) in enumerate(everything):
        by_id[item.id].append(index)
    for indexes in by_id.values():
        for other in indexes[1:]:
            shared.setdefault((indexes[0], other), frozenset())
    for (i, j), both in sorted(shared.items()):
        (c1, i1), (c2, i2) = everything[i], everything[j]
        if both:
            said = ", ".join(surface(i1.text, both)[:6])
            hint = f"both say {said}: keep one, or let one checklist's summary point to the other"
        else:
            hint = "the same item id in two checklists is usually a copied item: keep one"
        yield _pair(i1, c1, i2, c2, hint)
        yield _pair(i2, c2, i1, c1, hint)


def _pair(item: Item, checklist: Checklist, other: Item, where: Checklist, hint: str) -> Finding:
    path, line, column = _item_at(other, where)
    return _at(
        item,
        checklist,
        "duplicate",
        f"`{checklist.id}/{item.id}` says nearly the same as `{where.id}/{other.id}` "
        f"({path}:{line}:{column})",
        hint=hint,
    )


# -- time words against the cadence --------------------------------------------------------

_TOLERANCE = 0.3
"""How far a window may stray from the cadence: four weeks is a month, thirteen a quarter."""

_HABIT = {
    "weekly": "“on at least four of the last five working days”",
    "monthly": "“in at least three of the last four weeks”",
    "quarterly": "“in at least ten of the last thirteen weeks”",
    "yearly": "“in at least three of the last four quarters”",
}
_PERIOD_WORDS = {
    "weekly": "“this week”",
    "monthly": "“in the last month”",
    "quarterly": "“this quarter”",
    "yearly": "“this year”",
}


def _cadence(checklist: Checklist) -> Iterator[Finding]:
    days = CADENCE_DAYS[checklist.cadence]
    cadence = checklist.cadence
    for item in checklist.items:
        for said, span, frequency in windows(item.text):
            if span > days * (1 + _TOLERANCE):
                yield _at(
                    item,
                    checklist,
                    "cadence",
                    f"`{item.id}` says “{said}” in a {cadence} checklist: "
                    "a tick cannot be checked afresh at each review",
                    hint=f"ask about the checklist's own period ({_PERIOD_WORDS[cadence]}), "
                    "or move the item to a checklist with a longer cadence",
                )
            elif span < days * (1 - _TOLERANCE) and not frequency:
                yield _at(
                    item,
                    checklist,
                    "cadence",
                    f"`{item.id}` says “{said}” in a {cadence} checklist: "
                    "one good stretch keeps it ticked for the whole period",
                    hint=f"for a habit, try {_HABIT[cadence]}",
                )
        event = last_instance(item.text)
        if event:
            yield _at(
                item,
                checklist,
                "window",
                f"`{item.id}` says “{event}” and names no period: the tick stays good however "
                "long ago that was, and one instance stands for a habit",
                hint=f"name the period ({_PERIOD_WORDS[cadence]}) and what you did then, "
                f"or for a habit {_HABIT[cadence]}",
            )


# -- wording: all-or-nothing, two acts ------------------------------------------------------


def _wording(checklist: Checklist) -> Iterator[Finding]:
    for item in checklist.items:
        for said, hint in all_or_nothing(item.text):
            yield _at(
                item,
                checklist,
                "all-or-nothing",
                f"`{item.id}` says “{said}”: one miss in the period makes the tick false, "
                "so an honest reader can rarely give it",
                hint=hint,
            )
        for said in two_acts(item.text):
            yield _at(
                item,
                checklist,
                "two-acts",
                f"`{item.id}` joins a second act with “{said}”: a reader who did one of the "
                "two cannot answer yes or no",
                hint="split it into two items, or keep the act that moves the lesson",
            )


# -- evidence -------------------------------------------------------------------------------


def _evidence(checklist: Checklist) -> Iterator[Finding]:
    items = checklist.items
    # Read defensively: `evidence` is an optional item field newer than this rule's tests.
    missing = [item for item in items if not getattr(item, "evidence", None)]
    if not items or len(items) - len(missing) >= EVIDENCE_SHARE * len(items):
        return
    have = len(items) - len(missing)
    for item in missing:
        yield _at(
            item,
            checklist,
            "evidence",
            f"`{item.id}` does not say where to check the tick; {have} of {len(items)} items "
            f"of `{checklist.id}` do",
            "id",
            hint="add `evidence:` naming the place to look: the calendar, the paging tool, "
            f"the tracker, the team's pulse (at least {EVIDENCE_SHARE:.0%} of the items)",
        )


# -- weights -------------------------------------------------------------------------------


def _weights(checklist: Checklist) -> Iterator[Finding]:
    weighted = [item for item in checklist.items if item.weight != 1]
    if len(weighted) > MAX_WEIGHTED:
        # At most a few ids in each message: a list of all of them in every finding grows
        # as the square of the number of items.
        ids = ", ".join(f"`{i.id}`" for i in weighted[:5])
        more = f" and {len(weighted) - 5} more" if len(weighted) > 5 else ""
        for item in weighted[MAX_WEIGHTED:]:
            yield _at(
                item,
                checklist,
                "weights",
                f"`{checklist.id}` weights {len(weighted)} items ({ids}{more})",
                "weight",
                hint=f"keep weights for the {MAX_WEIGHTED} acts that move the lesson most, "
                "never as a quota",
            )


# -- further reading and links -------------------------------------------------------------


def link_problem(url: str) -> str:
    """Why a further-reading link is not well-formed, or an empty string."""
    if url.startswith(("/", "./", "../")):
        return "" if not re.search(r"\s", url) else "contains white space"
    if re.search(r"\s", url):
        return "contains white space"
    parts = urlsplit(url)
    if parts.scheme != "https":
        return "is not an https URL"
    if "." not in parts.netloc or parts.netloc.startswith(".") or parts.netloc.endswith("."):
        return "has no host name"
    if re.search(r"[<>\"'`]", url):
        return "contains quotes or angle brackets"
    return ""


def _reading(entry: Checklist | AntiPattern) -> Iterator[Finding]:
    if not entry.further_reading:
        yield _entry_finding(
            entry,
            ("id",),
            "reading",
            f"`{entry.id}` has no further reading",
            "name at least one well-known source under `further_reading`, with an https link",
        )
        return
    if not any(book.url for book in entry.further_reading):
        yield _entry_finding(
            entry,
            ("further_reading",),
            "reading",
            f"no further reading of `{entry.id}` has a link",
            "give at least one source a `url` (https) where readers can find it",
        )
    own = entry.doc.data.get("further_reading", []) if entry.doc else []
    for index, book in enumerate(entry.further_reading):
        why = link_problem(book.url) if book.url else ""
        if why:
            mine = index < len(own) and own[index].get("url") == book.url
            yield _entry_finding(
                entry,
                ("further_reading", index, "url") if mine else ("further_reading",),
                "link",
                f"link of “{book.title}” {why}: {book.url}",
                "use the source's https address as published, or a path starting with /, ./ or ../",
            )
