"""Links from hand-written pages to generated pages and their section anchors validate."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from sites import make_site


def test_links_to_generated_pages_and_anchors_resolve(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    site = make_site(
        tmp_path,
        extra="validation: {anchors: warn}\n",
        pages={
            "guide/start.md": "# Start\n\nSee [the rota](../handbook/rota.md#rota--basics) and "
            "the [dashboard](../handbook/dashboard.md).\n"
        },
        checklists={
            "rota.yml": "id: rota\ntitle: Rota\nsections:\n  - title: Basics\n    items:\n"
            "      - id: first\n        text: First.\n"
        },
    )
    with caplog.at_level(logging.INFO):
        site.build()
    html = (tmp_path / "site" / "guide" / "start" / "index.html").read_text()
    assert 'href="../../handbook/rota/#rota--basics"' in html
    assert 'href="../../handbook/dashboard/"' in html
    assert "anchor" not in caplog.text.lower()
