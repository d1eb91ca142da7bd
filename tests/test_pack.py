"""The built-in pack: valid, complete, linked both ways, with ids that never change."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

import sites
from mkdocs_sremgr.catalog import CatalogLoader, builtin_dir, find_sources
from mkdocs_sremgr.model import Catalog

FROZEN = Path(__file__).parent / "data" / "builtin_ids.json"


@pytest.fixture(scope="module")
def pack() -> Catalog:
    result = CatalogLoader().load(find_sources(builtin_dir(), builtin=True))
    assert result.problems == []
    return result.catalog


def test_pack_has_every_lesson_and_antipattern(pack: Catalog) -> None:
    assert len(pack.checklists) >= 10
    assert len(pack.antipatterns) >= 8
    for checklist in pack.checklists.values():
        assert checklist.lesson and checklist.summary and checklist.tags, checklist.id
        assert 8 <= len(checklist.items) <= 15, checklist.id
        assert len(checklist.sections) >= 2, checklist.id
        assert all(item.details for item in checklist.items), checklist.id
        assert any(item.weight != 1 for item in checklist.items), checklist.id
    for antipattern in pack.antipatterns.values():
        assert antipattern.symptoms and antipattern.why_it_hurts and antipattern.instead
        assert pack.checklists_for(antipattern), f"{antipattern.id} is countered by nothing"


def test_cross_references_are_declared_both_ways(pack: Catalog) -> None:
    for antipattern in pack.antipatterns.values():
        for cid in antipattern.checklists:
            assert antipattern.id in pack.checklists[cid].antipatterns, (antipattern.id, cid)
    for checklist in pack.checklists.values():
        for aid in checklist.antipatterns:
            assert checklist.id in pack.antipatterns[aid].checklists, (checklist.id, aid)


def test_further_reading_names_the_talks_sources(pack: Catalog) -> None:
    titles = " ".join(
        r.title
        for entry in [*pack.checklists.values(), *pack.antipatterns.values()]
        for r in entry.further_reading
    )
    for source in ("Radical Candor", "Competing Against Luck", "Still Not Safe"):
        assert source in titles
    authors = " ".join(r.author for c in pack.checklists.values() for r in c.further_reading)
    assert "Kotter" in authors


def test_ids_are_stable_forever(pack: Catalog) -> None:
    """Readers' progress is stored under these ids: a rename needs an alias, never a new id."""
    frozen = json.loads(FROZEN.read_text())
    assert set(frozen["antipatterns"]) <= set(pack.antipatterns)
    for cid, items in frozen["checklists"].items():
        assert cid in pack.checklists, f"built-in checklist `{cid}` disappeared"
        known = {i.id for i in pack.checklists[cid].items} | {
            a for i in pack.checklists[cid].items for a in i.aliases
        }
        lost = sorted(set(items) - known)
        assert not lost, f"{cid}: items {lost} renamed without an alias"


# -- customising the pack in a real build ---------------------------------------------------


def make_site(tmp_path: Path, files: dict[str, str], plugin: str = "sremgr") -> Path:
    """A site with the built-in pack; `plugin` may carry options (`sremgr:\n      ...`)."""
    options = plugin.split("\n", 1)[1] + "\n" if "\n" in plugin else ""
    site = sites.make_site(tmp_path, checklists=dict(files), builtin=True, options=options)
    return site.config_file


def run_build(config_file: Path) -> Path:
    return sites.build_site(config_file)


def test_exclude_leaves_builtin_pages_and_links_out(tmp_path: Path) -> None:
    config = make_site(tmp_path, {}, "sremgr:\n      exclude: [be-on-call]")
    site = run_build(config)
    assert not (site / "handbook" / "be-on-call").exists()
    page = (site / "handbook" / "antipatterns" / "manager-not-on-call" / "index.html").read_text()
    assert "be-on-call/" not in page
    manifest = json.loads((site / "assets" / "sremgr" / "manifest.json").read_text())
    assert "be-on-call" not in {c["id"] for c in manifest["checklists"]}


def test_team_file_with_a_builtin_id_replaces_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = make_site(
        tmp_path,
        {
            "ours.yml": (
                "id: be-on-call\ntitle: Our own on-call list\nsections:\n"
                "  - title: Ours\n    items:\n      - id: our-item\n        text: Our item.\n"
            )
        },
    )
    with caplog.at_level(logging.INFO):
        site = run_build(config)
    assert "replaces the built-in checklist `be-on-call`" in caplog.text
    page = (site / "handbook" / "be-on-call" / "index.html").read_text()
    assert "Our own on-call list" in page and 'data-sremgr-item="our-item"' in page


def test_extension_adds_items_and_keeps_builtin_ids(tmp_path: Path, pack: Catalog) -> None:
    first_section = pack.checklists["be-on-call"].sections[0]
    config = make_site(
        tmp_path,
        {
            "rota.yml": (
                "extends: be-on-call\ntags: [our-team]\nsections:\n"
                f"  - id: {first_section.id}\n    title: {first_section.title}\n    items:\n"
                "      - id: shadowed-new-hire\n"
                "        text: I shadowed a new hire's first shift.\n"
                "  - title: Our rotation\n    items:\n"
                "      - id: handover-notes\n        text: I wrote handover notes.\n"
            )
        },
    )
    site = run_build(config)
    page = (site / "handbook" / "be-on-call" / "index.html").read_text()
    for item in pack.checklists["be-on-call"].items:
        assert f'data-sremgr-item="{item.id}"' in page
    assert 'data-sremgr-item="shadowed-new-hire"' in page
    assert "Our rotation" in page
    manifest = json.loads((site / "assets" / "sremgr" / "manifest.json").read_text())
    entry = next(c for c in manifest["checklists"] if c["id"] == "be-on-call")
    assert "our-team" in entry["tags"]
    assert entry["sections"][0]["items"][-1]["id"] == "shadowed-new-hire"


def test_extension_errors_are_reported_like_any_other(
    tmp_path: Path, pack: Catalog, caplog: pytest.LogCaptureFixture
) -> None:
    taken = pack.checklists["be-on-call"].items[0].id
    config = make_site(
        tmp_path,
        {
            "a.yml": (
                "extends: be-on-cal\nsections:\n  - title: X\n    items:\n"
                "      - id: x\n        text: X.\n"
            ),
            "b.yml": (
                "extends: be-on-call\nsections:\n  - title: X\n    items:\n"
                f"      - id: {taken}\n        text: Clash.\n"
            ),
        },
    )
    # MkDocs logs the PluginError's message, then aborts the build.
    with pytest.raises(Abort):
        run_build(config)
    text = caplog.text
    assert "docs/checklists/a.yml:1:10: `extends` names no checklist `be-on-cal`" in text
    assert "did you mean `be-on-call`?" in text
    assert f"docs/checklists/b.yml:5:13: item id `{taken}` is used twice" in text
