"""The plugin's options, validated by MkDocs before any hook runs."""

from __future__ import annotations

import difflib
import string

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from mkdocs_sremgr.i18n import english_entries, is_language_table


class SremgrConfig(base.Config):  # type: ignore[no-untyped-call]
    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it (e.g. `enabled: !ENV [SREMGR, true]`)."""
    checklists_dir = c.Type(str, default="checklists")
    """Folder under `docs_dir` holding the team's checklist and anti-pattern YAML files."""
    builtin = c.Type(bool, default=True)
    """Include the pack of checklists and anti-patterns shipped with the plugin."""
    exclude = c.ListOfItems(c.Type(str), default=[])
    """Ids of built-in checklists or anti-patterns to leave out."""
    url_prefix = c.Type(str, default="handbook/")
    """Where generated pages live in the site, e.g. `handbook/` gives `/handbook/be-on-call/`."""
    nav_section = c.Optional(c.Type(str))
    """Title of the nav section holding generated pages (when `mkdocs.yml` has no `nav`);
    default: "Handbook" in the site's language."""
    language = c.Optional(c.Type(str))
    """Language of every string a reader sees (`de`, `pt-BR`, …); default: the theme's
    (`theme.language` in Material, `theme.locale` in the default theme), else English."""
    strings = c.Type(dict, default={})
    """Single strings to replace, by key, for every language or under a language's own table
    (see docs/configuration.md, "Languages")."""
    dashboard = c.Type(bool, default=True)
    """Generate a dashboard page with every checklist's progress."""
    # A number too: `!ENV [MIKE_DOCS_VERSION]` reads version "1.0" as YAML, a float.
    storage_namespace = c.Optional(c.Type((str, int, float)))
    """Name of this handbook's browser storage; default: from `site_url` path and `site_name`."""
    fiscal_year_start = c.Choice(list(range(1, 13)), default=1)
    """Month (1-12) in which your year starts; quarters are counted from it."""

    def validate(self):  # type: ignore[no-untyped-def]
        failed, warnings = super().validate()
        if failed:
            return failed, warnings
        for name, example in (("checklists_dir", "checklists"), ("url_prefix", "handbook/")):
            value = self[name]
            problem = folder_problem(value, absolute_ok=name == "url_prefix")
            if problem:
                message = f"{problem}; it must be a relative folder such as '{example}'"
                failed.append((name, ValidationError(message)))
            else:
                cleaned = value.strip("/")
                self[name] = cleaned + "/" if name == "url_prefix" else cleaned
        if isinstance(self.get("strings"), dict):
            strings_failed, strings_warnings = check_strings(self["strings"])
            failed += strings_failed
            warnings += strings_warnings
        return failed, warnings


#: A folder name longer than this is refused before the file system refuses it mid-build.
MAX_FOLDER_PART = 100
MAX_FOLDER = 200


def folder_problem(value: str, *, absolute_ok: bool = False) -> str:
    """Why `value` cannot be a folder inside docs_dir or the site, or an empty string.

    The checklists folder must be a real subfolder of docs_dir: "" or "." would make every
    page's folder a checklist folder (and "/" the whole file system); ".." leaves docs_dir.
    """
    cleaned = value.strip().strip("/")
    if value.startswith("/") and cleaned and not absolute_ok:
        return f"'{value}' is an absolute path; it must be relative to docs_dir"
    parts = cleaned.split("/")
    if not cleaned or cleaned == "." or all(p in ("", ".") for p in parts):
        return f"'{value}' names no folder of its own"
    if ".." in parts or "\\" in cleaned or ":" in parts[0]:
        return f"'{value}' must stay inside docs_dir (no '..', no drive, no backslash)"
    if not cleaned.isprintable():
        return f"{value!r} holds control characters"
    if len(cleaned) > MAX_FOLDER or any(len(p) > MAX_FOLDER_PART for p in parts):
        return f"'{value[:40]}...' is too long ({len(cleaned)} characters)"
    return ""


def check_strings(overrides: dict, within: str = "") -> tuple[list, list]:  # type: ignore[type-arg]
    """`strings:` overrides: a text (or a plural table) per known key, same placeholders; or
    one language's own table of them (`de: {…}`), checked the same way.

    An unknown key is a warning with the nearest known ones (a typo should not break a
    build, but must not pass unseen); a value of the wrong shape fails the build.
    """
    failed: list[tuple[str, Exception]] = []
    warnings: list[tuple[str, str]] = []
    english = english_entries()
    for key, value in overrides.items():
        key = str(key)
        if not within and is_language_table(key, value):
            inner_failed, inner_warnings = check_strings(dict(value), within=f"{key}: ")
            failed += inner_failed
            warnings += inner_warnings
            continue
        if key not in english:
            near = difflib.get_close_matches(key, list(english), n=3)
            hint = f"; did you mean {' or '.join(f'`{n}`' for n in near)}?" if near else ""
            warnings.append(("strings", f"{within}`{key}` is no string of mkdocs-sremgr{hint}"))
            continue
        texts = list(value.values()) if isinstance(value, dict) else [value]
        if not texts or not all(isinstance(text, str) for text in texts):
            failed.append(
                (
                    "strings",
                    ValidationError(
                        f"{within}`{key}` must be a text, or a table of plural forms "
                        "(`one:`, `other:`) of texts"
                    ),
                )
            )
            continue
        unknown = _placeholders(texts) - _placeholders(_texts(english[key]))
        if unknown:
            names = ", ".join(f"{{{name}}}" for name in sorted(unknown))
            warnings.append(
                ("strings", f"{within}`{key}` uses {names}, which this string never fills")
            )
    return failed, warnings


def _texts(entry: str | dict[str, str]) -> list[str]:
    return list(entry.values()) if isinstance(entry, dict) else [entry]


def _placeholders(texts: list[str]) -> set[str]:
    try:
        return {name for text in texts for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:  # a stray brace: shown as written (see i18n.Strings)
        return set()
