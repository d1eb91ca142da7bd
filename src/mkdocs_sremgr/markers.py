"""Markers in hand-written pages: `<!-- sremgr:checklist ID -->` and friends."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from html import escape

from mkdocs_sremgr.errors import Problem, did_you_mean, suggest
from mkdocs_sremgr.model import AntiPattern, Catalog, Checklist

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


class Slots:
    """The placeholders markers become in the Markdown, swapped for HTML after conversion.

    Each build draws a fresh random token, so text an author types (even one copied from a
    built page) can never be taken for a slot. A slot also names its marker's kind and id:
    one copied elsewhere (Material's blog renders a post's excerpt on its index pages, where
    no page event of ours fills it) can still say what it stood for (`leftover`).
    """

    def __init__(self) -> None:
        self.token = secrets.token_hex(8)
        body = rf"<!--sremgr-slot-{self.token}-(\d+)(?: [a-z]+ [^ >]*)?-->"
        self.pattern = re.compile(rf"(?:<p>)?{body}(?:</p>)?")
        self.escaped = re.compile(
            rf"&lt;!--sremgr-slot-{self.token}-(\d+)(?: [a-z]+ [^ &>]*)?--&gt;"
        )
        self.leftover = re.compile(
            rf"(?:<p>)?<!--sremgr-slot-{self.token}-\d+ ([a-z]+) ([^ >]*)-->(?:</p>)?"
            rf"|&lt;!--sremgr-slot-{self.token}-\d+ ([a-z]+) ([^ &>]*)--&gt;"
        )

    def slot(self, index: int, kind: str = "", ident: str = "") -> str:
        named = f" {kind} {ident}" if kind else ""
        return f"<!--sremgr-slot-{self.token}-{index}{named}-->"


def find_markers(
    markdown: str,
    path: str,
    catalog: Catalog,
    slots: Slots,
    *,
    broken: dict[tuple[str, str], str] | None = None,
    show_problems: bool = False,
) -> tuple[str, list[Marker], list[Problem]]:
    """Replace each marker outside code fences with a slot; check every id it names.

    `broken` maps (kind, id) to the file that meant to define it but has errors: a marker
    naming it blames that file. With `show_problems` (while serving) a wrong marker becomes
    a visible error box in the page instead of stopping the build.
    """
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
            problem = _check(kind, ident, catalog, path, number, column, broken or {})
            if problem:
                problems.append(problem)
                if show_problems:
                    return f"\n\n{indent}{error_box([problem])}\n\n{indent}"
                return match.group(0)
            markers.append(Marker(kind, ident, number, column, match.group(0)))
            # Keep the line's indent so a marker inside an admonition, a content tab or
            # a list item stays inside it.
            return f"\n\n{indent}{slots.slot(len(markers) - 1, kind, ident)}\n\n{indent}"

        out.append(MARKER.sub(replace, line))
    return "\n".join(out), markers, problems


def error_box(problems: list[Problem]) -> str:
    """Problems shown in the page while serving, as one raw HTML block (escaped text)."""
    lines = "\n".join(escape(str(p)) for p in problems)
    return (
        '<div class="sremgr sremgr-error" role="alert"><p><strong>mkdocs-sremgr cannot show '
        f"this until it is fixed:</strong></p><pre>{lines}</pre></div>"
    )


def _check(
    kind: str,
    ident: str,
    catalog: Catalog,
    path: str,
    line: int,
    column: int,
    broken: dict[tuple[str, str], str],
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
    table: dict[str, Checklist] | dict[str, AntiPattern] = (
        catalog.checklists if kind == "checklist" else catalog.antipatterns
    )
    if not ident:
        return problem(
            f"the `sremgr:{kind}` marker names no id", f"write `<!-- sremgr:{kind} ID -->`"
        )
    if ident in table or (kind == "checklist" and catalog.checklist_named(ident)):
        return None
    if (kind, ident) in broken:
        return problem(
            f"{kind} `{ident}` cannot be shown: {broken[(kind, ident)]} has errors",
            f"fix {broken[(kind, ident)]} (its problems are listed above)",
        )
    own = [i for i, entry in table.items() if not entry.builtin]
    others = [i for i, entry in table.items() if entry.builtin]
    return problem(f"unknown {kind} `{ident}` in marker", suggest(ident, own, others))
