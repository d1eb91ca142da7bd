"""The team pulse's figures in Python, the same as the browser's (assets/src/pulse/).

Answer files and codes are checked as strictly as the dashboard checks them, answers are
counted into an aggregate that keeps nothing per person, and `pulse_view` applies the same
threshold and gives the same numbers. `tests/data/pulse/` holds vectors both implementations
must agree on; docs/pulse.md says what the file holds and why. No MkDocs import: the command
line's `report --pulse` is meant to use this module on its own.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from mkdocs_sremgr import rules

FORMAT = "mkdocs-sremgr-pulse"
AGGREGATE_FORMAT = "mkdocs-sremgr-pulse-aggregate"
VERSION = 1
CODE_PREFIX = "sremgr-pulse1:"
#: An answer file or code longer than this, in UTF-16 units as the browser counts, is refused.
MAX_CHARS = 16384
MAX_DEPTH = 8
MAX_STATEMENTS = 64
#: The threshold never goes below this, whatever the configuration says.
MIN_ANSWERS = 3
MAX_ANSWERS = 10000

_FIELDS = ("format", "version", "handbook", "quarter", "random_id", "answers")
_AGGREGATE_FIELDS = ("format", "version", "handbook", "quarter", "answers", "seen", "counts")
_RANDOM_ID = re.compile(r"[0-9a-f]{32}")
_FP = re.compile(r"[0-9a-f]{8}")
_PERIOD = re.compile(rf"(?:{rules.PERIOD_PATTERN})", re.ASCII)  # \d: ASCII digits, as in JS
_SPACE = re.compile(r"[ \t\r\n]+")  # ASCII only, as in the browser (\s differs between the two)
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


@dataclass(frozen=True)
class Refused:
    """Why an answer file, a code or an aggregate was not taken: a `dash.pulse.why.*` key."""

    reason: str
    detail: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"refused": self.reason, "detail": self.detail}


def _refuse(reason: str, detail: str = "") -> Refused:
    return Refused(f"dash.pulse.why.{reason}", detail)


def _shown(value: object) -> str:
    """A value from a file as a message may show it: a string, cut short; nothing else."""
    return _cut(value) if isinstance(value, str) else ""


def _cut(text: str, limit: int = 60) -> str:
    """The first `limit` UTF-16 units of `text`, as JavaScript's `slice` cuts."""
    if len(text) <= limit // 2:
        return text
    units = text.encode("utf-16-le", "surrogatepass")[: 2 * limit]
    return units.decode("utf-16-le", "surrogatepass")


