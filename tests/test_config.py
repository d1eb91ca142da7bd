"""Plugin options go through MkDocs' own config validation."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError


def config_with(tmp_path: Path, options: str) -> Path:
    (tmp_path / "docs").mkdir(exist_ok=True)
    path = tmp_path / "mkdocs.yml"
    path.write_text(f"site_name: T\nplugins:\n  - sremgr:\n{options}")
    return path


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ("      dashboard: maybe\n", "dashboard"),
        ("      url_prefix: ../outside\n", "must be a relative folder"),
        ("      fiscal_year_start: 13\n", "fiscal_year_start"),
        ("      exclude: be-on-call\n", "exclude"),
    ],
)
def test_wrong_option_gives_mkdocs_config_error(
    tmp_path: Path, options: str, message: str, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises((ConfigurationError, Abort)):
        load_config(config_file=str(config_with(tmp_path, options)))
    assert "Plugin 'sremgr' option" in caplog.text
    assert message in caplog.text


def test_unknown_option_is_a_warning_that_strict_turns_into_an_error(tmp_path: Path) -> None:
    config = load_config(config_file=str(config_with(tmp_path, "      checklist_dir: x\n")))
    assert config.plugins["sremgr"].config.checklists_dir == "checklists"
    with pytest.raises((ConfigurationError, Abort)):
        load_config(config_file=str(config_with(tmp_path, "      checklist_dir: x\n")), strict=True)


def test_defaults_and_normalised_prefix(tmp_path: Path) -> None:
    config = load_config(config_file=str(config_with(tmp_path, "      url_prefix: /team/hb\n")))
    options = config.plugins["sremgr"].config
    assert options.url_prefix == "team/hb/"
    # nav_section None: "Handbook" in the site's language (tests/test_languages.py)
    assert (options.builtin, options.dashboard, options.nav_section) == (True, True, None)
    assert options.storage_namespace is None and options.fiscal_year_start == 1
