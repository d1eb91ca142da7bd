"""A renamed checklist's former address: readers (and authors' links) land on the new page,
at the same place when the link named one (`#…`), with or without JavaScript."""

from __future__ import annotations

import re
from typing import Any

import pytest

from conftest import ALPHA

RENAMED = ALPHA.replace("id: alpha\n", "id: alpha-habits\naliases: [alpha]\n")
WAIT_MS = 10_000


@pytest.mark.parametrize(
    ("fragment", "lands_on"),
    [
        # An item's and a section's anchors carry the checklist id: they move with it.
        ("#sremgr-alpha--two-item", "#sremgr-alpha-habits--two-item"),
        ("#alpha--second", "#alpha-habits--second"),
        # Any other fragment is kept as it is.
        ("#sremgr-progress", "#sremgr-progress"),
    ],
)
def test_the_former_address_keeps_the_fragment(
    make_site: Any, page: Any, fragment: str, lands_on: str
) -> None:
    site = make_site(files={"alpha.yml": RENAMED})
    page.goto(f"{site.url}handbook/alpha/{fragment}")
    target = f"{site.url}handbook/alpha-habits/{lands_on}"
    page.wait_for_url(re.compile(re.escape(target) + "$"), timeout=WAIT_MS)
    if lands_on != "#sremgr-progress":
        assert page.locator(lands_on).count() == 1  # the anchor is there to land on


def test_without_javascript_the_meta_refresh_still_leads_to_the_new_page(
    make_site: Any, browser: Any
) -> None:
    site = make_site(files={"alpha.yml": RENAMED})
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site.url}handbook/alpha/#sremgr-alpha--two-item")
    page.wait_for_url(re.compile(re.escape(f"{site.url}handbook/alpha-habits/")), timeout=WAIT_MS)
    assert page.locator("#sremgr-alpha-habits--two-item").count() == 1
    context.close()
