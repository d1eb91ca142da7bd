"""Zensical: the `sremgr` Markdown extension and `write-pages`, built with the real Zensical.

Zensical runs no MkDocs plugin; these tests build a handbook the way docs/zensical.md says
and check it is the plugin's handbook: the same HTML, a failing build on bad input, no YAML
published, and a tick that persists in Chromium.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from conftest import ALPHA, BETA, _free_port, _Handler, ready, storage_key, stored
from mkdocs_sremgr.cli import main as sremgr_cli
from zensical_site import make_project, write_pages, zensical_build, zensical_config

pytest.importorskip("zensical", reason="Zensical is in the test extras: pip install -e .[test]")

INDEX = "# Home\n\n<!-- sremgr:checklist alpha -->\n\nEND-OF-HANDBOOK\n"


def built(root: Path, site_url: str = "", index: str = INDEX) -> Path:
    config = make_project(
        root, {"alpha.yml": ALPHA, "beta.yml": BETA}, zensical_config(site_url), index
    )
    assert write_pages(config) == 0
    result = zensical_build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def checklist_html(page: str) -> str:
    """The checklist block on a page whose marker is followed by END-OF-HANDBOOK."""
    start = page.index('<div class="sremgr sremgr-checklist"')
    end = page.index("END-OF-HANDBOOK", start)
    block = re.sub(r"\s+", " ", page[start:end].rsplit("<p>", 1)[0]).strip()
    # Zensical's search reads `data-search-exclude` and then drops the attribute.
    return block.replace(" data-search-exclude", "")


def test_zensical_builds_the_generated_pages_and_publishes_no_yaml(tmp_path: Path) -> None:
    site = built(tmp_path)
    alpha = (site / "handbook" / "alpha" / "index.html").read_text()
    assert alpha.count('class="sremgr-check"') == 4
    dashboard = (site / "handbook" / "dashboard" / "index.html").read_text()
    assert 'href="../alpha/"' in dashboard and 'href="../beta/"' in dashboard
    assert '<script src="../../assets/sremgr/sremgr.js"' in alpha
    assert "assets/sremgr/sremgr.css" in alpha
    assert "<!-- sremgr:" not in alpha and "sremgr-slot" not in alpha
    manifest = (site / "assets" / "sremgr" / "manifest.json").read_text()
    assert '"storage_key":"sremgr:v1:zen-handbook"' in manifest
    assert 'data-sremgr-storage-key="sremgr:v1:zen-handbook"' in alpha
    assert not [p for p in site.rglob("*") if p.suffix in (".yml", ".yaml")]


def test_the_extension_gives_the_plugins_html(tmp_path: Path) -> None:
    """Same YAML, same marker: Zensical's page and MkDocs' page hold the same checklist."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    zen = built(tmp_path / "zen")
    mk = tmp_path / "mk"
    (mk / "docs" / "checklists").mkdir(parents=True)
    for name, text in {"alpha.yml": ALPHA, "beta.yml": BETA}.items():
        (mk / "docs" / "checklists" / name).write_text(text)
    (mk / "docs" / "index.md").write_text(INDEX)
    (mk / "mkdocs.yml").write_text(
        "site_name: Zen handbook\ntheme: {name: material, font: false}\n"
        "markdown_extensions: [admonition, attr_list]\n"
        "plugins: [{sremgr: {builtin: false}}]\n"
    )
    build(load_config(config_file=str(mk / "mkdocs.yml")))
    ours = checklist_html((zen / "index.html").read_text())
    plugin = checklist_html((mk / "site" / "index.html").read_text())
    assert 'class="admonition note"' in ours  # the item's details went through Markdown
    assert ours == plugin
    # ... and Zensical's search leaves out the buttons, as Material's does.
    assert "Mark reviewed today" not in (zen / "search.json").read_text()


def test_a_bad_yaml_file_fails_write_pages_and_the_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = make_project(
        tmp_path,
        {"alpha.yml": ALPHA, "broken.yml": "id: broken\ntitle: [unclosed\n"},
        zensical_config(),
        INDEX,
    )
    assert write_pages(config) == 1
    assert "checklists/broken.yml:3:1: YAML syntax error" in capsys.readouterr().err
    (tmp_path / "checklists" / "broken.yml").unlink()
    assert write_pages(config) == 0
    # Broken after the pages were written: Zensical's build fails too, saying where.
    (tmp_path / "checklists" / "broken.yml").write_text("id: broken\ntitle: [unclosed\n")
    result = zensical_build(tmp_path)
    assert result.returncode != 0
    assert "checklists/broken.yml:3:1: YAML syntax error" in result.stdout + result.stderr


