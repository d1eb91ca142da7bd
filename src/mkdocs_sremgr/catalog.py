"""From YAML files to a checked Catalog: discovery, caching, merging and cross-file rules."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar

from mkdocs_sremgr import rules, schema
from mkdocs_sremgr.errors import HandbookError, Problem, did_you_mean, suggest
from mkdocs_sremgr.model import (
    ENTRY_CLASSES,
    MAX_LENGTH,
    PLAIN,
    AntiPattern,
    Catalog,
    Checklist,
    Item,
    Pulse,
    Reading,
    Section,
    Statement,
    walk_texts,
)
from mkdocs_sremgr.safeio import ReadRefused, read_bounded
from mkdocs_sremgr.yamlload import MAX_BYTES, Document, JsonPath, load_yaml

YAML_SUFFIXES = (".yml", ".yaml")  # matched without regard to case: `x.YML` is read too

#: Unclosed `[` in one text field that Python-Markdown may take: each costs it a scan of
#: the rest of the text, so a few thousand make a build take minutes.
MAX_STRAY_BRACKETS = 20
_WELL_FORMED_LINK = re.compile(
    r"\\[\[\]]|!?\[[^\[\]\n]{0,500}\](?:\([^()\s]{0,2000}(?:\s+\"[^\"\n]*\")?\)|(?!\())"
)


def is_yaml_name(name: str) -> bool:
    return name.lower().endswith(YAML_SUFFIXES)


@dataclass(frozen=True)
class Source:
    """A YAML file to load; `display` is the path shown in messages."""

    path: Path
    display: str
    builtin: bool = False


@dataclass
class Parsed:
    """A loaded file with its schema problems (an empty list means valid)."""

    source: Source
    doc: Document | None
    problems: list[Problem]

    def identity(self) -> tuple[str, str] | None:
        """(kind, id) the file means to define, as far as it could be read: a broken file's
        page can then show its problems, and a marker naming it can blame the file."""
        data = self.doc.data if self.doc is not None else None
        if isinstance(data, dict):
            kind = schema.kind_of(data)
            kind = "checklist" if kind == "extension" else kind
            ident = data.get("extends", data.get("id"))
            if isinstance(ident, str) and rules.is_id(ident):
                return kind, ident
        stem = self.source.path.stem
        return ("checklist", stem) if rules.is_id(stem) else None


@dataclass
class LoadResult:
    catalog: Catalog
    problems: list[Problem]
    notes: list[str] = field(default_factory=list)
    parsed: list[Parsed] = field(default_factory=list)


def builtin_dir() -> Path:
    return Path(str(files("mkdocs_sremgr").joinpath("pack")))


def find_sources(
    root: Path, display_base: Path | None = None, *, builtin: bool = False
) -> list[Source]:
    """Every YAML file under `root` (or `root` itself), sorted for a stable order.

    Dot folders and dot files are skipped, symbolic links to folders are not followed, and a
    folder that vanishes or cannot be listed while we look is simply not there.
    """
    try:
        if root.is_file():
            return [Source(root, _display(root, display_base), builtin)]
        if not root.is_dir():
            return []
    except OSError:  # e.g. a name too long for the file system
        return []
    paths: list[Path] = []
    for folder, dirs, names in os.walk(root, onerror=lambda _error: None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        paths += (
            Path(folder, name) for name in names if is_yaml_name(name) and not name.startswith(".")
        )
    return [Source(p, _display(p, display_base), builtin) for p in sorted(paths)]


def _display(path: Path, base: Path | None) -> str:
    if base is not None:
        try:
            return os.path.relpath(path, base).replace(os.sep, "/")
        except ValueError:
            pass
    return str(path)


class CatalogLoader:
    """Loads catalogs, re-reading a file only when its modification time or size changed.

    One instance lives as long as the plugin (across `mkdocs serve` rebuilds);
    `reads` counts files actually read from disk, for tests and benchmarks.
    """

    def __init__(self) -> None:
        self._cache: dict[Path, tuple[tuple[int, int], Parsed]] = {}
        self.reads = 0

    def parse(self, source: Source, *, fast: bool = False) -> Parsed:
        try:
            stat = source.path.stat()
        except OSError as exc:
            return Parsed(source, None, [Problem(source.display, 1, 1, f"cannot read: {exc}")])
        stamp = (stat.st_mtime_ns, stat.st_size)
        cached = self._cache.get(source.path)
        if cached and cached[0] == stamp and cached[1].source == source:
            return cached[1]
        self.reads += 1
        parsed = parse_file(source, fast=fast)
        self._cache[source.path] = (stamp, parsed)
        return parsed

    def load(self, sources: Iterable[Source], exclude: Iterable[str] = ()) -> LoadResult:
        sources = list(sources)
        # Compiling the schema's fast check costs about as much as validating ~100 files
        # with jsonschema: worth it for big handbooks, not for the usual few dozen files.
        fast = len(sources) >= FAST_CHECK_MIN_FILES
        return build_catalog([self.parse(s, fast=fast) for s in sources], exclude)


FAST_CHECK_MIN_FILES = 100


def parse_file(source: Source, *, fast: bool = False) -> Parsed:
    try:
        data = read_bounded(source.path, MAX_BYTES)
    except ReadRefused as exc:
        hint = "split it into several checklists" if "limit" in str(exc) else ""
        return Parsed(source, None, [Problem(source.display, 1, 1, f"cannot use it: {exc}", hint)])
    try:
        doc = load_yaml(data, source.display)
    except HandbookError as exc:
        return Parsed(source, None, list(exc.problems))
    problems = schema.validate(doc, fast=fast)
    if not problems:
        problems = text_problems(doc)
    return Parsed(source, doc, problems)


def text_problems(doc: Document) -> list[Problem]:
    """The rules of each text field the model declares: one line, a length, sane Markdown."""
    cls = ENTRY_CLASSES[schema.kind_of(doc.data)]
    problems = []
    for path, kind in walk_texts(cls, doc.data):
        text: str = schema_value(doc.data, path)
        limit = MAX_LENGTH[kind]
        if len(text) > limit:
            problems.append(
                doc.problem(
                    path,
                    f"{_name(path)} is too long ({len(text)} characters)",
                    f"keep it under {limit} characters",
                )
            )
        elif kind == PLAIN and not text.isprintable():
            problems.append(
                doc.problem(
                    path,
                    f"{_name(path)} must be one line of plain text",
                    "remove the line breaks (use `>-` or quotes, not `|`) and control characters",
                )
            )
        elif kind != PLAIN and "[" in text:
            stray = _WELL_FORMED_LINK.sub("", text).count("[")
            if stray > MAX_STRAY_BRACKETS:
                problems.append(
                    doc.problem(
                        path,
                        f"{_name(path)} has {stray} `[` that open no link",
                        "write `\\[` for a bracket that is just text",
                    )
                )
    return problems


def schema_value(data: Any, path: JsonPath) -> Any:
    for part in path:
        data = data[part]
    return data


def _name(path: JsonPath) -> str:
    parts = [f"[{p}]" if isinstance(p, int) else f".{p}" for p in path]
    return "`" + "".join(parts).lstrip(".") + "`"


def build_catalog(parsed: list[Parsed], exclude: Iterable[str] = ()) -> LoadResult:
    """Merge built-in and team files, then apply the rules a schema cannot express."""
    return _Assembler(parsed, set(exclude)).run()


class _Assembler:
    def __init__(self, parsed: list[Parsed], exclude: set[str]) -> None:
        self.parsed = parsed
        self.exclude = exclude
        self.problems: list[Problem] = [p for entry in parsed for p in entry.problems]
        self.notes: list[str] = []
        self.catalog = Catalog()

    def run(self) -> LoadResult:
        valid = [p for p in self.parsed if p.doc is not None and not p.problems]
        for entry in self.parsed:
            # A file with schema errors is left out of the catalog, but its repeated item ids
            # are found now, not only once the rest is fixed.
            if entry.doc is not None and entry.problems and not entry.source.builtin:
                self._check_raw_items(entry.doc)
        builtin = [p for p in valid if p.source.builtin]
        team = [p for p in valid if not p.source.builtin]
        for entry in builtin:
            assert entry.doc is not None
            if entry.doc.data.get("id") not in self.exclude:
                self._add(entry.doc, builtin=True)
        seen: dict[tuple[str, str], Document] = {}
        extensions: list[Document] = []
        for entry in team:
            doc = entry.doc
            assert doc is not None
            if schema.kind_of(doc.data) == "extension":
                extensions.append(doc)
                continue
            kind = schema.kind_of(doc.data)  # "extension" was handled above
            key = (kind, doc.data["id"])
            if key in seen:
                line, column = seen[key].where(("id",))
                self.problems.append(
                    doc.problem(
                        ("id",),
                        f"duplicate {kind} id `{key[1]}`: also used in "
                        f"{seen[key].path}:{line}:{column}",
                        "ids must be unique: rename one of them",
                    )
                )
                continue
            seen[key] = doc
            if self._reserved(doc, ("id",), kind, key[1]):
                continue
            self._add(doc, builtin=False)
        for doc in extensions:
            self._extend(doc)
        for checklist in self.catalog.checklists.values():
            self._check_checklist(checklist)
        self._check_checklist_aliases()
        self._check_moved_items()
        self._check_references()
        self._check_counters()
        self._check_pulse()
        return LoadResult(self.catalog, sorted(set(self.problems)), self.notes, self.parsed)

    # -- building ---------------------------------------------------------------------------

    def _add(self, doc: Document, *, builtin: bool) -> None:
        data: dict[str, Any] = doc.data
        if schema.kind_of(data) == "pulse":
            self._add_pulse(doc, builtin=builtin)
            return
        entry: Checklist | AntiPattern
        if schema.kind_of(data) == "antipattern":
            table: dict[str, Any] = self.catalog.antipatterns
            entry = AntiPattern.from_data(data, builtin=builtin, doc=doc)
        else:
            table = self.catalog.checklists
            sections = [_section(doc, i, s) for i, s in enumerate(data["sections"])]
            entry = Checklist.from_data(data, sections=sections, builtin=builtin, doc=doc)
        previous = table.get(entry.id)
        if previous is not None and previous.builtin and not builtin:
            self.notes.append(f"{doc.path} replaces the built-in {entry.kind} `{entry.id}`")
        table[entry.id] = entry

    def _add_pulse(self, doc: Document, *, builtin: bool) -> None:
        """The team pulse; a handbook has one (answers are counted per handbook and quarter),
        so a team's pulse replaces the built-in one whatever its id, with a note."""
        statements = [
            Statement.from_data(raw, doc=doc, path=("statements", n))
            for n, raw in enumerate(doc.data["statements"])
        ]
        pulse: Pulse = Pulse.from_data(doc.data, statements=statements, builtin=builtin, doc=doc)
        previous = self.catalog.pulse
        if previous is not None and not previous.builtin:
            where = previous.doc.where(("id",)) if previous.doc is not None else (0, 0)
            at = f"{previous.doc.path if previous.doc else '?'}:{where[0]}:{where[1]}"
            self.problems.append(
                doc.problem(
                    ("id",),
                    f"a second team pulse `{pulse.id}`: the handbook has one, `{previous.id}` "
                    f"at {at}",
                    "answers are counted per handbook and quarter: keep one pulse file",
                )
            )
            return
        if previous is not None and not builtin:
            self.notes.append(f"{doc.path} replaces the built-in pulse `{previous.id}`")
        self.catalog.pulse = pulse

    def _extend(self, doc: Document) -> None:
        data = doc.data
        target = self.catalog.checklist_named(data["extends"])
        if target is not None and target.id != data["extends"]:
            self._renamed_note(doc, ("extends",), data["extends"], target.id)
        if target is None:
            why = " (it is excluded)" if data["extends"] in self.exclude else ""
            hint = did_you_mean(data["extends"], self.catalog.checklists) or (
                "name an existing checklist id"
            )
            self.problems.append(
                doc.problem(
                    ("extends",), f"`extends` names no checklist `{data['extends']}`{why}", hint
                )
            )
            return
        target.tags += [t for t in data.get("tags", []) if t not in target.tags]
        target.antipatterns += [
            a for a in data.get("antipatterns", []) if a not in target.antipatterns
        ]
        target.further_reading += [Reading.from_data(r) for r in data.get("further_reading", [])]
        by_id = {s.id: s for s in target.sections}
        for index, raw in enumerate(data.get("sections", [])):
            section = _section(doc, index, raw)
            if section.id in by_id:
                by_id[section.id].items.extend(section.items)
            else:
                target.sections.append(section)
                by_id[section.id] = section

    # -- rules ------------------------------------------------------------------------------

    def _check_checklist(self, checklist: Checklist) -> None:
        owners: dict[str, Item] = {}
        for item in checklist.items:
            if (first := _claim(owners, item.id, item)) and item.doc is not None:
                self.problems.append(_twice(item.doc, item.path, item.id, checklist.id, _at(first)))
        for item, n, message, hint in _alias_clashes(checklist.items, owners, "item"):
            self._item_problem(item, ("aliases", n), message, hint)
        seen_sections: dict[str, Section] = {}
        for section in checklist.sections:
            if section.id in seen_sections and section.doc is not None:
                self.problems.append(
                    section.doc.problem(
                        section.path,
                        f"two sections of `{checklist.id}` have the id `{section.id}`",
                        "give each section its own `id` (or title)",
                    )
                )
            seen_sections.setdefault(section.id, section)

    def _check_raw_items(self, doc: Document) -> None:
        """Repeated item ids in a checklist file that is not valid as a whole."""
        data = doc.data
        if not isinstance(data, dict) or not isinstance(data.get("sections"), list):
            return
        name = data.get("id", data.get("extends"))
        owners: dict[str, JsonPath] = {}
        for n, section in enumerate(data["sections"]):
            items = section.get("items") if isinstance(section, dict) else None
            for m, item in enumerate(items if isinstance(items, list) else []):
                ident = item.get("id") if isinstance(item, dict) else None
                if not isinstance(ident, str) or not rules.is_id(ident):
                    continue
                path: JsonPath = ("sections", n, "items", m)
                if ident in owners:
                    line, column = doc.where(owners[ident])
                    first = f"{doc.path}:{line}:{column}"
                    self.problems.append(_twice(doc, path, ident, str(name), first))
                else:
                    owners[ident] = path

    def _reserved(self, doc: Document, where: JsonPath, kind: str, ident: str) -> bool:
        """Whether a team's id (or a checklist's former id) would take the place of a page
        the handbook generates itself (the dashboard, the anti-patterns' folder): an error."""
        reserved = rules.RESERVED_IDS if kind == "checklist" else ()
        if ident not in reserved:
            return False
        self.problems.append(
            doc.problem(
                where,
                f"the {kind} id `{ident}` is taken by a page of the handbook itself: "
                f"it would replace {_reserved_page(ident)}",
                f"choose another id, e.g. `our-{ident}`; reserved: {', '.join(reserved)}",
            )
        )
        return True

    def _renamed_note(self, doc: Document, where: JsonPath, former: str, current: str) -> None:
        line, column = doc.where(where)
        self.notes.append(
            f"{doc.path}:{line}:{column}: `{former}` is a former id of the checklist "
            f"`{current}`, used for it (hint: write `{current}`)"
        )

    def _check_checklist_aliases(self) -> None:
        """A checklist's former id (alias) must name no other checklist, now or formerly:
        readers' progress stored under it moves to exactly one checklist."""
        owners: dict[str, Checklist] = {}
        for checklist in self.catalog.sorted_checklists():
            for n, alias in enumerate(checklist.aliases):
                if checklist.doc is None:
                    continue
                where = ("aliases", n)
                if self._reserved(checklist.doc, where, "checklist", alias):
                    continue
                if alias in self.catalog.checklists:
                    other = self.catalog.checklists[alias]
                    same = other is checklist
                    self.problems.append(
                        checklist.doc.problem(
                            where,
                            f"alias `{alias}` is "
                            + ("this checklist's own id" if same else "the id of a checklist")
                            + ("" if same else f" at {_entry_at(other)}"),
                            "an alias names a former id that no checklist uses now",
                        )
                    )
                elif first := _claim(owners, alias, checklist):
                    self.problems.append(
                        checklist.doc.problem(where, *_claimed_twice(alias, first, "id"))
                    )

    def _check_moved_items(self) -> None:
        """An item alias `old-checklist/old-item` (a moved item) must name no item that is
        still there, and only one item may take over the ticks stored under it."""
        claimed: dict[str, Item] = {}
        for checklist in self.catalog.sorted_checklists():
            for item in checklist.items:
                for n, alias in enumerate(item.aliases):
                    if "/" not in alias:
                        continue
                    cid, _, iid = alias.partition("/")
                    where = ("aliases", n)
                    if cid == checklist.id or cid in checklist.aliases:
                        self._item_problem(
                            item,
                            where,
                            f"alias `{alias}` names this item's own checklist",
                            f"write the former id alone: `{iid}`",
                        )
                        continue
                    still = self.catalog.checklist_named(cid)
                    owner = next((i for i in still.items if i.id == iid), None) if still else None
                    if owner is not None:
                        self._item_problem(
                            item,
                            where,
                            f"alias `{alias}` is an item that is still there, at {_at(owner)}",
                            "an alias names a former item that no checklist has now",
                        )
                    elif first := _claim(claimed, alias, item):
                        self._item_problem(item, where, *_claimed_twice(alias, first, "item"))

    def _check_pulse(self) -> None:
        """Statement ids and aliases unique in the pulse; each `lesson` a checklist (a former
        id is read as the current one). A built-in statement whose checklist the team left
        out is left out with it; a team's is an error, with the nearest id."""
        pulse = self.catalog.pulse
        if pulse is None:
            return
        owners: dict[str, Statement] = {}
        for statement in pulse.statements:
            if statement.id in owners:
                self._statement_problem(
                    statement,
                    ("id",),
                    f"statement id `{statement.id}` is used twice in pulse `{pulse.id}` "
                    f"(first at {_at(owners[statement.id])})",
                    "statement ids must be unique within a pulse",
                )
            owners.setdefault(statement.id, statement)
        for statement, n, message, hint in _alias_clashes(pulse.statements, owners, "statement"):
            self._statement_problem(statement, ("aliases", n), message, hint)
        kept: list[Statement] = []
        for statement in pulse.statements:
            checklist = self.catalog.checklist_named(statement.lesson)
            if checklist is not None:
                if checklist.id != statement.lesson and not pulse.builtin and statement.doc:
                    self._renamed_note(
                        statement.doc,
                        (*statement.path, "lesson"),
                        statement.lesson,
                        checklist.id,
                    )
                statement.lesson = checklist.id
                kept.append(statement)
                continue
            if pulse.builtin:
                continue  # a lesson the team left out takes its statements with it
            if statement.lesson in self.exclude:
                message = f"lesson `{statement.lesson}` is excluded"
                hint = f"remove this statement or take `{statement.lesson}` out of `exclude`"
            else:
                message = f"unknown checklist `{statement.lesson}` as the lesson"
                own = [i for i, c in self.catalog.checklists.items() if not c.builtin]
                others = [i for i in self.catalog.checklists if i not in own]
                hint = (
                    suggest(statement.lesson, own, others)
                    if self.catalog.checklists
                    else "no checklist is loaded: a statement's lesson is a checklist id"
                )
            self._statement_problem(statement, ("lesson",), message, hint)
        pulse.statements = kept
        if not kept:
            self.catalog.pulse = None  # every lesson it spoke to was left out

    def _statement_problem(
        self, statement: Statement, sub: tuple[str | int, ...], message: str, hint: str
    ) -> None:
        if statement.doc is not None:
            self.problems.append(statement.doc.problem((*statement.path, *sub), message, hint))

    def _check_counters(self) -> None:
        """Each `checklist/item` an anti-pattern names must exist; an item's or a
        checklist's former id is accepted and stored as the current one."""
        for antipattern in self.catalog.antipatterns.values():
            kept: list[str] = []
            for ref in antipattern.counters:
                cid, _, iid = ref.partition("/")
                checklist = self.catalog.checklist_named(cid)
                if checklist is None:
                    if antipattern.builtin:
                        continue  # a link into a checklist the team left out disappears
                    if cid in self.exclude:
                        message = f"checklist `{cid}` of `{ref}` is excluded"
                        hint = f"remove `{ref}` or take `{cid}` out of `exclude`"
                    else:
                        close = did_you_mean(cid, self.catalog.checklists)
                        message = f"unknown checklist `{cid}` in `{ref}`"
                        hint = close or f"no checklist has the id `{cid}`"
                    self._ref_problem(antipattern, "counters", ref, message, hint)
                    continue
                item = next((i for i in checklist.items if iid == i.id or iid in i.aliases), None)
                if item is None and antipattern.builtin:
                    continue  # the team replaced the checklist with its own items
                if item is None:
                    close = did_you_mean(iid, [i.id for i in checklist.items])
                    first = checklist.items[0].id
                    self._ref_problem(
                        antipattern,
                        "counters",
                        ref,
                        f"checklist `{checklist.id}` has no item `{iid}`",
                        close.replace("`", f"`{checklist.id}/", 1)
                        if close
                        else f"name one of its items, e.g. `{checklist.id}/{first}`",
                    )
                    continue
                current = f"{checklist.id}/{item.id}"
                if current not in kept:
                    kept.append(current)
            antipattern.counters = kept

    def _check_references(self) -> None:
        pairs: list[tuple[Checklist | AntiPattern, str, dict[str, Any], str]] = [
            (c, "antipatterns", self.catalog.antipatterns, "anti-pattern")
            for c in self.catalog.checklists.values()
        ]
        pairs += [
            (a, "checklists", self.catalog.checklists, "checklist")
            for a in self.catalog.antipatterns.values()
        ]
        for entry, field_name, targets, noun in pairs:
            refs: list[str] = getattr(entry, field_name)
            kept = []
            for ref in refs:
                renamed = self.catalog.checklist_named(ref) if noun == "checklist" else None
                if ref in targets:
                    kept.append(ref)
                elif renamed is not None:  # a former id (alias) of a renamed checklist
                    kept.append(renamed.id)
                    if not entry.builtin and entry.doc is not None:
                        self._renamed_note(
                            entry.doc, _ref_path(entry, field_name, ref), ref, renamed.id
                        )
                elif entry.builtin or ref in self.exclude:
                    # A link into content the team left out simply disappears.
                    if not entry.builtin:
                        self._ref_problem(
                            entry,
                            field_name,
                            ref,
                            f"{noun} `{ref}` is excluded",
                            f"remove `{ref}` or take it out of `exclude`",
                        )
                else:
                    own = [i for i, target in targets.items() if not target.builtin]
                    hint = (
                        suggest(ref, own, [i for i in targets if i not in own])
                        if targets
                        else f"no {noun} has the id `{ref}`"
                    )
                    self._ref_problem(entry, field_name, ref, f"unknown {noun} `{ref}`", hint)
            setattr(entry, field_name, kept)

    def _ref_problem(
        self, entry: Checklist | AntiPattern, field_name: str, ref: str, message: str, hint: str
    ) -> None:
        if entry.doc is not None:
            self.problems.append(
                entry.doc.problem(_ref_path(entry, field_name, ref), message, hint)
            )

    def _item_problem(
        self, item: Item, sub: tuple[str | int, ...], message: str, hint: str
    ) -> None:
        if item.doc is not None:
            self.problems.append(item.doc.problem((*item.path, *sub), message, hint))


