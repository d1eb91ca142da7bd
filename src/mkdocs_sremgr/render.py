"""Rendering: the site's own Markdown for YAML text, Jinja2 templates a theme can override."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterable
from typing import Any

import jinja2
import markdown
from markupsafe import Markup, escape

from mkdocs_sremgr import rules
from mkdocs_sremgr.i18n import Strings, fill
from mkdocs_sremgr.model import Model

_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)
# Markdown whose meaning could reach past its own text when converted beside others:
# fences and `///` blocks that may be left open, raw HTML blocks, headings (their ids are
# made unique per document), tab sets (numbered per document), and reference links,
# footnotes, abbreviations and includes, whose definitions hold for a whole document.
# Such snippets are converted on their own.
_NEEDS_OWN_RUN = re.compile(
    r"```|~~~|\[\^|--8<--|^ {0,3}(?:\[[^\]\n]*\]:|\*\[|<|#|===|=+[ \t]*$|-+[ \t]*$|///)",
    re.MULTILINE,
)


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
        # A paragraph of one made-up word: Markdown passes it through untouched and cheaply
        # (an HTML comment costs a trip through the raw-HTML stash).
        self._cut = f"sremgrcut{secrets.token_hex(8)}"
        self.conversions = 0
        self.batched = 0  # of those, converted together by prefetch

    def new_build(self) -> None:
        self._previous, self._cache = self._cache, {}

    def block(self, text: str | None) -> Markup:
        return self._convert(text or "", inline=False)

    def inline(self, text: str | None) -> Markup:
        """One line of Markdown without the wrapping paragraph, for labels and titles."""
        return self._convert(text or "", inline=True)

    def prefetch(self, fields: Iterable[tuple[str, bool]]) -> None:
        """Converts a page's snippets, (text, inline), in one Markdown run.

        Each run of Python-Markdown has a fixed cost (resetting every extension, the pre-
        and postprocessors, serializing), and a checklist has two snippets per item: one
        run per page instead of one per snippet cut Markdown's time by about a fifth in
        the benchmark, to what the same text costs written by hand. The snippets are
        joined with a paragraph of one made-up word between blank lines, which ends any
        list, admonition or paragraph, and the output is cut there again. A snippet that
        could reach past its own text (`_NEEDS_OWN_RUN`) is left to be converted on its
        own, and if the cut does not give back one part per snippet, nothing is kept: the
        result is always what converting each snippet alone gives (tests/test_render.py).
        """
        todo: dict[tuple[str, bool], None] = {}
        for text, inline in fields:
            key = (text, inline)
            if (
                text
                and key not in self._cache
                and key not in todo
                and not self._revive(key)
                and not _NEEDS_OWN_RUN.search(text)
            ):
                todo[key] = None
        if len(todo) < 2:
            return
        html = self._md.reset().convert(f"\n\n{self._cut}\n\n".join(text for text, _ in todo))
        parts = html.split(f"<p>{self._cut}</p>")
        if len(parts) != len(todo):
            return
        self.conversions += len(todo)
        self.batched += len(todo)
        for (text, inline), part in zip(todo, parts, strict=True):
            self._cache[(text, inline)] = _finish(part.strip(), inline)

    def _revive(self, key: tuple[str, bool]) -> bool:
        """Moves a result of the previous build into this one's cache, if there is one."""
        cached = self._previous.pop(key, None)
        if cached is not None:
            self._cache[key] = cached
        return cached is not None

    def _convert(self, text: str, *, inline: bool) -> Markup:
        key = (text, inline)
        cached = self._cache.get(key)
        if cached is None:
            if self._revive(key):
                return self._cache[key]
            self.conversions += 1
            cached = self._cache[key] = _finish(self._md.reset().convert(text).strip(), inline)
        return cached


def _finish(html: str, inline: bool) -> Markup:
    """An inline snippet loses the paragraph Markdown wraps one line in."""
    if inline:
        match = _PARAGRAPH.match(html)
        if match and "<p>" not in match.group(1):
            html = match.group(1)
    return Markup(html)


def relative_url(target: str, page_url: str) -> str:
    """`target` (a site URL) as seen from the page at `page_url`, like MkDocs' own links."""
    from mkdocs.utils import get_relative_url

    return get_relative_url(target or "./", page_url or "./")


def template_env(
    theme_dirs: list[str],
    markdown_renderer: MarkdownRenderer,
    strings: Strings | None = None,
) -> jinja2.Environment:
    """Templates named `sremgr/<name>.html`; a theme `custom_dir` overrides them by name.

    Every text they show comes from `t("key", ...)`, the site's catalog (i18n.py).
    """
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader(theme_dirs),
            jinja2.PackageLoader("mkdocs_sremgr", "templates"),
        ]
    )
    env = jinja2.Environment(
        loader=loader,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["markdown"] = markdown_renderer.block
    env.filters["inline"] = markdown_renderer.inline
    env.filters["weight"] = lambda w: f"{w:g}"
    # A filter, not a method call in the template: Jinja calls filters directly, and this
    # runs for every item of every page.
    env.filters["data_attributes"] = Model.data_attributes
    env.globals["t"] = translator(strings or Strings())
    env.globals["set_aside_states"] = rules.SET_ASIDE_STATES  # one button each on every item
    return env


def translator(strings: Strings) -> Callable[..., Markup]:
    """`t` for templates: the catalog's text, escaped (a site's override is text, not HTML),
    with its placeholders filled; a parameter that is Markup (e.g. a `{% set %}` block) stays
    HTML, any other is escaped (Markup.format does both)."""

    def t(key: str, count: float | None = None, **params: Any) -> Markup:
        return Markup(fill(escape(strings.template(key, count)), count, params))

    return t
