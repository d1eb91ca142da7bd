"""The one core behind every front door: the options, the files to publish, a marker's HTML.

The handbook reaches an engine through three adapters over this module: the MkDocs plugin
(`plugin.py`: options from `config.py`, files as `File.generated`), the Markdown extension
(`mdext.py`: markers expanded while Zensical converts a page) and `mkdocs-sremgr write-pages`
(`standalone.py`: the files written into docs_dir). So they agree on every rule an option
follows, on the pages' URLs, the storage key and the list of files. No MkDocs import here.
"""

from __future__ import annotations

import difflib
import json
import logging
import posixpath
import string
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from mkdocs_sremgr import markers, pulse, rules
from mkdocs_sremgr.catalog import CatalogLoader
from mkdocs_sremgr.errors import HandbookError, Problem
from mkdocs_sremgr.handbook import Handbook, load_handbook
from mkdocs_sremgr.i18n import (
    Strings,
    english_entries,
    is_language_table,
    overrides_for,
    resolve_language,
    strings_scripts,
)
from mkdocs_sremgr.manifest import build_manifest, manifest_script, storage_key
from mkdocs_sremgr.model import Catalog, Checklist
from mkdocs_sremgr.pages import PagePlan, page_source, page_url, plan_pages
from mkdocs_sremgr.render import MarkdownRenderer, template_env
from mkdocs_sremgr.schema import schema_text

log = logging.getLogger("mkdocs_sremgr")

ASSET_DIR = "assets/sremgr/"
# Built from assets/source by scripts/build_assets.py. Every page links sremgr.js and sremgr.css;
# sremgr.js adds sremgr-dashboard.js itself, only on a page with a dashboard, and
# sremgr-notices.js only to show a rare failure notice. sremgr-redirect.js is the one script of a
# renamed checklist's former address (redirect_outputs).
STATIC_ASSETS = (
    "sremgr.js",
    "sremgr-dashboard.js",
    "sremgr-notices.js",
    "sremgr-redirect.js",
    "sremgr.css",
)
#: Kept in every redirect page (a theme's own `sremgr/redirect.html` too): `write-pages`
#: knows its own pages by it.
REDIRECT_MARK = '<meta name="generator" content="mkdocs-sremgr">'


# -- the rules each option follows ------------------------------------------------------------
# One function per rule. `HandbookOptions.validate` applies them for the Markdown extension
# and write-pages; config.py wraps the same functions as MkDocs config options.

#: A folder name longer than this is refused before the file system refuses it mid-build.
MAX_FOLDER_PART = 100
MAX_FOLDER = 200


class OptionError(HandbookError, ValueError):
    """Options with wrong values: one problem per option, each naming it."""


def folder_problem(value: str, *, absolute_ok: bool = False, outside_ok: bool = False) -> str:
    """Why `value` cannot be a folder inside docs_dir or the site, or an empty string.

    The checklists folder must be a real subfolder of docs_dir: "" or "." would make every
    page's folder a checklist folder (and "/" the whole file system); ".." leaves docs_dir.
    `outside_ok`: a folder that is only read (Zensical's checklists_dir) may be anywhere.
    """
    cleaned = value.strip().strip("/")
    if value.startswith("/") and cleaned and not absolute_ok:
        return f"'{value}' is an absolute path; it must be relative to docs_dir"
    parts = cleaned.split("/")
    if not cleaned or cleaned == "." or all(p in ("", ".") for p in parts):
        return f"'{value}' names no folder of its own"
    if not outside_ok and (".." in parts or "\\" in cleaned or ":" in parts[0]):
        return f"'{value}' must stay inside docs_dir (no '..', no drive, no backslash)"
    if not cleaned.isprintable():
        return f"{value!r} holds control characters"
    if len(cleaned) > MAX_FOLDER or any(len(p) > MAX_FOLDER_PART for p in parts):
        return f"'{value[:40]}...' is too long ({len(cleaned)} characters)"
    return ""


def check_url_prefix(value: object) -> str:
    """`url_prefix` as `team/hb/`: a folder of the site, never outside it."""
    if not isinstance(value, str):
        raise ValueError(f"expected a folder such as 'handbook/', not {_shown(value)}")
    problem = folder_problem(value, absolute_ok=True)
    if problem:
        raise ValueError(f"{problem}; it must be a relative folder such as 'handbook/'")
    return value.strip().strip("/") + "/"


