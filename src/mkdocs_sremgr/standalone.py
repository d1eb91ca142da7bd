"""The handbook without MkDocs' plugin events: for the Markdown extension and `write-pages`.

Engines that run no MkDocs plugin (Zensical) get the handbook in two steps: `mkdocs-sremgr
write-pages` writes the generated pages, the assets and the manifest into the docs folder,
and the `sremgr` Markdown extension expands the markers while the engine converts each page.
Both read the same options (`HandbookOptions`) and so agree on the pages' URLs and the
storage key. Loading, markers, templates and the manifest are the plugin's own code.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any

import jinja2
import yaml
from mkdocs.structure.files import File

from mkdocs_sremgr import markers
from mkdocs_sremgr.blocks import marker_context
from mkdocs_sremgr.catalog import CatalogLoader, Source
from mkdocs_sremgr.config import check_strings
from mkdocs_sremgr.errors import HandbookError, Problem
from mkdocs_sremgr.handbook import load_handbook
from mkdocs_sremgr.i18n import (
    Strings,
    overrides_for,
    resolve_language,
    strings_file,
    strings_scripts,
)
from mkdocs_sremgr.manifest import build_manifest, manifest_script, storage_key
from mkdocs_sremgr.model import Catalog
from mkdocs_sremgr.pages import PagePlan, page_source, plan_pages
from mkdocs_sremgr.render import MarkdownRenderer
from mkdocs_sremgr.schema import schema_text

log = logging.getLogger("mkdocs_sremgr")

ASSET_DIR = "assets/sremgr/"
# Built from assets/source by scripts/build_assets.py. Every page links sremgr.js and sremgr.css;
# sremgr.js adds sremgr-dashboard.js itself, only on a page with a dashboard, and
# sremgr-notices.js only to show a rare failure notice.
STATIC_ASSETS = ("sremgr.js", "sremgr-dashboard.js", "sremgr-notices.js", "sremgr.css")


@dataclass(frozen=True)
class HandbookOptions:
    """Everything that decides the handbook's content, URLs and storage key."""

    checklists_dir: str  # the team's YAML folder, absolute or relative to the current folder
    project_dir: str = "."  # where paths in messages are shown from
    builtin: bool = True
    exclude: tuple[str, ...] = ()
    url_prefix: str = "handbook/"
    storage_namespace: str = ""
    fiscal_year_start: int = 1
    site_name: str = ""
    site_url: str = ""
    use_directory_urls: bool = True
    dashboard: bool = True
    language: str = ""  # "" : English; any tag resolves to a shipped catalog (i18n.py)
    strings: str = ""  # single strings to replace (`strings_option`), as JSON: options are hashed


@dataclass
class PublishedHandbook:
    """The loaded handbook (`handbook.load_handbook`) with what publishing it needs without
    the plugin: its pages, their URLs, the storage key and the strings."""

    catalog: Catalog
    plans: list[PagePlan]
    urls: dict[tuple[str, str], str]  # (kind, id) -> URL from the site's root
    storage_key: str
    fiscal_year_start: int
    renderer: MarkdownRenderer
    sources: list[Source] = field(default_factory=list)
    strings: Strings = field(default_factory=Strings)


_LOADER = CatalogLoader()


def load_handbook_for(options: HandbookOptions, renderer: MarkdownRenderer) -> PublishedHandbook:
    """The checked catalog and the pages it gives; `HandbookError` lists every problem.

    The same load path as the plugin and the command line (`handbook.load_handbook`)."""
    loaded = load_handbook(
        [Path(options.checklists_dir)],
        display_base=Path(options.project_dir),
        builtin=options.builtin,
        exclude=options.exclude,
        loader=_LOADER,
    )
    if loaded.problems:
        raise HandbookError(loaded.problems)
    result = loaded
    sources = loaded.sources
    language = resolve_language(options.language)
    overrides = json.loads(options.strings) if options.strings else {}
    strings = Strings(language, overrides_for(overrides, options.language, language))
    plans = plan_pages(
        result.catalog,
        options.url_prefix,
        dashboard=options.dashboard,
        dashboard_title=strings("nav.dashboard"),
    )
    urls = {
        (plan.kind, plan.id): File(plan.src_uri, None, "", options.use_directory_urls).url
        for plan in plans
    }
    key = storage_key(options.storage_namespace or None, options.site_url, options.site_name)
    return PublishedHandbook(
        result.catalog, plans, urls, key, options.fiscal_year_start, renderer, sources, strings
    )


