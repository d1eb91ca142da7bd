"""Start-up paints from the reader's records, not from every item: each record finds its item
(by its box's id, an alias, or a walk when neither works), totals come from the page, and a
repaint puts back the items whose record has gone."""

from __future__ import annotations

import json
from typing import Any

from conftest import ALPHA, Site, ready, stored

KEY = "sremgr:v1:test-handbook"
AT = "2026-01-05T10:00:00.000Z"

#: ALPHA with old ids for items three and four.
RENAMED = ALPHA.replace(
    "      - id: three\n", "      - id: three\n        aliases: [old-three]\n"
).replace("      - id: four\n", "      - id: four\n        aliases: [old-four]\n")


def records(**items: dict[str, str]) -> str:
    return json.dumps(
        {
            "version": 1,
            "checklists": {"alpha": {"items": {k.replace("_", "-"): v for k, v in items.items()}}},
            "snapshots": {},
            "meta": {},
        }
    )


def bar(page: Any, which: str) -> str:
    return page.get_attribute(
        f'[data-sremgr-progress="{which}"] [role=progressbar]', "aria-valuenow"
    )


def test_records_paint_their_items_and_the_totals(make_site: Any, page: Any) -> None:
    site: Site = make_site(files={"alpha.yml": RENAMED})
    page.goto(f"{site.url}handbook/alpha/")
    ready(page)
    done, na, opened = (
        {"state": "done", "changed": AT},
        {"state": "na", "changed": AT},
        {
            "state": "open",
            "changed": AT,
        },
    )
    seeded = records(
        one=done,
        two=na,
        old_three=done,  # only under an alias: found through it
        four=opened,  # under its id and an alias: its id wins
        old_four=done,
        gone=done,  # an item no longer in the checklist: kept, not counted
    )
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, seeded])
    page.reload()
    ready(page)
    assert page.is_checked("#sremgr-alpha--one") and page.is_checked("#sremgr-alpha--three")
    assert not page.is_checked("#sremgr-alpha--four")
    assert page.is_disabled("#sremgr-alpha--two")  # "not for me"
    assert bar(page, "alpha/first") == "100"  # one (2 points) of one: two is set aside
    assert bar(page, "alpha/second") == "50"
    assert bar(page, "alpha") == "75"  # 3 of 4 points
    assert stored(page)["checklists"]["alpha"]["items"]["gone"]["state"] == "done"

    # Reset: every item drawn from a record goes back to open, the totals with them.
    page.on("dialog", lambda dialog: dialog.accept())
    page.click('[data-sremgr-action="reset"]')
    assert page.locator("input.sremgr-check:checked").count() == 0
    assert not page.is_disabled("#sremgr-alpha--two")
    assert page.locator('li[data-sremgr-state="na"]').count() == 0
    assert bar(page, "alpha") == "0" and bar(page, "alpha/first") == "0"


def test_the_same_checklist_twice_on_one_page_paints_both(make_site: Any, page: Any) -> None:
    site: Site = make_site(files={"alpha.yml": ALPHA})
    (site.root / "docs" / "twice.md").write_text(
        "# Twice\n\n<!-- sremgr:checklist alpha -->\n\nAnd again:\n\n<!-- sremgr:checklist alpha -->\n"
    )
    site.build()
    page.goto(f"{site.url}twice/")
    ready(page)
    roots = page.locator(".sremgr-checklist")
    assert roots.count() == 2
    roots.nth(1).locator('li[data-sremgr-item="three"] input').check()  # in the second copy
    page.reload()
    ready(page)
    for n in range(2):
        assert roots.nth(n).locator('li[data-sremgr-item="three"] input').is_checked()
        assert (
            roots.nth(n)
            .locator('[data-sremgr-progress="alpha"] [role=progressbar]')
            .get_attribute("aria-valuenow")
            == "20"
        )
