"""Generated pages: their Markdown source, their place in the site and in the nav."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from importlib.resources import files as package_files
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from mkdocs_sremgr.catalog import builtin_dir
from mkdocs_sremgr.model import AntiPattern, Catalog, Checklist


@dataclass(frozen=True)
class PagePlan:
    """One page the plugin adds: what it shows and where it lives."""

    kind: str  # checklist | antipattern | dashboard
    id: str
    src_uri: str
    title: str
    tags: tuple[str, ...] = ()


def plan_pages(
    catalog: Catalog, url_prefix: str, *, dashboard: bool, dashboard_title: str = "Dashboard"
) -> list[PagePlan]:
    plans = []
    if dashboard:
        plans.append(
            PagePlan("dashboard", "dashboard", f"{url_prefix}dashboard.md", dashboard_title)
        )
    entries: list[Checklist | AntiPattern] = [
        *catalog.sorted_checklists(),
        *catalog.sorted_antipatterns(),
    ]
    for entry in entries:
        folder = "antipatterns/" if entry.kind == "antipattern" else ""
        plans.append(
            PagePlan(
                entry.kind,
                entry.id,
                f"{url_prefix}{folder}{entry.id}.md",
                entry.title,
                tuple(entry.tags),
            )
        )
    return plans


def page_source(plan: PagePlan, *, body: str = "") -> str:
    """Markdown for a generated page: front matter, a title, and the marker to expand.

    Titles and tags are plain text: themes put the front matter's values into HTML as they
    are (nav, `<title>`, Material's tag chips), so they are HTML-escaped there, and the h1
    escapes Markdown as well. `body` replaces the marker (a broken file's problems).
    """
    # render_macros: mkdocs-macros leaves the page alone, so a title with `{%` stays text.
    meta: dict[str, object] = {
        "title": escape(plan.title),
        "sremgr": plan.kind,
        "render_macros": False,
    }
    if plan.tags:
        meta["tags"] = [escape(tag) for tag in plan.tags]
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    marker = "dashboard" if plan.kind == "dashboard" else f"{plan.kind} {plan.id}"
    body = body or f"<!-- sremgr:{marker} -->"
    return f"---\n{front}---\n\n# {markdown_text(plan.title)}\n\n{body}\n"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def markdown_text(text: str) -> str:
    """One line of plain text that Markdown shows as written: no emphasis, link or HTML.

    HTML characters become entities and Markdown's own get a backslash (the characters
    Python-Markdown unescapes), so neither a tag nor a marker survives into the page."""
    line = escape(" ".join(text.split()), quote=False)
    return _MARKDOWN_SPECIAL.sub(r"\\\1", line)


def checklist_toc(checklist: Checklist, page_toc: Any) -> list[dict[str, Any]]:
    """A checklist page's table of contents: its sections (HTML, not Markdown headings),
    under the page's h1 when it has one."""
    tokens: list[dict[str, Any]] = [
        {"level": 2, "id": f"{checklist.id}--{s.id}", "name": s.title, "children": []}
        for s in checklist.sections
    ]
    h1 = [t for t in (page_toc.items if page_toc else []) if t.level == 1]
    if h1:
        return [{"level": 1, "id": h1[0].id, "name": h1[0].title, "children": tokens}]
    return tokens


def arrange_nav(
    nav: Navigation,
    generated: dict[str, PagePlan],
    section_title: str,
    antipatterns_title: str = "Anti-patterns",
    *,
    rename_placed: bool = True,
) -> None:
    """Gather the generated pages in one nav section, in handbook order.

    MkDocs' automatic nav files them by folder and alphabet; readers expect the
    dashboard first, the checklists in lesson order, then the anti-patterns. A section that
    a user's nav file already placed and titled (mkdocs-awesome-nav's `.nav.yml`) keeps its
    title unless `rename_placed` (the author set `nav_section`).
    """
    ours = [p for p in nav.pages if p.file.src_uri in generated]
    if not ours:
        return
    home = ours[0].parent
    order = {uri: n for n, uri in enumerate(generated)}

    def rank(page: Page) -> int:
        return order[page.file.src_uri]

    for page in ours:
        _detach(nav, page)
    # The section the pages came from keeps its place, which a user's nav (e.g. a
    # mkdocs-awesome-nav `.nav.yml`) may have chosen.
    _prune_empty(nav.items, keep=home)
    pages = sorted((p for p in ours if generated[p.file.src_uri].kind != "antipattern"), key=rank)
    antipatterns = sorted(
        (p for p in ours if generated[p.file.src_uri].kind == "antipattern"), key=rank
    )
    children: list[Any] = list(pages)
    if antipatterns:
        children.append(Section(antipatterns_title, list[Any](antipatterns)))
    target = home if isinstance(home, Section) and _attached(nav, home) else None
    if target is None:
        target = Section(section_title, [])
        nav.items.append(target)
    elif rename_placed or not _titled_by_author(target, home_folder(generated)):
        target.title = section_title
    target.children.extend(children)
    _refresh(nav)


def home_folder(generated: dict[str, PagePlan]) -> str:
    """The name of the folder the generated pages live in (`handbook` for `x/handbook/`)."""
    folders = sorted((uri.rsplit("/", 1)[0] for uri in generated if "/" in uri), key=len)
    return folders[0].rsplit("/", 1)[-1] if folders else ""


def _titled_by_author(section: Section, folder: str) -> bool:
    """Whether the section's title is not MkDocs' own title for the folder (`Handbook` for
    `handbook/`), so a nav file gave it: MkDocs titles a folder with its name, capitalised."""
    return section.title != folder.replace("-", " ").replace("_", " ").capitalize()


def _detach(nav: Navigation, page: Page) -> None:
    siblings = page.parent.children if page.parent else nav.items
    siblings.remove(page)


def _prune_empty(items: list[Any], keep: object = None) -> None:
    for item in list(items):
        if isinstance(item, Section):
            _prune_empty(item.children, keep)
            if not item.children and item is not keep:
                items.remove(item)


def _attached(nav: Navigation, section: Section) -> bool:
    node: Section | None = section
    while node is not None and node.parent is not None:
        node = node.parent
    return node in nav.items


def _refresh(nav: Navigation) -> None:
    """Re-link parents, the page list and previous/next after moving pages."""
    pages: list[Page] = []

    def walk(items: list[Any], parent: Section | None) -> None:
        for item in items:
            item.parent = parent
            if isinstance(item, Section):
                walk(item.children, item)
            elif isinstance(item, Page):
                pages.append(item)

    walk(nav.items, None)
    for before, after in pairwise(pages):
        before.next_page, after.previous_page = after, before
    if pages:
        pages[0].previous_page = None
        pages[-1].next_page = None
    nav.pages = pages


def packaged_source(plan: PagePlan) -> Path:
    """The package's own file behind a page it makes: a built-in entry's YAML, else the
    page's template."""
    folder = {"checklist": "checklists", "antipattern": "antipatterns"}.get(plan.kind)
    if folder:
        pack_file = builtin_dir() / folder / f"{plan.id}.yml"
        if pack_file.is_file():
            return pack_file
    known = plan.kind in ("checklist", "antipattern", "dashboard")
    template = f"{plan.kind if known else 'checklist'}.html"
    return Path(str(package_files("mkdocs_sremgr").joinpath("templates", "sremgr", template)))