def check_checklists_dir(value: object, *, in_docs: bool = True) -> str:
    """`checklists_dir`: a subfolder of docs_dir for the plugin (`in_docs`), which keeps its
    YAML out of the site; any folder for Zensical, where it should be outside docs_dir."""
    if not isinstance(value, str):
        raise ValueError(f"expected a folder such as 'checklists', not {_shown(value)}")
    problem = folder_problem(value, absolute_ok=not in_docs, outside_ok=not in_docs)
    if problem:
        where = "relative folder" if in_docs else "folder"
        raise ValueError(f"{problem}; it must be a {where} such as 'checklists'")
    cleaned = value.strip()
    return cleaned.strip("/") if in_docs else (cleaned.rstrip("/") or cleaned)


def check_fiscal_year_start(value: object) -> int:
    """The month (1-12) the year starts in; quarters are counted from it."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
        raise ValueError(f"expected a month from 1 to 12, not {_shown(value)}")
    return value


class OptionValueError(ValueError):
    """A wrong option value with a hint (what to write instead)."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


def check_pulse_minimum(value: object) -> int:
    """`pulse_minimum`: how many answers the team pulse needs before it shows anything. Never
    below 3 (pulse.MIN_ANSWERS): a lower value is an error, not quietly raised, so nobody
    believes the pulse shows two people's answers."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise OptionValueError(
            f"expected a whole number of answers, not {_shown(value)}",
            f"write a number such as {pulse.MIN_ANSWERS} or 5",
        )
    if value < pulse.MIN_ANSWERS:
        raise OptionValueError(
            f"{value} is below {pulse.MIN_ANSWERS}: with fewer answers, who said what is "
            "easy to guess",
            f"use {pulse.MIN_ANSWERS} or more (docs/privacy.md says why)",
        )
    if value > pulse.MAX_ANSWERS:
        raise OptionValueError(
            f"{value} is more answers than a quarter can hold ({pulse.MAX_ANSWERS})",
            "use the size of your team or less",
        )
    return value


def check_exclude(value: object) -> tuple[str, ...]:
    """`exclude`: a list of ids (a single id must still be a list: `[be-on-call]`)."""
    if isinstance(value, str) or not isinstance(value, list | tuple):
        example = f"[{value}]" if isinstance(value, str) and rules.is_id(value) else "[be-on-call]"
        raise ValueError(f"expected a list of ids such as {example}, not {_shown(value)}")
    wrong = [entry for entry in value if not rules.is_id(entry)]
    if wrong:
        raise ValueError(f"{_shown(wrong[0])} is not a kebab-case id")
    return tuple(value)


def check_flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, not {_shown(value)}")
    return value


def check_text(value: object) -> str:
    """A text option (`language`, `storage_namespace`, `site_name`): a number reads as its text
    (`!ENV [MIKE_DOCS_VERSION]` reads version "1.0" as YAML, a float)."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError(f"expected a text, not {_shown(value)}")
    return str(value)


def check_strings(overrides: Mapping[str, Any], within: str = "") -> tuple[list[str], list[str]]:
    """`strings:` overrides, as (errors, warnings): a text (or a plural table) per known key,
    same placeholders; or one language's own table of them (`de: {…}`), checked the same way.

    An unknown key is a warning with the nearest known ones (a typo should not break a
    build, but must not pass unseen); a value of the wrong shape is an error.
    """
    failed: list[str] = []
    warnings: list[str] = []
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
            warnings.append(f"{within}`{key}` is no string of mkdocs-sremgr{hint}")
            continue
        texts = list(value.values()) if isinstance(value, dict) else [value]
        if not texts or not all(isinstance(text, str) for text in texts):
            failed.append(
                f"{within}`{key}` must be a text, or a table of plural forms "
                "(`one:`, `other:`) of texts"
            )
            continue
        unknown = _placeholders(texts) - _placeholders(_texts(english[key]))
        if unknown:
            names = ", ".join(f"{{{name}}}" for name in sorted(unknown))
            warnings.append(f"{within}`{key}` uses {names}, which this string never fills")
    return failed, warnings


