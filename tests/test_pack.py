"""The built-in pack: valid, complete, linked both ways, with ids that never change."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

import sites
from mkdocs_sremgr.catalog import (
    CatalogLoader,
    LoadResult,
    Source,
    build_catalog,
    builtin_dir,
    find_sources,
    parse_file,
)
from mkdocs_sremgr.lint import lint
from mkdocs_sremgr.model import Catalog
from mkdocs_sremgr.report import summarize, to_html, to_markdown

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
        assert 4 <= len(checklist.items) <= 10, checklist.id
        assert len(checklist.sections) >= 2, checklist.id
        assert all(item.details for item in checklist.items), checklist.id
        weighted = [item for item in checklist.items if item.weight != 1]
        assert len(weighted) <= 2, checklist.id  # the item standard: a few acts, never a quota
    for antipattern in pack.antipatterns.values():
        assert antipattern.symptoms and antipattern.why_it_hurts and antipattern.instead
        assert pack.checklists_for(antipattern), f"{antipattern.id} is countered by nothing"


def test_the_pack_fits_the_quarterly_hour(pack: Catalog) -> None:
    """Issue 19: the built-in lists ask about the quarter, and all of them fit in an hour."""
    items = [item for c in pack.checklists.values() for item in c.items]
    assert 60 <= len(items) <= 80, len(items)
    assert {c.cadence for c in pack.checklists.values()} == {"quarterly"}
    with_evidence = [item for item in items if item.evidence]
    assert len(with_evidence) >= 0.8 * len(items), f"{len(with_evidence)} of {len(items)}"


def test_every_antipattern_names_the_items_that_counter_it(pack: Catalog) -> None:
    for antipattern in pack.antipatterns.values():
        found = pack.counter_items(antipattern)
        assert len(found) >= 3, antipattern.id
        assert antipattern.doc is not None
        assert len(found) == len(antipattern.doc.data["counters"]), antipattern.id
        linked = {c.id for c in pack.checklists_for(antipattern)}
        assert {c.id for c, _ in found} <= linked, antipattern.id


def test_every_page_reads_beyond_the_talk(pack: Catalog) -> None:
    for entry in [*pack.checklists.values(), *pack.antipatterns.values()]:
        others = [
            r for r in entry.further_reading if "Confessions of an SRE Manager" not in r.title
        ]
        assert others, f"{entry.id} cites only the talk"


def test_the_pack_says_which_anti_patterns_it_derived() -> None:
    """The talk names two anti-patterns under its anti-pattern headings; the others are
    the pack's, and each page says where it comes from."""
    for path in (builtin_dir() / "antipatterns").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        assert "Named in the talk" in text or "this pack" in text, path.name
    boys_club = (builtin_dir() / "antipatterns" / "boys-club.yml").read_text(encoding="utf-8")
    assert "she's actually right" in boys_club and "colleague" not in boys_club


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


def test_pack_meets_the_item_standard_with_zero_lint_findings(pack: Catalog) -> None:
    """docs/authoring.md's item standard, as far as a machine can check it: no exceptions."""
    findings = lint(pack)
    assert findings == [], "\n".join(str(f) for f in findings)


def test_every_page_cites_the_talk_or_a_source_with_a_link(pack: Catalog) -> None:
    for entry in [*pack.checklists.values(), *pack.antipatterns.values()]:
        urls = [r.url for r in entry.further_reading if r.url]
        assert urls and all(u.startswith("https://") for u in urls), entry.id


def test_one_on_one_is_spelled_one_way() -> None:
    for path in builtin_dir().rglob("*.yml"):
        assert "1:1" not in path.read_text(encoding="utf-8"), path.name


# -- ids: readers' progress lives under them --------------------------------------------------


def frozen() -> dict[str, dict[str, object]]:
    return json.loads(FROZEN.read_text())


def test_item_ids_match_the_frozen_list_exactly(pack: Catalog) -> None:
    """Every added, removed or renamed item shows up here, on purpose, in the same commit."""
    ids = frozen()
    assert set(pack.checklists) == set(ids["checklists"])
    assert set(pack.antipatterns) == set(ids["antipatterns"])
    for cid, items in ids["checklists"].items():
        assert [i.id for i in pack.checklists[cid].items] == items, cid


