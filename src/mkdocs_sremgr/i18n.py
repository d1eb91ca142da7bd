"""Every string a reader sees, from one catalog per language.

Catalogs are JSON files in `locales/` named by language (`en.json`, `de.json`, …). English is
complete by definition; a test fails when another catalog misses a key or a placeholder. A
site picks its language with the plugin's `language` option or, by default, the theme's
(`theme.language` in Material, `theme.locale` in the default theme), and can override single
strings with the plugin's `strings` option. The browser gets the same catalog, so templates,
scripts, nav labels and notices always speak one language.

A value is a string with `{name}` placeholders, or a plural table (`{"one": …, "other": …}`)
chosen by the count's CLDR plural category.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib.resources import files as package_files
from typing import Any

DEFAULT_LANGUAGE = "en"

#: CLDR plural categories ("one"/"other") for the shipped languages; anything else uses "other".
_ONE_IS_ZERO_OR_ONE = frozenset({"fr", "pt"})
_NO_PLURAL = frozenset({"ja", "zh", "ko"})

Entry = str | dict[str, str]


class UnknownLanguage(ValueError):
    """A language for which no catalog ships."""


def available_languages() -> list[str]:
    """The languages that ship a catalog, e.g. ["de", "en", …]."""
    folder = package_files("mkdocs_sremgr").joinpath("locales")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".json"))


@cache
def _read(language: str) -> dict[str, Entry]:
    path = package_files("mkdocs_sremgr").joinpath("locales", f"{language}.json")
    data: dict[str, Entry] = json.loads(path.read_text(encoding="utf-8"))
    return data


def english_entries() -> dict[str, Entry]:
    """Every key with its English text: the list of what a site may override."""
    return dict(_read(DEFAULT_LANGUAGE))


def theme_language(theme: Any) -> str | None:
    """The language a theme was set to: `language` (Material) or `locale` (MkDocs' themes)."""
    for name in ("language", "locale"):
        value = theme.get(name) if hasattr(theme, "get") else None
        if value:
            return str(value)
    return None


def language_tag(requested: str) -> str:
    """A language tag as we compare them: "de_AT" and "de-AT" are both "de-at"."""
    return requested.replace("_", "-").lower()


def resolve_language(requested: str | None) -> str:
    """The shipped catalog for a language tag: "de", "de-AT" and "de_AT" all give "de".

    Unknown languages fall back to English (a theme may support more languages than we do).
    """
    if not requested:
        return DEFAULT_LANGUAGE
    tag = language_tag(requested)
    shipped = available_languages()
    if tag in shipped:
        return tag
    base = tag.split("-")[0]
    return base if base in shipped else DEFAULT_LANGUAGE


def is_language_table(key: str, value: object) -> bool:
    """Whether a `strings:` entry is one language's own table (`de: {item.na: …}`): every
    string key has a dot, no language tag has one."""
    return "." not in key and isinstance(value, Mapping)


def overrides_for(
    strings: Mapping[str, Any], requested: str | None, language: str
) -> dict[str, Entry]:
    """A site's `strings:` for one language: the single strings given for every language, then
    the language's own table on top (`de`, then `de-at` for a `de-AT` site). `requested` is
    the tag the site asked for: a language without a shipped catalog (say `it`, whose strings
    stay English) can still be given its own strings this way."""
    tables = {
        language_tag(str(key)): value
        for key, value in strings.items()
        if is_language_table(str(key), value)
    }
    merged: dict[str, Entry] = {
        str(key): value for key, value in strings.items() if not is_language_table(str(key), value)
    }
    tags = [language]
    if requested:
        tag = language_tag(requested)
        tags += [tag.split("-")[0], tag]
    for tag in dict.fromkeys(tags):
        merged.update({str(key): value for key, value in tables.get(tag, {}).items()})
    return merged


def plural_category(language: str, count: float) -> str:
    """The CLDR category ("one" or "other") of `count` in `language`, for the shipped ones."""
    if language in _NO_PLURAL:
        return "other"
    if language in _ONE_IS_ZERO_OR_ONE:
        return "one" if 0 <= count < 2 else "other"
    return "one" if count == 1 else "other"


@dataclass(frozen=True, eq=False)
class Strings:
    """One language's catalog, with a site's overrides on top."""

    language: str = DEFAULT_LANGUAGE
    overrides: Mapping[str, Entry] = field(default_factory=dict)

    @cached_property
    def entries(self) -> dict[str, Entry]:
        """Every key: English, then the language's catalog, then the site's overrides."""
        merged = dict(_read(DEFAULT_LANGUAGE))
        if self.language != DEFAULT_LANGUAGE:
            merged.update(_read(self.language))
        merged.update(self.overrides)
        return merged

    def template(self, key: str, count: float | None = None) -> str:
        """The text of `key` before its placeholders are filled (`count` picks the plural)."""
        entry = self.entries.get(key, key)
        if isinstance(entry, dict):
            category = plural_category(self.language, count if count is not None else 0)
            entry = entry.get(category) or entry.get("other", key)
        return entry

    def __call__(self, key: str, count: float | None = None, **params: Any) -> str:
        """The text of `key` with its placeholders filled (`count` also picks the plural)."""
        return fill(self.template(key, count), count, params)


def fill(text: str, count: float | None, params: dict[str, Any]) -> str:
    """`text` with its `{name}` placeholders filled; `{n}` is the count."""
    if count is not None:
        params.setdefault("n", _number(count))
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text  # an override with a stray brace shows as written rather than failing


def _number(count: float) -> str:
    return str(int(count)) if float(count).is_integer() else f"{count:g}"


# -- the browser's part of the catalog ------------------------------------------------------

#: Keys the per-page script shows (sremgr.js).
PAGE_PREFIXES = (
    "notice.",
    "progress.",
    "section.",
    "note.",
    "reset.",
)
#: The per-page script's rare failure notices. In English they stay out of sremgr.js, which
#: every page loads, and arrive from a data script (`sremgr-notices.js`) only when one is to be
#: shown; a translated site's data script carries them with its other page strings.
RARE_NOTICES = (
    "notice.blocked",
    "notice.newer",
    "notice.moved",
    "notice.partly",
    "notice.movedNoRoom",
    "notice.full",
    "notice.noBackup",
    "notice.dashboardScript",
)
#: The page's data script that holds RARE_NOTICES in English.
NOTICES_FILE = "sremgr-notices.js"
#: Keys only the dashboard's script shows (sremgr-dashboard.js, loaded on demand); the cadence
#: words name a checklist's rhythm in its "due" hint. The checklist page's "since" and "Last
#: reviewed" words come with its template (data attributes), so the script on every page has none.
DASHBOARD_PREFIXES = ("dash.", "md.", "cadence.", "since.")
#: Keys only the team pulse page's script shows (sremgr-pulse.js, on that page only).
PULSE_PREFIXES = ("pulse.js.",)
_PREFIXES = {"page": PAGE_PREFIXES, "dashboard": DASHBOARD_PREFIXES, "pulse": PULSE_PREFIXES}


def browser_keys(part: str) -> list[str]:
    """The English catalog's keys for one script: "page", "dashboard" or "pulse"."""
    prefixes = _PREFIXES[part]
    return [key for key in _read(DEFAULT_LANGUAGE) if key.startswith(prefixes)]


def strings_file(language: str, part: str = "page") -> str:
    """The data script's name under assets/sremgr/, e.g. `strings.de.js`."""
    return f"strings.{language}.js" if part == "page" else f"strings.{language}.{part}.js"


def browser_strings(strings: Strings, part: str) -> dict[str, Entry]:
    """What the browser must be told for one script: the entries that differ from English.

    English ships inside the scripts themselves, so an English site without overrides needs
    no data script at all, and a translated one carries only its own language's text.
    """
    english = _read(DEFAULT_LANGUAGE)
    return {k: strings.entries[k] for k in browser_keys(part) if strings.entries[k] != english[k]}


def strings_scripts(strings: Strings) -> dict[str, str]:
    """Data scripts (file name -> text) giving the browser this site's strings; {} when none.

    `strings.<lang>.js` runs before sremgr.js (the plugin lists it first in extra_javascript)
    and sets `window.sremgrStrings`; it names the dashboard's file, which sremgr.js adds only
    on a page with a dashboard. Data scripts, like manifest.js, load from file:// too.
    """
    page = browser_strings(strings, "page")
    parts = {part: browser_strings(strings, part) for part in ("dashboard", "pulse")}
    if not page and not any(parts.values()) and strings.language == DEFAULT_LANGUAGE:
        return {}
    data: dict[str, Any] = {"lang": strings.language, "strings": page}
    scripts: dict[str, str] = {}
    # The dashboard's and the pulse page's strings: each loaded by its own script, on its page.
    for part, entries in parts.items():
        if not entries:
            continue
        name = strings_file(strings.language, part)
        data[part] = name
        scripts[name] = _assign("Object.assign(window.sremgrStrings.strings,{})", entries)
    scripts[strings_file(strings.language)] = _assign("window.sremgrStrings={}", data)
    return scripts


def _assign(template: str, value: object) -> str:
    # JSON.parse of a string literal, as manifest.js; "</" escaped so it never closes a tag.
    literal = json.dumps(json.dumps(value, ensure_ascii=False), ensure_ascii=False)
    return template.format("JSON.parse(" + literal.replace("</", "<\\/") + ")") + ";\n"
