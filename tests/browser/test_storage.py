"""Readers' progress is never lost: renamed, removed and reworded items; damaged, foreign,
newer or unavailable storage; every case leaves the page working and says what happened."""

from __future__ import annotations

import json
from typing import Any

from conftest import ALPHA, BETA, CSP, Site, ready, storage_key, stored

KEY = "sremgr:v1:test-handbook"


def open_alpha(site: Site, page: Any) -> None:
    page.goto(f"{site.url}handbook/alpha/")
    ready(page)


def dashboard(site: Site, page: Any) -> None:
    page.goto(f"{site.url}handbook/dashboard/")
    ready(page)


def test_renamed_item_keeps_its_progress(make_site: Any, page: Any) -> None:
    site = make_site(files={"alpha.yml": ALPHA})
    open_alpha(site, page)
    page.check("#sremgr-alpha--three")
    site.build(
        {"alpha.yml": ALPHA.replace("id: three", "id: third-thing\n        aliases: [three]")}
    )
    open_alpha(site, page)
    assert page.is_checked("#sremgr-alpha--third-thing")
    assert "1 of 5 points" in page.get_attribute(  # item one is worth 2 points
        '[data-sremgr-progress="alpha"] [role=progressbar]', "aria-valuetext"
    )


def test_an_item_moved_to_another_checklist_keeps_its_tick(make_site: Any, page: Any) -> None:
    site = make_site(files={"alpha.yml": ALPHA, "beta.yml": BETA})
    open_alpha(site, page)
    page.check("#sremgr-alpha--three")
    without_three = ALPHA.replace("      - id: three\n        text: I did the third thing.\n", "")
    assert without_three != ALPHA
    moved_here = BETA.replace(
        "      - id: b2\n",
        "      - id: b3\n        text: I did the third thing.\n        aliases: [alpha/three]\n"
        "      - id: b2\n",
    )
    site.build({"alpha.yml": without_three, "beta.yml": moved_here})
    page.goto(f"{site.url}handbook/beta/")
    ready(page)
    assert page.is_checked("#sremgr-beta--b3")
    bar = '[data-sremgr-progress="beta"] [role=progressbar]'
    assert "1 of 3 done" in page.get_attribute(bar, "aria-valuetext")
    # Setting it aside starts from the moved record; the old record stays where it was.
    page.click('li[data-sremgr-item="b3"] [data-sremgr-action="na"]')
    data = stored(page)
    assert data["checklists"]["beta"]["items"]["b3"]["state"] == "na"
    assert data["checklists"]["alpha"]["items"]["three"]["state"] == "done"
    dashboard(site, page)
    row = page.locator('li[data-sremgr-checklist="beta"] [role=progressbar]')
    assert "0 of 2 done" in row.get_attribute("aria-valuetext")


def test_removed_item_stops_counting_but_its_data_is_kept(make_site: Any, page: Any) -> None:
    site = make_site(files={"alpha.yml": ALPHA})
    open_alpha(site, page)
    page.check("#sremgr-alpha--four")
    page.check("#sremgr-alpha--three")
    without_four = ALPHA.replace("      - id: four\n        text: I did the fourth thing.\n", "")
    site.build({"alpha.yml": without_four})
    dashboard(site, page)
    row = page.locator('li[data-sremgr-checklist="alpha"] [role=progressbar]')
    assert "1 of 4 points" in row.get_attribute("aria-valuetext")
    assert stored(page)["checklists"]["alpha"]["items"]["four"]["state"] == "done"


def test_reworded_item_shows_the_changed_mark_until_confirmed(make_site: Any, page: Any) -> None:
    site = make_site(files={"alpha.yml": ALPHA})
    open_alpha(site, page)
    page.check("#sremgr-alpha--two")
    page.check("#sremgr-alpha--three")
    site.build(
        {"alpha.yml": ALPHA.replace("I did the second thing.", "I did the second thing twice.")}
    )
    open_alpha(site, page)
    mark = page.locator('li[data-sremgr-item="two"] .sremgr-changed')
    assert "changed since you ticked it" in mark.text_content()
    assert page.locator(".sremgr-changed").count() == 1
    assert page.is_checked("#sremgr-alpha--two")
    mark.get_by_role("button", name="Confirm").click()
    assert page.locator(".sremgr-changed").count() == 0
    page.reload()
    ready(page)
    assert page.locator(".sremgr-changed").count() == 0