def _ref_path(entry: Checklist | AntiPattern, field_name: str, ref: str) -> JsonPath:
    """Where a reference is written: its entry in the list, else the list."""
    raw = entry.doc.data.get(field_name, []) if entry.doc is not None else []
    return (field_name, raw.index(ref)) if ref in raw else (field_name,)


def _twice(doc: Document, path: JsonPath, ident: str, checklist: str, first: str) -> Problem:
    return doc.problem(
        (*path, "id"),
        f"item id `{ident}` is used twice in checklist `{checklist}` (first at {first})",
        "item ids must be unique within a checklist",
    )


_Claimant = TypeVar("_Claimant", Checklist, Item)


def _claim(claimed: dict[str, _Claimant], alias: str, owner: _Claimant) -> _Claimant | None:
    """Records the first owner of an id (or former id); returns that earlier owner when it is
    another one: an id names one item, and progress stored under a former id moves to one."""
    first = claimed.setdefault(alias, owner)
    return first if first is not owner else None


_Entry = TypeVar("_Entry", Item, Statement)


def _alias_clashes(
    entries: Sequence[_Entry], owners: Mapping[str, _Entry], kind: str
) -> Iterator[tuple[_Entry, int, str, str]]:
    """Former ids (aliases) of items or statements that clash: one that an entry uses as its id
    now, or one a second entry claims too (progress under a former id moves to one place).
    Yields each clashing entry, the alias's index, the message and the hint."""
    claimed: dict[str, _Entry] = {}
    for entry in entries:
        for n, alias in enumerate(entry.aliases):
            if alias in owners:
                article = "an" if kind[0] in "aeiou" else "a"
                yield (
                    entry,
                    n,
                    f"alias `{alias}` is also the id of {article} {kind} at {_at(owners[alias])}",
                    f"an alias names a former id that no {kind} uses now",
                )
            elif (earlier := claimed.setdefault(alias, entry)) is not entry:
                yield (
                    entry,
                    n,
                    f"alias `{alias}` is also claimed by {kind} `{earlier.id}` at {_at(earlier)}",
                    f"each former id can move to one {kind} only",
                )


