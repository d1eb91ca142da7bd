"""The one data model every consumer reads: pages, markers, manifest, CLI and report.

The model owns the file format beyond its shape (the JSON Schema): each field's default,
and how its text is shown, declared once on the field:

- `PLAIN`: one line of text, always escaped (titles, tags, names). Never Markdown, never HTML.
- `INLINE`: one line of Markdown (item text, lessons); raw HTML passes, as in any MkDocs page.
- `BLOCK`: Markdown paragraphs, lists, admonitions (summaries, details); raw HTML passes.

Everything else reads these declarations: the loader's checks (one line, length, pathological
Markdown), the renderer's ahead-of-time conversion (`markdown_fields`), and what the browser
gets (`browser_data` for the manifest, `data_attributes` for the page). Adding an optional
text field to items is: the schema, a field here, and the template that shows it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import MISSING, Field, dataclass, field, fields
from functools import cached_property
from html import escape
from typing import Any, ClassVar

from markupsafe import Markup

from mkdocs_sremgr import rules
from mkdocs_sremgr.yamlload import Document, JsonPath

PLAIN, INLINE, BLOCK = "plain", "inline", "block"

#: The longest text each kind of field may hold. Python-Markdown slows down badly on some
#: input (unclosed links); with these limits and `loader.MAX_STRAY_BRACKETS` a hostile file
#: still builds in a second or two.
MAX_LENGTH = {PLAIN: 300, INLINE: 2000, BLOCK: 20000}


def text_field(kind: str, *, default: Any = MISSING, many: bool = False) -> Any:
    """A field holding text of `kind` (or a list of such texts when `many`)."""
    meta = {"text": kind, "many": many}
    if many:
        return field(default_factory=list, metadata=meta)
    if default is MISSING:
        return field(metadata=meta)
    return field(default=default, metadata=meta)


def nested(cls: type, *, default_factory: Any = list) -> Any:
    """A field holding a list of another model class (sections, items, readings)."""
    return field(default_factory=default_factory, metadata={"of": cls})


def fingerprint(text: str) -> str:
    """Short digest of an item's wording: a changed wording flags earlier ticks for review."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:8]


class Model:
    """What every entry class shares: building from YAML data, walking its text fields."""

    #: (name, data-sremgr-* attribute) of what the browser needs, in order.
    BROWSER: ClassVar[tuple[tuple[str, str], ...]] = ()

    @classmethod
    def from_data(cls, raw: dict[str, Any], **given: Any) -> Any:
        """An entry from schema-valid data; a key left out takes the field's default."""
        values: dict[str, Any] = {}
        for name, nested_cls, as_tuple in _data_specs(cls):
            if name in given or name not in raw:
                continue
            value = raw[name]
            if nested_cls is not None:
                value = [nested_cls.from_data(entry) for entry in value]
            elif type(value) is list:
                value = tuple(value) if as_tuple else list(value)
            values[name] = value
        return cls(**values, **given)

    @classmethod
    def text_specs(cls) -> tuple[Field[Any], ...]:
        return _text_specs(cls)

    def markdown_fields(self) -> list[tuple[str, bool]]:
        """The Markdown its page shows, as (text, inline): converted together, ahead of time."""
        out: list[tuple[str, bool]] = []
        self._collect_markdown(out)
        return out

    def _collect_markdown(self, out: list[tuple[str, bool]]) -> None:
        for name, nested, inline, many in _markdown_specs(type(self)):
            value = getattr(self, name)
            if nested:
                for child in value:
                    child._collect_markdown(out)
            elif many:
                out += [(text, inline) for text in value]
            else:
                out.append((value, inline))

    def browser_data(self) -> dict[str, Any]:
        """What the browser script needs of this entry, by field name (the manifest's keys)."""
        return {name: _json_ready(getattr(self, name)) for name, _ in self.BROWSER}

    def data_attributes(self) -> Markup:
        """`browser_data` as the page's data-sremgr-* attributes; a default is left out.

        Runs once per item of every page: the per-class lookups are done once."""
        parts = []
        for name, prefix, default in _attribute_specs(type(self)):
            value = getattr(self, name)
            if value == default or (not value and value != 0):
                continue
            if type(value) is list or type(value) is tuple:
                value = " ".join(value)
            elif type(value) is float:
                value = f"{value:g}"
            parts.append(f'{prefix}{escape(str(value))}"')
        return Markup("".join(parts))