def test_corrupt_storage_is_moved_to_a_backup_with_a_notice(material_site: Site, page: Any) -> None:
    open_alpha(material_site, page)
    page.evaluate(
        "k => { localStorage.clear(); localStorage.setItem(k, '{\"version\": 1, oops') }", KEY
    )
    page.reload()
    ready(page)
    assert "could not be read" in page.locator("[data-sremgr-notice=moved]").text_content()
    backups = page.evaluate(
        "k => Object.keys(localStorage).filter(x => x.startsWith(k + ':backup:'))", KEY
    )
    assert len(backups) == 1
    assert page.evaluate("k => localStorage.getItem(k)", backups[0]) == '{"version": 1, oops'
    page.check("#sremgr-alpha--one")  # the page works and saves afresh
    assert stored(page)["checklists"]["alpha"]["items"]["one"]["state"] == "done"


def test_a_field_nested_thousands_deep_goes_to_a_backup_and_ticking_works(
    material_site: Site, page: Any
) -> None:
    """Issue 18: such a field made every change throw while copying its record, so a tick
    showed but was never saved. It goes aside with the whole entry, with a notice."""
    open_alpha(material_site, page)
    deep = '{"x":' * 5000 + "1" + "}" * 5000
    raw = (
        '{"version":1,"checklists":{"alpha":{"items":{"two":{"state":"done","odd":'
        + deep
        + '}}}},"snapshots":{},"meta":{"created":"2026-01-01T00:00:00Z","odd":'
        + deep
        + "}}"
    )
    page.evaluate("([k, v]) => { localStorage.clear(); localStorage.setItem(k, v) }", [KEY, raw])
    page.reload()
    ready(page)
    assert page.locator("[data-sremgr-notice=moved]").count() == 1
    assert page.is_checked("#sremgr-alpha--two")
    page.check("#sremgr-alpha--one")
    page.reload()
    ready(page)
    assert page.is_checked("#sremgr-alpha--one") and page.is_checked("#sremgr-alpha--two")
    backups = page.evaluate(
        "k => Object.keys(localStorage).filter(x => x.startsWith(k + ':backup:'))", KEY
    )
    assert len(backups) == 1
    assert page.evaluate("k => localStorage.getItem(k)", backups[0]) == raw


def test_foreign_shape_is_moved_aside_too(material_site: Site, page: Any) -> None:
    open_alpha(material_site, page)
    page.evaluate("k => { localStorage.clear(); localStorage.setItem(k, '[1, 2, 3]') }", KEY)
    page.reload()
    ready(page)
    assert page.locator("[data-sremgr-notice=moved]").count() == 1
    assert page.evaluate(
        "k => Object.keys(localStorage).some(x => x.startsWith(k + ':backup:'))", KEY
    )


def test_data_from_a_newer_version_is_left_untouched(material_site: Site, page: Any) -> None:
    open_alpha(material_site, page)
    newer = json.dumps({"version": 2, "whatever": {"x": 1}})
    page.evaluate("([k, v]) => { localStorage.clear(); localStorage.setItem(k, v) }", [KEY, newer])
    page.reload()
    ready(page)
    assert "newer version" in page.locator("[data-sremgr-notice=newer]").text_content()
    page.check("#sremgr-alpha--one")
    assert page.evaluate("k => localStorage.getItem(k)", KEY) == newer


