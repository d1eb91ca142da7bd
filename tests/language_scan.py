"""Finds English strings of ours in what a translated site shows (tests/test_languages.py and
tests/browser/test_languages_browser.py).

Each English catalog value is cut at its placeholders into literal fragments; a fragment that
the translation does not share (say "Mark reviewed today", "Overall:", "items") is searched as
whole words in the visible text of the `.sremgr` elements (text, `title`, `aria-label`,
`placeholder`). Test sites use content in the site's language, so any hit is our UI speaking
English.
"""

from __future__ import annotations

import re
import string
from html.parser import HTMLParser

from mkdocs_sremgr.i18n import DEFAULT_LANGUAGE, Strings, _read

VISIBLE_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")


def _texts(entry: str | dict[str, str]) -> list[str]:
    return list(entry.values()) if isinstance(entry, dict) else [entry]


def _fragments(text: str) -> list[str]:
    parts = [literal for literal, *_ in string.Formatter().parse(text)]
    # Word-ish fragments only: punctuation and "·" alone say nothing about a language.
    return [p.strip(" ·,.:;()*-#—–") for p in parts if re.search(r"[A-Za-z]{2}", p)]


def english_fragments(language: str) -> dict[str, str]:
    """fragment -> key: English text a page in `language` must not show."""
    english, translated = _read(DEFAULT_LANGUAGE), Strings(language).entries
    theirs = " ".join(t for entry in translated.values() for t in _texts(entry))
    found: dict[str, str] = {}
    for key, entry in english.items():
        for text in _texts(entry):
            for fragment in _fragments(text):
                if not re.search(r"[A-Za-z]{2}", fragment):
                    continue
                if re.search(rf"(?<!\w){re.escape(fragment)}(?!\w)", theirs):
                    continue  # the same in both languages ("Markdown", a file name)
                found.setdefault(fragment, key)
    return found


def english_in(texts: list[str], language: str) -> list[tuple[str, str, str]]:
    """(key, fragment, text) for every English fragment found in `texts`."""
    hits = []
    fragments = english_fragments(language)
    for text in texts:
        for fragment, key in fragments.items():
            if re.search(rf"(?<!\w){re.escape(fragment)}(?!\w)", text):
                hits.append((key, fragment, text))
    return hits


class _Collector(HTMLParser):
    """Visible text and attributes inside elements whose class list holds `sremgr`."""

    VOID = frozenset({"input", "br", "img", "hr", "meta", "link", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # open elements since the outermost .sremgr one
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if (
            self.depth == 0
            and "sremgr" not in classes
            and not any(c.startswith("sremgr-") for c in classes)
        ):
            return
        self.texts += [str(values[a]) for a in VISIBLE_ATTRIBUTES if values.get(a)]
        if tag not in self.VOID:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in self.VOID:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and data.strip():
            self.texts.append(data.strip())


def sremgr_texts(html: str) -> list[str]:
    collector = _Collector()
    collector.feed(html)
    return collector.texts
