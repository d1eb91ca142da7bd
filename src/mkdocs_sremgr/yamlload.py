"""Safe YAML loading that remembers where every value came from.

The loader walks PyYAML's event stream (libyaml's C parser when available)
instead of composing a node tree: that keeps it iterative (deep nesting cannot
overflow the stack), lets it refuse duplicate keys, unknown tags and alias
bombs as it goes, and records a line and column for every key and value so a
schema error can point at the exact spot. Only `HandbookError` leaves this module.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from mkdocs_sremgr.errors import HandbookError, Problem

MAX_BYTES = 512 * 1024
MAX_DEPTH = 32
MAX_VALUES = 50_000  # counted after alias expansion, so a "billion laughs" file stops early

JsonPath = tuple[str | int, ...]
Position = tuple[int, int]

_PARSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SAFE_SCALAR_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
}
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_STR_TAG = "tag:yaml.org,2002:str"


@dataclass
class Document:
    """A loaded YAML document: plain data plus where each part of it was written."""

    path: str
    data: Any
    positions: dict[JsonPath, Position] = field(default_factory=dict)
    key_positions: dict[JsonPath, Position] = field(default_factory=dict)
    plain_scalars: dict[JsonPath, str] = field(default_factory=dict)

    def where(self, path: JsonPath, *, key: bool = False) -> Position:
        """Position of `path` (or of its key), else of its nearest written ancestor."""
        table = self.key_positions if key else self.positions
        if path in table:
            return table[path]
        while path:
            path = path[:-1]
            if path in self.positions:
                return self.positions[path]
        return (1, 1)

    def problem(
        self, path: JsonPath, message: str, hint: str = "", *, key: bool = False
    ) -> Problem:
        line, column = self.where(path, key=key)
        return Problem(self.path, line, column, message, hint)


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any]
    path: JsonPath
    anchor: str | None
    start: Position
    values: int = 1
    key: str | None = None
    key_lines: dict[str, int] = field(default_factory=dict)


def load_yaml(source: bytes | str, path: str) -> Document:
    """Load one YAML document from `source`, or raise `HandbookError` naming the spot."""
    if isinstance(source, bytes):
        if len(source) > MAX_BYTES:
            _fail(
                path,
                1,
                1,
                f"the file is {len(source) // 1024} KiB, over the limit of {MAX_BYTES // 1024} KiB",
                "split it into several checklists",
            )
        text = _decode(source, path)
    else:
        text = source.removeprefix("\ufeff")
        if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
            _fail(
                path,
                1,
                1,
                f"the file is over the limit of {MAX_BYTES // 1024} KiB",
                "split it into several checklists",
            )
    return _Builder(path, text).run()


def _fail(path: str, line: int, column: int, message: str, hint: str = "") -> None:
    raise HandbookError([Problem(path, line, column, message, hint)])


def _decode(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", "replace")) + 1
        _fail(
            path,
            before.count(b"\n") + 1,
            column,
            f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x})",
            "save the file with UTF-8 encoding",
        )
        raise AssertionError("unreachable") from exc


class _Builder:
    """Turns the event stream into plain data, refusing what a checklist never needs."""

    def __init__(self, path: str, text: str) -> None:
        self.doc = Document(path, None)
        self.text = text
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.total_values = 0
        self.documents = 0
        self.have_root = False
        self.resolver = Resolver()
        self.constructor = SafeConstructor()

    def run(self) -> Document:
        try:
            for event in yaml.parse(self.text, Loader=_PARSER):
                self._feed(event)
        except HandbookError:
            raise
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            message = (exc.problem or exc.context or "invalid YAML").strip()
            if "nesting depth" in message:  # newer libyaml stops deep flow nesting itself
                self._error(
                    (line, column),
                    f"the file nests deeper than {MAX_DEPTH} levels",
                    "a checklist needs only a few levels: check the indentation",
                )
            self._error(
                (line, column),
                f"YAML syntax error: {message}",
                _syntax_hint(message, self._line_text(line), self._line_above(line)),
            )
        except yaml.YAMLError as exc:  # a reader error: a character YAML forbids
            position = getattr(exc, "position", 0) or 0
            before = self.text[:position]
            line, column = before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1
            self._error(
                (line, column),
                f"YAML cannot read this file: {exc}".splitlines()[0],
                "remove control characters; only printable text is allowed",
            )
        if not self.have_root:
            self._error(
                (1, 1),
                "the file is empty",
                "a checklist needs at least `id`, `title` and `sections`; "
                "run `mkdocs-sremgr new checklist ID` for a starter",
            )
        return self.doc

    # -- events -----------------------------------------------------------------------------

    def _feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.ScalarEvent):  # most events: tested first
            self._scalar(event)
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self._error(
                    _pos(event.start_mark),
                    "the file holds more than one YAML document",
                    "keep one checklist per file: remove the `---` line or split the file",
                )
        elif isinstance(event, yaml.AliasEvent):
            self._alias(event)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            self._open(event)
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            self._close()

    def _child_path(self, start: Position) -> JsonPath | None:
        """Path of the value about to be placed, or None when it is a mapping key."""
        if not self.stack:
            return ()
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            return (*frame.path, len(frame.container))
        if frame.key is None:
            return None
        return (*frame.path, frame.key)

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        start = _pos(event.start_mark)
        path = self._child_path(start)
        if path is None:  # a mapping key: always read as the text written
            self._set_key(event.value, start)
            return
        value = self._construct(event, path, start)
        if not event.style:  # plain (libyaml says "", PyYAML None)
            self.doc.plain_scalars[path] = event.value
        self._place(path, value, start, 1, event.anchor)

    def _construct(self, event: yaml.ScalarEvent, path: JsonPath, start: Position) -> Any:
        tag = event.tag
        if tag in (None, "!"):
            tag = (
                _STR_TAG
                if tag == "!"
                else self.resolver.resolve(  # type: ignore[no-untyped-call]
                    yaml.ScalarNode, event.value, event.implicit
                )
            )
        if tag == _STR_TAG:  # what SafeConstructor would return, without building a node
            return event.value
        if tag not in _SAFE_SCALAR_TAGS:
            self._error(
                start,
                f"the tag `{_short(event.tag)}` is not allowed",
                "remove the tag: checklists are plain YAML, loaded safely",
            )
        marks: Any = (event.start_mark, event.end_mark)
        node = yaml.ScalarNode(tag, event.value, *marks)
        try:
            value = self.constructor.yaml_constructors[tag](self.constructor, node)
        except Exception:  # e.g. 2026-02-30 matches the date pattern but is no date
            kind = {"int": "number", "float": "number", "timestamp": "date"}.get(
                tag.rsplit(":", 1)[1], tag.rsplit(":", 1)[1]
            )
            self._error(
                start,
                f"`{event.value[:40]}` cannot be read as a {kind}",
                f'quote it if it is text: "{event.value[:40]}"',
            )
            raise AssertionError("unreachable") from None
        if isinstance(value, float) and not math.isfinite(value):
            # `.nan` and `.inf` are YAML numbers no score can use; JSON cannot even hold them.
            self._error(
                start,
                f"`{event.value[:40]}` is not a finite number",
                "write a number such as 1, 2 or 0.5",
            )
        return value

    def _open(self, event: yaml.MappingStartEvent | yaml.SequenceStartEvent) -> None:
        start = _pos(event.start_mark)
        is_map = isinstance(event, yaml.MappingStartEvent)
        allowed = _MAP_TAG if is_map else _SEQ_TAG
        if event.tag not in (None, "!", allowed):
            self._error(
                start,
                f"the tag `{_short(event.tag)}` is not allowed",
                "remove the tag: checklists are plain YAML, loaded safely",
            )
        path = self._child_path(start)
        if path is None:
            self._error(
                start,
                "a key must be plain text, not a list or mapping",
                "write the key as a word followed by `:`",
            )
            return
        if len(self.stack) >= MAX_DEPTH:
            self._error(
                start,
                f"the file nests deeper than {MAX_DEPTH} levels",
                "a checklist needs only a few levels: check the indentation",
            )
        self._count(1, start)
        container: dict[str, Any] | list[Any] = {} if is_map else []
        self.stack.append(_Frame(container, path, event.anchor, start))

    def _close(self) -> None:
        frame = self.stack.pop()
        if isinstance(frame.container, dict) and frame.key is not None:
            self._error(frame.start, "a key has no value", "")
        self._place(frame.path, frame.container, frame.start, frame.values, frame.anchor)

    def _alias(self, event: yaml.AliasEvent) -> None:
        start = _pos(event.start_mark)
        path = self._child_path(start)
        if event.anchor not in self.anchors:
            self._error(
                start,
                f"the alias `*{event.anchor}` refers to no finished anchor",
                f"define `&{event.anchor}` before using it, and not inside itself",
            )
        if path is None:
            self._error(start, "an alias cannot be a key", "write the key out")
            return
        value, values = self.anchors[event.anchor or ""]
        self._count(values, start)
        self._place(path, value, start, values, None)

    # -- helpers ----------------------------------------------------------------------------

    def _set_key(self, key: str, start: Position) -> None:
        frame = self.stack[-1]
        assert isinstance(frame.container, dict)
        if key == "<<":
            self._error(start, "merge keys (`<<`) are not supported", "write the keys out")
        if key in frame.key_lines:
            first = frame.key_lines[key]
            self._error(
                start,
                f"duplicate key `{key}` (first at line {first}, again at line {start[0]})",
                f"keep one `{key}` and delete the other",
            )
        frame.key_lines[key] = start[0]
        frame.key = key
        self.doc.key_positions[(*frame.path, key)] = start

    def _place(
        self, path: JsonPath, value: Any, start: Position, values: int, anchor: str | None
    ) -> None:
        self.doc.positions[path] = start
        if anchor:
            self.anchors[anchor] = (value, values)
        if not self.stack:
            self.doc.data = value
            self.have_root = True
            return
        frame = self.stack[-1]
        frame.values += values
        if isinstance(frame.container, list):
            frame.container.append(value)
        else:
            assert frame.key is not None
            frame.container[frame.key] = value
            frame.key = None

    def _count(self, values: int, start: Position) -> None:
        self.total_values += values
        if self.total_values > MAX_VALUES:
            self._error(
                start,
                f"the file expands to more than {MAX_VALUES} values",
                "anchors and aliases multiply content: write the values out instead",
            )

    def _line_text(self, line: int) -> str:
        lines = self.text.splitlines()
        return lines[line - 1] if 0 < line <= len(lines) else ""

    def _line_above(self, line: int) -> str:
        """The nearest line above `line` that holds something, for indentation hints."""
        for number in range(line - 1, 0, -1):
            text = self._line_text(number)
            if text.strip() and not text.lstrip().startswith("#"):
                return text
        return ""

    def _error(self, at: Position, message: str, hint: str) -> None:
        _fail(self.doc.path, at[0], at[1], message, hint)


def _short(tag: str | None) -> str:
    return (tag or "").replace("tag:yaml.org,2002:", "!!")


def _pos(mark: Any) -> Position:
    """1-based (line, column) of a PyYAML or libyaml mark (libyaml always sets it)."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _syntax_hint(message: str, line_text: str, above: str = "") -> str:
    if "\t" in line_text or "'\\t'" in message:
        return "indent with spaces: YAML does not allow tabs for indentation"
    if "mapping values are not allowed" in message:
        _key, _, value = line_text.strip().removeprefix("- ").partition(":")
        if ": " in value or value.rstrip().endswith(":"):
            return 'text that contains ": " must be quoted'
        return (
            "this key is indented deeper than the key above it: "
            "keys of one mapping must start in the same column"
        )
    if "could not find expected ':'" in message or "simple key" in message:
        return "a key needs a `:` after it, and multi-line text needs `|` or quotes"
    if "found character '@'" in message or "found character '`'" in message:
        return "text starting with @ or ` must be quoted"
    if "block" in message or "indentation" in message or "expected key" in message:
        here, there = _indent(line_text), _indent(above)
        if above and here != there:
            return (
                f"this line starts in column {here + 1}, the line above in column {there + 1}: "
                "entries of one list or mapping must start in the same column"
            )
        return "check the indentation: items of one list or mapping must line up"
    return "check the YAML syntax around this spot"