def check_strings_option(value: object) -> str:
    """The `strings` option checked, as canonical JSON (options are hashed). Its warnings are
    logged once per value: an engine reads the options again for every page."""
    if not value:
        return ""
    if isinstance(value, str):  # already canonical (a validated option)
        value = json.loads(value)
    if not isinstance(value, Mapping):
        raise ValueError("the `strings` option must map string keys to texts")
    return _checked_strings(canonical_strings(value))


def canonical_strings(value: Mapping[str, Any]) -> str:
    """The `strings` option as the one text that stands for it (options are hashed)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False) if value else ""


@cache
def _checked_strings(text: str) -> str:
    failed, warnings = check_strings(json.loads(text))
    if failed:
        raise ValueError("; ".join(failed))
    for message in warnings:
        log.warning("mkdocs-sremgr: strings: %s", message)
    return text


def _texts(entry: str | dict[str, str]) -> list[str]:
    return list(entry.values()) if isinstance(entry, dict) else [entry]


def _placeholders(texts: list[str]) -> set[str]:
    try:
        return {name for text in texts for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError:  # a stray brace: shown as written (see i18n.Strings)
        return set()


def _shown(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "..."


# -- the options --------------------------------------------------------------------------------


@dataclass(frozen=True)
class HandbookOptions:
    """Everything that decides the handbook's content, URLs and storage key.

    Built from a front door's raw values and checked by `validate`, which returns the
    normalised options (hashable: the Markdown extension keeps one handbook per value).
    """

    checklists_dir: str = "checklists"
    base_dir: str = "."  # what checklists_dir is relative to (docs_dir, or the project)
    project_dir: str = "."  # where paths in messages are shown from
    checklists_in_docs: bool = False  # the plugin: checklists_dir is a subfolder of docs_dir
    builtin: bool = True
    exclude: tuple[str, ...] = ()
    url_prefix: str = "handbook/"
    storage_namespace: str = ""
    fiscal_year_start: int = 1
    pulse_minimum: int = pulse.MIN_ANSWERS
    site_name: str = ""
    site_url: str = ""
    use_directory_urls: bool = True
    dashboard: bool = True
    language: str = ""  # "" : English; any tag resolves to a shipped catalog (i18n.py)
    strings: str = ""  # `strings` overrides as canonical JSON (check_strings_option)
    template_dirs: tuple[str, ...] = ()  # a theme's custom_dir: `sremgr/*.html` overrides

    @property
    def checklists_root(self) -> Path:
        return Path(self.base_dir) / self.checklists_dir

    def validate(self, where: str = "markdown_extensions: sremgr") -> HandbookOptions:
        """These options checked and normalised; `OptionError` names every wrong one, at
        `where` (the config file)."""
        checks: dict[str, Callable[[Any], Any]] = {
            "checklists_dir": lambda v: check_checklists_dir(v, in_docs=self.checklists_in_docs),
            "builtin": check_flag,
            "exclude": check_exclude,
            "url_prefix": check_url_prefix,
            "storage_namespace": check_text,
            "fiscal_year_start": check_fiscal_year_start,
            "pulse_minimum": check_pulse_minimum,
            "use_directory_urls": check_flag,
            "dashboard": check_flag,
            "language": check_text,
            "strings": check_strings_option,
        }
        checked: dict[str, Any] = {}
        problems: list[Problem] = []
        for name, check in checks.items():
            try:
                checked[name] = check(getattr(self, name))
            except ValueError as exc:
                hint = getattr(exc, "hint", "")
                problems.append(Problem(where, 0, 0, f"option `{name}`: {exc}", hint))
        if problems:
            raise OptionError(problems)
        return replace(self, **checked)

    def strings_table(self) -> Strings:
        language = resolve_language(self.language)
        overrides = json.loads(self.strings) if self.strings else {}
        return Strings(language, overrides_for(overrides, self.language, language))


#: The options a site sets for the Markdown extension and write-pages (`markdown_extensions:
#: sremgr:` in mkdocs.yml, `[project.markdown_extensions.sremgr]` in zensical.toml), with
#: their defaults and help. The plugin's are declared in config.py, with the same rules.
ENGINE_OPTIONS: dict[str, tuple[Any, str]] = {
    "checklists_dir": (
        "checklists",
        "Folder of the team's YAML files, relative to the project (the folder of the config "
        "file); keep it outside docs_dir so the YAML is not published",
    ),
    "builtin": (True, "Include the checklists and anti-patterns shipped with the plugin"),
    "exclude": ([], "Ids of built-in checklists, anti-patterns or the team pulse to leave out"),
    "url_prefix": ("handbook/", "Where `write-pages` puts the generated pages"),
    "storage_namespace": (
        "",
        "Name of the browser storage; default: from site_url's path and site_name",
    ),
    "fiscal_year_start": (1, "Month (1-12) in which your year starts"),
    "pulse_minimum": (
        pulse.MIN_ANSWERS,
        "Answers the team pulse needs before it shows anything (at least 3)",
    ),
    "language": (
        "",
        "Language of the handbook's strings (de, fr, …); default: the theme's `language`, "
        "else English",
    ),
    "project_dir": ("", "Folder that checklists_dir is relative to (default: the current folder)"),
    "strings": (
        {},
        "Single strings to replace, by key, or under a language's own table, as the plugin's "
        "`strings:` (see docs/configuration.md)",
    ),
    "site_name": ("", "Used when the engine does not say (Zensical does)"),
    "site_url": ("", "Used when the engine does not say (Zensical does)"),
}


def engine_options(
    raw: Mapping[str, Any], site: Mapping[str, Any], *, where: str = "markdown_extensions: sremgr"
) -> HandbookOptions:
    """The checked options of the Markdown extension or write-pages: `raw` is the extension's
    table, `site` the engine's settings (site_name, site_url, use_directory_urls, theme,
    project_dir). An unknown option is an error, with the nearest known one."""
    unknown = [name for name in raw if name not in ENGINE_OPTIONS]
    if unknown:
        problems = [
            Problem(where, 0, 0, f"unknown option `{name}`", _nearest(str(name)))
            for name in unknown
        ]
        raise OptionError(problems)
    given = {name: raw.get(name, default) for name, (default, _) in ENGINE_OPTIONS.items()}
    project = str(given["project_dir"] or site.get("project_dir") or ".")
    return HandbookOptions(
        checklists_dir=given["checklists_dir"],
        base_dir=project,
        project_dir=project,
        builtin=given["builtin"],
        exclude=given["exclude"],
        url_prefix=given["url_prefix"],
        storage_namespace=given["storage_namespace"],
        fiscal_year_start=given["fiscal_year_start"],
        pulse_minimum=given["pulse_minimum"],
        site_name=str(site.get("site_name") or given["site_name"] or ""),
        site_url=str(site.get("site_url") or given["site_url"] or ""),
        use_directory_urls=site.get("use_directory_urls", True),
        language=given["language"] or site_theme_language(site) or "",
        strings=given["strings"],
        template_dirs=tuple(_custom_dirs(site, project)),
    ).validate(where)


def _nearest(name: str) -> str:
    close = difflib.get_close_matches(name, list(ENGINE_OPTIONS), n=1)
    return f"did you mean `{close[0]}`?" if close else f"known: {', '.join(ENGINE_OPTIONS)}"


def site_theme_language(site: Mapping[str, Any]) -> str | None:
    """`theme.language` (Material, Zensical) or `theme.locale` from a site's settings."""
    theme = site.get("theme")
    if not isinstance(theme, Mapping):
        return None
    value = theme.get("language") or theme.get("locale")
    return str(value) if value else None


