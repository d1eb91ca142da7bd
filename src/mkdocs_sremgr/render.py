"""Rendering: the site's own Markdown for YAML text, Jinja2 templates a theme can override."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import jinja2
import markdown
from markupsafe import Markup

_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)
_SPLIT = "<!--sremgr-split-->"


class MarkdownRenderer:
    """Converts Markdown from YAML with the site's extensions (admonition, attr_list, ...).

    Results are cached by text: during `mkdocs serve` an unchanged item costs nothing.
    """

    def __init__(self, extensions: list[Any], extension_configs: dict[str, Any]) -> None:
        self._md = markdown.Markdown(extensions=extensions, extension_configs=extension_configs)
        self._cache: dict[tuple[str, bool], Markup] = {}

    def block(self, text: str | None) -> Markup:
        return self._convert(text or "", inline=False)

    def inline(self, text: str | None) -> Markup:
        """One line of Markdown without the wrapping paragraph, for labels and titles."""
        return self._convert(text or "", inline=True)

    def prepare(self, snippets: Iterable[tuple[str, bool]]) -> None:
        """Converts a page's worth of snippets (text, inline?) in one Markdown run.

        Python-Markdown's fixed cost per call dwarfs a one-line item, so a checklist's
        texts go through together, split again at a marker comment. If a snippet breaks
        the split (an unclosed fence, say), or uses footnotes, which collect at the end of
        a document, the snippets are left to convert one by one.
        """
        todo = [key for key in dict.fromkeys(snippets) if key[0] and key not in self._cache]
        if len(todo) < 2 or any(_SPLIT in text or "[^" in text for text, _ in todo):
            return
        html = self._md.reset().convert(f"\n\n{_SPLIT}\n\n".join(text for text, _ in todo))
        parts = html.split(_SPLIT)
        if len(parts) != len(todo):
            return
        for (text, inline), part in zip(todo, parts, strict=True):
            self._cache[(text, inline)] = _finish(part.strip(), inline)

    def _convert(self, text: str, *, inline: bool) -> Markup:
        key = (text, inline)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache[key] = _finish(self._md.reset().convert(text).strip(), inline)
        return cached


def _finish(html: str, inline: bool) -> Markup:
    if inline:
        match = _PARAGRAPH.match(html)
        if match and "<p>" not in match.group(1):
            html = match.group(1)
    return Markup(html)


def template_env(theme_dirs: list[str], markdown_renderer: MarkdownRenderer,
                 url_for: Callable[..., str]) -> jinja2.Environment:
    """Templates named `sremgr/<name>.html`; a theme `custom_dir` overrides them by name."""
    loader = jinja2.ChoiceLoader([
        jinja2.FileSystemLoader(theme_dirs),
        jinja2.PackageLoader("mkdocs_sremgr", "templates"),
    ])
    env = jinja2.Environment(loader=loader, autoescape=True, trim_blocks=True,
                             lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["markdown"] = markdown_renderer.block
    env.filters["inline"] = markdown_renderer.inline
    env.filters["weight"] = lambda w: f"{w:g}"
    env.globals["url_for"] = url_for
    return env


def snippets(context: dict[str, Any]) -> list[tuple[str, bool]]:
    """The Markdown a template will ask for, as (text, inline?), for `prepare`."""
    out: list[tuple[str, bool]] = []
    checklist = context.get("checklist")
    if checklist is not None:
        out += [(checklist.lesson, True), (checklist.summary, False)]
        for section in checklist.sections:
            out.append((section.title, True))
            for item in section.items:
                out += [(item.text, True), (item.details, False)]
        out += [(reading.note, True) for reading in checklist.further_reading]
    antipattern = context.get("antipattern")
    if antipattern is not None:
        out += [(antipattern.summary, False), (antipattern.why_it_hurts, False)]
        out += [(text, True) for text in [*antipattern.symptoms, *antipattern.instead]]
        out += [(reading.note, True) for reading in antipattern.further_reading]
    out += [(entry.lesson, True) for entry in context.get("checklists", [])]
    return out
