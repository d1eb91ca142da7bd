"""Markers in hand-written pages: `<!-- sremgr:checklist ID -->` and friends."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from mkdocs_sremgr.errors import Problem, did_you_mean, suggest
from mkdocs_sremgr.model import AntiPattern, Catalog, Checklist

MARKER = re.compile(r"<!--\s*sremgr:([A-Za-z_-]*)(?:\s+([^\s>]*))?\s*-->")
_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
KINDS = ("checklist", "antipattern", "pulse", "dashboard")


@dataclass(frozen=True)
class Marker:
    kind: str
    id: str
    line: int
    column: int
    text: str = ""  # the marker as written, shown as-is when its slot lands in code
    #: What is wrong with it: an error once Markdown has placed its slot outside code.
    problem: Problem | None = None
    renamed_from: str = ""  # the former id (a checklist alias) the marker was written with


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
) -> tuple[str, list[Marker], list[Problem]]:
    """Replace each marker outside code fences with a slot; check every id it names.

    `broken` maps (kind, id) to the file that meant to define it but has errors: a marker
    naming it blames that file. A wrong marker gets a slot too, with its problem: only
    Markdown knows whether the line is an indented code block, where a marker is an example
    (`fill_slots` tells). The problems are also returned, for `validate`, which converts no
    page. A checklist named by a former id (an alias) is that checklist (`renamed_from`).
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
            renamed = ""
            if kind == "checklist" and not problem and ident not in catalog.checklists:
                renamed, ident = ident, _renamed_to(catalog, ident)
            markers.append(Marker(kind, ident, number, column, match.group(0), problem, renamed))
            # Keep the line's indent so a marker inside an admonition, a content tab or
            # a list item stays inside it.
            # A wrong marker's slot names nothing: its kind may be no word the slot can hold.
            slot = slots.slot(len(markers) - 1, *(() if problem else (kind, ident)))
            return f"\n\n{indent}{slot}\n\n{indent}"

        out.append(MARKER.sub(replace, line))
    return "\n".join(out), markers, problems


def _renamed_to(catalog: Catalog, former: str) -> str:
    checklist = catalog.checklist_named(former)
    assert checklist is not None  # _check found it
    return checklist.id


def rename_note(marker: Marker, path: str) -> str:
    """The INFO line for a marker written with a checklist's former id."""
    return (
        f"{path}:{marker.line}:{marker.column}: `{marker.renamed_from}` is a former id of the "
        f"checklist `{marker.id}`, shown here (hint: write `{marker.id}` in the marker)"
    )


def fill_slots(
    html: str,
    found: list[Marker],
    slots: Slots,
    render: Callable[[Marker], str],
    *,
    show_problems: bool = False,
) -> tuple[str, list[Problem]]:
    """The converted page with each slot swapped for its marker's HTML, and the markers'
    problems. A slot that Markdown turned into code text (an indented code block) shows the
    marker as written, like any other code, and a wrong marker there is no problem. With
    `show_problems` (while serving) a wrong marker becomes a visible error box."""
    in_code: set[int] = set()

    def as_code(match: re.Match[str]) -> str:
        index = int(match.group(1))
        in_code.add(index)
        return escape(found[index].text)

    def as_html(match: re.Match[str]) -> str:
        marker = found[int(match.group(1))]
        if marker.problem is None:
            return render(marker)
        return error_box([marker.problem]) if show_problems else marker.text

    html = slots.pattern.sub(as_html, slots.escaped.sub(as_code, html))
    problems = [
        m.problem for n, m in enumerate(found) if m.problem is not None and n not in in_code
    ]
    return html, problems


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
    if kind == "pulse":
        return _check_pulse(ident, catalog, problem, broken)
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


def _check_pulse(
    ident: str,
    catalog: Catalog,
    problem: Callable[[str, str], Problem],
    broken: dict[tuple[str, str], str],
) -> Problem | None:
    """`<!-- sremgr:pulse ID -->` names the handbook's one pulse."""
    pulse = catalog.pulse
    if pulse is not None and ident == pulse.id:
        return None
    if not ident:
        return problem("the `sremgr:pulse` marker names no id", "write `<!-- sremgr:pulse ID -->`")
    if ("pulse", ident) in broken:
        return problem(
            f"pulse `{ident}` cannot be shown: {broken[('pulse', ident)]} has errors",
            f"fix {broken[('pulse', ident)]} (its problems are listed above)",
        )
    hint = f"did you mean `{pulse.id}`?" if pulse is not None else "the handbook has no pulse"
    return problem(f"unknown pulse `{ident}` in marker", hint)