_NO_DEFAULT = object()
_ATTRIBUTE_SPECS: dict[type, tuple[tuple[str, str, Any], ...]] = {}


def _attribute_specs(cls: type[Model]) -> tuple[tuple[str, str, Any], ...]:
    """(field, ' data-sremgr-x="', default) for each of `cls.BROWSER`; the id is always
    written (no default)."""
    if cls not in _ATTRIBUTE_SPECS:
        defaults = _defaults(cls)
        _ATTRIBUTE_SPECS[cls] = tuple(
            (
                name,
                f' data-sremgr-{attribute}="',
                _NO_DEFAULT if name == "id" else defaults.get(name, _NO_DEFAULT),
            )
            for name, attribute in cls.BROWSER
        )
    return _ATTRIBUTE_SPECS[cls]


_DATA_SPECS: dict[type, tuple[tuple[str, Any, bool], ...]] = {}
_MARKDOWN_SPECS: dict[type, tuple[tuple[str, bool, bool, bool], ...]] = {}


def _data_specs(cls: type) -> tuple[tuple[str, Any, bool], ...]:
    """(name, nested model class or None, list read as tuple) of each field from_data fills;
    sections are built by the loader (their ids and positions need the document)."""
    if cls not in _DATA_SPECS:
        _DATA_SPECS[cls] = tuple(
            (
                spec.name,
                None if spec.metadata.get("of") in (None, Section) else spec.metadata["of"],
                spec.default == (),
            )
            for spec in fields(cls)
            if spec.init
        )
    return _DATA_SPECS[cls]


def _markdown_specs(cls: type) -> tuple[tuple[str, bool, bool, bool], ...]:
    """(name, nested, inline, many) of each field holding Markdown or nested entries."""
    if cls not in _MARKDOWN_SPECS:
        _MARKDOWN_SPECS[cls] = tuple(
            (
                spec.name,
                "of" in spec.metadata,
                spec.metadata.get("text") == INLINE,
                bool(spec.metadata.get("many")),
            )
            for spec in _text_specs(cls)
            if spec.metadata.get("text") != PLAIN
        )
    return _MARKDOWN_SPECS[cls]


_TEXT_SPECS: dict[type, tuple[Field[Any], ...]] = {}
_DEFAULTS: dict[type, dict[str, Any]] = {}


def _text_specs(cls: type) -> tuple[Field[Any], ...]:
    """The fields of `cls` holding text or nested entries (looked up once per class)."""
    if cls not in _TEXT_SPECS:
        _TEXT_SPECS[cls] = tuple(
            spec for spec in fields(cls) if "text" in spec.metadata or "of" in spec.metadata
        )
    return _TEXT_SPECS[cls]


def _defaults(cls: type) -> dict[str, Any]:
    if cls not in _DEFAULTS:
        _DEFAULTS[cls] = {spec.name: spec.default for spec in fields(cls)}
    return _DEFAULTS[cls]


