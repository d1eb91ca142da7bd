"""No silent loss where the script does not run or cannot start: JavaScript off, the script
stripped (Backstage TechDocs drops extra_javascript), pages opened from file:// with Material's
offline plugin and instant navigation; and a renamed checklist keeps its readers' progress."""

from __future__ import annotations

import json
import os
import textwrap
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import ALPHA, BETA, GAMMA, Site, ready, stored

NOTICE = ".sremgr-nojs"


def test_without_javascript_a_checklist_is_a_plain_list_that_says_so(
    material_site: Site, browser: Any
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{material_site.url}handbook/alpha/")
    assert page.locator(NOTICE).count() == 1 and page.locator(NOTICE).is_visible()
    assert "needs JavaScript" in page.locator(NOTICE).text_content()
    boxes = page.locator("input.sremgr-check")
    assert boxes.count() == 4
    # Nothing pretends to work: the boxes are hidden (keeping their place, so the page does not
    # shift when a script shows them), and so are the buttons.
    assert not any(boxes.nth(n).is_visible() for n in range(4))
    assert page.locator("label[for=sremgr-alpha--one]").is_visible()
    page.click("label[for=sremgr-alpha--one]")
    assert not boxes.first.is_visible()
    bars = page.locator("[data-sremgr-progress] [role=progressbar]")
    assert bars.count() == 3 and not any(bar.is_visible() for bar in bars.all())  # no empty bars
    page.emulate_media(media="print")
    assert not page.locator(NOTICE).is_visible()  # the printed list stays clean
    context.close()


def test_a_stripped_script_leaves_the_notice_and_no_working_box(
    material_site: Site, page: Any
) -> None:
    page.route("**/assets/sremgr/sremgr.js", lambda route: route.fulfill(status=404, body=""))
    page.goto(f"{material_site.url}handbook/alpha/")
    page.wait_for_load_state("load")
    assert page.locator(NOTICE).is_visible()
    assert not page.locator("#sremgr-alpha--one").is_visible()


def test_with_the_script_the_notice_goes_and_the_boxes_work(material_site: Site, page: Any) -> None:
    page.goto(f"{material_site.url}handbook/alpha/")
    ready(page)
    assert page.locator(NOTICE).count() == 0
    assert page.locator("#sremgr-alpha--one").is_visible()
    # A hidden box keeps its place: showing it does not push the item's text aside.
    label = page.locator("label[for=sremgr-alpha--one]").bounding_box()
    page.evaluate("document.querySelector('.sremgr-checklist').classList.remove('sremgr-js')")
    assert page.locator("label[for=sremgr-alpha--one]").bounding_box()["x"] == label["x"]


def offline_site(root: Path) -> Path:
    """A Material site with the offline plugin and instant navigation, built for file://."""
    docs = root / "docs"
    (docs / "checklists").mkdir(parents=True)
    for name, text in {"alpha.yml": ALPHA, "beta.yml": BETA, "gamma.yml": GAMMA}.items():
        (docs / "checklists" / name).write_text(text)
    (docs / "index.md").write_text("# Home\n\n- [Alpha](handbook/alpha.md)\n")
    (root / "mkdocs.yml").write_text(
        textwrap.dedent("""\
            site_name: Offline handbook
            use_directory_urls: false
            markdown_extensions: [admonition, attr_list]
            theme:
              name: material
              font: false
              features: [navigation.instant]
            plugins:
              - search
              - offline
              - sremgr:
                  builtin: false
            """)
    )
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    build(load_config(config_file=str(root / "mkdocs.yml"), strict=True))
    return root / "site"


def test_file_url_checklist_ticks_survive_a_reload(tmp_path: Path, page: Any) -> None:
    site = offline_site(tmp_path)
    page.goto((site / "handbook" / "alpha.html").as_uri())
    ready(page)
    page.check("#sremgr-alpha--one")
    page.reload()
    ready(page)
    assert page.is_checked("#sremgr-alpha--one")


def test_file_url_dashboard_shows_progress(tmp_path: Path, page: Any) -> None:
    site = offline_site(tmp_path)
    page.goto((site / "handbook" / "alpha.html").as_uri())
    ready(page)
    page.check("#sremgr-alpha--one")
    page.goto((site / "handbook" / "dashboard.html").as_uri())
    ready(page)
    row = page.locator('li[data-sremgr-checklist="alpha"]')
    assert row.get_attribute("data-sremgr-score") == "40"
    assert page.locator('[data-sremgr-notice="manifest"]').count() == 0


RENAMED_BETA = BETA.replace("id: beta\n", "id: beta-renamed\n", 1)


def _schema_takes_checklist_aliases() -> bool:
    schema = json.loads(files("mkdocs_sremgr").joinpath("schema", "sremgr.schema.json").read_text())
    return "aliases" in json.dumps(schema.get("$defs", schema).get("checklist", {}))


@pytest.mark.skipif(
    not _schema_takes_checklist_aliases(),
    reason="checklist-level aliases in the YAML format come with issue 13 (the py branch)",
)
def test_renamed_checklist_keeps_its_progress(make_site: Any, page: Any) -> None:
    site = make_site(files={"alpha.yml": ALPHA, "beta.yml": BETA})
    page.goto(f"{site.url}handbook/beta/")
    ready(page)
    page.check("#sremgr-beta--b1")
    site.build(
        {
            "alpha.yml": ALPHA,
            "beta.yml": RENAMED_BETA.replace("order: 2\n", "order: 2\naliases: [beta]\n"),
        }
    )
    page.goto(f"{site.url}handbook/beta-renamed/")
    ready(page)
    assert page.is_checked("#sremgr-beta-renamed--b1")
    page.goto(f"{site.url}handbook/dashboard/")
    ready(page)
    assert (
        page.get_attribute('li[data-sremgr-checklist="beta-renamed"]', "data-sremgr-score") == "50"
    )


def test_checklist_aliases_attribute_finds_progress_under_the_old_id(
    make_site: Any, page: Any
) -> None:
    """The engine's side of the contract, through a theme override that sets the attribute."""
    site = make_site(files={"alpha.yml": ALPHA, "beta.yml": BETA})
    page.goto(f"{site.url}handbook/beta/")
    ready(page)
    page.check("#sremgr-beta--b1")
    template = files("mkdocs_sremgr").joinpath("templates", "sremgr", "checklist.html").read_text()
    overrides = site.root / "overrides" / "sremgr"
    overrides.mkdir(parents=True)
    (overrides / "checklist.html").write_text(
        template.replace(
            '<div class="sremgr sremgr-checklist"',
            '<div class="sremgr sremgr-checklist" data-sremgr-checklist-aliases="gone beta"',
            1,
        )
    )
    config = site.root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  font: false\n", "  font: false\n  custom_dir: overrides\n", 1)
    )
    site.build({"alpha.yml": ALPHA, "beta.yml": RENAMED_BETA})
    page.goto(f"{site.url}handbook/beta-renamed/")
    ready(page)
    assert page.is_checked("#sremgr-beta-renamed--b1")
    page.check("#sremgr-beta-renamed--b2")  # written under the new id, the old progress with it
    items = stored(page)["checklists"]["beta-renamed"]["items"]
    assert items["b1"]["state"] == "done" and items["b2"]["state"] == "done"
    assert stored(page)["checklists"]["beta"]["items"]["b1"]["state"] == "done"  # kept