def test_rare_notice_texts_load_only_when_one_is_shown(material_site: Site, page: Any) -> None:
    asked = "document.querySelectorAll('script[src$=\"/sremgr-notices.js\"]').length"
    open_alpha(material_site, page)
    page.check("#sremgr-alpha--one")
    assert page.evaluate(asked) == 0  # an ordinary page never asks for them
    assert page.evaluate("window.sremgrNotices === undefined")
    page.evaluate(
        "([k, v]) => { localStorage.clear(); localStorage.setItem(k, v) }",
        [KEY, json.dumps({"version": 2})],
    )
    page.reload()
    ready(page)
    notice = page.locator("[data-sremgr-notice=newer]")
    assert "newer version" in notice.text_content()  # English text only that file holds
    assert page.evaluate(asked) == 1


def test_a_rare_notice_whose_text_cannot_load_still_says_something(
    material_site: Site, page: Any
) -> None:
    page.route("**/sremgr-notices.js", lambda route: route.fulfill(status=404, body=""))
    open_alpha(material_site, page)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, "{not json"])
    page.reload()
    ready(page)
    text = page.locator("[data-sremgr-notice=moved]").text_content()
    assert "did not load" in text and "Nothing is lost" in text
    assert "notice." not in page.locator(".sremgr-notices").text_content()  # never a key
    backups = page.evaluate(
        "k => Object.keys(localStorage).filter(x => x.startsWith(k + ':backup:'))", KEY
    )
    assert len(backups) == 1  # the damaged record was still kept aside


def test_unversioned_drafts_migrate_forward(material_site: Site, page: Any) -> None:
    open_alpha(material_site, page)
    old = json.dumps({"checklists": {"alpha": {"items": {"one": True, "two": False}}}})
    page.evaluate("([k, v]) => { localStorage.clear(); localStorage.setItem(k, v) }", [KEY, old])
    page.reload()
    ready(page)
    assert page.is_checked("#sremgr-alpha--one") and not page.is_checked("#sremgr-alpha--two")
    page.check("#sremgr-alpha--three")
    data = stored(page)
    assert data["version"] == 1
    assert data["checklists"]["alpha"]["items"]["one"]["state"] == "done"
    assert data["checklists"]["alpha"]["items"]["two"]["state"] == "open"


def test_unknown_fields_are_kept(material_site: Site, page: Any) -> None:
    open_alpha(material_site, page)
    data = {
        "version": 1,
        "future": [1],
        "checklists": {
            "alpha": {
                "extra": "x",
                "items": {
                    "one": {"state": "open", "changed": "2026-01-01T00:00:00.000Z", "mood": "great"}
                },
            }
        },
        "snapshots": {},
        "meta": {},
    }
    page.evaluate(
        "([k, v]) => { localStorage.clear(); localStorage.setItem(k, v) }", [KEY, json.dumps(data)]
    )
    page.reload()
    ready(page)
    page.check("#sremgr-alpha--one")
    after = stored(page)
    assert after["future"] == [1] and after["checklists"]["alpha"]["extra"] == "x"
    assert after["checklists"]["alpha"]["items"]["one"]["mood"] == "great"
    assert after["checklists"]["alpha"]["items"]["one"]["state"] == "done"


BLOCKED = """
Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});
"""
FULL = """
Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
"""


def test_blocked_storage_keeps_the_page_working_in_memory(
    material_site: Site, context: Any
) -> None:
    page = context.new_page()
    page.add_init_script(BLOCKED)
    errors: list[str] = []
    # Material itself trips over blocked storage; errors from our script would name it.
    page.on(
        "pageerror", lambda e: errors.append(e.stack or "") if "sremgr" in (e.stack or "") else None
    )
    open_alpha(material_site, page)
    assert (
        "does not let the handbook store"
        in page.locator("[data-sremgr-notice=blocked]").text_content()
    )
    page.check("#sremgr-alpha--one")
    assert (
        page.get_attribute('[data-sremgr-progress="alpha"] [role=progressbar]', "aria-valuenow")
        == "40"
    )
    assert errors == []


