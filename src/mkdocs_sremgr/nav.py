"""The generated pages' place in MkDocs' nav (the plugin only: MkDocs' own nav classes)."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from mkdocs_sremgr.pages import PagePlan


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
    dashboard first, the checklists in lesson order, then the anti-patterns.
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
        # A section a user's nav file (mkdocs-awesome-nav's `.nav.yml`) placed and titled
        # keeps that title unless the author set `nav_section`.
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