def test_an_unknown_id_fails_the_zensical_build(tmp_path: Path) -> None:
    config = make_project(
        tmp_path,
        {"alpha.yml": ALPHA},
        zensical_config(),
        "# Home\n\n<!-- sremgr:checklist alpah -->\n",
    )
    assert write_pages(config) == 0
    result = zensical_build(tmp_path)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "index.md:3:1: unknown checklist `alpah`" in output
    assert "did you mean `alpha`?" in output


def test_write_pages_keeps_hand_written_pages_and_drops_stale_ones(tmp_path: Path) -> None:
    config = make_project(
        tmp_path, {"alpha.yml": ALPHA, "beta.yml": BETA}, zensical_config(), INDEX
    )
    own = tmp_path / "docs" / "handbook" / "beta.md"
    own.parent.mkdir(parents=True)
    own.write_text("# Our beta page\n\n<!-- sremgr:checklist beta -->\n")
    assert write_pages(config) == 0
    assert own.read_text().startswith("# Our beta page")
    assert (tmp_path / "docs" / "handbook" / "alpha.md").is_file()
    (tmp_path / "checklists" / "alpha.yml").unlink()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    assert write_pages(config) == 0
    assert not (tmp_path / "docs" / "handbook" / "alpha.md").exists()
    assert own.is_file()


@pytest.fixture
def zensical_site(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    site = built(tmp_path, site_url=url)
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(_Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield url
    server.shutdown()
    server.server_close()


def test_a_tick_persists_on_a_zensical_site(
    zensical_site: str, page: Any, offsite_requests: list[str]
) -> None:
    page.goto(f"{zensical_site}handbook/alpha/")
    ready(page)
    page.check("#sremgr-alpha--one")
    page.reload()
    ready(page)
    assert page.is_checked("#sremgr-alpha--one")
    assert storage_key(page) == "sremgr:v1:zen-handbook"
    assert stored(page)["checklists"]["alpha"]["items"]["one"]["state"] == "done"
    # The same checklist on the home page (the extension's marker) shows the same tick,
    # and the dashboard, drawn by its own script, counts it.
    page.goto(zensical_site)
    ready(page)
    assert page.is_checked("#sremgr-alpha--one")
    page.goto(f"{zensical_site}handbook/dashboard/")
    ready(page)
    row = ".sremgr-dashboard [data-sremgr-checklist='alpha'] .sremgr-bar-text"
    page.wait_for_selector(row)
    # One of four items, worth 2 of 5 points.
    assert page.text_content(row) == "2 of 5 points · 40%"  # item one is worth 2 points
    assert offsite_requests == []


def test_zensical_toml_and_a_custom_dir_override(tmp_path: Path) -> None:
    """The recipe's zensical.toml, with a theme override of the checklist template."""
    make_project(tmp_path, {"alpha.yml": ALPHA}, "", INDEX)
    (tmp_path / "mkdocs.yml").unlink()
    (tmp_path / "zensical.toml").write_text(
        '[project]\nsite_name = "Toml handbook"\n'
        'extra_css = ["assets/sremgr/sremgr.css"]\n'
        'extra_javascript = ["assets/sremgr/sremgr.js"]\n'
        '[project.theme]\nfont = false\ncustom_dir = "overrides"\n'
        "[project.markdown_extensions.admonition]\n"
        "[project.markdown_extensions.sremgr]\nbuiltin = false\n"
    )
    override = tmp_path / "overrides" / "sremgr" / "checklist.html"
    override.parent.mkdir(parents=True)
    override.write_text('<div class="our-checklist">{{ checklist.title }}</div>\n')
    assert sremgr_cli(["write-pages", "-f", str(tmp_path / "zensical.toml")]) == 0
    result = zensical_build(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    alpha = (tmp_path / "site" / "handbook" / "alpha" / "index.html").read_text()
    assert '<div class="our-checklist">Alpha checks</div>' in alpha
    manifest = (tmp_path / "site" / "assets" / "sremgr" / "manifest.json").read_text()
    assert '"storage_key":"sremgr:v1:toml-handbook"' in manifest
