"""`mkdocs-sremgr report --pulse FILES…`: the team pulse for a collector who is not the manager.

Team members give their answer files (or codes, one per file) to a colleague or a shared drop
folder; this counts them with the same checks, threshold and figures as the dashboard's team
view (`pulse.py`, whose vectors the browser shares), and writes Markdown or HTML. Under the
threshold it says how many more answers are needed and nothing else. A refused file is not
counted and its reason is said (on standard error, and in the report once it shows figures);
the same answers twice count once. No names, no file names and nobody's own answers in it.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs_sremgr import pulse, rules
from mkdocs_sremgr.errors import format_problems
from mkdocs_sremgr.i18n import Strings, fill, resolve_language
from mkdocs_sremgr.model import Catalog, Pulse
from mkdocs_sremgr.pulse import Refused
from mkdocs_sremgr.report import emit, md_cell, md_plain
from mkdocs_sremgr.safeio import ReadRefused, read_bounded, read_stdin_bounded
from mkdocs_sremgr.site import find_site

#: An answer file is at most pulse.MAX_CHARS UTF-16 units: never more than four bytes each.
MAX_BYTES = 4 * pulse.MAX_CHARS
#: The English catalog, for the terminal's messages (the report itself is in the site's language).
_EN = Strings()
_PERIOD = re.compile(rules.PERIOD_PATTERN, re.ASCII)


class PulseReportError(Exception):
    """Nothing can be counted (no handbook, no pulse, a wrong option): the message says why."""


@dataclass
class PulseReport:
    pulse: Pulse
    quarter: str
    view: dict[str, Any]
    #: (file number, why) of each file not counted, in the order given
    refused: list[tuple[int, Refused]] = field(default_factory=list)
    lesson_titles: dict[str, str] = field(default_factory=dict)
    #: the handbook's language (its catalog): the report's words are the dashboard's
    strings: Strings = field(default_factory=Strings)


def reason(refusal: pulse.Refused, strings: Strings = _EN) -> str:
    """A refusal in words: the dashboard's own `dash.pulse.why.*` text."""
    return fill(strings.template(refusal.reason), None, {"key": refusal.detail})


def read_answers(path: Path) -> str | pulse.Refused:
    """An answer file's or a code's text, read bounded; a refusal if it cannot be read."""
    try:
        data = read_stdin_bounded(MAX_BYTES) if str(path) == "-" else read_bounded(path, MAX_BYTES)
        return data.decode("utf-8-sig")
    except ReadRefused as exc:
        too_big = "limit" in str(exc) or "larger" in str(exc)
        return pulse.Refused("dash.pulse.why.tooBig" if too_big else "dash.pulse.why.unreadable")
    except (OSError, UnicodeDecodeError):
        return pulse.Refused("dash.pulse.why.unreadable")


def count(
    texts: list[str | pulse.Refused],
    the_pulse: Pulse,
    *,
    handbook: str,
    quarter: str,
    minimum: int,
    catalog: Catalog | None = None,
    strings: Strings = _EN,
) -> PulseReport:
    """The aggregate of the files that pass, and `pulse.pulse_view` of it."""
    statements = [s.manifest_entry() for s in the_pulse.statements]
    readable = [t for t in texts if not isinstance(t, pulse.Refused)]
    agg, outcomes = pulse.aggregate(
        readable, handbook=handbook, quarter=quarter, statements=statements
    )
    results = iter(outcomes)
    refused: list[tuple[int, pulse.Refused]] = []
    for number, text in enumerate(texts, start=1):
        outcome = text if isinstance(text, pulse.Refused) else next(results)
        if outcome is not None:
            refused.append((number, outcome))
    titles = {c.id: c.title for c in catalog.checklists.values()} if catalog is not None else {}
    view = pulse.pulse_view(agg, statements, minimum=minimum)
    return PulseReport(the_pulse, quarter, view, refused, titles, strings)


