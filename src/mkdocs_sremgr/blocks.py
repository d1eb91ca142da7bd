"""What a marker becomes in a page: its template, rendered with the page's own context."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jinja2

from mkdocs_sremgr.markers import Marker
from mkdocs_sremgr.model import Catalog
from mkdocs_sremgr.pages import PagePlan
from mkdocs_sremgr.render import MarkdownRenderer, relative_url


@dataclass
class BlockRenderer:
    """Renders `sremgr/<kind>.html` for one marker; one instance per build."""

    catalog: Catalog
    templates: jinja2.Environment
    markdown: MarkdownRenderer
    urls: dict[tuple[str, str], str]
    storage_key: str
    fiscal_year_start: int
    theme_shows_tags: bool = False

    def render(self, marker: Marker, *, page_url: str, plan: PagePlan | None) -> str:
        context = marker_context(self.catalog, self.markdown, marker)

        def url_for(kind: str, ident: str) -> str:
            target = self.urls.get((kind, ident))
            return "#" if target is None else relative_url(target, page_url)

        # Material's tags plugin already shows a generated page's tags above its title.
        own_page = plan is not None and (plan.kind, plan.id) == (marker.kind, marker.id)
        template = self.templates.get_template(f"sremgr/{marker.kind}.html")
        return template.render(
            storage_key=self.storage_key,
            fiscal_year_start=self.fiscal_year_start,
            theme_shows_tags=self.theme_shows_tags and own_page,
            url_for=url_for,
            page_url=page_url,
            **context,
        )


def marker_context(catalog: Catalog, markdown: MarkdownRenderer, marker: Marker) -> dict[str, Any]:
    """What a marker's template shows; its Markdown snippets are converted in one run.

    Shared by the plugin and the Markdown extension (mdext.py), so both show the same."""
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
    checklists = catalog.sorted_checklists()
    markdown.prefetch((c.lesson, True) for c in checklists)
    return {"checklists": checklists, "antipatterns": catalog.sorted_antipatterns()}
