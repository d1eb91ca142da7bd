"""Accessibility of the pulse page as the build renders it (issue 20): axe-core's WCAG 2.2 AA
rules, both themes, phone and desktop, light and dark, with the same harness and the same
built-in pack as test_a11y.py. The page's own script (pulseui) adds its behaviour on top."""

from __future__ import annotations

from typing import Any

import pytest
from test_a11y import VARIANTS, axe_source, axe_violations, open_page, pack_site

from conftest import Site

__all__ = ["axe_source", "pack_site"]  # the fixtures, used by name

pytestmark = pytest.mark.browser

PULSE = "handbook/pulse/team-pulse/"


@pytest.mark.parametrize(("viewport", "scheme"), VARIANTS)
def test_pulse_page_has_no_violation_of_ours(
    browser: Any, pack_site: Site, axe_source: str, viewport: dict, scheme: str
) -> None:
    page = open_page(browser, pack_site, PULSE, viewport, scheme)
    page.locator("#sremgr-team-pulse--one-on-ones-happen--4").check()  # a chosen answer too
    where = f"{pack_site.theme} pulse {viewport['width']} {scheme}"
    violations = axe_violations(page, axe_source, where)
    assert not violations, "\n".join(violations)
    page.context.close()


def test_each_choice_is_named_by_its_statement_and_its_label(browser: Any, pack_site: Site) -> None:
    """A screen reader hears the statement (the legend) with each choice, and every choice is a
    target of at least 44 CSS px high on a phone."""
    page = open_page(browser, pack_site, PULSE, {"width": 390, "height": 844}, "light")
    radio = page.get_by_role(
        "group",
        name="My manager holds our one-on-ones, and moves rather than cancels one when "
        "something comes up.",
    ).get_by_role("radio", name="Don't know")
    assert radio.count() == 1
    heights = page.eval_on_selector_all(
        ".sremgr-choice", "els => els.map(e => e.getBoundingClientRect().height)"
    )
    assert len(heights) == 14 * 6 and min(heights) >= 44
    page.context.close()
