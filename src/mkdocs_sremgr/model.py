"""The one data model every consumer reads: pages, markers, manifest and CLI."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from mkdocs_sremgr.yamlload import Document, JsonPath

CADENCE_DAYS = {"weekly": 7, "monthly": 31, "quarterly": 92, "yearly": 366}


def fingerprint(text: str) -> str:
    """Short digest of an item's wording: a changed wording flags earlier ticks for review."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class Reading:
    title: str
    author: str = ""
    url: str = ""
    note: str = ""


@dataclass
class Item:
    id: str
    text: str
    details: str = ""
    weight: float = 1
    aliases: tuple[str, ...] = ()
    doc: Document | None = field(default=None, repr=False, compare=False)
    path: JsonPath = ()

    @cached_property
    def fp(self) -> str:  # read by the page, the manifest and the report: hashed once
        return fingerprint(self.text)


@dataclass
class Section:
    id: str
    title: str
    items: list[Item]
    doc: Document | None = field(default=None, repr=False, compare=False)
    path: JsonPath = ()


@dataclass
class Checklist:
    id: str
    title: str
    sections: list[Section]
    lesson: str = ""
    summary: str = ""
    cadence: str = "quarterly"
    tags: list[str] = field(default_factory=list)
    antipatterns: list[str] = field(default_factory=list)
    further_reading: list[Reading] = field(default_factory=list)
    order: int | None = None
    builtin: bool = False
    doc: Document | None = field(default=None, repr=False, compare=False)

    kind = "checklist"

    @property
    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    def markdown_fields(self) -> list[tuple[str, bool]]:
        """The Markdown its page shows, as (text, inline): converted together, ahead of time."""
        fields = [(self.lesson, True), (self.summary, False)]
        for section in self.sections:
            fields.append((section.title, True))
            for item in section.items:
                fields += [(item.text, True), (item.details, False)]
        return fields + [(book.note, True) for book in self.further_reading]


@dataclass
class AntiPattern:
    id: str
    title: str
    summary: str
    symptoms: list[str]
    instead: list[str]
    why_it_hurts: str = ""
    checklists: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    further_reading: list[Reading] = field(default_factory=list)
    order: int | None = None
    builtin: bool = False
    doc: Document | None = field(default=None, repr=False, compare=False)

    kind = "antipattern"

    def markdown_fields(self) -> list[tuple[str, bool]]:
        """The Markdown its page shows, as (text, inline): converted together, ahead of time."""
        return [
            (self.summary, False),
            (self.why_it_hurts, False),
            *((symptom, True) for symptom in self.symptoms),
            *((step, True) for step in self.instead),
            *((book.note, True) for book in self.further_reading),
        ]


def sort_key(entry: Checklist | AntiPattern) -> tuple[int, str]:
    return (entry.order if entry.order is not None else 1_000_000, entry.title.lower())


@dataclass
class Catalog:
    """Every checklist and anti-pattern of a handbook, after merging, checked and linked."""

    checklists: dict[str, Checklist] = field(default_factory=dict)
    antipatterns: dict[str, AntiPattern] = field(default_factory=dict)

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

    def tags(self) -> list[str]:
        return sorted({tag for c in self.checklists.values() for tag in c.tags})


def readings(data: list[dict[str, Any]] | None) -> list[Reading]:
    return [Reading(**entry) for entry in data or []]