# -- output -----------------------------------------------------------------------------------

SCALE = ("pulse.scale.1", "pulse.scale.2", "pulse.scale.3", "pulse.scale.4", "pulse.scale.5")


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def _statement_cells(row: dict[str, Any], t: Strings) -> list[str]:
    if "needed" in row:
        return [t("report.pulse.needsMore", row["needed"]), *([""] * 7)]
    return [
        str(row["answers"]),
        *(str(k) for k in row["spread"]),
        str(row["dk"]),
        _number(row["median"]),
    ]


def _lesson_cells(lesson: dict[str, Any]) -> list[str]:
    pct = lesson["pct"]
    return [
        _number(lesson["median"]),
        "–" if pct is None else f"{pct}%",
        str(lesson["statements"]),
    ]


def _statement_heads(t: Strings) -> list[str]:
    return [
        t("report.pulse.answers"),
        *(t(k) for k in SCALE),
        t("pulse.scale.dk"),
        t("report.pulse.median"),
    ]


def _lesson_heads(t: Strings) -> list[str]:
    keys = ("lesson", "median", "agreement", "statements")
    return [t(f"report.pulse.{key}") for key in keys]


def _answers_line(view: dict[str, Any], t: Strings) -> str:
    return t("report.pulse.from", view["answers"], minimum=view["minimum"])


def to_markdown(report: PulseReport) -> str:
    t, view = report.strings, report.view
    quarter = t("report.pulse.quarter", quarter=report.quarter)
    out = [f"# {md_plain(report.pulse.title)}", "", quarter]
    if "needed" in view:
        return "\n".join([*out, "", t("report.pulse.needed", view["needed"]), ""])
    texts = {s.id: s.text for s in report.pulse.statements}
    lesson_heads = _lesson_heads(t)
    out += [
        "",
        _answers_line(view, t),
        "",
        t("report.pulse.about"),
        "",
        t("report.pulse.notRanking"),
        "",
        f"## {t('report.pulse.byLesson')}",
        "",
        t("report.pulse.lessonNote"),
        "",
        "| " + " | ".join(md_cell(h) for h in lesson_heads) + " |",
        "|---|" + "---:|" * (len(lesson_heads) - 1),
    ]
    for lesson in view["lessons"]:
        title = report.lesson_titles.get(lesson["id"], lesson["id"])
        out.append(f"| {md_plain(title)} | " + " | ".join(_lesson_cells(lesson)) + " |")
    heads = _statement_heads(t)
    out += [
        "",
        f"## {t('report.pulse.byStatement')}",
        "",
        "| " + " | ".join(md_cell(h) for h in [t("report.pulse.statement"), *heads]) + " |",
        "|---|" + "---:|" * len(heads),
    ]
    for row in view["statements"]:
        cells = _statement_cells(row, t)
        out.append(f"| {md_plain(texts[row['id']])} | " + " | ".join(cells) + " |")
    out.append("")
    if report.refused:
        out += [f"## {t('report.pulse.notCounted')}", ""]
        out += [
            "- " + md_plain(t("report.pulse.file", number, why=reason(why, t)))
            for number, why in report.refused
        ]
        out.append("")
    return "\n".join(out)


