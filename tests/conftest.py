"""Shared by every test: quiet MkDocs, and one factory for real tiny MkDocs sites."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sites import Site, make_site
from techdocs_env import TechDocs, side_venv, techdocs_venv


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from this build instead of comparing (tests/test_golden.py)",
    )


@pytest.fixture(autouse=True)
def _no_mkdocs2_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture
def site(tmp_path: Path) -> Callable[..., Site]:
    """`site(checklists={...}, pages={...}, options=...)` writes a project under tmp_path."""

    def factory(**kwargs: object) -> Site:
        return make_site(tmp_path, **kwargs)  # type: ignore[arg-type]

    return factory


@pytest.fixture(scope="session")
def techdocs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> TechDocs:
    """A venv with mkdocs-techdocs-core and this checkout, made once (tests/techdocs_env.py)."""
    cache = getattr(request.config, "cache", None)
    folder = cache.mkdir("techdocs") if cache is not None else tmp_path_factory.mktemp("techdocs")
    return techdocs_venv(folder)


#: mkdocs-rss-plugin 1.19 pins GitPython < 3.2, which the git-revision plugin of the test
#: extras (>= 3.2.1) excludes: it gets a venv of its own.
RSS_PLUGIN = "mkdocs-rss-plugin==1.19.0"


@pytest.fixture(scope="session")
def rss_venv(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> TechDocs:
    """A venv with mkdocs-rss-plugin, mkdocs-material and this checkout, made once."""
    cache = getattr(request.config, "cache", None)
    folder = cache.mkdir("rss") if cache is not None else tmp_path_factory.mktemp("rss")
    return side_venv(folder, RSS_PLUGIN, "rss", ("mkdocs-rss-plugin", "mkdocs"))
