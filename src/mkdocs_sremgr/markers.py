"""Markers in hand-written pages: `<!-- sremgr:checklist ID -->` and friends."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mkdocs_sremgr.errors import Problem, did_you_mean
from mkdocs_sremgr.model import Catalog

MARKER = re.compile(r"<!--\s*sremgr:([A-Za-z_-]*)(?:\s+([^\s>]*))?\s*-->")
_FENCE = re.compile(r"^\s*(```+|~~~+)")
KINDS = ("checklist", "antipattern", "dashboard")


@dataclass(frozen=True)
class Marker:
    kind: str
    id: str
    line: int
    column: int


def slot(index: int) -> str:
    """What a marker becomes in the Markdown; swapped for HTML after conversion."""
    return f"<!--sremgr-slot-{index}-->"


SLOT = re.compile(r"(?:<p>)?<!--sremgr-slot-(\d+)-->(?:</p>)?")


def find_markers(markdown: str, path: str, catalog: Catalog
                 ) -> tuple[str, list[Marker], list[Problem]]:
    """Replace each marker outside code fences with a slot; check every id it names."""
    markers: list[Marker] = []
    problems: list[Problem] = []
    out: list[str] = []
    fence: str | None = None
    for number, line in enumerate(markdown.split("\n"), start=1):
        opened = _FENCE.match(line)
        if opened:
            token = opened.group(1)[0] * 3
            fence = None if fence == token else (fence or token)
        if fence is not None or "sremgr:" not in line:
            out.append(line)
            continue

        def replace(match: re.Match[str], number: int = number) -> str:
            kind, ident = match.group(1), match.group(2) or ""
            column = match.start() + 1
            problem = _check(kind, ident, catalog, path, number, column)
            if problem:
                problems.append(problem)
                return match.group(0)
            markers.append(Marker(kind, ident, number, column))
            return f"\n\n{slot(len(markers) - 1)}\n\n"

        out.append(MARKER.sub(replace, line))
    return "\n".join(out), markers, problems


def _check(kind: str, ident: str, catalog: Catalog, path: str, line: int, column: int
           ) -> Problem | None:
    def problem(message: str, hint: str) -> Problem:
        return Problem(path, line, column, message, hint)

    if kind not in KINDS:
        return problem(f"unknown marker `sremgr:{kind}`",
                       did_you_mean(kind, KINDS) or f"use one of: {', '.join(KINDS)}")
    if kind == "dashboard":
        return None
    table = catalog.checklists if kind == "checklist" else catalog.antipatterns
    if not ident:
        return problem(f"the `sremgr:{kind}` marker names no id",
                       f"write `<!-- sremgr:{kind} ID -->`")
    if ident not in table:
        return problem(f"unknown {kind} `{ident}` in marker",
                       did_you_mean(ident, table) or f"known ids: {', '.join(sorted(table)[:8])}")
    return None