def _utf16_length(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def is_value(value: object) -> bool:
    """Whether `value` is on the scale; 4.0 is 4 (JSON does not tell them apart), True is not."""
    if value == "dk" and isinstance(value, str):
        return True
    return _whole(value, 1, 5)


def _whole(value: object, low: int, high: int) -> bool:
    """Whether `value` is a whole number from `low` to `high` (an int of any size, or an
    integral float; never a bool, which Python counts as an int)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if isinstance(value, float) and not value.is_integer():
        return False
    return low <= value <= high


def _js_int(digits: str) -> int | float:
    """An integer as JSON.parse reads it: beyond 15 digits a float, which turns into infinity
    past 1e308 (Python's int would refuse more than 4300 digits, or be compared exactly)."""
    return int(digits) if len(digits.lstrip("-")) <= 15 else float(digits)


def _no_constant(name: str) -> Any:
    raise ValueError(f"not JSON: {name}")  # NaN and Infinity, which JSON.parse refuses too


def _shallow(value: object, limit: int) -> bool:
    todo: list[tuple[object, int]] = [(value, 0)]
    while todo:
        item, depth = todo.pop()
        if not isinstance(item, (dict, list)):
            continue
        if depth >= limit:
            return False
        children = item.values() if isinstance(item, dict) else item
        todo += ((child, depth + 1) for child in children)
    return True


def check_answers(
    given: object, *, handbook: str, quarter: str, statements: Sequence[Mapping[str, Any]]
) -> dict[str, Any] | Refused:
    """An answer file's text, a pasted code or a parsed object, checked against the pulse that
    is current; on success the answers with exactly the file's fields, in the pulse's order."""
    try:
        return _check(given, handbook, quarter, statements)
    except Exception:  # no input may raise: a refusal says it was unreadable
        return _refuse("unreadable")


def _check(
    given: object, handbook: str, quarter: str, statements: Sequence[Mapping[str, Any]]
) -> dict[str, Any] | Refused:
    obj = given
    if isinstance(given, str):
        if _utf16_length(given) > MAX_CHARS:
            return _refuse("tooBig")
        if _SPACE.sub("", given).startswith(CODE_PREFIX):
            decoded = decode_code(given)
            if isinstance(decoded, Refused):
                return decoded
            obj = decoded
        else:
            try:
                obj = json.loads(given, parse_constant=_no_constant, parse_int=_js_int)
            except RecursionError:
                return _refuse("nested")  # JSON.parse reads it, then the depth check refuses it
            except ValueError:
                return _refuse("notJson")
    if not _shallow(obj, MAX_DEPTH):
        return _refuse("nested")
    if not isinstance(obj, dict) or obj.get("format") != FORMAT:
        return _refuse("notAnswers")
    version = obj.get("version")
    if isinstance(version, (int, float)) and not isinstance(version, bool) and version > VERSION:
        return _refuse("newer")
    if version != VERSION or isinstance(version, bool):
        return _refuse("notAnswers")
    extra = sorted((k for k in obj if k not in _FIELDS), key=_js_order)
    if extra:
        return _refuse("extraField", _cut(extra[0]))
    if obj.get("handbook") != handbook:
        return _refuse("otherHandbook", _shown(obj.get("handbook")))
    if obj.get("quarter") != quarter:
        return _refuse("otherQuarter", _shown(obj.get("quarter")))
    random_id = obj.get("random_id")
    if not isinstance(random_id, str) or not _RANDOM_ID.fullmatch(random_id):
        return _refuse("badId")
    answers = obj.get("answers")
    if not isinstance(answers, dict):
        return _refuse("invalid", "answers")
    ids = sorted(answers, key=_js_order)
    if not ids:
        return _refuse("empty")
    if len(ids) > MAX_STATEMENTS:
        return _refuse("tooBig")
    current = {s["id"]: s for s in statements}
    kept: dict[str, dict[str, Any]] = {}
    for ident in ids:
        entry = answers[ident]
        if not isinstance(entry, dict):
            return _refuse("invalid", _cut(ident))
        wrong = sorted((k for k in entry if k not in ("fp", "value")), key=_js_order)
        if wrong:
            return _refuse("extraField", _cut(wrong[0]))
        fp = entry.get("fp")
        if not isinstance(fp, str) or not _FP.fullmatch(fp):
            return _refuse("invalid", _cut(ident))
        statement = current.get(ident)
        if statement is None:
            return _refuse("unknownStatement", _cut(ident))
        if fp != statement["fp"]:
            return _refuse("changed", ident)
        value: Any = entry.get("value")
        if not is_value(value):
            return _refuse("badValue", ident)
        kept[ident] = {"fp": fp, "value": value if isinstance(value, str) else int(value)}
    ordered = {s["id"]: kept[s["id"]] for s in statements if s["id"] in kept}
    return {
        "format": FORMAT,
        "version": VERSION,
        "handbook": handbook,
        "quarter": quarter,
        "random_id": random_id,
        "answers": ordered,
    }


def _js_order(key: str) -> bytes:
    """JavaScript's default sort compares UTF-16 units, not code points."""
    return key.encode("utf-16-be", "surrogatepass")


# ---- The short code ------------------------------------------------------------------------


def _fnv1a(data: bytes) -> int:
    h = 0x811C9DC5
    for byte in data:
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def encode_code(answers: Mapping[str, Any]) -> str:
    """The short code of an answer object (as `check_answers` gives it)."""
    out = bytearray([VERSION])
    out += bytes.fromhex(answers["random_id"])
    year, q = (int(part) for part in answers["quarter"].split("-Q"))
    out += bytes([year >> 8, year & 255, q])
    handbook = answers["handbook"].encode("utf-8")
    out += bytes([len(handbook) >> 8, len(handbook) & 255]) + handbook
    out.append(len(answers["answers"]))
    for ident, entry in answers["answers"].items():
        raw = ident.encode("utf-8")
        out += bytes([len(raw)]) + raw + bytes.fromhex(entry["fp"])
        out.append(0 if entry["value"] == "dk" else int(entry["value"]))
    out += _fnv1a(bytes(out)).to_bytes(4, "big")
    return CODE_PREFIX + _to_base64url(bytes(out))


def decode_code(text: object) -> dict[str, Any] | Refused:
    """The answer object a code carries, not yet checked against a pulse. Never raises."""
    if not isinstance(text, str):
        return _refuse("badCode")
    if _utf16_length(text) > MAX_CHARS:
        return _refuse("tooBig")
    code = _SPACE.sub("", text)
    if not code.startswith(CODE_PREFIX):
        return _refuse("badCode")
    data = _from_base64url(code[len(CODE_PREFIX) :])
    if data is None or len(data) < 4:
        return _refuse("badCode")
    body, check = data[:-4], data[-4:]
    if int.from_bytes(check, "big") != _fnv1a(body):
        return _refuse("badCode")
    parsed = _parse_body(body)
    return parsed if parsed is not None else _refuse("badCode")


class _Short(Exception):
    pass


def _parse_body(body: bytes) -> dict[str, Any] | None:
    at = 0

    def take(n: int) -> bytes:
        nonlocal at
        if at + n > len(body):
            raise _Short
        part = body[at : at + n]
        at += n
        return part

    try:
        version = take(1)[0]
        random_id = take(16).hex()
        y1, y2, q = take(3)
        length = take(2)
        handbook = take((length[0] << 8) | length[1]).decode("utf-8")
        answers: dict[str, dict[str, Any]] = {}
        for _ in range(take(1)[0]):
            ident = take(take(1)[0]).decode("utf-8")
            fp = take(4).hex()
            value = take(1)[0]
            if ident in answers:
                return None
            answers[ident] = {"fp": fp, "value": "dk" if value == 0 else value}
    except (_Short, UnicodeDecodeError):
        return None
    if at != len(body):
        return None
    return {
        "format": FORMAT,
        "version": version,
        "handbook": handbook,
        "quarter": f"{(y1 << 8) | y2:04d}-Q{q}",
        "random_id": random_id,
        "answers": answers,
    }


def _to_base64url(data: bytes) -> str:
    out = []
    for i in range(0, len(data), 3):
        chunk = data[i : i + 3]
        n = int.from_bytes(chunk.ljust(3, b"\0"), "big")
        out += [_B64[(n >> (18 - 6 * c)) & 63] for c in range(len(chunk) + 1)]
    return "".join(out)


def _from_base64url(text: str) -> bytes | None:
    """Bytes of unpadded base64url; the last character's stray bits are ignored."""
    if len(text) % 4 == 1:
        return None
    out = bytearray()
    acc = bits = 0
    for ch in text:
        v = _B64.find(ch)
        if v < 0:
            return None
        acc = ((acc << 6) | v) & 0xFFFFFF
        bits += 6
        if bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 255)
    return bytes(out)


# ---- The aggregate ---------------------------------------------------------------------------


def empty_aggregate(handbook: str, quarter: str) -> dict[str, Any]:
    return {
        "format": AGGREGATE_FORMAT,
        "version": VERSION,
        "handbook": handbook,
        "quarter": quarter,
        "answers": 0,
        "seen": [],
        "counts": {},
    }


def _sorted_counts(
    counts: Mapping[str, Mapping[str, list[int]]],
) -> dict[str, dict[str, list[int]]]:
    return {
        ident: {fp: list(counts[ident][fp]) for fp in sorted(counts[ident], key=_js_order)}
        for ident in sorted(counts, key=_js_order)
    }


def add_answers(
    aggregate: Mapping[str, Any], answers: Mapping[str, Any]
) -> dict[str, Any] | Refused:
    """A new aggregate with checked `answers` counted in, or why not; the input is unchanged."""
    if answers["handbook"] != aggregate["handbook"]:
        return _refuse("otherHandbook", _cut(answers["handbook"]))
    if answers["quarter"] != aggregate["quarter"]:
        return _refuse("otherQuarter", _cut(answers["quarter"]))
    if answers["random_id"] in aggregate["seen"]:
        return _refuse("alreadyAdded")
    if aggregate["answers"] >= MAX_ANSWERS:
        return _refuse("full")
    counts = _sorted_counts(aggregate["counts"])
    for ident, entry in answers["answers"].items():
        row = counts.setdefault(ident, {}).setdefault(entry["fp"], [0] * 6)
        row[5 if entry["value"] == "dk" else int(entry["value"]) - 1] += 1
    seen = sorted([*aggregate["seen"], answers["random_id"]])
    return {**aggregate, "answers": len(seen), "seen": seen, "counts": _sorted_counts(counts)}


def aggregate(
    inputs: Iterable[object],
    *,
    handbook: str,
    quarter: str,
    statements: Sequence[Mapping[str, Any]],
) -> tuple[dict[str, Any], list[Refused | None]]:
    """Checks and counts answer files or codes in order: the aggregate, and per input its
    refusal (None when it was counted)."""
    agg = empty_aggregate(handbook, quarter)
    outcomes: list[Refused | None] = []
    for given in inputs:
        checked = check_answers(given, handbook=handbook, quarter=quarter, statements=statements)
        added = checked if isinstance(checked, Refused) else add_answers(agg, checked)
        if isinstance(added, Refused):
            outcomes.append(added)
        else:
            agg = added
            outcomes.append(None)
    return agg, outcomes


def check_aggregate(given: object) -> dict[str, Any] | Refused:
    """An aggregate from storage or an export, checked: exact shape, counts that add up."""

    def bad(where: str) -> Refused:
        return _refuse("badAggregate", where)

    if not isinstance(given, dict):
        return bad("")
    if given.get("format") != AGGREGATE_FORMAT or not _is_int(given.get("version"), VERSION):
        return bad("format")
    extra = sorted((k for k in given if k not in _AGGREGATE_FIELDS), key=_js_order)
    if extra:
        return bad(_cut(extra[0]))
    handbook, quarter, seen = given.get("handbook"), given.get("quarter"), given.get("seen")
    if not isinstance(handbook, str) or _utf16_length(handbook) > 200:
        return bad("handbook")
    if not isinstance(quarter, str) or not _PERIOD.fullmatch(quarter):
        return bad("quarter")
    if not isinstance(seen, list) or len(seen) > MAX_ANSWERS:
        return bad("seen")
    if not all(isinstance(s, str) and _RANDOM_ID.fullmatch(s) for s in seen):
        return bad("seen")
    if len(set(seen)) != len(seen):
        return bad("seen")
    if not _is_int(given.get("answers"), len(seen)):
        return bad("answers")
    counts = given.get("counts")
    if not isinstance(counts, dict):
        return bad("counts")
    kept: dict[str, dict[str, list[int]]] = {}
    for ident, by_fp in counts.items():
        if not rules.is_id(ident) or not isinstance(by_fp, dict):
            return bad("counts")
        kept[ident] = {}
        for fp, row in by_fp.items():
            ok = (
                _FP.fullmatch(fp) is not None
                and isinstance(row, list)
                and len(row) == 6
                and all(_whole(n, 0, len(seen)) for n in row)
            )
            if not ok or sum(row) > len(seen):
                return bad(f"counts › {ident}")
            kept[ident][fp] = [int(n) for n in row]
    return {
        "format": AGGREGATE_FORMAT,
        "version": VERSION,
        "handbook": handbook,
        "quarter": quarter,
        "answers": len(seen),
        "seen": sorted(seen),
        "counts": _sorted_counts(kept),
    }


def _is_int(value: object, expected: int) -> bool:
    return not isinstance(value, bool) and isinstance(value, (int, float)) and value == expected


# ---- The quarter ------------------------------------------------------------------------------


def period_of(day: date, fiscal_year_start: int = 1) -> str:
    """`2026-Q4`, as the browser's `periodOf`: with a year starting in month
    `fiscal_year_start`, the year is the one the quarter's year starts in."""
    i = (day.month - fiscal_year_start + 12) % 12
    year = day.year if day.month >= fiscal_year_start else day.year - 1
    return f"{year}-Q{i // 3 + 1}"


# ---- The view --------------------------------------------------------------------------------


def threshold(minimum: object) -> int:
    """The threshold in force: `minimum` as configured, never below MIN_ANSWERS."""
    if isinstance(minimum, bool) or not isinstance(minimum, (int, float)):
        return MIN_ANSWERS
    if isinstance(minimum, float) and not math.isfinite(minimum):
        return MIN_ANSWERS
    return max(MIN_ANSWERS, math.floor(minimum))


def median(values: Sequence[float]) -> float | None:
    """The median of sorted numbers (the mean of the two middle ones when even); None if none."""
    n = len(values)
    if not n:
        return None
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def agreement(value: float) -> int:
    """A median on the scale as 0-100 (1 -> 0, 3 -> 50, 5 -> 100), rounded half up as
    JavaScript's Math.round does (Python's round() rounds half to even)."""
    return math.floor((value - 1) * 25 + 0.5)


def _number(value: float) -> int | float:
    """A whole float as an int, so JSON shows `4` as the browser does, not `4.0`."""
    return int(value) if value == int(value) else value


def pulse_view(
    aggregate: Mapping[str, Any], statements: Sequence[Mapping[str, Any]], *, minimum: object = None
) -> dict[str, Any]:
    """What may be shown: under the threshold only how many answers are still needed; from it
    on, per statement (under its current wording) the spread and median, per lesson the median
    of its statements' medians. The same rules and numbers as the browser's `pulseView`."""
    least = threshold(minimum)
    if aggregate["answers"] < least:
        return {"needed": least - aggregate["answers"]}
    shown: list[dict[str, Any]] = []
    by_lesson: dict[str, list[float]] = {}
    for s in statements:
        medians = by_lesson.setdefault(s["lesson"], [])
        row = aggregate["counts"].get(s["id"], {}).get(s["fp"], [0] * 6)
        total = sum(row)
        if total < least:
            shown.append({"id": s["id"], "lesson": s["lesson"], "needed": least - total})
            continue
        values = [v for v in range(1, 6) for _ in range(row[v - 1])]
        m = median(values)
        shown.append(
            {
                "id": s["id"],
                "lesson": s["lesson"],
                "answers": total,
                "spread": list(row[:5]),
                "dk": row[5],
                "median": None if m is None else _number(m),
            }
        )
        if m is not None:
            medians.append(m)
    lessons = []
    for lesson, medians in by_lesson.items():
        m = median(sorted(medians))
        lessons.append(
            {
                "id": lesson,
                "median": None if m is None else _number(m),
                "pct": None if m is None else agreement(m),
                "statements": len(medians),
            }
        )
    return {
        "answers": aggregate["answers"],
        "minimum": least,
        "statements": shown,
        "lessons": lessons,
    }
