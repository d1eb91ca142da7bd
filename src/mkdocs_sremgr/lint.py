"""Pack-lint: the item standard of docs/authoring.md, checked where a machine can check it.

Validation (catalog.py) refuses files the plugin cannot use. Lint looks at files it can use
and points at what makes a checklist hard to tick honestly: two items that say the same
thing, an item that looks further back (or less far) than its checklist's cadence, weights
spread over too many items, a page without further reading, a link that is not a clean
https URL. Findings are advice, not errors: the build never runs lint; the pack's test
and `mkdocs-sremgr validate --lint` do.

`lint()` is a pure function over a loaded `Catalog`: no files, no logging, no globals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations
from urllib.parse import urlsplit

from mkdocs_sremgr.model import AntiPattern, Catalog, Checklist, Item
from mkdocs_sremgr.rules import CADENCE_DAYS

MAX_WEIGHTED = 2
"""Items per checklist that may carry a weight other than 1 (the authoring guide's rule)."""

JACCARD_LIMIT = 0.5
OVERLAP_LIMIT = 0.8
"""Two texts are near-duplicates when half of all their words are shared, or when 80% of the
shorter one's words are in the longer one (and it has at least four words that count)."""


@dataclass(frozen=True, order=True)
class Finding:
    """One lint warning, with the file position of what it is about."""

    path: str
    line: int
    column: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message} [{self.rule}]"


def lint(catalog: Catalog, paths: Iterable[str] | None = None) -> list[Finding]:
    """Every finding for the catalog, sorted; with `paths`, only those about these files.

    Duplicates are always looked for across the whole catalog, so a team's item that
    repeats a built-in one is found even when only the team's files are reported on.
    """
    wanted = None if paths is None else set(paths)
    findings = [
        *_duplicates(catalog),
        *(f for c in catalog.checklists.values() for f in _cadence(c)),
        *(f for c in catalog.checklists.values() for f in _weights(c)),
        *(f for e in _entries(catalog) for f in _reading(e)),
    ]
    return sorted(f for f in findings if wanted is None or f.path in wanted)


def _entries(catalog: Catalog) -> list[Checklist | AntiPattern]:
    return [*catalog.checklists.values(), *catalog.antipatterns.values()]


def _at(item: Item, checklist: Checklist, rule: str, message: str, field: str = "text") -> Finding:
    doc = item.doc or checklist.doc
    if doc is None:
        return Finding(f"<{checklist.id}>", 0, 0, rule, message)
    line, column = doc.where((*item.path, field)) if item.doc else (0, 0)
    return Finding(doc.path, line, column, rule, message)


def _entry_at(entry: Checklist | AntiPattern, path: tuple[str | int, ...]) -> tuple[str, int, int]:
    if entry.doc is None:
        return f"<{entry.id}>", 0, 0
    line, column = entry.doc.where(path)
    return entry.doc.path, line, column


# -- near-duplicate texts -------------------------------------------------------------------

# Words that carry no meaning of their own in a first-person checklist item.
_STOP = frozenset(
    """
    a about after all also an and any are as at be been before both but by can could did do
    does done each every for from had has have how i if in into is it its least last me more
    most my no not of on once one or our out over past so some than that the their them then
    there these they this those to too two three up us was we week weeks were what when which
    who whom why will with within without month months quarter quarters year years half day
    days time times i've i'm team person people
    """.split()  # noqa: SIM905 (a word list reads better as prose)
)


def _stem(word: str) -> str:
    """A deliberately crude stemmer: enough to match `reviewed`, `reviews` and `review`."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def words(text: str) -> frozenset[str]:
    """The meaningful words of an item's text, stemmed: what duplicate detection compares."""
    text = text.lower().replace("'", "").replace("’", "")
    text = re.sub(r"\b(?:one-on-ones?|1:1s?)\b", " oneonone ", text)
    text = re.sub(r"\bdirect reports?\b", " ", text)
    tokens = re.findall(r"[a-z0-9]+", text)
    return frozenset(_stem(t) for t in tokens if t not in _STOP and not t.isdigit())


def similarity(a: frozenset[str], b: frozenset[str]) -> tuple[float, float]:
    """(Jaccard, overlap) of two word sets; both 0 when either is empty."""
    if not a or not b:
        return 0.0, 0.0
    shared = len(a & b)
    return shared / len(a | b), shared / min(len(a), len(b))


def near_duplicates(a: str, b: str) -> bool:
    wa, wb = words(a), words(b)
    jaccard, overlap = similarity(wa, wb)
    return jaccard >= JACCARD_LIMIT or (overlap >= OVERLAP_LIMIT and min(len(wa), len(wb)) >= 4)