def test_aliases_match_the_frozen_list(pack: Catalog) -> None:
    current = {
        cid: {i.id: list(i.aliases) for i in c.items if i.aliases}
        for cid, c in pack.checklists.items()
    }
    assert {cid: a for cid, a in current.items() if a} == frozen()["aliases"]


def test_moved_items_keep_their_ticks_in_the_checklist_they_moved_to(pack: Catalog) -> None:
    for old, new in frozen()["moved"].items():
        cid, iid = new.split("/")
        item = next(i for i in pack.checklists[cid].items if i.id == iid)
        assert old in item.aliases, (old, new)
        old_checklist, old_item = old.split("/")
        assert old_item in frozen()["retired"][old_checklist], old


def test_retired_ids_are_never_reused(pack: Catalog) -> None:
    """A retired id keeps readers' old ticks; reusing it would tick something new for them."""
    for cid, retired in frozen()["retired"].items():
        checklist = pack.checklists[cid]
        taken = {i.id for i in checklist.items} | {a for i in checklist.items for a in i.aliases}
        assert not taken & set(retired), (cid, sorted(taken & set(retired)))
        assert all(reason for reason in retired.values()), cid


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
    # The dashboard says what the scores are not for.
    dashboard = (site / "handbook" / "dashboard" / "index.html").read_text()
    assert "not a scorecard: never use these scores to rank" in dashboard


def test_the_team_roll_up_says_it_is_not_for_ranking() -> None:
    rollup = summarize([], None)
    assert "never use it to rank, compare or judge" in to_markdown(rollup)
    assert "never use it to rank, compare or judge" in to_html(rollup)


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


# -- the item's `evidence` and the anti-pattern's `counters` --------------------------------

TEAM_CHECKLIST = """\
id: our-rota
title: Our rota
sections:
  - title: Shifts
    items:
      - id: took-a-shift
        text: This quarter I took a primary shift.
        evidence: The paging tool's **schedule** for the quarter.
      - id: wrote-handover
        text: This quarter I wrote a handover note after each of my shifts.
        aliases: [handover-notes, be-on-call/old-handover]
"""

TEAM_ANTIPATTERN = """\
kind: antipattern
id: absent-manager
title: The absent manager
summary: The manager never sees the pager.
symptoms: [Nobody knows their phone number.]
instead: [Take a shift.]
checklists: [our-rota]
counters: [{refs}]
"""


def test_evidence_and_counters_show_on_both_pages_and_in_the_manifest(tmp_path: Path) -> None:
    site = sites.make_site(
        tmp_path,
        checklists={
            "rota.yml": TEAM_CHECKLIST,
            "absent.yml": TEAM_ANTIPATTERN.format(refs="our-rota/took-a-shift"),
        },
    )
    out = site.build()
    page = (out / "handbook" / "our-rota" / "index.html").read_text()
    assert '<li class="sremgr-item" id="sremgr-our-rota--took-a-shift-item"' in page
    item = page.split('data-sremgr-item="took-a-shift"')[1].split("</li>")[0]
    assert '<span class="sremgr-evidence-label">Where to check:</span>' in item
    assert "The paging tool's <strong>schedule</strong> for the quarter." in item
    assert '<span class="sremgr-counters-label">Counters:</span>' in item
    assert "The absent manager</a>" in item and "antipatterns/absent-manager/" in item
    other = page.split('data-sremgr-item="wrote-handover"')[1].split("</li>")[0]
    assert "sremgr-details" not in other  # nothing to say: no empty "Why and how"
    ap = (out / "handbook" / "antipatterns" / "absent-manager" / "index.html").read_text()
    assert "Items that counter it" in ap
    assert (
        'our-rota/#sremgr-our-rota--took-a-shift-item">This quarter I took a primary shift.</a>'
        in ap
    )
    manifest = json.loads((out / "assets" / "sremgr" / "manifest.json").read_text())
    items = manifest["checklists"][0]["sections"][0]["items"]
    assert items[0]["evidence"] == "The paging tool's **schedule** for the quarter."
    assert "evidence" not in items[1]
    # An item that moved here from another checklist keeps that checklist's id in its alias.
    assert items[1]["aliases"] == ["handover-notes", "be-on-call/old-handover"]


