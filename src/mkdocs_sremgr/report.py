"""`mkdocs-sremgr report`: an anonymous team roll-up of exported progress files.

Each manager exports their own progress and shares it on purpose; the report
only counts. It never prints names, file names or notes, and refuses any file
that is not a well-formed export instead of guessing.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs_sremgr.model import Catalog

MAX_BYTES = 5 * 1024 * 1024
STORAGE_VERSION = 1
STATES = ("open", "done", "na")
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_PERIOD = re.compile(r"^\d{4}-Q[1-4]$")


class ExportError(ValueError):
    """A file that is not a usable progress export; the message says why."""


@dataclass
class Export:
    states: dict[str, dict[str, str]] = field(default_factory=dict)
    scores: dict[str, dict[str, float]] = field(default_factory=dict)  # period -> checklist


def read_export(path: Path) -> Export:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ExportError(f"cannot read it ({exc.strerror})") from None
    if size > MAX_BYTES:
        raise ExportError(f"it is {size // 1024} KiB, over the {MAX_BYTES // 1024} KiB limit")
    try:
        raw = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExportError(f"it is not JSON ({exc})") from None
    return parse_export(raw)


def parse_export(raw: Any) -> Export:
    """Validate the shape strictly and keep only what the roll-up counts."""
    if isinstance(raw, dict) and raw.get("format") == "mkdocs-sremgr-export":
        raw = raw.get("data")
    if not isinstance(raw, dict) or "checklists" not in raw or "version" not in raw:
        raise ExportError("it is not a mkdocs-sremgr progress export")
    version = raw["version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ExportError("its `version` is not a positive whole number")
    if version > STORAGE_VERSION:
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
            state = _mapping(item, f"item {cid}/{iid}").get("state", "open")
            if state not in STATES:
                raise ExportError(f"item {cid}/{iid} has the unknown state {state!r}")
            states[iid] = state
    for period, snap in _mapping(raw.get("snapshots", {}), "snapshots").items():
        if not _PERIOD.match(period):
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
                or not (0 <= score <= 100)
            ):
                raise ExportError(f"snapshot {period}/{cid} has no score between 0 and 100")
            export.scores.setdefault(period, {})[cid] = float(score)
    return export


def _mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ExportError(f"`{where}` should be an object")
    return value


def _check_id(value: str, what: str) -> None:
    if len(value) > 80 or not _ID.match(value):
        raise ExportError(f"{what} id {value[:40]!r} is not a kebab-case id")


# -- summarising ------------------------------------------------------------------------------


@dataclass
class ItemRow:
    text: str
    done: int
    na: int


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
    trend: dict[str, dict[str, tuple[float, int]]]  # row -> period -> (mean score, files)


def summarize(exports: list[Export], catalog: Catalog | None) -> Rollup:
    lists: list[ChecklistRows] = []
    if catalog is not None:
        for checklist in catalog.sorted_checklists():
            rows = []
            for item in checklist.items:
                names = (item.id, *item.aliases)
                states = [_first(e.states.get(checklist.id, {}), names) for e in exports]
                rows.append(ItemRow(item.text, states.count("done"), states.count("na")))
            lists.append(ChecklistRows(checklist.id, checklist.title, rows))
    else:
        for cid in sorted({c for e in exports for c in e.states}):
            ids = sorted({i for e in exports for i in e.states.get(cid, {})})
            rows = [ItemRow(f"`{iid}`", *_count(exports, cid, iid)) for iid in ids]
            lists.append(ChecklistRows(cid, cid, rows))
    periods = sorted({p for e in exports for p in e.scores})
    titles = {c.id: c.title for c in lists}
    trend: dict[str, dict[str, tuple[float, int]]] = {}
    for period in periods:
        per_file = [e.scores[period] for e in exports if period in e.scores]
        overall = [sum(s.values()) / len(s) for s in per_file if s]
        if overall:
            trend.setdefault("Overall", {})[period] = (sum(overall) / len(overall), len(overall))
        for cid in sorted({c for s in per_file for c in s}):
            scores = [s[cid] for s in per_file if cid in s]
            name = titles.get(cid, cid)
            trend.setdefault(name, {})[period] = (sum(scores) / len(scores), len(scores))
    return Rollup(len(exports), lists, periods, trend)


def _first(states: dict[str, str], names: tuple[str, ...]) -> str:
    return next((states[n] for n in names if n in states), "open")


def _count(exports: list[Export], cid: str, iid: str) -> tuple[int, int]:
    states = [e.states.get(cid, {}).get(iid, "open") for e in exports]
    return states.count("done"), states.count("na")


# -- output -----------------------------------------------------------------------------------


def _cell(value: tuple[float, int] | None) -> str:
    return f"{value[0]:.0f}% ({value[1]})" if value else "–"


NOT_FOR_RANKING = (
    "A self-check for the group to talk about, not a scorecard: "
    "never use it to rank, compare or judge managers or teams."
)


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
            "Mean score of closed quarters (number of files in brackets).",
            "",
            "| | " + " | ".join(rollup.periods) + " |",
            "|---|" + "---:|" * len(rollup.periods),
        ]
        for name, cells in rollup.trend.items():
            out.append(
                f"| {name} | " + " | ".join(_cell(cells.get(p)) for p in rollup.periods) + " |"
            )
        out.append("")
    for checklist in rollup.checklists:
        out += [f"## {checklist.title}", "", "| Item | Done | Not applicable |", "|---|---:|---:|"]
        for row in checklist.items:
            text = row.text.replace("|", "\\|").replace("\n", " ")
            out.append(f"| {text} | {row.done} of {n} | {row.na} |")
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
        parts += ["<h2>Trend by quarter</h2>", f"<table><tr><th></th>{head}</tr>"]
        for name, cells in rollup.trend.items():
            row = "".join(f"<td>{e(_cell(cells.get(p)))}</td>" for p in rollup.periods)
            parts.append(f'<tr><th scope="row">{e(name)}</th>{row}</tr>')
        parts.append("</table>")
    for checklist in rollup.checklists:
        parts += [
            f"<h2>{e(checklist.title)}</h2>",
            "<table><tr><th>Item</th><th>Done</th><th>Not applicable</th></tr>",
        ]
        for row in checklist.items:
            parts.append(
                f"<tr><td>{e(row.text)}</td><td>{row.done} of {n}</td><td>{row.na}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _catalog(config_file: Path | None) -> Catalog:
    """The handbook's checklists (for titles and aliases), or the built-in pack alone."""
    from mkdocs_sremgr.catalog import CatalogLoader, builtin_dir, find_sources
    from mkdocs_sremgr.cli import _plugin_options

    folder, options = _plugin_options(config_file)
    sources = []
    if options.get("builtin", True):
        sources += find_sources(builtin_dir(), builtin=True)
    if folder is not None:
        sources += find_sources(folder)
    result = CatalogLoader().load(sources, options.get("exclude", []))  # type: ignore[arg-type]
    return result.catalog


def run_report(args: argparse.Namespace) -> int:
    exports, refused = [], []
    for number, path in enumerate(args.files, start=1):
        try:
            exports.append(read_export(path))
        except ExportError as exc:
            refused.append(f"file {number} ({path}): {exc}")
    if refused:
        print("mkdocs-sremgr report: refused, nothing written:", file=sys.stderr)
        for line in refused:
            print(f"  {line}", file=sys.stderr)
        return 1
    catalog = _catalog(args.config_file)
    rollup = summarize(exports, catalog if catalog.checklists else None)
    text = to_html(rollup) if args.format == "html" else to_markdown(rollup)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {args.output}")
    else:
        sys.stdout.write(text)
    return 0