def _custom_dirs(site: Mapping[str, Any], project: str) -> list[str]:
    """The theme's `custom_dir`, where `sremgr/<name>.html` overrides a template."""
    theme = site.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, Mapping) else None
    return [str(Path(project) / str(custom))] if custom else []


# -- the handbook and what publishing it gives --------------------------------------------------


@dataclass
class PublishedHandbook:
    """A loaded handbook with what publishing it needs: its pages, their URLs, the storage
    key, the strings and the Markdown renderer of the site."""

    options: HandbookOptions
    catalog: Catalog
    plans: list[PagePlan]
    urls: dict[tuple[str, str], str]  # (kind, id) -> URL from the site's root
    storage_key: str
    renderer: MarkdownRenderer
    strings: Strings = field(default_factory=Strings)
    notes: list[str] = field(default_factory=list)  # the loader's INFO lines (handbook.notes)
    _templates: jinja2.Environment | None = None

    @property
    def fiscal_year_start(self) -> int:
        return self.options.fiscal_year_start

    @property
    def templates(self) -> jinja2.Environment:
        """`sremgr/*.html`, a theme's own first; made once, on first use."""
        if self._templates is None:
            self._templates = template_env(
                list(self.options.template_dirs), self.renderer, self.strings
            )
        return self._templates


