"""Shared by every test: quiet MkDocs, and one factory for real tiny MkDocs sites."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sites import Site, make_site
from techdocs_env import TechDocs, techdocs_venv


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
