"""The MkDocs plugin: wires MkDocs events to the loader, the renderer and the manifest."""

from __future__ import annotations

import posixpath
import re
from html import escape
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from mkdocs_sremgr import interop, markers
from mkdocs_sremgr.catalog import CatalogLoader, Source, builtin_dir, find_sources
from mkdocs_sremgr.config import SremgrConfig
from mkdocs_sremgr.errors import SremgrError
from mkdocs_sremgr.i18n import (
    Strings,
    resolve_language,
    strings_file,
    strings_scripts,
    theme_language,
)
from mkdocs_sremgr.manifest import build_manifest, manifest_script, storage_key
from mkdocs_sremgr.model import Catalog
from mkdocs_sremgr.pages import PagePlan, arrange_nav, page_source, plan_pages
from mkdocs_sremgr.render import MarkdownRenderer, template_env
from mkdocs_sremgr.schema import schema_text
from mkdocs_sremgr.standalone import ASSET_DIR, STATIC_ASSETS, marker_context

log = get_plugin_logger(__name__)
_ANCHOR = re.compile(r'\sid="([^"]+)"')


class SremgrPlugin(BasePlugin[SremgrConfig]):
    """Checklists and anti-patterns from YAML, rendered into the site."""

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Having on_startup keeps this instance across `mkdocs serve` rebuilds,
        # so the loader's cache spares unchanged YAML files a re-read.
        self.loader = CatalogLoader()
        self.serving = command == "serve"

    def on_shutdown(self) -> None:
        # MkDocs caches this instance per process; the next build must not think it serves.
        self.serving = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not hasattr(self, "loader"):  # used without on_startup (e.g. a bare build() call)
            self.loader = CatalogLoader()
            self.serving = False
        self.catalog = Catalog()
        self.generated: dict[str, PagePlan] = {}
        self.urls: dict[tuple[str, str], str] = {}
        self.slots: dict[str, list[markers.Marker]] = {}
        self._page_url: str | None = None
        self._page_plan: PagePlan | None = None
        self.theme_shows_tags = False
        self.storage_key = getattr(self, "storage_key", "")
        if not self.config.enabled:
            return config
        # One key for every version mike builds and every language mkdocs-static-i18n
        # builds: readers' progress carries across them (interop.py).
        i18n = interop.i18n_plugin(config)
        if i18n is None or not getattr(i18n, "building", False) or not self.storage_key:
            namespace = self.config.storage_namespace
            self.storage_key = storage_key(
                None if namespace is None else str(namespace),
                interop.site_url_without_mike_version(config),
                config.site_name,
            )
        self.markdown = self._renderer(config)
        # Material's tags plugin already shows a page's tags above its title.
        self.theme_shows_tags = "material/tags" in config.plugins
        # Per build: mkdocs-static-i18n builds each language with its own strings.
        language = resolve_language(
            self.config.language or interop.i18n_language(config) or theme_language(config.theme)
        )
        self.strings = Strings(language, self.config.strings)
        self.templates = template_env(
            list(config.theme.dirs), self.markdown, self._url_for, self.strings
        )
        interop.add_once(config.extra_css, ASSET_DIR + "sremgr.css")
        interop.add_once(config.extra_javascript, ASSET_DIR + "sremgr.js")
        self.strings_scripts = strings_scripts(self.strings)
        interop.link_before(
            config.extra_javascript,
            ASSET_DIR + strings_file(language) if self.strings_scripts else None,
            before=ASSET_DIR + "sremgr.js",
            family=ASSET_DIR + "strings.",
        )
        return config

    def _renderer(self, config: MkDocsConfig) -> MarkdownRenderer:
        """The previous build's renderer (and its cache) while the Markdown settings hold."""
        key = repr((config.markdown_extensions, config.mdx_configs))
        renderer: MarkdownRenderer | None = getattr(self, "markdown", None)
        if renderer is None or key != getattr(self, "_markdown_key", None):
            renderer = MarkdownRenderer(config.markdown_extensions, config.mdx_configs)
            self._markdown_key = key
        renderer.new_build()
        return renderer

    def checklist_root(self, config: MkDocsConfig) -> Path:
        return Path(config.docs_dir) / self.config.checklists_dir

    def sources(self, config: MkDocsConfig) -> list[Source]:
        project = Path(config.config_file_path or config.docs_dir).parent
        found = []
        if self.config.builtin:
            found += find_sources(builtin_dir(), builtin_dir().parent.parent, builtin=True)
        found += find_sources(self.checklist_root(config), project)
        return found

    def _on_files_load(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        added: list[File] = []
        result = self.loader.load(self.sources(config), self.config.exclude)
        if result.problems:
            if not self.serving:
                raise SremgrError(result.problems)
            # While serving, say what is wrong and keep the server up: the broken
            # files are left out until they are fixed, the rest of the site rebuilds.
            log.error(str(SremgrError(result.problems)))
        for note in result.notes:
            log.info(note)
        self._warn_unknown_excludes(result.catalog)
        self.catalog = result.catalog
        self._hide_yaml_sources(files, config)
        for plan in plan_pages(
            self.catalog,
            self.config.url_prefix,
            dashboard=self.config.dashboard,
            dashboard_title=self.strings("nav.dashboard"),
        ):
            if files.get_file_from_path(plan.src_uri) is not None:
                log.info(f"{plan.src_uri} exists in docs; it is used instead of the generated page")
                continue
            file = File.generated(config, plan.src_uri, content=page_source(plan))
            source = self._team_source(plan, config)
            if source is not None:  # for date plugins, and the edit button (interop.py)
                interop.point_at_yaml(file, source, config)
            added.append(file)
            self.generated[plan.src_uri] = plan
        assets = package_files("mkdocs_sremgr").joinpath("assets")
        for name in STATIC_ASSETS:
            added.append(
                File.generated(config, ASSET_DIR + name, abs_src_path=str(assets.joinpath(name)))
            )
        added.append(
            File.generated(config, ASSET_DIR + "sremgr.schema.json", content=schema_text())
        )
        # This language's strings for the scripts (none for English as shipped): i18n.py.
        for name, text in self.strings_scripts.items():
            added.append(File.generated(config, ASSET_DIR + name, content=text))
        self._deferred: list[File] = []
        if interop.i18n_plugin(config) is not None:
            self._deferred = added  # handed over after mkdocs-static-i18n: _on_files_after_i18n
            return files
        return self._add_files(files, added, config)

    @event_priority(-110)  # after mkdocs-static-i18n's on_files (-100): see interop.i18n_plugin
    def _on_files_after_i18n(self, files: Files, config: MkDocsConfig) -> Files | None:
        added, self._deferred = getattr(self, "_deferred", []), []
        if not added:
            return files
        folder = interop.i18n_language_dir(interop.i18n_plugin(config))
        for file in added:
            if file.src_uri in self.generated:
                interop.move_under(file, folder)
        # One manifest serves every language (the same items, one key): the default
        # language's, written first; the other builds leave it as it is.
        return self._add_files(files, added, config, manifest=not folder)

    on_files = CombinedEvent(_on_files_load, _on_files_after_i18n)

    def _add_files(
        self, files: Files, added: list[File], config: MkDocsConfig, *, manifest: bool = True
    ) -> Files:
        """Adds the generated pages and assets, then the manifest naming the pages' URLs."""
        for file in added:
            files.append(file)
            plan = self.generated.get(file.src_uri)
            if plan is not None:
                self.urls[(plan.kind, plan.id)] = file.url
        if manifest:
            text = build_manifest(
                self.catalog, self.urls, self.storage_key, self.config.fiscal_year_start
            )
            files.append(File.generated(config, ASSET_DIR + "manifest.json", content=text))
            # The dashboard loads this one: a data script works from file:// too.
            files.append(
                File.generated(config, ASSET_DIR + "manifest.js", content=manifest_script(text))
            )
        return files

    def _team_source(self, plan: PagePlan, config: MkDocsConfig) -> Path | None:
        """The team's YAML file behind a generated page (None for the built-in pack)."""
        table = self.catalog.checklists if plan.kind == "checklist" else self.catalog.antipatterns
        entry = table.get(plan.id) if plan.kind != "dashboard" else None
        if entry is None or entry.builtin or entry.doc is None:
            return None
        project = Path(config.config_file_path or config.docs_dir).parent
        source = project / entry.doc.path
        return source if source.is_file() else None

    def _hide_yaml_sources(self, files: Files, config: MkDocsConfig) -> None:
        """Checklist YAML is source, not content: keep it out of the built site."""
        prefix = Path(self.config.checklists_dir).as_posix().strip("/") + "/"
        for file in list(files):
            if file.src_uri.startswith(prefix) and file.src_uri.endswith((".yml", ".yaml")):
                files.remove(file)

    def _warn_unknown_excludes(self, catalog: Catalog) -> None:
        if not self.config.builtin:
            return
        pack = {s.path.stem for s in find_sources(builtin_dir(), builtin=True)}
        for ident in self.config.exclude:
            if ident not in pack:
                log.warning(
                    f"`exclude` lists `{ident}`, which is no built-in checklist or "
                    "anti-pattern; check the spelling"
                )

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
        # A user's own `nav` is theirs: generated pages appear only where it lists them.
        if self.config.enabled and config.nav is None:
            arrange_nav(
                nav,
                self.generated,
                self.config.nav_section or self.strings("nav.handbook"),
                self.strings("nav.antipatterns"),
            )
        return nav

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or "sremgr:" not in markdown:
            return markdown
        generated = page.file.src_uri in self.generated
        path = page.file.src_uri if generated else _docs_path(page, config)
        text, found, problems = markers.find_markers(markdown, path, self.catalog)
        if problems:
            raise SremgrError(problems)
        self.slots[page.file.src_uri] = found
        return text

    @event_priority(50)  # before other plugins read the HTML (e.g. to post-process links)
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        found = self.slots.pop(page.file.src_uri, None)
        if not found:
            return html
        self._page_url = page.url
        self._page_plan = self.generated.get(page.file.src_uri)
        html = markers.SLOT.sub(lambda m: self._render(found[int(m.group(1))]), html)
        # A slot that Markdown turned into code text (an indented code block) shows the
        # marker as written, like any other code.
        html = markers.ESCAPED_SLOT.sub(lambda m: escape(found[int(m.group(1))].text), html)
        if page.present_anchor_ids is not None:
            # Let links to `page.md#be-on-call--basics` validate like any heading anchor.
            page.present_anchor_ids |= set(_ANCHOR.findall(html))
        plan = self.generated.get(page.file.src_uri)
        if plan is not None and plan.kind == "checklist":
            page.toc = get_toc(self._toc_tokens(page, plan.id))
        return html

    @event_priority(-50)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        # Material's blog renders a post's excerpt on its index and archive pages from the
        # post's Markdown, slots included, where no on_page_content of ours runs: a slot
        # left there becomes a short link to what the marker named (interop.excerpt_link).
        if not self.config.enabled or "sremgr-slot-" not in output:
            return output
        return markers.LEFTOVER_SLOT.sub(lambda m: self._excerpt_link(m, page), output)

    def _excerpt_link(self, match: re.Match[str], page: Page) -> str:
        if match.group(3):  # in code: the marker as written, like any other code
            written = f"sremgr:{match.group(3)} {match.group(4)}".strip()
            return escape(f"<!-- {written} -->")
        kind, ident = match.group(1), match.group(2)
        if kind == "dashboard":
            target = self.urls.get(("dashboard", "dashboard"))
            title = self.strings("nav.dashboard")
        else:
            table = self.catalog.checklists if kind == "checklist" else self.catalog.antipatterns
            entry = table.get(ident)
            target, title = self.urls.get((kind, ident)), entry.title if entry else ident
        if target is None:
            return ""
        labels = {
            "checklist": self.strings("nav.checklist"),
            "antipattern": self.strings("nav.antipattern"),
            "handbook": self.strings("nav.handbook"),
        }
        return interop.excerpt_link(kind, title, target, page.url, labels)

    def _render(self, marker: markers.Marker) -> str:
        # One source for what each marker shows, shared with the Markdown extension (mdext.py).
        context = marker_context(self.catalog, self.markdown, marker)
        template = self.templates.get_template(f"sremgr/{marker.kind}.html")
        return template.render(
            storage_key=self.storage_key,
            fiscal_year_start=self.config.fiscal_year_start,
            theme_shows_tags=self._tags_shown_by_theme(marker),
            **context,
        )

    def _tags_shown_by_theme(self, marker: markers.Marker) -> bool:
        """True on a generated page whose front matter already gave Material its tags."""
        plan = self._page_plan
        return (
            self.theme_shows_tags
            and plan is not None
            and plan.kind == marker.kind
            and plan.id == marker.id
        )

    def _url_for(self, kind: str, ident: str) -> str:
        target = self.urls.get((kind, ident))
        if target is None:
            return "#"
        return get_relative_url(target or "./", self._page_url or "./")

    def _toc_tokens(self, page: Page, ident: str) -> list[dict[str, Any]]:
        """Sections become the page's table of contents (they are HTML, not Markdown headings)."""
        checklist = self.catalog.checklists[ident]
        tokens: list[dict[str, Any]] = [
            {"level": 2, "id": f"{ident}--{s.id}", "name": s.title, "children": []}
            for s in checklist.sections
        ]
        h1 = [t for t in (page.toc.items if page.toc else []) if t.level == 1]
        if h1:
            return [{"level": 1, "id": h1[0].id, "name": h1[0].title, "children": tokens}]
        return tokens

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        root = self.checklist_root(config)
        if self.config.enabled and root.is_dir():
            server.watch(str(root))
        return server


def _docs_path(page: Page, config: MkDocsConfig) -> str:
    """The page's path as the author sees it, e.g. `docs/guide.md`."""
    docs = Path(config.docs_dir)
    project = Path(config.config_file_path).parent if config.config_file_path else docs.parent
    try:
        return posixpath.join(docs.relative_to(project).as_posix(), page.file.src_uri)
    except ValueError:
        return page.file.src_uri
