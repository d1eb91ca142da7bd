"""The MkDocs plugin: wires MkDocs events to the loader, the renderer and the manifest.

It holds no rules of its own: it is an adapter over the core (`publish.py`), which the
Markdown extension and write-pages share. The handbook, its files (`publish.outputs`, turned
into `File.generated` here) and a marker's HTML (`publish.render_marker`) come from there;
problems become MkDocs' `PluginError` here, at the edge.

One error policy: `mkdocs build` fails with every problem of every file and page, each with
its file:line:column, in one pass: they are gathered while the pages are read and raised once
all are (`on_env`). `mkdocs serve` never stops and never raises for an author's error: it logs
the problems, and the page of a broken file (and every marker naming it) shows them in the
browser until the file is fixed.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from html import escape
from pathlib import Path
from typing import Any, Literal

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from mkdocs_sremgr import interop, markers, publish
from mkdocs_sremgr.catalog import CatalogLoader, is_yaml_name
from mkdocs_sremgr.config import SremgrConfig
from mkdocs_sremgr.errors import Problem, format_problems
from mkdocs_sremgr.handbook import Handbook
from mkdocs_sremgr.i18n import Strings, strings_file, strings_scripts, theme_language
from mkdocs_sremgr.links import RenamedLinks
from mkdocs_sremgr.model import Catalog
from mkdocs_sremgr.nav import arrange_nav
from mkdocs_sremgr.pages import PagePlan, checklist_toc, entry_folder, packaged_source, page_source
from mkdocs_sremgr.publish import ASSET_DIR, HandbookOptions, Output, PublishedHandbook
from mkdocs_sremgr.render import MarkdownRenderer, relative_url, template_env
from mkdocs_sremgr.rules import RESERVED_IDS

log = get_plugin_logger(__name__)
_ANCHOR = re.compile(r'\sid="([^"]+)"')


class SremgrError(PluginError):
    """An author's error: a list of problems, shown by MkDocs without a traceback."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