def test_evidence_is_not_part_of_the_fingerprint() -> None:
    """Naming where to check does not change what was ticked: earlier ticks stay current."""
    from mkdocs_sremgr.model import Item

    plain = Item(id="x", text="I did it.")
    with_evidence = Item(id="x", text="I did it.", evidence="The calendar.")
    assert plain.fp == with_evidence.fp
    assert Item(id="x", text="I did it this quarter.").fp != plain.fp


@pytest.mark.parametrize(
    ("ref", "message", "hint"),
    [
        (
            "our-rotaa/took-a-shift",
            "unknown checklist `our-rotaa` in `our-rotaa/took-a-shift`",
            "did you mean `our-rota`?",
        ),
        (
            "our-rota/took-a-shfit",
            "checklist `our-rota` has no item `took-a-shfit`",
            "did you mean `our-rota/took-a-shift`?",
        ),
        (
            "our-rota",
            "`counters[0]` `our-rota` is not a `checklist-id/item-id` reference",
            "write `checklist-id/item-id`",
        ),
    ],
)
def test_a_wrong_counters_reference_fails_the_build_at_its_place(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, ref: str, message: str, hint: str
) -> None:
    site = sites.make_site(
        tmp_path,
        checklists={"rota.yml": TEAM_CHECKLIST, "absent.yml": TEAM_ANTIPATTERN.format(refs=ref)},
    )
    with pytest.raises(Abort):
        site.build()
    assert f"docs/checklists/absent.yml:8:12: {message}" in caplog.text
    assert hint in caplog.text


def test_counters_may_name_a_former_item_id_and_keep_the_current_one(tmp_path: Path) -> None:
    result = _load_team(
        tmp_path, TEAM_CHECKLIST, TEAM_ANTIPATTERN.format(refs="our-rota/handover-notes")
    )
    assert result.problems == []
    assert result.catalog.antipatterns["absent-manager"].counters == ["our-rota/wrote-handover"]


def test_a_moved_item_alias_names_another_checklist_and_an_item_gone_from_it(
    tmp_path: Path,
) -> None:
    still = TEAM_CHECKLIST.replace("be-on-call/old-handover", "our-rota/took-a-shift")
    problems = [str(p) for p in _load_team(tmp_path, still).problems]
    assert any("names this item's own checklist" in p and "`took-a-shift`" in p for p in problems)
    other = """\
id: other
title: Other
sections:
  - title: S
    items:
      - id: kept
        text: I kept it.
"""
    moved = TEAM_CHECKLIST.replace("be-on-call/old-handover", "other/kept")
    problems = [str(p) for p in _load_team(tmp_path, moved, other).problems]
    assert any("alias `other/kept` is an item that is still there" in p for p in problems), problems


def _load_team(folder: Path, *texts: str) -> LoadResult:
    """The catalog of these team files alone (no built-in pack)."""
    parsed = []
    for n, text in enumerate(texts):
        path = folder / f"f{n}.yml"
        path.write_text(text)
        parsed.append(parse_file(Source(path, path.name)))
    return build_catalog(parsed)


def test_the_rename_check_knows_the_built_in_items_that_moved(pack: Catalog) -> None:
    """`validate --against` the manifest the old pack published: a moved item is not lost."""
    from mkdocs_sremgr.renames import lost_ids, parse_published

    moved = frozen()["moved"]
    published = parse_published(
        {
            "checklists": [
                {"id": cid, "sections": [{"items": [{"id": iid}]}]}
                for cid, iid in (old.split("/") for old in moved)
            ]
        },
        "old manifest",
    )
    assert lost_ids(published, pack) == []
    published.checklists["be-on-call"][1].add("never-existed")
    assert [line.split(":")[0] for line in lost_ids(published, pack)] == [
        "item `be-on-call/never-existed` is published but gone from `be-on-call`"
    ]