def _duplicates(catalog: Catalog) -> Iterator[Finding]:
    everything = [(c, item) for c in catalog.checklists.values() for item in c.items]
    for (c1, i1), (c2, i2) in combinations(everything, 2):
        # The same id in two checklists is how a copied item usually shows.
        if i1.id == i2.id or near_duplicates(i1.text, i2.text):
            other = f"`{c2.id}/{i2.id}`"
            yield _at(i1, c1, "duplicate", f"`{c1.id}/{i1.id}` says nearly the same as {other}")
            yield _at(
                i2, c2, "duplicate", f"`{c2.id}/{i2.id}` says nearly the same as `{c1.id}/{i1.id}`"
            )


# -- time words against the cadence --------------------------------------------------------

_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "thirteen": 13,
}
_UNIT_DAYS = {"week": 7, "fortnight": 14, "month": 31, "quarter": 92, "half": 183, "year": 366}
_PERIOD = re.compile(
    r"\b(?:this|last|past|next|previous|current|each|every|per|a)\s+"
    r"(?:(?P<count>\d+|" + "|".join(_NUMBERS) + r")\s+)?"
    r"(?P<unit>week|fortnight|month|quarter|half-year|half|year)s?\b",
    re.IGNORECASE,
)
_ADVERB = re.compile(
    r"\b(?P<unit>weekly|fortnightly|monthly|quarterly|yearly|annually)\b", re.IGNORECASE
)
_ADVERB_DAYS = {
    "weekly": 7,
    "fortnightly": 14,
    "monthly": 31,
    "quarterly": 92,
    "yearly": 366,
    "annually": 366,
}
_TOLERANCE = 0.3
"""How far a window may stray from the cadence: four weeks is a month, thirteen a quarter."""


def windows(text: str) -> list[tuple[str, int, bool]]:
    """Every period an item's text names: (the words, its length in days, a frequency?).

    "This quarter" or "the last four weeks" is a window the tick is about; "every week" or
    "monthly" is how often something happens within it.
    """
    found = []
    for match in _PERIOD.finditer(text):
        unit = match["unit"].lower().removesuffix("-year")
        count = match["count"]
        n = int(count) if count and count.isdigit() else _NUMBERS.get((count or "").lower(), 1)
        frequency = match[0].split()[0].lower() in {"each", "every", "per", "a"}
        found.append((match[0], n * _UNIT_DAYS[unit], frequency))
    for match in _ADVERB.finditer(text):
        found.append((match[0], _ADVERB_DAYS[match["unit"].lower()], True))
    return found


def _cadence(checklist: Checklist) -> Iterator[Finding]:
    days = CADENCE_DAYS[checklist.cadence]
    for item in checklist.items:
        for said, span, frequency in windows(item.text):
            if span > days * (1 + _TOLERANCE):
                yield _at(
                    item,
                    checklist,
                    "cadence",
                    f"`{item.id}` says “{said}” in a {checklist.cadence} checklist: "
                    "a tick cannot be checked afresh at each review",
                )
            elif span < days * (1 - _TOLERANCE) and not frequency:
                yield _at(
                    item,
                    checklist,
                    "cadence",
                    f"`{item.id}` says “{said}” in a {checklist.cadence} checklist: "
                    "one good stretch keeps it ticked for the whole period "
                    "(try “in at least three of the last four weeks”)",
                )


# -- weights -------------------------------------------------------------------------------


def _weights(checklist: Checklist) -> Iterator[Finding]:
    weighted = [item for item in checklist.items if item.weight != 1]
    if len(weighted) > MAX_WEIGHTED:
        ids = ", ".join(f"`{i.id}`" for i in weighted)
        for item in weighted[MAX_WEIGHTED:]:
            yield _at(
                item,
                checklist,
                "weights",
                f"`{checklist.id}` weights {len(weighted)} items ({ids}); "
                f"keep weights for the {MAX_WEIGHTED} that matter most",
                "weight",
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
        path, line, column = _entry_at(entry, ("id",))
        yield Finding(path, line, column, "reading", f"`{entry.id}` has no further reading")
        return
    if not any(book.url for book in entry.further_reading):
        path, line, column = _entry_at(entry, ("further_reading",))
        yield Finding(
            path, line, column, "reading", f"no further reading of `{entry.id}` has a link"
        )
    own = entry.doc.data.get("further_reading", []) if entry.doc else []
    for index, book in enumerate(entry.further_reading):
        why = link_problem(book.url) if book.url else ""
        if why:
            mine = index < len(own) and own[index].get("url") == book.url
            path, line, column = _entry_at(
                entry, ("further_reading", index, "url") if mine else ("further_reading",)
            )
            yield Finding(path, line, column, "link", f"link of “{book.title}” {why}: {book.url}")