def to_html(report: PulseReport) -> str:
    e = html.escape
    t, view = report.strings, report.view
    title = e(report.pulse.title)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(t.language)}"><head><meta charset="utf-8">',
        f"<title>{title}</title></head><body>",
        f"<h1>{title}</h1>",
        f"<p>{e(t('report.pulse.quarter', quarter=report.quarter))}</p>",
    ]
    if "needed" in view:
        parts += [f"<p>{e(t('report.pulse.needed', view['needed']))}</p>", "</body></html>"]
        return "\n".join(parts) + "\n"
    texts = {s.id: s.text for s in report.pulse.statements}
    lesson_heads = "".join(f'<th scope="col">{e(h)}</th>' for h in _lesson_heads(t))
    parts += [
        f"<p>{e(_answers_line(view, t))}</p>",
        f"<p>{e(t('report.pulse.about'))}</p>",
        f"<p>{e(t('report.pulse.notRanking'))}</p>",
        f"<h2>{e(t('report.pulse.byLesson'))}</h2>",
        f"<p>{e(t('report.pulse.lessonNote'))}</p>",
        f"<table><tr>{lesson_heads}</tr>",
    ]
    for lesson in view["lessons"]:
        name = e(report.lesson_titles.get(lesson["id"], lesson["id"]))
        cells = "".join(f"<td>{e(c)}</td>" for c in _lesson_cells(lesson))
        parts.append(f'<tr><th scope="row">{name}</th>{cells}</tr>')
    heads = "".join(f'<th scope="col">{e(h)}</th>' for h in _statement_heads(t))
    parts += [
        "</table>",
        f"<h2>{e(t('report.pulse.byStatement'))}</h2>",
        f'<table><tr><th scope="col">{e(t("report.pulse.statement"))}</th>{heads}</tr>',
    ]
    for row in view["statements"]:
        cells = "".join(f"<td>{e(c)}</td>" for c in _statement_cells(row, t))
        parts.append(f'<tr><th scope="row">{e(texts[row["id"]])}</th>{cells}</tr>')
    parts.append("</table>")
    if report.refused:
        items = "".join(
            f"<li>{e(t('report.pulse.file', number, why=reason(why, t)))}</li>"
            for number, why in report.refused
        )
        parts += [f"<h2>{e(t('report.pulse.notCounted'))}</h2>", f"<ul>{items}</ul>"]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


# -- the command ------------------------------------------------------------------------------


def check_quarter(value: str) -> str:
    if _PERIOD.fullmatch(value) is None:
        raise PulseReportError(f"--quarter {value[:20]!r} is not a quarter like 2026-Q4")
    return value


def run_pulse_report(args: argparse.Namespace, *, today: date | None = None) -> int:
    try:
        report = _build(args, today or date.today())
    except PulseReportError as exc:
        print(f"mkdocs-sremgr report --pulse: {exc}", file=sys.stderr)
        return 1
    for number, why in report.refused:
        print(
            f"mkdocs-sremgr report --pulse: file {number} ({_shown(args.files[number - 1])}) "
            f"not counted: {reason(why)}",
            file=sys.stderr,
        )
    text = to_html(report) if args.format == "html" else to_markdown(report)
    return emit(text, args, "report --pulse")


def _build(args: argparse.Namespace, today: date) -> PulseReport:
    if getattr(args, "any_handbook", False):
        raise PulseReportError(
            "--any-handbook does not apply: answers are only counted for their own handbook"
        )
    site = find_site(args.config_file)
    if site is None:
        raise PulseReportError(
            "needs the handbook's mkdocs.yml (its statements, storage key and pulse_minimum): "
            "run it in the handbook's folder or name it with -f"
        )
    handbook = site.load()
    if handbook.problems:
        raise PulseReportError(
            "the handbook has problems, nothing written:\n" + format_problems(handbook.problems)
        )
    the_pulse = handbook.catalog.pulse
    if the_pulse is None:
        raise PulseReportError("the handbook has no team pulse (it is excluded, or builtin: false)")
    quarter = args.quarter or pulse.period_of(today, site.fiscal_year_start)
    check_quarter(quarter)
    texts = [read_answers(path) for path in args.files]
    return count(
        texts,
        the_pulse,
        handbook=site.storage_key,
        quarter=quarter,
        minimum=site.pulse_minimum,
        catalog=handbook.catalog,
        strings=Strings(resolve_language(site.language)),
    )


def _shown(path: Path) -> str:
    text = str(path)
    return text if text.isprintable() and len(text) < 200 else repr(text[:200])