class SremgrPlugin(BasePlugin[SremgrConfig]):  # type: ignore[no-untyped-call]
    """Checklists and anti-patterns from YAML, rendered into the site."""

    def __init__(self) -> None:
        super().__init__()
        # Kept across `mkdocs serve` rebuilds (MkDocs keeps a plugin that has on_startup):
        # unchanged YAML files are not read again, unchanged Markdown not converted again.
        self.loader = CatalogLoader()
        self.markdown: MarkdownRenderer | None = None
        self._markdown_key: str | None = None
        self.serving = False
        self.links = RenamedLinks(note=log.info)  # links to a renamed checklist's old page
        self._reset()

    def _reset(self) -> None:
        """What one build knows; nothing of it outlives the build."""
        self.handbook: Handbook | None = None
        self.published: PublishedHandbook | None = None
        self.options = HandbookOptions()
        self.problems: list[Problem] = []  # raised once every page is read (on_env)
        self.catalog = Catalog()
        self.generated: dict[str, PagePlan] = {}
        self.urls: dict[tuple[str, str], str] = {}
        self.slots = markers.Slots()
        self.found: dict[str, list[markers.Marker]] = {}
        self.broken: dict[tuple[str, str], str] = {}
        self.storage_key = ""
        self.templates: jinja2.Environment | None = None
        self.theme_shows_tags = False
        self.strings = Strings()
        self.strings_scripts: dict[str, str] = {}
        self._deferred: list[File] = []  # handed over after mkdocs-static-i18n (on_files)
        self.redirects: set[str] = set()  # src_uri of the pages at renamed checklists' URLs

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        self.serving = command == "serve"

    def on_shutdown(self) -> None:
        # MkDocs caches this instance per process; the next build must not think it serves.
        self.serving = False

    # After other plugins' on_config (priority 0), whatever their place in `plugins:`: Backstage's
    # techdocs-core sets the theme and the Markdown extensions there, and the renderer and the
    # templates below must see them. Still before mkdocs-static-i18n's (-100): see interop.py.
    @event_priority(-50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # mkdocs-static-i18n runs on_config again for each further language: every language
        # keeps the first build's storage key, so a tick shows in all of them (interop.py).
        i18n = interop.i18n_plugin(config)
        key = self.storage_key if i18n is not None and getattr(i18n, "building", False) else ""
        self._reset()
        if not self.config.enabled:
            return config
        # Per build: mkdocs-static-i18n builds each language with its own strings.
        requested = (
            self.config.language or interop.i18n_language(config) or theme_language(config.theme)
        )
        # The plugin's options, checked by config.py with the core's rules, for the core.
        self.options = HandbookOptions(
            checklists_dir=self.config.checklists_dir,
            base_dir=config.docs_dir,
            project_dir=str(Path(config.config_file_path or config.docs_dir).parent),
            checklists_in_docs=True,
            builtin=self.config.builtin,
            exclude=tuple(self.config.exclude),
            url_prefix=self.config.url_prefix,
            storage_namespace=self.config.storage_namespace or "",
            fiscal_year_start=self.config.fiscal_year_start,
            pulse_minimum=self.config.pulse_minimum,
            site_name=config.site_name,
            # One key for every version mike builds too, whatever the plugins' order.
            site_url=interop.site_url_without_mike_version(config) or "",
            use_directory_urls=config.use_directory_urls,
            dashboard=self.config.dashboard,
            language=requested or "",
            strings=publish.canonical_strings(self.config.strings),
            template_dirs=tuple(config.theme.dirs),
        )
        self.storage_key = key or publish.handbook_key(self.options)
        self.markdown = self._renderer(config)
        self.links.renamed, self.links.current = {}, ""
        extensions: list[Any] = config.markdown_extensions  # names, and instances
        if self.links not in extensions:  # on_config runs again per language
            extensions.append(self.links)
        self.theme_shows_tags = "material/tags" in config.plugins
        self.strings = self.options.strings_table()
        self.templates = template_env(list(config.theme.dirs), self.markdown, self.strings)
        interop.add_once(config.extra_css, ASSET_DIR + "sremgr.css")
        interop.add_once(config.extra_javascript, ASSET_DIR + "sremgr.js")
        self.strings_scripts = strings_scripts(self.strings)
        interop.link_before(
            config.extra_javascript,
            ASSET_DIR + strings_file(self.strings.language) if self.strings_scripts else None,
            before=ASSET_DIR + "sremgr.js",
            family=ASSET_DIR + "strings.",
        )
        return config

    def _renderer(self, config: MkDocsConfig) -> MarkdownRenderer:
        """The previous build's renderer (and its cache) while the Markdown settings hold."""
        # Not the link rewriter: the YAML's Markdown is no page of the site.
        extensions = [e for e in list[Any](config.markdown_extensions) if e is not self.links]
        key = repr((extensions, config.mdx_configs))
        renderer = self.markdown
        if renderer is None or key != self._markdown_key:
            renderer = MarkdownRenderer(extensions, config.mdx_configs)
            self._markdown_key = key
        renderer.new_build()
        return renderer

    def checklist_root(self, config: MkDocsConfig) -> Path:
        return Path(config.docs_dir) / str(self.config.checklists_dir)

    # Before plugins of the default priority, whatever the order in `plugins:`, so they see
    # the generated pages (mkdocs-redirects collects the pages it may redirect to here).
    @event_priority(10)
    def _on_files_load(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        handbook = publish.load(self.options, loader=self.loader)
        self.handbook = handbook
        if handbook.problems:
            # Not raised yet: the pages' markers are checked too, and all is raised at once.
            self._problems(handbook.problems)
        for note in handbook.notes:
            log.info(note)
        for ident in handbook.unknown_excludes:
            log.warning(
                f"`exclude` lists `{ident}`, which is no built-in checklist or "
                "anti-pattern; check the spelling"
            )
        self.catalog = handbook.catalog
        self._hide_yaml_sources(files)
        assert self.templates is not None and self.markdown is not None
        self.published = publish.publish(
            self.options,
            self.catalog,
            self.markdown,
            strings=self.strings,
            key=self.storage_key,
            templates=self.templates,
        )
        added: list[File] = []
        for output in publish.page_outputs(self.published):
            assert output.page is not None and output.content is not None
            self._add_page(files, added, config, output.page, output.content)
        self._add_broken_pages(files, added, config, handbook)
        for output in publish.redirect_outputs(self.published):
            if not any(files.get_file_from_path(uri) for uri in output.yields_to):
                added.append(self._file(config, output))
                self.redirects.add(output.uri)
        added += [self._file(config, output) for output in publish.asset_outputs(self.published)]
        prefix = self.config.url_prefix
        self.links.renamed = {
            f"{prefix}{old}.md": f"{prefix}{checklist.id}.md"
            for old, checklist in publish.renamed_checklists(self.published)
            if files.get_file_from_path(f"{prefix}{old}.md") is None
            and f"{prefix}{checklist.id}.md" in self.generated
        }
        if interop.i18n_plugin(config) is not None:
            self._deferred = added  # handed over after mkdocs-static-i18n: _on_files_after_i18n
            return files
        return self._hand_over(files, added, config)

    @event_priority(-110)  # after mkdocs-static-i18n's on_files (-100): see interop.i18n_plugin
    def _on_files_after_i18n(self, files: Files, config: MkDocsConfig) -> Files | None:
        added, self._deferred = self._deferred, []
        if not added:
            return files
        folder = interop.i18n_language_dir(interop.i18n_plugin(config))
        for file in added:
            if file.src_uri in self.generated or file.src_uri in self.redirects:
                interop.move_under(file, folder)
        # One manifest serves every language (the same items, one key): the default
        # language's, written first; the other builds leave it as it is.
        return self._hand_over(files, added, config, manifest=not folder)

    on_files = CombinedEvent(_on_files_load, _on_files_after_i18n)

    def _hand_over(
        self, files: Files, added: list[File], config: MkDocsConfig, *, manifest: bool = True
    ) -> Files:
        """Adds the generated pages and assets, then the manifest naming the pages' URLs."""
        for file in added:
            files.append(file)
            plan = self.generated.get(file.src_uri)
            if plan is not None:
                self.urls[(plan.kind, plan.id)] = file.url
        if manifest and self.published is not None:
            # The pages' URLs as MkDocs gave them (mkdocs-static-i18n may have moved them).
            self.published.urls = dict(self.urls)
            for output in publish.manifest_outputs(self.published):
                files.append(self._file(config, output))
        return files

    @staticmethod
    def _file(config: MkDocsConfig, output: Output) -> File:
        if output.source is not None:
            return File.generated(config, output.uri, abs_src_path=str(output.source))
        return File.generated(config, output.uri, content=output.content or "")

    def _add_page(
        self, files: Files, added: list[File], config: MkDocsConfig, plan: PagePlan, source: str
    ) -> None:
        if files.get_file_from_path(plan.src_uri) is not None:
            log.info(f"{plan.src_uri} exists in docs; it is used instead of the generated page")
            return
        file = File.generated(config, plan.src_uri, content=source)
        yaml_file = self._team_source(plan, config)
        if yaml_file is not None:  # for date plugins, and the edit button (interop.py)
            interop.point_at_yaml(file, yaml_file, config)
        else:  # plugins that read every page's source file (mkdocs-rss-plugin)
            interop.name_packaged_source(file, packaged_source(plan))
        added.append(file)
        self.generated[plan.src_uri] = plan

    def _team_source(self, plan: PagePlan, config: MkDocsConfig) -> Path | None:
        """The team's YAML file behind a generated page (None for the built-in pack)."""
        if plan.kind == "checklist":
            entry: Any = self.catalog.checklists.get(plan.id)
        elif plan.kind == "antipattern":
            entry = self.catalog.antipatterns.get(plan.id)
        elif plan.kind == "pulse":
            entry = self.catalog.pulse
        else:
            return None
        if entry is None or entry.builtin or entry.doc is None:
            return None
        project = Path(config.config_file_path or config.docs_dir).parent
        source = project / entry.doc.path
        return source if source.is_file() else None

    def _add_broken_pages(
        self, files: Files, added: list[File], config: MkDocsConfig, handbook: Handbook
    ) -> None:
        """While serving: a broken file's page shows its problems instead of a 404."""
        problems = handbook.broken_files()
        for path, (kind, ident) in sorted(handbook.broken.items()):
            pulse = self.catalog.pulse
            tables: dict[str, dict[str, Any]] = {
                "checklist": self.catalog.checklists,
                "antipattern": self.catalog.antipatterns,
                "pulse": {pulse.id: pulse} if pulse is not None else {},
            }
            table = tables[kind]
            self.broken[(kind, ident)] = path
            # e.g. a broken extension of a checklist that still builds; a reserved id's page
            # is the handbook's own (its file's problem says so)
            if ident in table or (kind == "checklist" and ident in RESERVED_IDS):
                continue
            uri = f"{self.config.url_prefix}{entry_folder(kind)}{ident}.md"
            plan = PagePlan("broken", ident, uri, ident)
            body = markers.error_box(problems.get(path, []))
            self._add_page(files, added, config, plan, page_source(plan, body=body))

    def _hide_yaml_sources(self, files: Files) -> None:
        """Checklist YAML is source, not content: keep it out of the built site."""
        prefix = self.config.checklists_dir.strip("/") + "/"
        for file in list(files):
            if file.src_uri.startswith(prefix) and is_yaml_name(file.src_uri):
                files.remove(file)

    def _on_nav_arrange(
        self, nav: Navigation, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        # A user's own `nav` is theirs: generated pages appear only where it lists them.
        if self.config.enabled and config.nav is None:
            arrange_nav(
                nav,
                self.generated,
                self.config.nav_section or self.strings("nav.handbook"),
                self.strings("nav.antipatterns"),
                rename_placed=self.config.nav_section is not None,
            )
        return nav

    @event_priority(-100)  # after the plugins that build a nav (literate-nav, monorepo…)
    def _on_nav_check(
        self, nav: Navigation, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        """A nav that leaves every generated page out hides the handbook: say how to list it
        (MkDocs itself only lists such pages at INFO level)."""
        if not self.config.enabled or not self.generated:
            return nav
        listed = {page.file.src_uri for page in nav.pages}
        if listed.isdisjoint(self.generated) and not interop.left_out_on_purpose(
            config, self.config.url_prefix
        ):
            title = self.config.nav_section or self.strings("nav.handbook")
            first = next(iter(self.generated))  # the dashboard, when there is one
            log.warning(
                f"the site's nav lists no page of the handbook, so readers cannot find it; "
                f"add `- {title}: {first}` to `nav` (or to your nav file), or list "
                f"`{self.config.url_prefix}` under `not_in_nav` to leave it out on purpose"
            )
        return nav

    on_nav = CombinedEvent(_on_nav_arrange, _on_nav_check)

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return markdown
        # Not `generated_by`: a page built from a team's YAML names that file as its source.
        generated = page.file.src_uri in self.generated
        path = page.file.src_uri if generated else _docs_path(page, config)
        self.links.current, self.links.shown = page.file.src_uri, path  # converted next
        if "sremgr:" not in markdown:
            return markdown
        # A wrong marker's problem is known once Markdown has placed it (on_page_content).
        text, found, _ = markers.find_markers(
            markdown, path, self.catalog, self.slots, broken=self.broken
        )
        for marker in found:
            if marker.renamed_from:
                log.info(markers.rename_note(marker, path))
        if found:
            self.found[page.file.src_uri] = found
        return text

    @event_priority(50)  # before other plugins read the HTML (e.g. to post-process links)
    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        found = self.found.pop(page.file.src_uri, None)
        if not found or self.published is None:
            return html
        plan = self.generated.get(page.file.src_uri)
        published = self.published

        def url_for(kind: str, ident: str) -> str:
            target = self.urls.get((kind, ident))
            return "#" if target is None else relative_url(target, page.url)

        def render(marker: markers.Marker) -> str:
            # Material's tags plugin already shows a generated page's tags above its title.
            own_page = plan is not None and (plan.kind, plan.id) == (marker.kind, marker.id)
            return publish.render_marker(
                published,
                marker,
                url_for=url_for,
                page_url=page.url,
                theme_shows_tags=self.theme_shows_tags and own_page,
            )

        html, problems = markers.fill_slots(
            html, found, self.slots, render, show_problems=self.serving
        )
        self._problems(problems)
        if page.present_anchor_ids is not None:
            # Let links to `page.md#be-on-call--basics` validate like any heading anchor.
            page.present_anchor_ids |= set(_ANCHOR.findall(html))
        if plan is not None and plan.kind == "checklist" and plan.id in self.catalog.checklists:
            tokens: Any = checklist_toc(self.catalog.checklists[plan.id], page.toc)
            page.toc = get_toc(tokens)
        return html

    def _problems(self, problems: list[Problem]) -> None:
        """An author's errors: logged while serving, raised after every page otherwise."""
        if problems and self.serving:
            log.error(format_problems(problems))
        elif problems:
            self.problems += problems

    # The first event after every page's Markdown is read: the build fails here, with the
    # problems of every file and page, before a page is written (and before other plugins'
    # on_env, which may be slow).
    @event_priority(100)
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        problems, self.problems = self.problems, []
        if problems:
            raise SremgrError(set(problems))
        return env

    @event_priority(-50)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        # Material's blog renders a post's excerpt on its index and archive pages from the
        # post's Markdown, slots included, where no on_page_content of ours runs: a slot
        # left there becomes a short link to what the marker named (interop.excerpt_link).
        if not self.config.enabled or "sremgr-slot-" not in output:
            return output
        return self.slots.leftover.sub(lambda m: self._excerpt_link(m, page), output)

    def _excerpt_link(self, match: re.Match[str], page: Page) -> str:
        if match.group(3):  # in code: the marker as written, like any other code
            written = f"sremgr:{match.group(3)} {match.group(4)}".strip()
            return escape(f"<!-- {written} -->")
        kind, ident = match.group(1), match.group(2)
        if kind == "dashboard":
            title = self.strings("nav.dashboard")
        elif kind == "checklist" and ident in self.catalog.checklists:
            title = self.catalog.checklists[ident].title
        elif kind == "antipattern" and ident in self.catalog.antipatterns:
            title = self.catalog.antipatterns[ident].title
        elif kind == "pulse" and self.catalog.pulse is not None:
            title = self.catalog.pulse.title
        else:
            title = ident
        target = self.urls.get((kind, ident or "dashboard"))
        if target is None:
            return ""
        labels = {
            "checklist": self.strings("nav.checklist"),
            "antipattern": self.strings("nav.antipattern"),
            "handbook": self.strings("nav.handbook"),
        }
        return interop.excerpt_link(kind, title, target, page.url, labels)

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
