"""The `mkdocs-sremgr` command line: exit codes, messages, and files it refuses to overwrite."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_sremgr.cli import main
from samples import VALID
from sites import run_cli

SITE = "site_name: T\nplugins:\n  - sremgr\n"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, cwd=cwd)


def test_validate_accepts_a_valid_folder(tmp_path: Path) -> None:
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "team-rota.yml").write_text(VALID)
    result = run("validate", "lists", "--no-builtin", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "1 file valid" in result.stdout


def test_validate_reports_every_error_with_position_and_exit_1(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text(VALID.replace("title: Team rota", "titel: Team rota"))
    (tmp_path / "b.yml").write_text(
        VALID.replace("team-rota", "other").replace("id: first", "id: no")
    )
    result = run("validate", "a.yml", "b.yml", "--no-builtin", cwd=tmp_path)
    assert result.returncode == 1
    assert "a.yml:2:1: unknown key `titel` (hint: did you mean `title`?)" in result.stderr
    assert "b.yml:6:13:" in result.stderr and 'quote it: "no"' in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_validate_uses_mkdocs_yml_and_knows_the_builtin_pack(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path)]) == 0
    (tmp_path / "docs" / "checklists" / "linked.yml").write_text(
        VALID.replace("team-rota", "linked") + "antipatterns: [sre-proxy-servce]\n"
    )
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 1
    pack = Path(__file__).parents[1] / "src/mkdocs_sremgr/pack/antipatterns"
    if any(pack.glob("*.yml")):
        assert "did you mean `sre-proxy-service`?" in result.stderr


def test_validate_missing_path_is_an_error(tmp_path: Path) -> None:
    result = run("validate", "nowhere", cwd=tmp_path)
    assert result.returncode == 1
    assert "no such file or folder: nowhere" in result.stderr


def test_schema_prints_the_packaged_json_schema(tmp_path: Path) -> None:
    result = run("schema", cwd=tmp_path)
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].endswith("2020-12/schema")
    assert {"checklist", "antipattern", "extension", "item"} <= set(schema["$defs"])


def test_init_scaffolds_a_handbook_that_builds_strict(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path)]) == 0
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "handbook" / "our-first-checklist" / "index.html").is_file()
    assert (tmp_path / "site" / "handbook" / "dashboard" / "index.html").is_file()


def test_init_refuses_to_overwrite_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: Mine\n")
    assert main(["init", str(tmp_path)]) == 1
    assert "refusing to overwrite" in capsys.readouterr().err
    assert (tmp_path / "mkdocs.yml").read_text() == "site_name: Mine\n"
    assert not (tmp_path / "docs").exists()


@pytest.mark.parametrize("kind", ["checklist", "antipattern"])
def test_new_writes_a_starter_that_points_at_the_schema(tmp_path: Path, kind: str) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(SITE)
    result = run("new", kind, "brand-new", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = tmp_path / "docs" / "checklists" / "brand-new.yml"
    first = written.read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../sremgr.schema.json"
    assert (tmp_path / "sremgr.schema.json").is_file()
    if kind == "antipattern":
        return  # a starter anti-pattern counters no checklist yet, which is valid
    check = run("validate", "docs/checklists", "--no-builtin", cwd=tmp_path)
    assert check.returncode == 0, check.stderr


def test_new_refuses_overwrite_and_bad_ids(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(SITE)
    assert run("new", "checklist", "dup", "-d", "lists", cwd=tmp_path).returncode == 0
    again = run("new", "checklist", "dup", "-d", "lists", cwd=tmp_path)
    assert again.returncode == 1 and "refusing to overwrite" in again.stderr
    bad = run("new", "checklist", "Not_Kebab", cwd=tmp_path)
    assert bad.returncode == 1 and "try `not-kebab`" in bad.stderr


def test_no_command_prints_help_and_exits_2(tmp_path: Path) -> None:
    result = run(cwd=tmp_path)
    assert result.returncode == 2
    assert "validate" in result.stdout
