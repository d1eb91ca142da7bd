"""The `sremgr` Markdown extension under plain Python-Markdown (no engine context)."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from interop_sites import ALPHA, HERO
from mkdocs_sremgr.errors import HandbookError


def convert(text: str, folder: Path, **options: object) -> str:
    configs = {"sremgr": {"checklists_dir": str(folder), "builtin": False, **options}}
    # By its entry point name, as Zensical and mkdocs.yml name it.
    return markdown.markdown(text, extensions=["admonition", "sremgr"], extension_configs=configs)


def test_markers_expand_with_links_from_the_site_root(tmp_path: Path) -> None:
    (tmp_path / "alpha.yml").write_text(ALPHA)
    (tmp_path / "hero.yml").write_text(HERO)
    html = convert(
        "# Page\n\n<!-- sremgr:antipattern hero -->\n\n`<!-- sremgr:checklist alpha -->`\n",
        tmp_path,
        site_name="Our book",
    )
    assert 'data-sremgr-antipattern="hero"' in html
    assert 'href="/handbook/alpha/"' in html  # no page context: from the root
    assert "<code>&lt;!-- sremgr:checklist alpha --&gt;</code>" in html  # code stays code
    checklist = convert("<!-- sremgr:checklist alpha -->\n", tmp_path, site_name="Our book")
    assert 'data-sremgr-storage-key="sremgr:v1:our-book"' in checklist
    assert checklist.count('class="sremgr-check"') == 2


def test_unknown_id_and_bad_yaml_raise(tmp_path: Path) -> None:
    (tmp_path / "alpha.yml").write_text(ALPHA)
    with pytest.raises(HandbookError, match=r"unknown checklist `alpah`.*did you mean `alpha`"):
        convert("<!-- sremgr:checklist alpah -->\n", tmp_path)
    (tmp_path / "broken.yml").write_text("id: broken\ntitle: [unclosed\n")
    with pytest.raises(HandbookError, match=r"broken\.yml:3:1: YAML syntax error"):
        convert("<!-- sremgr:checklist alpha -->\n", tmp_path)