def _json_ready(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def walk_texts(cls: type[Model], raw: Any, path: JsonPath = ()) -> Iterator[tuple[JsonPath, str]]:
    """(path, kind) of every text field in schema-valid `raw` data of `cls`."""
    if not isinstance(raw, dict):
        return
    for spec in cls.text_specs():
        if spec.name not in raw:
            continue
        value, here = raw[spec.name], (*path, spec.name)
        if "of" in spec.metadata:
            for n, child in enumerate(value if isinstance(value, list) else []):
                yield from walk_texts(spec.metadata["of"], child, (*here, n))
        elif spec.metadata["many"]:
            for n, _ in enumerate(value if isinstance(value, list) else []):
                yield (*here, n), spec.metadata["text"]
        else:
            yield here, spec.metadata["text"]


@dataclass(frozen=True)
class Reading(Model):
    title: str = text_field(PLAIN)
    author: str = text_field(PLAIN, default="")
    url: str = text_field(PLAIN, default="")
    note: str = text_field(INLINE, default="")


@dataclass
class Item(Model):
    id: str
    text: str = text_field(INLINE)
    details: str = text_field(BLOCK, default="")
    #: Where to check the tick (the paging tool, the calendar, the tracker): shown in
    #: "Why and how" and in the full Markdown list. Not part of the fingerprint: naming
    #: the evidence does not change what was ticked.
    evidence: str = text_field(INLINE, default="")
    weight: float = rules.DEFAULT_WEIGHT
    #: Former ids: `old-item` in this checklist, `old-checklist/old-item` for a moved item.
    aliases: tuple[str, ...] = ()
    doc: Document | None = field(default=None, repr=False, compare=False)
    path: JsonPath = ()

    BROWSER = (("id", "item"), ("fp", "fp"), ("weight", "weight"), ("aliases", "aliases"))

    @cached_property
    def fp(self) -> str:  # read by the page, the manifest and the report: hashed once
        return fingerprint(self.text)


@dataclass
class Section(Model):
    id: str
    title: str = text_field(INLINE)
    items: list[Item] = nested(Item)
    doc: Document | None = field(default=None, repr=False, compare=False)
    path: JsonPath = ()


@dataclass
class Checklist(Model):
    id: str
    title: str = text_field(PLAIN)
    sections: list[Section] = nested(Section)
    lesson: str = text_field(INLINE, default="")
    summary: str = text_field(BLOCK, default="")
    cadence: str = "quarterly"
    tags: list[str] = text_field(PLAIN, many=True)
    aliases: tuple[str, ...] = ()
    antipatterns: list[str] = field(default_factory=list)
    further_reading: list[Reading] = nested(Reading)
    order: int | None = None
    builtin: bool = False
    doc: Document | None = field(default=None, repr=False, compare=False)

    kind: ClassVar[str] = "checklist"
    BROWSER = (
        ("id", "checklist"),
        ("title", "title"),
        ("cadence", "cadence"),
        ("aliases", "checklist-aliases"),
    )

    @property
    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    def former_anchors(self, item: Item) -> list[str]:
        """Anchors under an item's former ids (`#sremgr-<checklist>--<alias>`), so a link to a
        renamed item still lands on it; none that another element's id already has."""
        taken = {f"{other.id}-text" for other in self.items}
        return [f"sremgr-{self.id}--{alias}" for alias in item.aliases if alias not in taken]


@dataclass
class AntiPattern(Model):
    id: str
    title: str = text_field(PLAIN)
    summary: str = text_field(BLOCK)
    symptoms: list[str] = text_field(INLINE, many=True)
    instead: list[str] = text_field(INLINE, many=True)
    why_it_hurts: str = text_field(BLOCK, default="")
    checklists: list[str] = field(default_factory=list)
    #: The items that counter it, `checklist-id/item-id`; after loading, each names a
    #: current checklist and item id (an alias it used is resolved).
    counters: list[str] = field(default_factory=list)
    tags: list[str] = text_field(PLAIN, many=True)
    further_reading: list[Reading] = nested(Reading)
    order: int | None = None
    builtin: bool = False
    doc: Document | None = field(default=None, repr=False, compare=False)

    kind: ClassVar[str] = "antipattern"


@dataclass
class Statement(Model):
    """One statement of a team pulse, rated from 1 (strongly disagree) to 5, or "don't know"."""

    id: str
    #: Plain text in the team's words: its fingerprint is what answer files carry.
    text: str = text_field(PLAIN)
    #: The id of the checklist it speaks to; after loading, a current one (an alias resolved).
    lesson: str = ""
    #: Former ids of this statement in this pulse.
    aliases: tuple[str, ...] = ()
    doc: Document | None = field(default=None, repr=False, compare=False)
    path: JsonPath = ()

    BROWSER = (("id", "statement"), ("fp", "fp"), ("lesson", "lesson"), ("aliases", "aliases"))

    @cached_property
    def fp(self) -> str:
        return fingerprint(self.text)

    def manifest_entry(self) -> dict[str, Any]:
        """What the dashboard and `report --pulse` read: `pulse.pulse_view`'s statements."""
        return {
            "id": self.id,
            "fp": self.fp,
            "lesson": self.lesson,
            "text": self.text,
            "aliases": list(self.aliases),
        }


@dataclass
class Pulse(Model):
    """A team pulse: statements a team member rates in their own browser (docs/pulse.md)."""

    id: str
    title: str = text_field(PLAIN)
    intro: str = text_field(BLOCK, default="")
    statements: list[Statement] = nested(Statement)
    builtin: bool = False
    doc: Document | None = field(default=None, repr=False, compare=False)

    kind: ClassVar[str] = "pulse"
    tags: ClassVar[tuple[str, ...]] = ()


#: Which model class describes a document of each schema kind.
ENTRY_CLASSES: dict[str, type[Model]] = {
    "checklist": Checklist,
    "extension": Checklist,
    "antipattern": AntiPattern,
    "pulse": Pulse,
}


def sort_key(entry: Checklist | AntiPattern) -> tuple[int, str]:
    return (entry.order if entry.order is not None else 1_000_000, entry.title.lower())


@dataclass
class Catalog:
    """Every checklist and anti-pattern of a handbook, after merging, checked and linked."""

    checklists: dict[str, Checklist] = field(default_factory=dict)
    antipatterns: dict[str, AntiPattern] = field(default_factory=dict)
    #: The team pulse, if the handbook has one (at most one: answers are counted per
    #: handbook and quarter, docs/pulse.md).
    pulse: Pulse | None = None

    def sorted_checklists(self) -> list[Checklist]:
        return sorted(self.checklists.values(), key=sort_key)

    def sorted_antipatterns(self) -> list[AntiPattern]:
        return sorted(self.antipatterns.values(), key=sort_key)

    def antipatterns_for(self, checklist: Checklist) -> list[AntiPattern]:
        """Anti-patterns linked either way: named by the checklist or naming it."""
        ids = set(checklist.antipatterns) | {
            a.id for a in self.antipatterns.values() if checklist.id in a.checklists
        }
        return sorted((self.antipatterns[i] for i in ids if i in self.antipatterns), key=sort_key)

    def checklists_for(self, antipattern: AntiPattern) -> list[Checklist]:
        ids = set(antipattern.checklists) | {
            c.id for c in self.checklists.values() if antipattern.id in c.antipatterns
        }
        return sorted((self.checklists[i] for i in ids if i in self.checklists), key=sort_key)

    def counter_items(self, antipattern: AntiPattern) -> list[tuple[Checklist, Item]]:
        """The items named in `antipattern.counters`, in its order, that exist."""
        out = []
        for ref in antipattern.counters:
            cid, _, iid = ref.partition("/")
            checklist = self.checklists.get(cid)
            item = next((i for i in checklist.items if i.id == iid), None) if checklist else None
            if checklist is not None and item is not None:
                out.append((checklist, item))
        return out

    def countered_by(self, checklist: Checklist) -> dict[str, list[AntiPattern]]:
        """Item id -> the anti-patterns whose `counters` name it."""
        out: dict[str, list[AntiPattern]] = {}
        for antipattern in self.sorted_antipatterns():
            for ref in antipattern.counters:
                cid, _, iid = ref.partition("/")
                if cid == checklist.id:
                    out.setdefault(iid, []).append(antipattern)
        return out

    def checklist_named(self, ident: str) -> Checklist | None:
        """The checklist with this id, or the one that was renamed from it (an alias)."""
        found = self.checklists.get(ident)
        if found is None:
            found = next((c for c in self.checklists.values() if ident in c.aliases), None)
        return found
