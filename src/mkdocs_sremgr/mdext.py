"""The handbook for engines that run no MkDocs plugin (Zensical): a Python-Markdown extension.

Zensical ignores MkDocs plugins it does not know, but it loads Python-Markdown extensions by
their entry point in the `markdown.extensions` group (`sremgr`) and passes them their options.
This extension expands the same markers as the plugin (`<!-- sremgr:checklist ID -->` and
friends) into the same HTML, with the same loader, markers and templates; an unknown id or a
bad YAML file raises `HandbookError`, which fails the build. The pages the plugin would generate,
the assets and the manifest are written into the docs folder beforehand by
`mkdocs-sremgr write-pages` (see `standalone.py`).
"""

from __future__ import annotations

import posixpath
import threading
from html import escape
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from mkdocs_sremgr import markers
from mkdocs_sremgr.errors import HandbookError
from mkdocs_sremgr.render import MarkdownRenderer, template_env
from mkdocs_sremgr.standalone import (
    HandbookOptions,
    PublishedHandbook,
    load_handbook_for,
    render_marker,
    site_theme_language,
    strings_option,
    url_of,
)

# One handbook per set of options, shared by the Markdown instances an engine makes per page
# (Zensical makes one per page); the loader's own cache spares unchanged files a re-read.
_HANDBOOKS: dict[tuple[HandbookOptions, tuple[tuple[str, int], ...]], PublishedHandbook] = {}
_LOCK = threading.Lock()


class SremgrExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "checklists_dir": [
                "checklists",
                "Folder of the team's YAML files, relative to the project (the folder of "
                "the config file); keep it outside docs_dir so the YAML is not published",
            ],
            "builtin": [True, "Include the checklists and anti-patterns shipped with the plugin"],
            "exclude": [[], "Ids of built-in checklists or anti-patterns to leave out"],
            "url_prefix": ["handbook/", "Where `write-pages` puts the generated pages"],
            "storage_namespace": [
                "",
                "Name of the browser storage; default: from site_url's path and site_name",
            ],
            "fiscal_year_start": [1, "Month (1-12) in which your year starts"],
            "language": [
                "",
                "Language of the handbook's strings (de, fr, …); default: the theme's "
                "`language`, else English",
            ],
            "project_dir": [
                "",
                "Folder that checklists_dir is relative to (default: the current folder)",
            ],
            "strings": [
                {},
                "Single strings to replace, by key, or under a language's own table, as the "
                "plugin's `strings:` (see docs/configuration.md)",
            ],
            "site_name": ["", "Used when the engine does not say (Zensical does)"],
            "site_url": ["", "Used when the engine does not say (Zensical does)"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        expander = _Expander(self, md)
        # Before every other preprocessor, so fenced code still reads as written.
        md.preprocessors.register(_FindMarkers(md, expander), "sremgr_markers", 40)
        # After raw HTML is put back (priority 30): the slots are HTML comments.
        md.postprocessors.register(_FillSlots(md, expander), "sremgr_slots", 5)
        md.registerExtension(self)

    def options(self, site: dict[str, Any]) -> HandbookOptions:
        get = self.getConfig
        project = get("project_dir") or site.get("project_dir") or "."
        return HandbookOptions(
            checklists_dir=str(Path(project) / str(get("checklists_dir"))),
            project_dir=str(project),
            builtin=bool(get("builtin")),
            exclude=tuple(get("exclude") or ()),
            url_prefix=_prefix(str(get("url_prefix"))),
            storage_namespace=str(get("storage_namespace") or ""),
            fiscal_year_start=int(get("fiscal_year_start")),
            site_name=str(site.get("site_name") or get("site_name") or ""),
            site_url=str(site.get("site_url") or get("site_url") or ""),
            use_directory_urls=bool(site.get("use_directory_urls", True)),
            language=str(get("language") or site_theme_language(site) or ""),
            strings=strings_option(get("strings")),
        )


def _prefix(prefix: str) -> str:
    cleaned = prefix.strip("/")
    return cleaned + "/" if cleaned else "handbook/"


class _Expander:
    """What one page's conversion needs: the handbook, the page, the markers found on it."""

    def __init__(self, extension: SremgrExtension, md: Markdown) -> None:
        self.extension = extension
        self.md = md
        self.found: list[markers.Marker] = []
        self.slots = markers.Slots()  # a fresh random token, so typed text is never a slot
        self.page_url = ""
        self.page_path = "page.md"
        self._handbook: PublishedHandbook | None = None
        self.template_dirs: list[str] = []

    def begin(self) -> PublishedHandbook:
        """Called per conversion: the page may have changed since the last one."""
        site, page = _engine_context(self.md)
        self.page_url = str(getattr(page, "url", "") or "")
        self.page_path = str(getattr(page, "path", "") or "page.md")
        self.found = []
        self.template_dirs = _template_dirs(site)
        options = self.extension.options(site)
        # Edited YAML (under `zensical serve`) gives a new key, so a fresh load.
        key = (options, _stamp(Path(options.checklists_dir)))
        with _LOCK:
            handbook = _HANDBOOKS.get(key)
            if handbook is None:
                renderer = MarkdownRenderer(_other_extensions(self.md), {})
                handbook = load_handbook_for(options, renderer)
                _HANDBOOKS.clear()
                _HANDBOOKS[key] = handbook
        self._handbook = handbook
        return handbook

    def handbook(self) -> PublishedHandbook:
        return self._handbook if self._handbook is not None else self.begin()

    def render(self, marker: markers.Marker) -> str:
        handbook = self.handbook()
        current = self.page_url or ""

        def url_for(kind: str, ident: str) -> str:
            target = url_of(handbook, kind, ident)
            if target is None:
                return "#"
            if not current:  # no page context: links from the site's root
                return "/" + target
            return _relative(target, current)

        env = template_env(self.template_dirs, handbook.renderer, handbook.strings)
        return render_marker(handbook, env, marker, url_for=url_for, page_url=current)


def _template_dirs(site: dict[str, Any]) -> list[str]:
    """The theme's `custom_dir`, where `sremgr/<name>.html` overrides a template."""
    theme = site.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if not custom:
        return []
    return [str(Path(str(site.get("project_dir") or ".")) / str(custom))]


def _stamp(folder: Path) -> tuple[tuple[str, int], ...]:
    """Each YAML file under `folder` with its modification time."""
    if not folder.is_dir():
        return ()
    return tuple(
        (str(p), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.suffix in (".yml", ".yaml") and p.is_file()
    )


def _relative(target: str, current: str) -> str:
    """`target` (a site-root URL like `handbook/alpha/`) as seen from the page at `current`."""
    base = current.lstrip("/")
    base = base if base.endswith("/") or not base else posixpath.dirname(base) + "/"
    relative = posixpath.relpath("/" + target, "/" + base)
    if target.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return relative


def _engine_context(md: Markdown) -> tuple[dict[str, Any], Any]:
    """(site config, page) from the engine, when it shares them.

    Zensical registers a `rendering_context` preprocessor holding the page being rendered
    and the site's configuration (site_name, site_url, use_directory_urls). That is
    Zensical's own, undocumented interface: without it, the extension's options are used.
    """
    if "rendering_context" in md.preprocessors:
        context = md.preprocessors["rendering_context"]
        config = getattr(context, "config", None)
        site = dict(config) if isinstance(config, dict) else {}
        root = site.get("root_dir")
        if root:
            site["project_dir"] = str(root)
        return site, getattr(context, "page", None)
    return {}, None


def _other_extensions(md: Markdown) -> list[Extension]:
    """The page's own extensions, for the Markdown in the YAML files, without this one."""
    return [e for e in md.registeredExtensions if not isinstance(e, SremgrExtension)]


class _FindMarkers(Preprocessor):
    def __init__(self, md: Markdown, expander: _Expander) -> None:
        super().__init__(md)
        self.expander = expander

    def run(self, lines: list[str]) -> list[str]:
        self.expander.found = []
        text = "\n".join(lines)
        if "sremgr:" not in text:
            return lines
        handbook = self.expander.begin()
        text, found, problems = markers.find_markers(
            text, self.expander.page_path, handbook.catalog, self.expander.slots
        )
        if problems:
            raise HandbookError(problems)
        self.expander.found = found
        return text.split("\n")


class _FillSlots(Postprocessor):
    def __init__(self, md: Markdown, expander: _Expander) -> None:
        super().__init__(md)
        self.expander = expander

    def run(self, text: str) -> str:
        found = self.expander.found
        if not found:
            return text
        slots = self.expander.slots
        text = slots.pattern.sub(lambda m: self.expander.render(found[int(m.group(1))]), text)
        return slots.escaped.sub(lambda m: escape(found[int(m.group(1))].text), text)


def makeExtension(**kwargs: Any) -> SremgrExtension:
    return SremgrExtension(**kwargs)
