"""`mkdocs-sremgr report`: an anonymous team roll-up of exported progress files.

Each manager exports their own progress and shares it on purpose; the report
only counts. It never prints names, file names or notes, and refuses any file
that is not a well-formed export instead of guessing.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs_sremgr import rules
from mkdocs_sremgr.errors import format_problems
from mkdocs_sremgr.i18n import Strings
from mkdocs_sremgr.model import Catalog
from mkdocs_sremgr.safeio import ReadRefused, read_bounded, read_stdin_bounded
from mkdocs_sremgr.site import Site, find_site

MAX_BYTES = 5 * 1024 * 1024
_PERIOD = re.compile(rules.PERIOD_PATTERN)
_OPEN = rules.ITEM_STATES[0].id  # the state of an item with no record


class ExportError(ValueError):
    """A file that is not a usable progress export; the message says why."""


@dataclass
class Export:
    states: dict[str, dict[str, str]] = field(default_factory=dict)
    scores: dict[str, dict[str, float]] = field(default_factory=dict)  # period -> checklist
    #: period -> checklist -> items set aside then (a snapshot's optional `aside`)
    asides: dict[str, dict[str, int]] = field(default_factory=dict)


def read_export(path: Path) -> Export:
    """A progress export from a file, or from standard input for `-`, read bounded."""
    return parse_export(load_json(read_source(path)))


def storage_key_of(raw: Any) -> str | None:
    """The storage key an export file names (its handbook); None for a bare copy of the
    stored data, which names none."""
    if not isinstance(raw, dict) or raw.get("format") != "mkdocs-sremgr-export":
        return None
    key = raw.get("storage_key")
    if not isinstance(key, str):
        raise ExportError("its `storage_key` is not text: it does not say which handbook it is of")
    return key


def fingerprint(raw: Any) -> bytes:
    """The same for two files that hold the same progress, however each is laid out (white
    space, key order, escapes, `1` or `1.0`): what a colleague's editor may change."""
    if isinstance(raw, dict) and raw.get("format") == "mkdocs-sremgr-export":
        raw = raw.get("data")
    try:
        text = json.dumps(raw, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    except (RecursionError, ValueError):  # load_json has read it, so this is only in case
        raise ExportError("it nests too deeply to be an export") from None
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def read_source(path: Path) -> bytes:
    try:
        if str(path) == "-":
            return read_stdin_bounded(MAX_BYTES)
        return read_bounded(path, MAX_BYTES)
    except ReadRefused as exc:
        raise ExportError(str(exc)) from None
    except OSError as exc:  # standard input closed or unreadable
        raise ExportError(f"cannot read it ({exc.strerror or exc})") from None


def load_json(data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8-sig"), parse_float=_number)
    except RecursionError:
        raise ExportError("it nests too deeply to be an export") from None
    except (UnicodeDecodeError, ValueError) as exc:  # ValueError: JSON, or a huge number
        raise ExportError(f"it is not JSON ({str(exc)[:120]})") from None


def _number(text: str) -> float | int:
    """A JSON number with a fraction or exponent: a whole one (`1.0`, `1e2`) as an int, so the
    fingerprint does not tell `100` from `1e2`."""
    value = float(text)
    return int(value) if value.is_integer() else value


def parse_export(raw: Any) -> Export:
    """Validate the shape strictly and keep only what the roll-up counts."""
    if isinstance(raw, dict) and raw.get("format") == "mkdocs-sremgr-export":
        raw = raw.get("data")
    if not isinstance(raw, dict) or "checklists" not in raw or "version" not in raw:
        raise ExportError("it is not a mkdocs-sremgr progress export")
    version = raw["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ExportError("its `version` is not a positive whole number")
    if version > rules.STORAGE_VERSION:
        raise ExportError(
            f"it was written by a newer mkdocs-sremgr (format {version}); upgrade to read it"
        )
    export = Export()
    for cid, record in _mapping(raw["checklists"], "checklists").items():
        _check_id(cid, "checklist")
        items = _mapping(
            _mapping(record, f"checklists.{cid}").get("items", {}), f"checklists.{cid}.items"
        )
        states = export.states.setdefault(cid, {})
        for iid, item in items.items():
            _check_id(iid, "item")
            state = _mapping(item, f"item {cid}/{iid}").get("state", _OPEN)
            # Any id is a state: one this version does not know (a newer one's) counts as open,
            # as the browser reads it (rules.py, ITEM_STATES).
            if not rules.is_id(state):
                raise ExportError(
                    f"item {cid}/{iid} has a state that is not an id: {str(state)[:20]!r}"
                )
            states[iid] = rules.item_state(state).id
    for period, snap in _mapping(raw.get("snapshots", {}), "snapshots").items():
        if not _PERIOD.fullmatch(period):
            raise ExportError(f"snapshot {period[:20]!r} is not a quarter like 2026-Q4")
        lists = _mapping(
            _mapping(snap, f"snapshot {period}").get("checklists", {}), f"snapshot {period}"
        )
        for cid, entry in lists.items():
            _check_id(cid, "checklist")
            score = _mapping(entry, f"snapshot {period}/{cid}").get("score")
            if (
                not isinstance(score, int | float)
                or isinstance(score, bool)
                or not (0 <= score <= 100)  # NaN compares false: refused too
            ):
                raise ExportError(f"snapshot {period}/{cid} has no score between 0 and 100")
            export.scores.setdefault(period, {})[cid] = float(score)
            aside = entry.get("aside", 0)
            if not isinstance(aside, int) or isinstance(aside, bool) or aside < 0:
                raise ExportError(f"snapshot {period}/{cid} has an `aside` that is not a count")
            export.asides.setdefault(period, {})[cid] = aside
    return export


def _mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ExportError(f"`{where}` should be an object")
    return value


def _check_id(value: str, what: str) -> None:
    if not rules.is_id(value):
        raise ExportError(f"{what} id {value[:40]!r} is not a kebab-case id")


# -- summarising ------------------------------------------------------------------------------


@dataclass
class ItemRow:
    """How many files have the item done, and how many set it aside in each set-aside state
    (rules.SET_ASIDE_STATES, in that order)."""

    text: str
    done: int
    aside: tuple[int, ...]


@dataclass
class ChecklistRows:
    id: str
    title: str
    items: list[ItemRow]


@dataclass
class Rollup:
    managers: int
    checklists: list[ChecklistRows]
    periods: list[str]
    #: row -> period -> (mean score, files, items set aside in them)
    trend: dict[str, dict[str, tuple[float, int, int]]]


def summarize(exports: list[Export], catalog: Catalog | None) -> Rollup:
    lists: list[ChecklistRows] = []
    if catalog is not None:
        for checklist in catalog.sorted_checklists():
            rows = []
            for item in checklist.items:
                names = (item.id, *item.aliases)
                # Progress may be stored under a checklist's former ids (its aliases).
                states = [
                    _first(_states_of(e, checklist.id, checklist.aliases), names) for e in exports
                ]
                rows.append(_row(item.text, states))
            lists.append(ChecklistRows(checklist.id, checklist.title, rows))
    # Checklists the exports hold that the handbook does not know (or no handbook at all):
    # named by their ids, never silently left out.
    for cid in sorted({c for e in exports for c in e.states}):
        if catalog is not None and catalog.checklist_named(cid) is not None:
            continue
        ids = sorted({i for e in exports for i in e.states.get(cid, {})})
        rows = [
            _row(f"`{iid}`", [e.states.get(cid, {}).get(iid, _OPEN) for e in exports])
            for iid in ids
        ]
        title = cid if catalog is None else f"{cid} (not in this handbook)"
        lists.append(ChecklistRows(cid, title, rows))
    periods = sorted({p for e in exports for p in e.scores})
    titles = {c.id: c.title for c in lists}
    trend: dict[str, dict[str, tuple[float, int, int]]] = {}
    for period in periods:
        files = [e for e in exports if period in e.scores]
        per_file = [e.scores[period] for e in files]
        overall = [sum(s.values()) / len(s) for s in per_file if s]
        if overall:
            aside = sum(sum(e.asides.get(period, {}).values()) for e in files)
            trend.setdefault("Overall", {})[period] = (
                sum(overall) / len(overall),
                len(overall),
                aside,
            )
        for cid in sorted({c for s in per_file for c in s}):
            scores = [s[cid] for s in per_file if cid in s]
            aside = sum(e.asides.get(period, {}).get(cid, 0) for e in files)
            name = titles.get(cid, cid)
            trend.setdefault(name, {})[period] = (sum(scores) / len(scores), len(scores), aside)
    return Rollup(len(exports), lists, periods, trend)


def _states_of(export: Export, cid: str, aliases: tuple[str, ...]) -> dict[str, str]:
    merged: dict[str, str] = {}
    for name in (*reversed(aliases), cid):  # the current id wins over former ones
        merged.update(export.states.get(name, {}))
    return merged


def _first(states: dict[str, str], names: tuple[str, ...]) -> str:
    return next((states[n] for n in names if n in states), _OPEN)


def _row(text: str, states: list[str]) -> ItemRow:
    """One item's counts over the files' states, as the state table says to count them."""
    done = sum(rules.item_state(s).done for s in states)
    return ItemRow(text, done, tuple(states.count(a.id) for a in rules.SET_ASIDE_STATES))


def _aside_heads() -> list[str]:
    """The set-aside columns' heads: each state's control text, in English (the report's)."""
    english = Strings()
    return [english(state.label) for state in rules.SET_ASIDE_STATES]


# -- output -----------------------------------------------------------------------------------


def _cell(value: tuple[float, int, int] | None) -> str:
    """A mean score, the number of files, and how many items those files set aside."""
    if not value:
        return "–"
    mean, files, aside = value
    return f"{mean:.0f}% ({files})" + (f" · {aside} set aside" if aside else "")


NOT_FOR_RANKING = (
    "A self-check for the group to talk about, not a scorecard: "
    "never use it to rank, compare or judge managers or teams."
)


TREND_NOTE = (
    "Mean score of closed quarters (number of files in brackets, then how many items "
    "those files set aside: their points are left out of the score)."
)


def md_cell(text: str) -> str:
    """Text that stays in its Markdown table cell: one line, `|` escaped."""
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())


def md_plain(text: str) -> str:
    """Plain text (a title) that Markdown shows as written, in one line."""
    return md_cell(html.escape(text, quote=False))


def to_markdown(rollup: Rollup) -> str:
    n = rollup.managers
    out = [
        "# Team roll-up",
        "",
        f"From {n} progress file{'s' if n != 1 else ''}. Anonymous: counts only, no names, "
        "no notes.",
        "",
        NOT_FOR_RANKING,
        "",
    ]
    if n < 3:
        out += [
            "> With fewer than three files, counts can point at individuals: share with care.",
            "",
        ]
    if rollup.periods:
        out += [
            "## Trend by quarter",
            "",
            TREND_NOTE,
            "",
            "| | " + " | ".join(md_cell(p) for p in rollup.periods) + " |",
            "|---|" + "---:|" * len(rollup.periods),
        ]
        for name, cells in rollup.trend.items():
            out.append(
                f"| {md_plain(name)} | "
                + " | ".join(_cell(cells.get(p)) for p in rollup.periods)
                + " |"
            )
        out.append("")
    for checklist in rollup.checklists:
        heads = _aside_heads()
        out += [
            f"## {md_plain(checklist.title)}",
            "",
            "| Item | Done | " + " | ".join(md_cell(h) for h in heads) + " |",
            "|---|---:|" + "---:|" * len(heads),
        ]
        for row in checklist.items:
            aside = " | ".join(str(k) for k in row.aside)
            out.append(f"| {md_cell(row.text)} | {row.done} of {n} | {aside} |")
        out.append("")
    return "\n".join(out)


def to_html(rollup: Rollup) -> str:
    e = html.escape
    n = rollup.managers
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>Team roll-up</title></head><body>",
        "<h1>Team roll-up</h1>",
        f"<p>From {n} progress file{'s' if n != 1 else ''}. Anonymous: counts only, "
        "no names, no notes.</p>",
        f"<p>{e(NOT_FOR_RANKING)}</p>",
    ]
    if n < 3:
        parts.append(
            "<p><strong>With fewer than three files, counts can point at "
            "individuals: share with care.</strong></p>"
        )
    if rollup.periods:
        head = "".join(f'<th scope="col">{e(p)}</th>' for p in rollup.periods)
        parts += [
            "<h2>Trend by quarter</h2>",
            f"<p>{e(TREND_NOTE)}</p>",
            f"<table><tr><th></th>{head}</tr>",
        ]
        for name, cells in rollup.trend.items():
            row = "".join(f"<td>{e(_cell(cells.get(p)))}</td>" for p in rollup.periods)
            parts.append(f'<tr><th scope="row">{e(name)}</th>{row}</tr>')
        parts.append("</table>")
    for checklist in rollup.checklists:
        heads = "".join(f"<th>{e(h)}</th>" for h in _aside_heads())
        parts += [
            f"<h2>{e(checklist.title)}</h2>",
            f"<table><tr><th>Item</th><th>Done</th>{heads}</tr>",
        ]
        for item in checklist.items:
            aside = "".join(f"<td>{k}</td>" for k in item.aside)
            parts.append(f"<tr><td>{e(item.text)}</td><td>{item.done} of {n}</td>{aside}</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _catalog(site: Site | None) -> tuple[Catalog | None, list[str]]:
    """The handbook's checklists (for titles and aliases) and its problems; no catalog
    without a mkdocs.yml: the report then names what the exports themselves hold."""
    if site is None:
        return None, []
    handbook = site.load()
    problems = [format_problems(handbook.problems)] if handbook.problems else []
    return handbook.catalog, problems


class _Handbooks:
    """Which handbook each export is of (its storage key): this site's, or without a
    mkdocs.yml the first file's. A manager's export of another handbook would count its
    ticks under checklists of the same id that say something else."""

    def __init__(self, site: Site | None, any_handbook: bool) -> None:
        self.expected = site.storage_key if site is not None and site.storage_key else None
        self.from_site = self.expected is not None
        self.first = 0
        self.any = any_handbook

    def check(self, key: str | None, number: int) -> None:
        if key is None or self.any:
            return
        if self.expected is None:
            self.expected, self.first = key, number
            return
        if key == self.expected:
            return
        theirs = f"it is an export of another handbook (storage key {_key(key)}"
        if self.from_site:
            raise ExportError(
                f"{theirs}; this handbook's is {_key(self.expected)}): "
                "pass --any-handbook to count it anyway"
            )
        raise ExportError(
            f"{theirs}; file {self.first} is of {_key(self.expected)}): "
            "pass --any-handbook to count them together"
        )


def _key(key: str) -> str:
    shown = key if key.isprintable() and len(key) <= 80 else repr(key[:80])
    return f"`{shown}`"


def run_report(args: argparse.Namespace) -> int:
    site = find_site(args.config_file)
    handbooks = _Handbooks(site, bool(getattr(args, "any_handbook", False)))
    exports: list[Export] = []
    refused: list[str] = []
    seen: dict[bytes, int] = {}
    for number, path in enumerate(args.files, start=1):
        try:
            raw = load_json(read_source(path))
            export = parse_export(raw)
            handbooks.check(storage_key_of(raw), number)
            digest = fingerprint(raw)
            if digest in seen:
                raise ExportError(
                    f"it is the same as file {seen[digest]}: each person's export counts once"
                )
            seen[digest] = number
            exports.append(export)
        except ExportError as exc:
            refused.append(f"file {number} ({_shown(path)}): {exc}")
    if refused:
        print("mkdocs-sremgr report: refused, nothing written:", file=sys.stderr)
        for line in refused:
            print(f"  {line}", file=sys.stderr)
        return 1
    catalog, problems = _catalog(site)
    if problems:
        print("mkdocs-sremgr report: the handbook has problems, nothing written:", file=sys.stderr)
        print(problems[0], file=sys.stderr)
        return 1
    rollup = summarize(exports, catalog)
    return emit(to_html(rollup) if args.format == "html" else to_markdown(rollup), args, "report")


def emit(text: str, args: argparse.Namespace, command: str) -> int:
    """Writes a report to `args.output` (or stdout); returns the exit status (1: not written)."""
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(
            f"mkdocs-sremgr {command}: cannot write {_shown(args.output)}: {exc.strerror or exc}",
            file=sys.stderr,
        )
        return 1
    print(f"wrote {args.output}")
    return 0


def _shown(path: Path) -> str:
    text = str(path)
    return text if text.isprintable() and len(text) < 200 else repr(text[:200])
