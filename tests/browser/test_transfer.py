"""Export, reset and import: a round trip restores everything; bad files change nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from conftest import Site, ready, stored

KEY = "sremgr:v1:test-handbook"


def fresh(site: Site, page: Any, path: str) -> None:
    page.goto(site.url + path)
    page.evaluate("localStorage.clear()")
    page.reload()
    ready(page)


def export(page: Any, tmp_path: Path) -> dict[str, Any]:
    with page.expect_download() as download:
        page.click('[data-sremgr-action="export"]')
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    return json.loads(target.read_text())


def import_file(page: Any, path: Path, choice: str | None) -> None:
    page.set_input_files("input.sremgr-file", str(path))
    if choice:
        page.get_by_role("button", name=choice).click()


def test_export_reset_import_round_trip(material_site: Site, page: Any, tmp_path: Path) -> None:
    fresh(material_site, page, "handbook/alpha/")
    page.check("#sremgr-alpha--one")
    page.click('li[data-sremgr-item="two"] [data-sremgr-action="note"]')
    page.fill('li[data-sremgr-item="two"] textarea', "Talked to Sam")
    page.goto(material_site.url + "handbook/dashboard/")
    ready(page)
    before = stored(page)
    exported = export(page, tmp_path)
    assert exported["format"] == "mkdocs-sremgr-export" and exported["storage_key"] == KEY
    assert exported["data"]["checklists"] == before["checklists"]
    page.evaluate("localStorage.setItem('unrelated', 'secret')")
    assert "secret" not in json.dumps(exported)
    assert "Last exported today" in page.locator("[data-sremgr-export-age]").text_content()

    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-sremgr-action="reset-all"]')
    assert stored(page)["checklists"] == {}
    assert page.get_attribute('li[data-sremgr-checklist="alpha"]', "data-sremgr-score") == "0"
    assert page.evaluate("localStorage.getItem('unrelated')") == "secret"

    path = tmp_path / "mine.json"
    path.write_text(json.dumps(exported))
    import_file(page, path, "Replace mine")
    assert stored(page)["checklists"] == before["checklists"]
    assert page.get_attribute('li[data-sremgr-checklist="alpha"]', "data-sremgr-score") == "40"
    backups = page.evaluate(
        "k => Object.keys(localStorage).filter(x => x.startsWith(k + ':backup:'))", KEY
    )
    assert len(backups) == 2  # one before the reset, one before the replace
    page.goto(material_site.url + "handbook/alpha/")
    ready(page)
    assert page.is_checked("#sremgr-alpha--one")
    assert page.input_value('li[data-sremgr-item="two"] textarea') == "Talked to Sam"


def test_merge_keeps_the_newest_change_per_item(
    material_site: Site, page: Any, tmp_path: Path
) -> None:
    fresh(material_site, page, "handbook/dashboard/")
    mine = {
        "version": 1,
        "snapshots": {},
        "meta": {},
        "checklists": {
            "alpha": {
                "items": {
                    "one": {
                        "state": "done",
                        "changed": "2026-05-01T00:00:00.000Z",
                        "note": "old note",
                        "noted": "2026-01-01T00:00:00.000Z",
                    },
                    "two": {
                        "state": "done",
                        "changed": "2026-01-01T00:00:00.000Z",
                        "note": "my newer note",
                        "noted": "2026-07-01T00:00:00.000Z",
                    },
                }
            }
        },
    }
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, json.dumps(mine)])
    page.reload()
    ready(page)
    theirs = {
        "format": "mkdocs-sremgr-export",
        "storage_key": KEY,
        "exported": "2026-06-01T00:00:00.000Z",
        "data": {
            "version": 1,
            "snapshots": {},
            "meta": {},
            "checklists": {
                "alpha": {
                    "items": {
                        "one": {
                            "state": "open",
                            "changed": "2026-02-01T00:00:00.000Z",
                            "note": "their newer note",
                            "noted": "2026-06-01T00:00:00.000Z",
                        },
                        "two": {
                            "state": "open",
                            "changed": "2026-03-01T00:00:00.000Z",
                            "note": "their old note",
                            "noted": "2026-02-01T00:00:00.000Z",
                        },
                        "three": {"state": "done", "changed": "2026-03-01T00:00:00.000Z"},
                    }
                }
            },
        },
    }
    path = tmp_path / "theirs.json"
    path.write_text(json.dumps(theirs))
    import_file(page, path, "Merge")
    items = stored(page)["checklists"]["alpha"]["items"]
    assert items["one"]["state"] == "done"  # mine is newer
    assert items["two"]["state"] == "open"  # theirs is newer
    assert items["three"]["state"] == "done"  # only theirs
    # Notes merge on their own clock: the newer note wins, whichever side has the newer state.
    assert items["one"]["note"] == "their newer note"
    assert items["two"]["note"] == "my newer note"
    # one (weight 2) and three (weight 1) of 5
    assert page.get_attribute('li[data-sremgr-checklist="alpha"]', "data-sremgr-score") == "60"


def valid_export() -> dict[str, Any]:
    return {
        "format": "mkdocs-sremgr-export",
        "storage_key": KEY,
        "exported": "2026-06-01T00:00:00.000Z",
        "data": {
            "version": 1,
            "snapshots": {},
            "meta": {},
            "checklists": {
                "alpha": {
                    "items": {"one": {"state": "done", "changed": "2026-03-01T00:00:00.000Z"}}
                }
            },
        },
    }


def _set(data: dict[str, Any], path: list[str], value: Any) -> dict[str, Any]:
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


BAD_FILES = {
    "not json": "{oops",
    "not an export": json.dumps({"hello": "world"}),
    "another handbook": json.dumps(_set(valid_export(), ["storage_key"], "sremgr:v1:other")),
    "newer version": json.dumps(_set(valid_export(), ["data", "version"], 9)),
    # Any id is a state (a newer build's is kept, and read as open); a number is not one.
    "wrong state": json.dumps(
        _set(valid_export(), ["data", "checklists", "alpha", "items", "one", "state"], 5)
    ),
    "script in an id": json.dumps(
        _set(
            valid_export(),
            ["data", "checklists", "alpha", "items"],
            {"<img src=x onerror=window.__pwned=1>": {"state": "done"}},
        )
    ),
    "proto key": '{"format": "mkdocs-sremgr-export", "storage_key": "' + KEY + '", '
    '"exported": "2026-06-01T00:00:00.000Z", "data": {"version": 1, "meta": {}, '
    '"snapshots": {}, "checklists": {"__proto__": {"polluted": true}, '
    '"alpha": {"items": {"__proto__": {"state": "done"}}}}}}',
    "id ending in a newline": json.dumps(
        _set(valid_export(), ["data", "checklists", "alpha", "items"], {"one\n": {"state": "done"}})
    ),
    "note too long": json.dumps(
        _set(valid_export(), ["data", "checklists", "alpha", "items", "one", "note"], "x" * 3000)
    ),
    "bad snapshot": json.dumps(
        _set(
            valid_export(),
            ["data", "snapshots"],
            {
                "2026-Q3": {
                    "closed": "2026-09-30T00:00:00.000Z",
                    "checklists": {"alpha": {"done": ["one"], "total": 4, "score": 400}},
                }
            },
        )
    ),
    "huge": json.dumps(_set(valid_export(), ["data", "meta", "padding"], "x" * 26_000_000)),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_import_is_refused_and_changes_nothing(
    material_site: Site, page: Any, tmp_path: Path, name: str
) -> None:
    fresh(material_site, page, "handbook/dashboard/")
    page.evaluate(
        """k => localStorage.setItem(k, JSON.stringify({version: 1, snapshots: {},
        meta: {}, checklists: {beta: {items: {b1: {state: 'done', changed: '2026-01-01T00:00:00Z'}}}}}))""",
        KEY,
    )
    page.reload()
    ready(page)
    before = page.evaluate("k => localStorage.getItem(k)", KEY)
    path = tmp_path / "bad.json"
    path.write_text(BAD_FILES[name])
    import_file(page, path, None)
    # Said once, beside the toolbar that was used (issue 21), not again at the top.
    notice = page.locator(".sremgr-summary-panel ~ .sremgr-toolbar + .sremgr-feedback")
    expect(notice).to_contain_text("Import refused")
    assert page.locator("[data-sremgr-notice]").count() == 0
    assert (
        "Import refused" in notice.text_content() and "Nothing was changed" in notice.text_content()
    )
    assert page.locator(".sremgr-panel button").count() == 0
    assert page.evaluate("k => localStorage.getItem(k)", KEY) == before
    assert page.evaluate("window.__pwned") is None
    assert page.evaluate("({}).polluted") is None and page.evaluate("({}).state") is None


def test_markup_in_a_note_stays_text(material_site: Site, page: Any, tmp_path: Path) -> None:
    fresh(material_site, page, "handbook/dashboard/")
    data = _set(
        valid_export(),
        ["data", "checklists", "alpha", "items", "one", "note"],
        "<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>",
    )
    path = tmp_path / "note.json"
    path.write_text(json.dumps(data))
    import_file(page, path, "Merge")
    page.goto(material_site.url + "handbook/alpha/")
    ready(page)
    assert page.input_value('li[data-sremgr-item="one"] textarea').startswith("<img src=x")
    assert page.locator("li[data-sremgr-item=one] img").count() == 0
    assert page.evaluate("window.__pwned") is None


def test_reset_one_checklist_asks_first(material_site: Site, page: Any) -> None:
    fresh(material_site, page, "handbook/alpha/")
    page.check("#sremgr-alpha--one")
    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.click('[data-sremgr-action="reset"]')
    assert page.is_checked("#sremgr-alpha--one")
    # The question comes translated from the template, with the checklist's title in it.
    assert asked == [
        "Reset every tick, set-aside item and note in “Alpha checks”? A backup is kept first."
    ]
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-sremgr-action="reset"]')
    assert not page.is_checked("#sremgr-alpha--one")
    assert "alpha" not in stored(page)["checklists"]


def test_a_readers_own_export_always_re_imports(
    material_site: Site, page: Any, tmp_path: Path
) -> None:
    """What the old code refused although storage held it: 1e400, an id `constructor`,
    more than 5,000 item records, unknown fields. Each is a legal record; export + replace
    gives it back unchanged."""
    fresh(material_site, page, "handbook/dashboard/")
    many = ",".join(
        f'"i{n}": {{"state": "done", "changed": "2026-01-01T00:00:00Z"}}' for n in range(6000)
    )
    raw = (
        '{"version": 1, "snapshots": {}, "meta": {"big": 1e400, "future": {"x": [1, null]}},'
        ' "later": "kept", "checklists": {"constructor": {"items": {"hasownproperty": {"state": "done"},'
        ' "constructor": {"state": "done", "mood": 1e400}}},'
        ' "alpha": {"extra": true, "items": {' + many + "}}}}"
    )
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, raw])
    page.reload()
    ready(page)
    exported = export(page, tmp_path)
    assert exported["data"]["meta"]["big"] is None and exported["data"]["later"] == "kept"
    assert len(exported["data"]["checklists"]["alpha"]["items"]) == 6000
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('[data-sremgr-action="reset-all"]')
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(exported))
    import_file(page, path, "Replace mine")
    after = stored(page)
    assert after["checklists"] == exported["data"]["checklists"]
    assert after["later"] == "kept"
    assert "constructor" in after["checklists"]["constructor"]["items"]