def load(options: HandbookOptions, *, loader: CatalogLoader | None = None) -> Handbook:
    """The handbook these options name (`handbook.load_handbook`, the one load path)."""
    return load_handbook(
        [options.checklists_root],
        display_base=Path(options.project_dir),
        builtin=options.builtin,
        exclude=options.exclude,
        loader=loader,
    )


def publish(
    options: HandbookOptions,
    catalog: Catalog,
    renderer: MarkdownRenderer,
    *,
    strings: Strings | None = None,
    key: str | None = None,
    templates: jinja2.Environment | None = None,
) -> PublishedHandbook:
    """The pages a catalog gives and their URLs. `strings`, `key` and `templates` are the
    plugin's when it knows better (mkdocs-static-i18n's language, a key kept across
    languages, the theme's folders)."""
    strings = strings or options.strings_table()
    plans = plan_pages(
        catalog,
        options.url_prefix,
        dashboard=options.dashboard,
        dashboard_title=strings("nav.dashboard"),
    )
    urls = {(p.kind, p.id): page_url(p.src_uri, options.use_directory_urls) for p in plans}
    key = key or handbook_key(options)
    return PublishedHandbook(
        options, catalog, plans, urls, key, renderer, strings, _templates=templates
    )


def handbook_key(options: HandbookOptions) -> str:
    """The browser storage key of the handbook (manifest.storage_key)."""
    return storage_key(options.storage_namespace or None, options.site_url, options.site_name)


_LOADER = CatalogLoader()


def load_published(options: HandbookOptions, renderer: MarkdownRenderer) -> PublishedHandbook:
    """The checked handbook, published; `HandbookError` lists every problem."""
    loaded = load(options, loader=_LOADER)
    if loaded.problems:
        raise HandbookError(loaded.problems)
    for note in loaded.notes:
        log.info("mkdocs-sremgr: %s", note)
    published = publish(options, loaded.catalog, renderer)
    published.notes = list(loaded.notes)
    return published


# -- every file to publish ----------------------------------------------------------------------


@dataclass(frozen=True)
class Output:
    """One file to publish, at `uri` under docs_dir (or the site): text, or a packaged file."""

    uri: str
    content: str | None = None
    source: Path | None = None  # copied as it is (the static assets)
    page: PagePlan | None = None  # a generated Markdown page
    #: Hand-written files that win over this one (an author's own page at its place).
    yields_to: tuple[str, ...] = ()


def outputs(handbook: PublishedHandbook) -> list[Output]:
    """Every file the handbook publishes: pages, redirects, assets, then the manifest."""
    return [
        *page_outputs(handbook),
        *redirect_outputs(handbook),
        *asset_outputs(handbook),
        *manifest_outputs(handbook),
    ]


def page_outputs(handbook: PublishedHandbook) -> list[Output]:
    return [
        Output(plan.src_uri, page_source(plan), page=plan, yields_to=(plan.src_uri,))
        for plan in handbook.plans
    ]


def asset_outputs(handbook: PublishedHandbook) -> list[Output]:
    """The scripts and stylesheet, the schema, and this language's strings for the scripts
    (none for English as shipped: i18n.py)."""
    assets = package_files("mkdocs_sremgr").joinpath("assets")
    out = [
        Output(ASSET_DIR + name, source=Path(str(assets.joinpath(name)))) for name in STATIC_ASSETS
    ]
    out.append(Output(ASSET_DIR + "sremgr.schema.json", schema_text()))
    out += [
        Output(ASSET_DIR + name, text) for name, text in strings_scripts(handbook.strings).items()
    ]
    return out


