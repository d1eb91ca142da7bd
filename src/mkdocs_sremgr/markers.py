"""Markers in hand-written pages: `<!-- sremgr:checklist ID -->` and friends."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mkdocs_sremgr.errors import Problem, did_you_mean
from mkdocs_sremgr.model import Catalog

MARKER = re.compile(r"<!--\s*sremgr:([A-Za-z_-]*)(?:\s+([^\s>]*))?\s*-->")
_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
KINDS = ("checklist", "antipattern", "dashboard")


@dataclass(frozen=True)
class Marker:
    kind: str
    id: str
    line: int
    column: int
    text: str = ""  # the marker as written, shown as-is when its slot lands in code


def slot(index: int, kind: str = "", ident: str = "") -> str:
    """What a marker becomes in the Markdown; swapped for HTML after conversion.

    It names the marker's kind and id too: a slot copied elsewhere (Material's blog
    renders a post's excerpt on its index pages) can still say what it stood for.
    """
    return f"<!--sremgr-slot-{index} {kind} {ident}-->"


SLOT = re.compile(r"(?:<p>)?<!--sremgr-slot-(\d+)(?: [^>]*)?-->(?:</p>)?")
ESCAPED_SLOT = re.compile(r"&lt;!--sremgr-slot-(\d+)(?: [^&>]*)?--&gt;")
# A slot no plugin event filled (a blog excerpt): kind and id.
LEFTOVER_SLOT = re.compile(
    r"(?:<p>)?<!--sremgr-slot-\d+ ([a-z]+) ([^ >]*)-->(?:</p>)?"
    r"|&lt;!--sremgr-slot-\d+ ([a-z]+) ([^ &>]*)--&gt;"
)


def find_markers(
    markdown: str, path: str, catalog: Catalog
) -> tuple[str, list[Marker], list[Problem]]:
    """Replace each marker outside code fences with a slot; check every id it names."""
    markers: list[Marker] = []
    problems: list[Problem] = []
    out: list[str] = []
    fence: str | None = None  # the opening fence, e.g. "````": closed by the same or longer
    for number, line in enumerate(markdown.split("\n"), start=1):
        opened = _FENCE.match(line)
        if opened:
            token = opened.group(2)
            if fence is None:
                fence = token
            elif token[0] == fence[0] and len(token) >= len(fence) and not opened.group(3).strip():
                fence = None
            out.append(line)
            continue
        if fence is not None or "sremgr:" not in line:
            out.append(line)
            continue
        spans = [m.span() for m in _CODE_SPAN.finditer(line)]
        indent = line[: len(line) - len(line.lstrip(" \t"))]

        def replace(
            match: re.Match[str],
            number: int = number,
            spans: list[tuple[int, int]] = spans,
            indent: str = indent,
        ) -> str:
            if any(start <= match.start() < end for start, end in spans):
                return match.group(0)  # in `inline code`: an example, not a marker
            kind, ident = match.group(1), match.group(2) or ""
            column = match.start() + 1
            problem = _check(kind, ident, catalog, path, number, column)
            if problem:
                problems.append(problem)
                return match.group(0)
            markers.append(Marker(kind, ident, number, column, match.group(0)))
            # Keep the line's indent so a marker inside an admonition, a content tab or
            # a list item stays inside it.
            return f"\n\n{indent}{slot(len(markers) - 1, kind, ident)}\n\n{indent}"

        out.append(MARKER.sub(replace, line))
    return "\n".join(out), markers, problems


def _check(
    kind: str, ident: str, catalog: Catalog, path: str, line: int, column: int
) -> Problem | None:
    def problem(message: str, hint: str) -> Problem:
        return Problem(path, line, column, message, hint)

    if kind not in KINDS:
        return problem(
            f"unknown marker `sremgr:{kind}`",
            did_you_mean(kind, KINDS) or f"use one of: {', '.join(KINDS)}",
        )
    if kind == "dashboard":
        return None
    table = catalog.checklists if kind == "checklist" else catalog.antipatterns
    if not ident:
        return problem(
            f"the `sremgr:{kind}` marker names no id", f"write `<!-- sremgr:{kind} ID -->`"
        )
    if ident not in table:
        return problem(
            f"unknown {kind} `{ident}` in marker",
            did_you_mean(ident, table) or f"known ids: {', '.join(sorted(table)[:8])}",
        )
    return None