def url_of(handbook: PublishedHandbook, kind: str, ident: str) -> str | None:
    return handbook.urls.get((kind, ident))


def render_marker(
    handbook: PublishedHandbook,
    env: jinja2.Environment,
    marker: markers.Marker,
    *,
    url_for: Any,
    page_url: str,
) -> str:
    template = env.get_template(f"sremgr/{marker.kind}.html")
    return template.render(
        storage_key=handbook.storage_key,
        fiscal_year_start=handbook.fiscal_year_start,
        theme_shows_tags=False,
        url_for=url_for,
        page_url=page_url,
        **marker_context(handbook.catalog, handbook.renderer, marker),
    )


# -- write-pages ------------------------------------------------------------------------------


def write_pages(handbook: PublishedHandbook, docs_dir: Path) -> list[Path]:
    """Writes the generated pages, the assets and the manifest under `docs_dir`.

    A page this command wrote before (its front matter has `sremgr:`) is replaced, and one
    whose checklist is gone is removed; a hand-written page at the same path is kept, as
    the plugin keeps it. Returns the paths written.
    """
    written: list[Path] = []
    planned = {plan.src_uri for plan in handbook.plans}
    for plan in handbook.plans:
        path = docs_dir / plan.src_uri
        if path.exists() and not _ours(path):
            continue
        written.append(_write(path, page_source(plan)))
    prefix = docs_dir / handbook.plans[0].src_uri.rsplit("/", 1)[0] if handbook.plans else None
    if prefix is not None and prefix.is_dir():
        for stale in prefix.rglob("*.md"):
            uri = stale.relative_to(docs_dir).as_posix()
            if uri not in planned and _ours(stale):
                stale.unlink()
    assets = package_files("mkdocs_sremgr").joinpath("assets")
    target = docs_dir / ASSET_DIR
    target.mkdir(parents=True, exist_ok=True)
    for name in STATIC_ASSETS:
        with assets.joinpath(name).open("rb") as source, (target / name).open("wb") as out:
            shutil.copyfileobj(source, out)
        written.append(target / name)
    manifest = build_manifest(
        handbook.catalog, handbook.urls, handbook.storage_key, handbook.fiscal_year_start
    )
    written.append(_write(target / "manifest.json", manifest))
    written.append(_write(target / "manifest.js", manifest_script(manifest)))  # for file://
    written.append(_write(target / "sremgr.schema.json", schema_text()))
    for name, text in strings_scripts(handbook.strings).items():  # none for English
        written.append(_write(target / name, text))
    return written


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _ours(path: Path) -> bool:
    """True for a page `write-pages` wrote: front matter with an `sremgr:` key."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return False
    head = text[4:].split("\n---\n", 1)[0]
    try:
        meta = yaml.safe_load(head)
    except yaml.YAMLError:
        return False
    return isinstance(meta, dict) and "sremgr" in meta


def inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def problem_at(path: str, message: str, hint: str = "") -> HandbookError:
    return HandbookError([Problem(path, 1, 1, message, hint)])


# -- reading the engine's config file ---------------------------------------------------------

EXTENSION_NAMES = ("sremgr", "mkdocs_sremgr.mdext")
CONFIG_FILES = ("zensical.toml", "mkdocs.yml", "mkdocs.yaml")


def find_config(explicit: Path | None) -> Path:
    """The config file to read: the one given, else the first of `CONFIG_FILES` here."""
    if explicit is not None:
        if not explicit.is_file():
            raise FileNotFoundError(f"no such config file: {explicit}")
        return explicit
    for name in CONFIG_FILES:
        if Path(name).is_file():
            return Path(name)
    raise FileNotFoundError(f"no config file here ({', '.join(CONFIG_FILES)})")


def read_site_config(path: Path) -> dict[str, Any]:
    """The site's settings from `zensical.toml` (its `[project]` table) or `mkdocs.yml`."""
    if path.suffix == ".toml":
        try:
            import tomllib
        except ModuleNotFoundError:  # Python 3.10: Zensical depends on tomli
            import tomli as tomllib  # type: ignore[no-redef]
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        data = data.get("project", data)
    else:
        from mkdocs.utils.yaml import yaml_load

        with path.open(encoding="utf-8") as handle:
            data = yaml_load(handle) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path} holds no settings")
    return data