def manifest_outputs(handbook: PublishedHandbook) -> list[Output]:
    """manifest.json, and manifest.js, which the dashboard loads (works from file:// too)."""
    text = build_manifest(
        handbook.catalog,
        handbook.urls,
        handbook.storage_key,
        handbook.fiscal_year_start,
        pulse_minimum=handbook.options.pulse_minimum,
    )
    return [
        Output(ASSET_DIR + "manifest.json", text),
        Output(ASSET_DIR + "manifest.js", manifest_script(text)),
    ]


def redirect_outputs(handbook: PublishedHandbook) -> list[Output]:
    """A small page at each renamed checklist's former URL, sending readers to the new one
    (`sremgr/redirect.html`, which a theme can override; not in the nav). Its one script,
    `sremgr-redirect.js`, keeps the link's fragment; without it a meta refresh goes."""
    out = []
    for old, checklist in renamed_checklists(handbook):
        target_url = handbook.urls.get(("checklist", checklist.id))
        if target_url is None:
            continue
        old_page = f"{handbook.options.url_prefix}{old}.md"
        old_url = page_url(old_page, handbook.options.use_directory_urls)
        uri = old_url + "index.html" if old_url.endswith("/") else old_url
        html = handbook.templates.get_template("sremgr/redirect.html").render(
            target=relative_url(target_url, old_url),
            script=relative_url(ASSET_DIR + "sremgr-redirect.js", old_url),
            former=old,
            checklist=checklist,
            title=checklist.title,
            language=handbook.strings.language,
            mark=Markup(REDIRECT_MARK),
        )
        out.append(Output(uri, html, yields_to=(uri, old_page)))
    return out


def renamed_checklists(handbook: PublishedHandbook) -> Iterator[tuple[str, Checklist]]:
    """(former id, checklist) for every checklist alias."""
    for checklist in handbook.catalog.sorted_checklists():
        for alias in checklist.aliases:
            yield alias, checklist


def relative_url(target: str, current: str) -> str:
    """`target` (a site-root URL like `handbook/alpha/`) as seen from the page at `current`."""
    base = current.lstrip("/")
    base = base if base.endswith("/") or not base else posixpath.dirname(base) + "/"
    relative = posixpath.relpath("/" + target, "/" + base)
    if target.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return relative


# -- a marker's HTML ----------------------------------------------------------------------------


def marker_context(
    catalog: Catalog, markdown: MarkdownRenderer, marker: markers.Marker
) -> dict[str, Any]:
    """What a marker's template shows; its Markdown snippets are converted in one run."""
    if marker.kind == "checklist":
        checklist = catalog.checklist_named(marker.id)
        assert checklist is not None  # markers.find_markers checked it
        markdown.prefetch(checklist.markdown_fields())
        return {
            "checklist": checklist,
            "antipatterns": catalog.antipatterns_for(checklist),
            "counters": catalog.countered_by(checklist),
        }
    if marker.kind == "antipattern":
        antipattern = catalog.antipatterns[marker.id]
        checklists = catalog.checklists_for(antipattern)
        items = catalog.counter_items(antipattern)
        markdown.prefetch(
            [
                *antipattern.markdown_fields(),
                *((c.lesson, True) for c in checklists),
                *((item.text, True) for _, item in items),
            ]
        )
        return {"antipattern": antipattern, "checklists": checklists, "counter_items": items}
    if marker.kind == "pulse":
        assert catalog.pulse is not None  # markers.find_markers checked it
        return {"pulse": catalog.pulse}
    checklists = catalog.sorted_checklists()
    markdown.prefetch((c.lesson, True) for c in checklists)
    return {"checklists": checklists, "antipatterns": catalog.sorted_antipatterns()}


def render_marker(
    handbook: PublishedHandbook,
    marker: markers.Marker,
    *,
    url_for: Callable[[str, str], str],
    page_url: str,
    theme_shows_tags: bool = False,
) -> str:
    """`sremgr/<kind>.html` for one marker, with the context every front door gives it.

    `theme_shows_tags`: Material's tags plugin already shows the page's tags above its title."""
    return handbook.templates.get_template(f"sremgr/{marker.kind}.html").render(
        storage_key=handbook.storage_key,
        fiscal_year_start=handbook.fiscal_year_start,
        pulse_minimum=handbook.options.pulse_minimum,
        theme_shows_tags=theme_shows_tags,
        url_for=url_for,
        page_url=page_url,
        **marker_context(handbook.catalog, handbook.renderer, marker),
    )