def _claimed_twice(alias: str, first: Checklist | Item, former: str) -> tuple[str, str]:
    """The message and hint for a former id that a second checklist or item claims."""
    kind, at = ("item", _at(first)) if isinstance(first, Item) else ("checklist", _entry_at(first))
    return (
        f"alias `{alias}` is also claimed by {kind} `{first.id}` at {at}",
        f"each former {former} can move to one {kind} only",
    )


def _reserved_page(ident: str) -> str:
    if ident == rules.DASHBOARD_PAGE:
        return "the dashboard page (readers' export, import, backups and closing a quarter)"
    if ident == rules.ANTIPATTERN_FOLDER:
        return "the anti-patterns' folder"
    if ident == rules.PULSE_FOLDER:
        return "the team pulse's folder"
    return f"the page `{ident}`"


def _section(doc: Document, index: int, raw: dict[str, Any]) -> Section:
    path = ("sections", index)
    items = [
        Item.from_data(item, doc=doc, path=(*path, "items", n))
        for n, item in enumerate(raw["items"])
    ]
    section: Section = Section.from_data(
        raw,
        id=raw.get("id") or rules.slugify(raw["title"], fallback=f"section-{index + 1}"),
        items=items,
        doc=doc,
        path=path,
    )
    return section


def _entry_at(entry: Checklist | AntiPattern) -> str:
    if entry.doc is None:
        return "?"
    line, column = entry.doc.where(("id",))
    return f"{entry.doc.path}:{line}:{column}"


def _at(item: Item | Statement) -> str:
    if item.doc is None:
        return "?"
    line, column = item.doc.where(item.path)
    return f"{item.doc.path}:{line}:{column}"
