"""Links from hand-written pages to generated pages and their section anchors validate."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config


def test_links_to_generated_pages_and_anchors_resolve(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    docs = tmp_path / "docs"
    (docs / "checklists").mkdir(parents=True)
    (docs / "guide").mkdir()
    (docs / "index.md").write_text("# Home\n")
    (docs / "guide" / "start.md").write_text(
        "# Start\n\nSee [the rota](../handbook/rota.md#rota--basics) and the "
        "[dashboard](../handbook/dashboard.md).\n"
    )
    (docs / "checklists" / "rota.yml").write_text(
        "id: rota\ntitle: Rota\nsections:\n  - title: Basics\n    items:\n"
        "      - id: first\n        text: First.\n"
    )
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\ntheme: {name: mkdocs}\nvalidation: {anchors: warn}\n"
        "plugins:\n  - sremgr:\n      builtin: false\n"
    )
    with caplog.at_level(logging.INFO):
        build(load_config(config_file=str(tmp_path / "mkdocs.yml"), strict=True))
    html = (tmp_path / "site" / "guide" / "start" / "index.html").read_text()
    assert 'href="../../handbook/rota/#rota--basics"' in html
    assert 'href="../../handbook/dashboard/"' in html
    assert "anchor" not in caplog.text.lower()
