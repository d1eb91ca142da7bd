"""Backstage TechDocs: a handbook built by mkdocs-techdocs-core, the plugin set TechDocs uses.

Backs the "Backstage TechDocs" row of the compatibility table. The build runs in a venv of its
own (tests/techdocs_env.py) because techdocs-core pins an older Material than the test extras.
What Backstage's reader then does to the pages (it drops their scripts) is read in Chromium with
JavaScript off: tests/browser/test_techdocs_browser.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from techdocs_env import TechDocs, techdocs_project


def build(techdocs: TechDocs, root: Path, plugins: tuple[str, ...]) -> Path:
    project = techdocs_project(root, plugins)
    result = techdocs.build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # --strict fails on warnings; this also catches a warning logged without failing it.
    assert not re.search(r"\b(WARNING|ERROR)\b|Traceback", output), output
    return project / "site"


@pytest.fixture(scope="module")
def site(techdocs: TechDocs, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The handbook as a Backstage team lists its plugins: techdocs-core first."""
    return build(techdocs, tmp_path_factory.mktemp("techdocs"), ("techdocs-core", "sremgr"))


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def test_techdocs_core_built_it_with_its_own_material(techdocs: TechDocs, site: Path) -> None:
    # techdocs_metadata.json is what techdocs-core adds and Backstage reads.
    metadata = json.loads(read(site, "techdocs_metadata.json"))
    assert metadata["site_name"] == "Payments SRE handbook"
    # techdocs-core chose the theme (mkdocs.yml names none): Material, the version it pins.
    generator = re.search(r'<meta name="generator" content="([^"]+)"', read(site, "index.html"))
    assert generator is not None
    versions = techdocs.versions
    assert generator.group(1) == (
        f"mkdocs-{versions['mkdocs']}, mkdocs-material-{versions['mkdocs-material']}"
    )


def test_checklist_page_renders_its_sections_and_items(site: Path) -> None:
    page = read(site, "handbook/alpha/index.html")
    assert 'data-sremgr-checklist="alpha"' in page
    assert 'data-sremgr-storage-key="sremgr:v1:payments-sre-handbook"' in page
    labels = re.findall(r'<label for="sremgr-alpha--(\w+)"[^>]*>([^<]*)</label>', page)
    assert labels == [
        ("one", "I did the first thing."),
        ("two", "I did the second thing."),
        ("three", "I did the third thing."),
    ]
    assert re.findall(r"<legend><h2 [^>]*>([^<]*)</h2></legend>", page) == [
        "First section",
        "Second section",
    ]
    # Without scripts (Backstage's reader) the stylesheet hides the boxes and the buttons (see
    # the browser test), and one line says why.
    assert page.count('<fieldset class="sremgr-section"') == 2
    assert page.count("sremgr-nojs") == 1
    assert "Ticking items and keeping your progress needs JavaScript" in page
    # An item's details go through the Markdown extensions techdocs-core turns on.
    assert '<div class="admonition note">' in page
    assert "Why it matters." in page
    # techdocs-core turns on Material's edit button: it opens the YAML file, not a made-up page.
    assert 'href="https://github.com/example/payments/edit/main/docs/checklists/alpha.yml"' in page


def test_marker_dashboard_and_built_in_pack_are_there(site: Path) -> None:
    home = read(site, "index.html")
    assert 'data-sremgr-checklist="alpha"' in home
    assert "<!-- sremgr:" not in home
    assert "data-sremgr-dashboard" in read(site, "handbook/dashboard/index.html")
    manifest = json.loads(read(site, "assets/sremgr/manifest.json"))
    ids = {checklist["id"] for checklist in manifest["checklists"]}
    assert "alpha" in ids and "be-on-call" in ids  # the team's list beside the built-in pack
    assert 'data-sremgr-checklist="be-on-call"' in read(site, "handbook/be-on-call/index.html")


def test_assets_are_published_and_linked_and_yaml_is_not(site: Path) -> None:
    page = read(site, "handbook/alpha/index.html")
    for asset in ("sremgr.css", "sremgr.js"):
        linked = re.search(rf'(?:href|src)="([^"]*assets/sremgr/{re.escape(asset)})"', page)
        assert linked is not None, asset
        assert (site / "handbook" / "alpha" / linked.group(1)).resolve().is_file()
    assert (site / "assets" / "sremgr" / "sremgr-dashboard.js").is_file()
    assert not list(site.rglob("*.yml"))  # the YAML sources stay out of the published site


def test_plugin_order_does_not_matter(techdocs: TechDocs, site: Path, tmp_path: Path) -> None:
    """Listed before techdocs-core, the plugin still sees the theme and Markdown extensions
    techdocs-core sets in its on_config, so every page comes out the same."""
    reordered = build(techdocs, tmp_path, ("sremgr", "techdocs-core"))
    pages = sorted(path.relative_to(site) for path in site.rglob("*.html"))
    assert pages == sorted(path.relative_to(reordered) for path in reordered.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        assert read(reordered, str(page)) == read(site, str(page)), page


#: The pages the Backstage addon's tests render (backstage/test/), copied from this build: the
#: addon is tested on what techdocs-core really makes of a handbook, not on hand-written HTML.
BACKSTAGE_FIXTURES = Path(__file__).resolve().parents[1] / "backstage" / "test" / "fixtures"
FIXTURE_PAGES = {
    "alpha.html": "handbook/alpha/index.html",
    "dashboard.html": "handbook/dashboard/index.html",
    "manifest.json": "assets/sremgr/manifest.json",
}


@pytest.mark.parametrize("name", sorted(FIXTURE_PAGES))
def test_backstage_addon_fixtures_are_this_build(
    site: Path, name: str, request: pytest.FixtureRequest
) -> None:
    """Stale fixtures would test the addon on pages the plugin no longer makes. After an
    intended change of the pages, run `pytest tests/test_techdocs.py --update-golden`."""
    built = read(site, FIXTURE_PAGES[name])
    fixture = BACKSTAGE_FIXTURES / name
    if request.config.getoption("--update-golden"):
        fixture.parent.mkdir(parents=True, exist_ok=True)
        fixture.write_text(built, encoding="utf-8")
        return
    assert fixture.is_file(), f"{fixture} is missing: run pytest {__file__} --update-golden"
    assert fixture.read_text(encoding="utf-8") == built, (
        f"{fixture.name} is not what techdocs-core builds now: run pytest {__file__} "
        "--update-golden and rerun the addon's tests (cd backstage && npm test)"
    )
