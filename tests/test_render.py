"""Converting a page's snippets together gives exactly what converting each alone gives."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_sremgr.catalog import CatalogLoader, builtin_dir, find_sources
from mkdocs_sremgr.render import _NEEDS_OWN_RUN, MarkdownRenderer

# MkDocs' defaults plus what handbooks commonly turn on (Material's recommended set).
EXTENSIONS = [
    "toc",
    "tables",
    "fenced_code",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "abbr",
    "md_in_html",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tasklist",
    "pymdownx.inlinehilite",
    "pymdownx.mark",
    "pymdownx.tilde",
    "pymdownx.caret",
    "pymdownx.keys",
    "pymdownx.smartsymbols",
    "pymdownx.magiclink",
    "pymdownx.tabbed",
    "smarty",
]
CONFIGS: dict[str, Any] = {"toc": {"permalink": True}}

# Pieces of Markdown a checklist author writes, the awkward ones included: lists and
# admonitions that run to the end, open fences, raw HTML, headings, definitions that hold
# for a whole document.
PIECES = [
    "Hold a *primary* shift",
    "every **quarter**",
    "with `kubectl get pods`",
    "and [docs](x.md)",
    "see <https://example.com>",
    "a line  \nbreak",
    "- one\n- two",
    "1. first\n2. second",
    "!!! note\n    Inside a note",
    "> quoted\n> text",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "```\ncode left open",
    "~~~python\nprint()\n~~~",
    "<div>raw html",
    "<span>inline</span> ok",
    "# A heading",
    "Title\n=====",
    "Under\n---",
    "[ref]: https://example.com",
    "uses [ref]",
    "a footnote[^1]",
    "[^1]: the note",
    "*[HTML]: Hyper Text",
    "HTML is an abbreviation",
    "==marked== ^^ins^^ ~~del~~",
    "++ctrl+alt++",
    "(c) --> 1/2",
    "'quotes' -- \"double\"",
    "    indented code",
    "Term\n:   definition",
    '=== "Tab"\n    tab body',
    "??? tip\n    folded",
    "- [ ] a task",
    "{: .class }",
    "text {: #an-id }",
    "<!-- a comment -->",
    "&amp; &copy;",
    "trailing \\",
    "*unclosed emphasis",
    "`unclosed code",
    "[unclosed link(",
    "",
]

snippet = st.lists(st.sampled_from(PIECES), min_size=1, max_size=4).map(
    lambda parts: "\n\n".join(parts) if len(parts) % 2 else " ".join(parts)
)
fields = st.lists(st.tuples(snippet, st.booleans()), min_size=2, max_size=12)


def alone(fields: list[tuple[str, bool]]) -> list[str]:
    renderer = MarkdownRenderer(EXTENSIONS, CONFIGS)
    return [str(renderer.inline(t) if inline else renderer.block(t)) for t, inline in fields]


def together(fields: list[tuple[str, bool]]) -> tuple[list[str], MarkdownRenderer]:
    renderer = MarkdownRenderer(EXTENSIONS, CONFIGS)
    renderer.prefetch(fields)
    out = [str(renderer.inline(t) if inline else renderer.block(t)) for t, inline in fields]
    return out, renderer


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fields)
def test_converting_together_equals_converting_alone(fields: list[tuple[str, bool]]) -> None:
    assert together(fields)[0] == alone(fields)


SAFE = [p for p in PIECES if p and not _NEEDS_OWN_RUN.search(p)]
safe_fields = st.lists(
    st.tuples(
        st.lists(st.sampled_from(SAFE), min_size=1, max_size=4).map("\n\n".join), st.booleans()
    ),
    min_size=2,
    max_size=12,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(safe_fields)
def test_plain_snippets_really_go_through_one_run(fields: list[tuple[str, bool]]) -> None:
    html, renderer = together(fields)
    assert html == alone(fields)
    if len(set(fields)) >= 2:
        assert renderer.batched == len(set(fields))


def builtin_fields() -> list[tuple[str, bool]]:
    catalog = CatalogLoader().load(find_sources(builtin_dir(), builtin=True)).catalog
    out: list[tuple[str, bool]] = []
    for entry in [*catalog.checklists.values(), *catalog.antipatterns.values()]:
        out += entry.markdown_fields()
    return out


def test_the_builtin_pack_renders_the_same_together() -> None:
    fields = builtin_fields()
    html, renderer = together(fields)
    assert html == alone(fields)
    # Nearly everything went through the one run: the pack is plain prose.
    assert renderer.batched >= 0.9 * len({f for f in fields if f[0]})


def test_one_markdown_run_per_prefetch(monkeypatch: pytest.MonkeyPatch) -> None:
    renderer = MarkdownRenderer(EXTENSIONS, CONFIGS)
    runs: list[str] = []
    original = renderer._md.convert
    monkeypatch.setattr(renderer._md, "convert", lambda text: runs.append(text) or original(text))
    fields = [(f"Item *{n}*", True) for n in range(50)] + [(f"Why {n}.", False) for n in range(50)]
    renderer.prefetch(fields)
    assert len(runs) == 1 and renderer.conversions == renderer.batched == 100
    for text, inline in fields:  # served from the cache now
        renderer.inline(text) if inline else renderer.block(text)
    assert len(runs) == 1
    assert str(renderer.inline("Item *7*")) == "Item <em>7</em>"
    assert str(renderer.block("Why 7.")) == "<p>Why 7.</p>"


def test_snippets_that_could_reach_past_themselves_are_converted_alone() -> None:
    renderer = MarkdownRenderer(EXTENSIONS, CONFIGS)
    risky = ["```\nopen fence", "[ref]: https://example.com", "<div>open", "# Heading", "x[^1]"]
    renderer.prefetch([(text, False) for text in risky] + [("plain", False), ("prose", False)])
    assert renderer.batched == 2  # only the two plain ones went through the batch
    assert str(renderer.block("uses [ref]")) == "<p>uses [ref]</p>"  # no definition leaked
