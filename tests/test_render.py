"""Batched Markdown: snippets converted in one run give the same HTML as one by one."""

from __future__ import annotations

from mkdocs_sremgr.render import MarkdownRenderer

EXTENSIONS = ["admonition", "attr_list", "toc", "tables", "pymdownx.superfences", "footnotes"]
SNIPPETS = [
    ("I held a **1:1** with each report.", True),
    ("Why:\n\n- one\n- two\n", False),
    ("!!! note\n    Keep it *short*.", False),
    ("    indented code", False),
    ("A [link](https://example.org/){: .x }", True),
    ("| a | b |\n| - | - |\n| 1 | 2 |", False),
    ("```python\nprint('hi')\n```", False),
    ("Plain text.", True),
    ("Two\n\nparagraphs.", True),
]


def one_by_one(snippets: list[tuple[str, bool]]) -> list[str]:
    renderer = MarkdownRenderer(EXTENSIONS, {})
    return [str(renderer.inline(t) if inline else renderer.block(t)) for t, inline in snippets]


def batched(snippets: list[tuple[str, bool]]) -> tuple[list[str], MarkdownRenderer]:
    renderer = MarkdownRenderer(EXTENSIONS, {})
    renderer.prepare(snippets)
    cached = len(renderer._cache)
    html = [str(renderer.inline(t) if inline else renderer.block(t)) for t, inline in snippets]
    return html, cached


def test_batch_gives_the_same_html() -> None:
    html, cached = batched(SNIPPETS)
    assert cached == len(SNIPPETS), "the batch converted every snippet"
    assert html == one_by_one(SNIPPETS)


def test_an_unclosed_fence_falls_back_to_one_by_one() -> None:
    snippets = [("```\nnever closed", False), *SNIPPETS]
    html, cached = batched(snippets)
    assert cached == 0
    assert html == one_by_one(snippets)


def test_footnotes_are_converted_one_by_one() -> None:
    snippets = [("Fact.[^1]\n\n[^1]: Source.", False), *SNIPPETS]
    html, cached = batched(snippets)
    assert cached == 0
    assert html == one_by_one(snippets)
