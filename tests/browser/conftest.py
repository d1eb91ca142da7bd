"""Browser tests: real MkDocs sites served on 127.0.0.1, driven in Debian's headless Chromium."""

from __future__ import annotations

import json
import os
import shutil
import socket
import textwrap
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

CHROMIUM = os.environ.get("SREMGR_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
CSP = "default-src 'self'"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder drives a browser: `-m "not browser"` leaves them all out."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": FLAGS}


ALPHA = """\
id: alpha
title: Alpha checks
lesson: Keep the alpha habits.
cadence: weekly
tags: [ops, people]
order: 1
sections:
  - id: first
    title: First section
    items:
      - id: one
        text: I did the first thing.
        weight: 2
      - id: two
        text: I did the second thing.
        details: "!!! note\\n    Why it matters."
  - id: second
    title: Second section
    items:
      - id: three
        text: I did the third thing.
      - id: four
        text: I did the fourth thing.
"""

BETA = """\
id: beta
title: Beta checks
lesson: Keep the beta habits.
cadence: quarterly
tags: [ops]
order: 2
sections:
  - id: only
    title: Only section
    items:
      - id: b1
        text: Beta one.
      - id: b2
        text: Beta two.
"""

GAMMA = """\
id: gamma
title: Gamma checks
cadence: yearly
tags: [people]
order: 3
sections:
  - id: only
    title: Only section
    items:
      - id: g1
        text: Gamma one.
"""


@dataclass
class Site:
    """A handbook built into `site_dir` and served at `url` (site_url matches, so instant nav works)."""

    root: Path
    port: int
    theme: str
    files: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    def write(self, files: dict[str, str]) -> None:
        checklists = self.root / "docs" / "checklists"
        shutil.rmtree(checklists, ignore_errors=True)
        checklists.mkdir(parents=True)
        for name, text in files.items():
            (checklists / name).write_text(text)

    def build(self, files: dict[str, str] | None = None) -> Site:
        if files is not None:
            self.write(files)
        os.environ["NO_MKDOCS_2_WARNING"] = "1"
        config = load_config(config_file=str(self.root / "mkdocs.yml"), strict=True)
        build(config)
        return self


def _config(theme: str, port: int) -> str:
    if theme == "material":
        theme_block = textwrap.dedent("""\
            theme:
              name: material
              font: false
              features: [navigation.instant]
              palette:
                - media: "(prefers-color-scheme: light)"
                  scheme: default
                  toggle: {icon: material/brightness-7, name: Dark mode}
                - media: "(prefers-color-scheme: dark)"
                  scheme: slate
                  toggle: {icon: material/brightness-4, name: Light mode}
            plugins:
              - search
              - tags
              - sremgr:
                  builtin: false
            """)
    else:
        theme_block = (
            "theme:\n  name: mkdocs\n  highlightjs: false  # the theme would fetch it from a CDN\n"
            "plugins:\n  - search\n  - sremgr:\n      builtin: false\n"
        )
    return (
        f"site_name: Test handbook\nsite_url: http://127.0.0.1:{port}/\n"
        "markdown_extensions: [admonition, attr_list]\n" + theme_block
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Handler(SimpleHTTPRequestHandler):
    extra_headers: ClassVar[dict[str, str]] = {}

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve_site(
    root: Path,
    theme: str,
    headers: dict[str, str] | None = None,
    files: dict[str, str] | None = None,
) -> tuple[Site, ThreadingHTTPServer]:
    port = _free_port()
    site = Site(root, port, theme, headers=headers or {})
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "index.md").write_text(
        "# Home\n\nWelcome.\n\n- [Alpha](handbook/alpha.md)\n- [Dashboard](handbook/dashboard.md)\n"
    )
    (root / "docs" / "notes.md").write_text("# Notes\n\nA page without checklists.\n")
    (root / "mkdocs.yml").write_text(_config(theme, port))
    site.build(
        files if files is not None else {"alpha.yml": ALPHA, "beta.yml": BETA, "gamma.yml": GAMMA}
    )
    handler = type("Handler", (_Handler,), {"extra_headers": site.headers})
    server = ThreadingHTTPServer(
        ("127.0.0.1", port), partial(handler, directory=str(site.site_dir))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return site, server


@pytest.fixture
def make_site(tmp_path: Path) -> Iterator[Callable[..., Site]]:
    servers: list[ThreadingHTTPServer] = []

    def make(
        theme: str = "material",
        headers: dict[str, str] | None = None,
        files: dict[str, str] | None = None,
        name: str = "site",
    ) -> Site:
        site, server = serve_site(tmp_path / name, theme, headers, files)
        servers.append(server)
        return site

    yield make
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def material_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    site, server = serve_site(tmp_path_factory.mktemp("material"), "material")
    yield site
    server.shutdown()
    server.server_close()


def block_offsite(context: Any) -> list[str]:
    """Records and blocks every request of `context` for anything but 127.0.0.1; returns the
    list it records them in."""
    seen: list[str] = []

    def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith(("http://127.0.0.1:", "blob:", "data:")):
            route.continue_()
        else:
            seen.append(url)
            route.abort()

    context.route("**/*", guard)
    return seen


@pytest.fixture
def offsite_requests(context: Any) -> list[str]:
    """Every request for anything but 127.0.0.1 is recorded and blocked."""
    return block_offsite(context)


def stored(page: Any, key: str | None = None) -> Any:
    """The handbook's localStorage entry, parsed (None when absent)."""
    raw = page.evaluate("k => localStorage.getItem(k)", key or storage_key(page))
    return None if raw is None else json.loads(raw)


def storage_key(page: Any) -> str:
    return page.get_attribute(".sremgr[data-sremgr-storage-key]", "data-sremgr-storage-key")


def instant_armed(page: Any) -> None:
    """Waits until Material's instant navigation can take a click.

    It intercepts only links its sitemap.xml lists, and fetches that after the page
    loads: a click before the sitemap arrives is a full page load (seen under load).
    """
    page.wait_for_function(
        "performance.getEntriesByType('resource')"
        ".some(e => e.name.endsWith('/sitemap.xml') && e.responseEnd > 0)"
    )


def ready(page: Any) -> None:
    page.wait_for_selector(".sremgr[data-sremgr-ready]", state="attached")
