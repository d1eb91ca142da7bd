"""A TechDocs-built checklist read as Backstage shows it: without the page's scripts.

Backstage's TechDocs reader sanitises each page and drops its scripts (it keeps stylesheets),
so a reader gets what a browser with JavaScript off gets. The site is built by
mkdocs-techdocs-core in its own venv (tests/techdocs_env.py); Backstage itself is not run.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from techdocs_env import TechDocs, techdocs_project

OUT = Path(__file__).parent / "out"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def techdocs_url(techdocs: TechDocs, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = techdocs_project(tmp_path_factory.mktemp("techdocs"))
    result = techdocs.build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    handler = partial(_Quiet, directory=str(project / "site"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def scriptless(browser: Any) -> Iterator[Any]:
    """A page with JavaScript off; the Google Fonts Material links (techdocs-core leaves
    `font` on) are refused, as the test machine has no network."""
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 800}
    )
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith("http://127.0.0.1:")
            else route.abort()
        ),
    )
    yield context.new_page()
    context.close()


def test_techdocs_checklist_reads_as_a_plain_list_without_scripts(
    techdocs_url: str, scriptless: Any
) -> None:
    page = scriptless
    page.goto(f"{techdocs_url}handbook/alpha/")
    # Our stylesheet applies (Backstage keeps stylesheets): the list has no bullets.
    items = page.locator("ul.sremgr-items")
    assert items.first.evaluate("e => getComputedStyle(e).listStyleType") == "none"
    labels = page.locator(".sremgr-item > label")
    assert labels.all_inner_texts() == [
        "I did the first thing.",
        "I did the second thing.",
        "I did the third thing.",
    ]
    assert all(label.is_visible() for label in labels.all())
    assert page.locator("legend h2").all_inner_texts() == ["First section", "Second section"]
    # Read-only, with no dead controls, and one line saying why.
    checks = page.locator("input.sremgr-check")
    assert checks.count() == 3 and not any(check.is_visible() for check in checks.all())
    assert not any(button.is_visible() for button in page.locator(".sremgr button").all())
    notice = page.get_by_text("needs JavaScript")
    assert notice.count() == 1 and notice.is_visible()
    # The item's explanation can be opened (a <details>, no script needed).
    page.locator(".sremgr-details > summary").first.click()
    assert page.locator(".sremgr-item .admonition.note").is_visible()
    OUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUT / "techdocs-no-js.png"), full_page=True)

    # Printed: the items, without the notice or controls; an item's explanation stays on
    # screen, so that a checklist prints on at most two pages (docs/quarterly-review.md).
    page.reload()
    page.emulate_media(media="print")
    assert all(label.is_visible() for label in labels.all())
    assert not page.locator(".sremgr-item .admonition.note").is_visible()
    assert not notice.is_visible()
    assert not any(button.is_visible() for button in page.locator(".sremgr button").all())