def test_full_storage_is_shown_never_reported_as_saved(material_site: Site, context: Any) -> None:
    page = context.new_page()
    open_alpha(material_site, page)
    page.evaluate("localStorage.clear()")
    page.add_init_script(FULL)
    page.reload()
    ready(page)
    page.check("#sremgr-alpha--two")
    assert "Could not save" in page.locator("[data-sremgr-notice=full]").text_content()
    assert "(not saved)" in page.locator(".sremgr-live").text_content()
    assert page.evaluate("k => localStorage.getItem(k)", KEY) is None
    assert page.is_checked("#sremgr-alpha--two")


def test_persistence_is_requested_on_the_first_tick(material_site: Site, context: Any) -> None:
    page = context.new_page()
    page.add_init_script("""
        window.__persistCalls = 0;
        navigator.storage.persist = () => { window.__persistCalls++; return Promise.resolve(true); };
    """)
    open_alpha(material_site, page)
    page.evaluate("localStorage.clear()")
    page.reload()
    ready(page)
    assert page.evaluate("window.__persistCalls") == 0
    page.check("#sremgr-alpha--one")
    page.check("#sremgr-alpha--two")
    assert page.evaluate("window.__persistCalls") == 1
    page.wait_for_function(
        "k => JSON.parse(localStorage.getItem(k)).meta.persisted === true", arg=KEY
    )


def test_strict_csp_logs_no_violation(
    make_site: Any, context: Any, offsite_requests: list[str]
) -> None:
    """Served with `default-src 'self'`: the script and style work and cause no violation."""
    for theme in ("mkdocs", "material"):
        site = make_site(theme, headers={"Content-Security-Policy": CSP}, name=theme)
        page = context.new_page()
        page.add_init_script("""
            window.__violations = [];
            document.addEventListener('securitypolicyviolation', e => window.__violations.push(
                {source: e.sourceFile, blocked: e.blockedURI, directive: e.violatedDirective}));
        """)
        for path in ("handbook/alpha/", "handbook/dashboard/"):
            page.goto(site.url + path)
            ready(page)
            if path.endswith("alpha/"):
                page.check("#sremgr-alpha--one")
                page.click('li[data-sremgr-item="two"] [data-sremgr-action="note"]')
                page.fill('li[data-sremgr-item="two"] textarea', "evidence")
            violations = page.evaluate("window.__violations")
            # The themes have inline scripts and data: icons of their own; count what is ours,
            # and any eval or connection at all.
            # A theme's data: icon (Material's CSS masks) on an element our script inserted is
            # reported with our script as its source, now and then; our files hold no data:
            # URL at all (tests/test_assets.py), so such a block is the theme's.
            ours = [
                v
                for v in violations
                if (
                    "sremgr" in (v["source"] or "") + (v["blocked"] or "")
                    and not (v["blocked"] == "data" and v["directive"] == "img-src")
                )
                or v["blocked"] == "eval"
                or v["directive"].startswith("connect-src")
            ]
            assert ours == [], (theme, path, ours)
        assert page.get_attribute('li[data-sremgr-checklist="alpha"]', "data-sremgr-score") == "40"
        assert storage_key(page) == "sremgr:v1:test-handbook"
    assert offsite_requests == []


def test_beta_untouched_by_alpha(material_site: Site, page: Any) -> None:
    """Ticking an item of one checklist changes no other checklist, even one whose item
    sits at the same place."""
    open_alpha(material_site, page)
    page.evaluate("localStorage.clear()")
    page.reload()
    ready(page)
    page.check("#sremgr-alpha--one")
    page.goto(f"{material_site.url}handbook/beta/")
    ready(page)
    assert BETA and not page.is_checked("#sremgr-beta--b1")
    assert not page.is_checked("#sremgr-beta--b2")
    data = stored(page)
    assert data["checklists"]["alpha"]["items"]["one"]["state"] == "done"
    assert not data["checklists"].get("beta", {}).get("items")
    dashboard(material_site, page)
    assert page.get_attribute('li[data-sremgr-checklist="beta"]', "data-sremgr-score") == "0"
