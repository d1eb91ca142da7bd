"""Generated pages: which the handbook has, their Markdown source and their place in the site.

No MkDocs import: the Markdown extension and `write-pages` use it too (the nav is `nav.py`).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from html import escape
from importlib.resources import files as package_files
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml

from mkdocs_sremgr.catalog import builtin_dir
from mkdocs_sremgr.model import AntiPattern, Catalog, Checklist, Pulse
from mkdocs_sremgr.rules import ANTIPATTERN_FOLDER, DASHBOARD_PAGE, PULSE_FOLDER


@dataclass(frozen=True)
class PagePlan:
    """One page the plugin adds: what it shows and where it lives."""

    kind: str  # checklist | antipattern | pulse | dashboard
    id: str
    src_uri: str
    title: str
    tags: tuple[str, ...] = ()


def plan_pages(
    catalog: Catalog, url_prefix: str, *, dashboard: bool, dashboard_title: str = "Dashboard"
) -> list[PagePlan]:
    plans = []
    if dashboard:
        uri = f"{url_prefix}{DASHBOARD_PAGE}.md"
        plans.append(PagePlan("dashboard", "dashboard", uri, dashboard_title))
    entries: list[Checklist | AntiPattern | Pulse] = [
        *catalog.sorted_checklists(),
        *([catalog.pulse] if catalog.pulse is not None else []),
        *catalog.sorted_antipatterns(),
    ]
    for entry in entries:
        folder = entry_folder(entry.kind)
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


def entry_folder(kind: str) -> str:
    """The folder under url_prefix where pages of this kind live ("" for checklists)."""
    folders = {"antipattern": f"{ANTIPATTERN_FOLDER}/", "pulse": f"{PULSE_FOLDER}/"}
    return folders.get(kind, "")


def page_url(src_uri: str, use_directory_urls: bool) -> str:
    """The URL (from the site's root) a page at `src_uri` gets, as MkDocs' `File.url`."""
    parent, name = posixpath.split(src_uri.removesuffix(".md"))
    if use_directory_urls:
        url = posixpath.join(parent, name) + "/" if name != "index" else (parent or ".") + "/"
    else:
        url = posixpath.join(parent, name + ".html")
    return quote(url)


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


def packaged_source(plan: PagePlan) -> Path:
    """The package's own file behind a page it makes: a built-in entry's YAML, else the
    page's template."""
    folder = {"checklist": "checklists", "antipattern": "antipatterns", "pulse": "pulse"}.get(
        plan.kind
    )
    if folder:
        pack_file = builtin_dir() / folder / f"{plan.id}.yml"
        if pack_file.is_file():
            return pack_file
    known = plan.kind in ("checklist", "antipattern", "pulse", "dashboard")
    template = f"{plan.kind if known else 'checklist'}.html"
    return Path(str(package_files("mkdocs_sremgr").joinpath("templates", "sremgr", template)))
