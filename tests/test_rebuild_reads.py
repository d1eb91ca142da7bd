"""A serve-like rebuild after editing one YAML file re-reads only that file and converts
only the Markdown that changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

CHECKLIST = """\
id: {id}
title: {title}
sections:
  - title: Basics
    items:
      - id: first
        text: I did the {thing} thing.
"""


def test_rebuild_rereads_only_the_edited_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    docs = tmp_path / "docs"
    (docs / "checklists").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n")
    for n in range(5):
        (docs / "checklists" / f"c{n}.yml").write_text(
            CHECKLIST.format(id=f"c{n}", title=f"List {n}", thing=f"number {n}")
        )
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: T\ntheme: {name: mkdocs}\nplugins:\n  - sremgr\n")

    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        rebuild_one(config, config_file, docs)
    finally:
        config.plugins.on_shutdown()


def rebuild_one(config, config_file: Path, docs: Path) -> None:  # type: ignore[no-untyped-def]
    build(config)
    plugin = config.plugins["sremgr"]
    first_reads = plugin.loader.reads
    assert first_reads >= 5  # the team files, plus the built-in pack when present
    conversions = plugin.markdown.conversions

    (docs / "checklists" / "c3.yml").write_text(
        CHECKLIST.format(id="c3", title="Edited", thing="edited")
    )
    again = load_config(config_file=str(config_file))
    assert again.plugins["sremgr"] is plugin  # MkDocs keeps plugins with on_startup
    build(again)
    assert plugin.loader.reads - first_reads == 1
    assert plugin.markdown.conversions - conversions == 1  # only the edited item's text
    assert "Edited" in (Path(again.site_dir) / "handbook" / "c3" / "index.html").read_text()
