"""Progress carries across the languages of mkdocs-static-i18n and the versions of mike."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from conftest import _free_port, _Handler, ready, storage_key
from interop_sites import build_site, i18n_site, mike_site


@pytest.fixture
def serve() -> Iterator[Callable[[Path, int], str]]:
    servers: list[ThreadingHTTPServer] = []

    def start(directory: Path, port: int) -> str:
        server = ThreadingHTTPServer(
            ("127.0.0.1", port), partial(_Handler, directory=str(directory))
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{port}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def tick_and_follow(page: Any, first: str, others: list[str]) -> None:
    page.goto(first)
    ready(page)
    page.check("#sremgr-alpha--one")
    key = storage_key(page)
    for url in others:
        page.goto(url)
        ready(page)
        assert storage_key(page) == key, url
        assert page.is_checked("#sremgr-alpha--one"), url
        assert not page.is_checked("#sremgr-alpha--two"), url


def test_a_tick_in_english_shows_in_german(
    tmp_path: Path, serve: Callable[[Path, int], str], page: Any, offsite_requests: list[str]
) -> None:
    pytest.importorskip("mkdocs_static_i18n")
    port = _free_port()
    site = build_site(i18n_site(tmp_path, f"http://127.0.0.1:{port}/"))
    url = serve(site, port)
    tick_and_follow(page, f"{url}handbook/alpha/", [f"{url}de/handbook/alpha/", f"{url}de/"])
    # The German dashboard loads its script and counts the tick.
    page.goto(f"{url}de/handbook/dashboard/")
    ready(page)
    row = ".sremgr-dashboard [data-sremgr-checklist='alpha'] .sremgr-bar-text"
    page.wait_for_selector(row)
    assert page.text_content(row).startswith("1 von 2 erledigt")  # in its own language
    assert page.locator(".sremgr-notice").count() == 0
    assert offsite_requests == []


def test_a_tick_in_one_version_shows_in_the_next(
    tmp_path: Path, serve: Callable[[Path, int], str], page: Any, offsite_requests: list[str]
) -> None:
    out = mike_site(tmp_path)
    url = serve(out.parent, _free_port())
    tick_and_follow(
        page,
        f"{url}docs/1.0/handbook/alpha/",
        [f"{url}docs/2.0/handbook/alpha/", f"{url}docs/latest/handbook/alpha/"],
    )
    # Version 2.0 added an item; it starts open.
    page.goto(f"{url}docs/2.0/handbook/alpha/")
    ready(page)
    assert not page.is_checked("#sremgr-alpha--three")
    assert offsite_requests == []
