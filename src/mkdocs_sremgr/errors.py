"""Errors are data: every problem carries its place, what is wrong and how to fix it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in an author's file, with its 1-based position."""

    path: str
    line: int
    column: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        # Line 0: a problem with no place in a file (an option of the Markdown extension).
        where = f"{self.path}:{self.line}:{self.column}" if self.line else self.path
        text = f"{where}: {self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


class HandbookError(Exception):
    """The only exception the loader lets out: a list of problems, shown without a traceback.

    It is plain Python: the core never imports MkDocs. The plugin turns it into MkDocs'
    `PluginError` at its edge (`plugin.SremgrError`)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem], limit: int = 50) -> str:
    """A short, readable list; the first `limit` problems, then a count of the rest."""
    count = len(problems)
    head = f"mkdocs-sremgr found {count} problem{'s' if count != 1 else ''}:"
    lines = [head, *(f"  {p}" for p in problems[:limit])]
    if count > limit:
        lines.append(f"  ... and {count - limit} more")
    return "\n".join(lines)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`did you mean `x`?` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else ""


def suggest(word: str, own: Iterable[str], others: Iterable[str] = (), limit: int = 8) -> str:
    """A hint naming an id: the closest one over all of them, else a few, the team's first.

    `own` are the team's ids, `others` the built-in ones: a team that mistypes one of its own
    ids should see its own ids listed, not the first eight of the pack alphabetically.
    """
    own, others = sorted(set(own)), sorted(set(others) - set(own))
    close = did_you_mean(word, [*own, *others])
    if close:
        return close
    known = [*own, *others]
    if not known:
        return "no ids are defined"
    more = f" and {len(known) - limit} more" if len(known) > limit else ""
    return f"known ids: {', '.join(known[:limit])}{more}"
