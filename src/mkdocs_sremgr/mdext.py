"""The handbook for engines that run no MkDocs plugin (Zensical): a Python-Markdown extension.

Zensical ignores MkDocs plugins it does not know, but it loads Python-Markdown extensions by
their entry point in the `markdown.extensions` group (`sremgr`) and passes them their options.
This extension expands the same markers as the plugin (`<!-- sremgr:checklist ID -->` and
friends) into the same HTML, with the same loader, markers and templates; an unknown id or a
bad YAML file raises `HandbookError`, which fails the build. The pages the plugin would generate,
the assets and the manifest are written into the docs folder beforehand by
`mkdocs-sremgr write-pages` (see `standalone.py`). Options, loading and rendering are the
core's (`publish.py`), shared with the plugin and write-pages.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from mkdocs_sremgr import markers
from mkdocs_sremgr.errors import HandbookError
from mkdocs_sremgr.publish import (
    ENGINE_OPTIONS,
    HandbookOptions,
    PublishedHandbook,
    engine_options,
    load_published,
    log,
    relative_url,
    render_marker,
)
from mkdocs_sremgr.render import MarkdownRenderer

# One handbook per set of options, shared by the Markdown instances an engine makes per page
# (Zensical makes one per page); the loader's own cache spares unchanged files a re-read.
_HANDBOOKS: dict[tuple[HandbookOptions, tuple[tuple[str, int], ...]], PublishedHandbook] = {}
_LOCK = threading.Lock()


class SremgrExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        # The options write-pages reads too (publish.ENGINE_OPTIONS): declared once.
        self.config = {name: [default, text] for name, (default, text) in ENGINE_OPTIONS.items()}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        expander = _Expander(self, md)
        # Before every other preprocessor, so fenced code still reads as written.
        md.preprocessors.register(_FindMarkers(md, expander), "sremgr_markers", 40)
        # After raw HTML is put back (priority 30): the slots are HTML comments.
        md.postprocessors.register(_FillSlots(md, expander), "sremgr_slots", 5)
        md.registerExtension(self)

    def options(self, site: dict[str, Any]) -> HandbookOptions:
        """The checked options (`HandbookError` names a wrong one)."""
        return engine_options(self.getConfigs(), site, where="markdown_extensions: sremgr")


class _Expander:
    """What one page's conversion needs: the handbook, the page, the markers found on it."""

    def __init__(self, extension: SremgrExtension, md: Markdown) -> None:
        self.extension = extension
        self.md = md
        self.found: list[markers.Marker] = []
        self.slots = markers.Slots()  # a fresh random token, so typed text is never a slot
        self.page_url = ""
        self.page_path = "page.md"
        self.engine_page = False
        self._handbook: PublishedHandbook | None = None

    def begin(self) -> PublishedHandbook:
        """Called per conversion: the page may have changed since the last one."""
        site, page = _engine_context(self.md)
        self.page_url = str(getattr(page, "url", "") or "")
        self.engine_page = page is not None
        self.page_path = str(getattr(page, "path", "") or "page.md")
        self.found = []
        options = self.extension.options(site)
        # Edited YAML (under `zensical serve`) gives a new key, so a fresh load.
        key = (options, _stamp(options.checklists_root))
        with _LOCK:
            handbook = _HANDBOOKS.get(key)
            if handbook is None:
                renderer = MarkdownRenderer(_other_extensions(self.md), {})
                handbook = load_published(options, renderer)
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
            target = handbook.urls.get((kind, ident))
            if target is None:
                return "#"
            if not current:  # no page context: links from the site's root
                return "/" + target
            return relative_url(target, current)

        # Zensical resolves a relative `src` in the page's HTML from the Markdown file's folder
        # (and rewrites it for the page's URL); its links are left as written.
        # Without a page, links go from the site's root: so does the script.
        assets = "../" * self.page_path.count("/") if self.engine_page else None
        if not current and not self.engine_page:
            assets = "/"
        return render_marker(handbook, marker, url_for=url_for, page_url=current, assets=assets)


def _stamp(folder: Path) -> tuple[tuple[str, int], ...]:
    """Each YAML file under `folder` with its modification time."""
    if not folder.is_dir():
        return ()
    return tuple(
        (str(p), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.suffix in (".yml", ".yaml") and p.is_file()
    )


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
        # A marker's problem is raised once the page is converted: in an indented code block
        # the marker is an example, not an error (`markers.fill_slots`).
        text, found, _ = markers.find_markers(
            text, self.expander.page_path, handbook.catalog, self.expander.slots
        )
        for marker in found:
            if marker.renamed_from:
                log.info("mkdocs-sremgr: %s", markers.rename_note(marker, self.expander.page_path))
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
        text, problems = markers.fill_slots(text, found, self.expander.slots, self.expander.render)
        if problems:
            raise HandbookError(problems)
        return text


def makeExtension(**kwargs: Any) -> SremgrExtension:
    return SremgrExtension(**kwargs)
