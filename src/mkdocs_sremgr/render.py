"""Rendering: the site's own Markdown for YAML text, Jinja2 templates a theme can override."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import jinja2
import markdown
from markupsafe import Markup

_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)


class MarkdownRenderer:
    """Converts Markdown from YAML with the site's extensions (admonition, attr_list, ...).

    Results are cached by text. The plugin keeps one renderer across `mkdocs serve`
    rebuilds while the Markdown settings stay the same, so an unchanged item costs
    nothing; `new_build` drops what the previous build did not use, so edits do not
    pile up. `conversions` counts real conversions (for tests and benchmarks).
    """

    def __init__(self, extensions: list[Any], extension_configs: dict[str, Any]) -> None:
        self._md = markdown.Markdown(extensions=extensions, extension_configs=extension_configs)
        self._cache: dict[tuple[str, bool], Markup] = {}
        self._previous: dict[tuple[str, bool], Markup] = {}
        self.conversions = 0

    def new_build(self) -> None:
        self._previous, self._cache = self._cache, {}

    def block(self, text: str | None) -> Markup:
        return self._convert(text or "", inline=False)

    def inline(self, text: str | None) -> Markup:
        """One line of Markdown without the wrapping paragraph, for labels and titles."""
        return self._convert(text or "", inline=True)

    def _convert(self, text: str, *, inline: bool) -> Markup:
        key = (text, inline)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._previous.pop(key, None)
            if cached is not None:
                self._cache[key] = cached
                return cached
            self.conversions += 1
            html = self._md.reset().convert(text).strip()
            if inline:
                match = _PARAGRAPH.match(html)
                if match and "<p>" not in match.group(1):
                    html = match.group(1)
            cached = self._cache[key] = Markup(html)
        return cached


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