def extension_options(site: dict[str, Any]) -> dict[str, Any] | None:
    """The `sremgr` entry of `markdown_extensions` (a list or a table), or None."""
    entries = site.get("markdown_extensions") or []
    if isinstance(entries, dict):
        entries = [{name: value} for name, value in entries.items()]
    for entry in entries:
        if isinstance(entry, str) and entry in EXTENSION_NAMES:
            return {}
        if isinstance(entry, dict):
            for name, value in entry.items():
                if name in EXTENSION_NAMES:
                    return dict(value or {})
    return None


def options_from_config(path: Path) -> tuple[HandbookOptions, Path, bool]:
    """(options, docs folder, whether the extension is configured) from a config file."""
    site = read_site_config(path)
    found = extension_options(site)
    options = found or {}
    project = path.resolve().parent
    docs_dir = project / str(site.get("docs_dir") or "docs")
    prefix = str(options.get("url_prefix") or "handbook/").strip("/") + "/"
    return (
        HandbookOptions(
            checklists_dir=str(project / str(options.get("checklists_dir") or "checklists")),
            project_dir=str(project),
            builtin=bool(options.get("builtin", True)),
            exclude=tuple(options.get("exclude") or ()),
            url_prefix=prefix,
            storage_namespace=str(options.get("storage_namespace") or ""),
            fiscal_year_start=int(options.get("fiscal_year_start") or 1),
            site_name=str(site.get("site_name") or ""),
            site_url=str(site.get("site_url") or ""),
            use_directory_urls=bool(site.get("use_directory_urls", True)),
            language=str(options.get("language") or site_theme_language(site) or ""),
            strings=strings_option(options.get("strings")),
        ),
        docs_dir,
        found is not None,
    )


def strings_option(value: object) -> str:
    """The `strings` option (as in the plugin's `strings:`) checked, as canonical JSON.

    A value of the wrong shape is an error (ValueError: the build or the command stops); an
    unknown key or a placeholder the string never fills is a warning, given once per value
    (an engine reads the options again for every page)."""
    if not value:
        return ""
    if not isinstance(value, Mapping):
        raise ValueError("the `strings` option must map string keys to texts")
    return _checked_strings(json.dumps(value, sort_keys=True, ensure_ascii=False))


@cache
def _checked_strings(text: str) -> str:
    failed, warnings = check_strings(json.loads(text))
    if failed:
        raise ValueError("; ".join(f"strings: {error}" for _, error in failed))
    for _, message in warnings:
        log.warning("mkdocs-sremgr: strings: %s", message)
    return text


def site_theme_language(site: dict[str, Any]) -> str | None:
    """`theme.language` (Material, Zensical) or `theme.locale` from a site's settings."""
    theme = site.get("theme")
    if not isinstance(theme, dict):
        return None
    value = theme.get("language") or theme.get("locale")
    return str(value) if value else None


def run_write_pages(config_file: Path | None) -> int:
    """`mkdocs-sremgr write-pages`: exit 0 when written, 1 on any problem (printed)."""
    import sys

    from mkdocs_sremgr.errors import format_problems

    try:
        path = find_config(config_file)
        options, docs_dir, configured = options_from_config(path)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        print(f"mkdocs-sremgr: {exc}", file=sys.stderr)
        return 1
    if not configured:
        print(
            f"mkdocs-sremgr: note: {path} lists no `sremgr` Markdown extension; the pages are "
            "written, but their markers stay unexpanded until you add it",
            file=sys.stderr,
        )
    checklists = Path(options.checklists_dir)
    if checklists.is_dir() and inside(checklists, docs_dir):
        print(
            f"mkdocs-sremgr: note: {checklists} is inside {docs_dir}: an engine without the "
            "plugin publishes those YAML files; keep them beside docs_dir instead",
            file=sys.stderr,
        )
    try:
        handbook = load_handbook_for(options, MarkdownRenderer([], {}))
    except HandbookError as exc:
        print(format_problems(exc.problems, limit=len(exc.problems)), file=sys.stderr)
        return 1
    written = write_pages(handbook, docs_dir)
    pages = sum(1 for p in written if p.suffix == ".md")
    print(f"mkdocs-sremgr: wrote {pages} pages and the assets under {docs_dir}")
    scripts = [f"{ASSET_DIR}sremgr.js"]
    if strings_scripts(handbook.strings):  # the strings run first
        scripts.insert(0, ASSET_DIR + strings_file(handbook.strings.language))
    print(
        f"  link them in {path.name}: extra_css: [{ASSET_DIR}sremgr.css], "
        f"extra_javascript: [{', '.join(scripts)}]"
    )
    return 0
