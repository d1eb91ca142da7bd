"""Careless or hostile input (issue 13): each case refused clearly or handled, never a
traceback, a hang, unescaped HTML or a wrong answer. Each test reproduced the bug first."""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError

from sites import Site, make_site, run_cli

ROTA = """\
id: rota
title: {title}
sections:
  - title: Basics
    items:
      - id: first
        text: {text}
"""


def rota(title: str = "Rota", text: str = "I did it.") -> str:
    return ROTA.format(title=title, text=text)


def build_error(site: Site) -> str:
    """What a strict build stops with: MkDocs logs a plugin's error, then aborts."""
    logger = logging.getLogger("mkdocs")
    records: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: records.append(record.getMessage())  # type: ignore[method-assign]
    logger.addHandler(handler)
    try:
        with pytest.raises((PluginError, Abort)) as caught:
            site.build()
    finally:
        logger.removeHandler(handler)
    return "\n".join([*records, str(caught.value)])


# -- plain-text fields are escaped everywhere and one line -------------------------------------


@pytest.mark.parametrize("theme", ["{name: mkdocs}", "{name: material, font: false}"])
def test_html_in_a_title_never_runs(tmp_path: Path, theme: str) -> None:
    title = '"<img src=x onerror=alert(1)>Rota"'
    site = make_site(tmp_path, theme=theme, checklists={"rota.yml": rota(title=title)})
    site.build()
    for page in ("handbook/rota/index.html", "index.html", "handbook/dashboard/index.html"):
        html = site.read(page)
        assert "<img src=x" not in html, page
    assert "&lt;img src=x onerror=alert(1)&gt;Rota" in site.read("handbook/rota/index.html")


def test_a_title_that_is_a_marker_renders_no_checklist_in_the_h1(tmp_path: Path) -> None:
    title = '"<!-- sremgr:checklist rota -->"'
    site = make_site(tmp_path, checklists={"rota.yml": rota(title=title)})
    site.build()
    html = site.read("handbook/rota/index.html")
    assert html.count('data-sremgr-checklist="rota"') == 1
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    assert h1 is not None and "sremgr-checklist" not in h1.group(1)


def test_a_newline_in_a_title_is_refused(tmp_path: Path) -> None:
    title = '"Rota\\n\\n<script>alert(1)</script>"'
    site = make_site(tmp_path, checklists={"rota.yml": rota(title=title)})
    message = build_error(site)
    assert "docs/checklists/rota.yml:2:8: `title` must be one line of plain text" in message


def test_html_in_tags_never_runs_in_materials_tag_chips(tmp_path: Path) -> None:
    checklist = rota() + 'tags: ["<b onmouseover=alert(1)>ops</b>"]\n'
    site = make_site(
        tmp_path,
        theme="{name: material, font: false}",
        plugins="  - tags\n",
        checklists={"rota.yml": checklist},
    )
    site.build()
    html = site.read("handbook/rota/index.html")
    assert "<b onmouseover" not in html
    assert "&lt;b onmouseover=alert(1)&gt;ops&lt;/b&gt;" in html


def test_which_fields_take_markdown_and_html_is_documented() -> None:
    from mkdocs_sremgr.model import BLOCK, INLINE, PLAIN, AntiPattern, Checklist, Item, Reading

    doc = (Path(__file__).parents[1] / "docs" / "authoring.md").read_text()
    table = doc[doc.index("## Which fields take Markdown") :]
    for cls in (Checklist, AntiPattern, Item, Reading):
        for spec in cls.text_specs():
            kind = spec.metadata.get("text")
            if kind in (PLAIN, INLINE, BLOCK):
                assert f"`{spec.name}`" in table, spec.name


# -- ids and numbers --------------------------------------------------------------------------


def test_an_id_ending_in_a_newline_is_refused(tmp_path: Path) -> None:
    site = make_site(tmp_path, checklists={"rota.yml": rota().replace("id: rota", 'id: "rota\\n"')})
    assert "is not a kebab-case id" in build_error(site)
    assert not (tmp_path / "site").exists()


def test_schema_id_pattern_agrees_with_the_rules() -> None:
    from mkdocs_sremgr import rules
    from mkdocs_sremgr.schema import schema

    assert schema()["$defs"]["id"]["pattern"] == f"^{rules.ID_PATTERN}$"
    assert schema()["$defs"]["id"]["maxLength"] == rules.ID_MAX_LENGTH


@pytest.mark.parametrize("number", [".nan", ".inf", "-.inf", ".NaN"])
def test_weight_nan_or_infinity_is_refused(tmp_path: Path, number: str) -> None:
    checklist = rota() + f"        weight: {number}\n"
    message = build_error(make_site(tmp_path, checklists={"rota.yml": checklist}))
    assert f"rota.yml:8:17: `{number}` is not a finite number" in message


# -- the slot token ---------------------------------------------------------------------------


def test_a_typed_slot_comment_neither_tracebacks_nor_injects(tmp_path: Path) -> None:
    slot = "<!--sremgr-slot-7-->"
    site = make_site(
        tmp_path,
        checklists={"rota.yml": rota(text=f"'I did it {slot}'")},
        pages={"guide.md": f"# Guide\n\n{slot}\n\n<!-- sremgr:checklist rota -->\n\n{slot}\n"},
    )
    site.build()
    guide = site.read("guide/index.html")
    assert guide.count('data-sremgr-checklist="rota"') == 1


# -- reading files ----------------------------------------------------------------------------


def test_a_huge_sparse_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    site = make_site(tmp_path, checklists={"rota.yml": rota()})
    with open(site.docs / "checklists" / "big.yml", "wb") as handle:
        handle.truncate(2 * 1024**3)  # 2 GiB of holes: no disk used
    script = (
        "import resource, sys\n"
        "from mkdocs_sremgr.cli import main\n"
        "status = main(['validate'])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
        "sys.exit(status)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=site.root, capture_output=True, text=True, timeout=120
    )
    peak_kib = int(result.stderr.strip().splitlines()[-1])
    assert peak_kib < 400 * 1024, f"peak memory {peak_kib} KiB: the file was read"
    assert result.returncode == 1
    assert "big.yml:1:1: cannot use it: it is 2097152 KiB, over the limit" in result.stderr


def test_report_refuses_a_fifo_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "progress.json"
    os.mkfifo(fifo)
    result = run_cli("report", str(fifo), cwd=tmp_path, timeout=30)
    assert result.returncode == 1
    assert "not a regular file" in result.stderr


def test_report_reads_stdin_bounded(tmp_path: Path) -> None:
    big = b" " * (6 * 1024 * 1024)
    result = run_cli("report", "-", cwd=tmp_path, stdin=big)
    assert result.returncode == 1 and "over the limit" in result.stderr
    good = json.dumps({"version": 1, "checklists": {}}).encode()
    assert run_cli("report", "-", cwd=tmp_path, stdin=good).returncode == 0


def test_folders_vanishing_during_the_scan_are_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs_sremgr.catalog import find_sources

    root = tmp_path / "checklists"
    (root / "gone").mkdir(parents=True)
    (root / "gone" / "x.yml").write_text("id: x\n")
    (root / "kept.yml").write_text("id: kept\n")
    real_scandir = os.scandir

    def vanishing(path: object = ".") -> object:
        if str(path).endswith("gone"):
            raise FileNotFoundError(2, "No such file or directory", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", vanishing)
    assert [s.path.name for s in find_sources(root, tmp_path)] == ["kept.yml"]


# -- where the checklists live ----------------------------------------------------------------


@pytest.mark.parametrize("folder", ['""', '"."', "/", "./", "../outside", "'a/../..'"])
def test_checklists_dir_must_be_a_folder_inside_docs(tmp_path: Path, folder: str) -> None:
    site = make_site(tmp_path, options=f"      checklists_dir: {folder}\n")
    with pytest.raises(Abort):
        site.build()
    result = site.cli("validate")
    assert result.returncode == 1
    assert "checklists_dir" in result.stderr and "relative folder" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("option", ["checklists_dir", "url_prefix"])
def test_a_300_character_folder_name_is_refused_clearly(tmp_path: Path, option: str) -> None:
    site = make_site(tmp_path, options=f"      {option}: {'x' * 300}\n")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=site.root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "too long" in result.stderr and "Traceback" not in result.stderr


def test_yaml_sources_are_never_published_and_upper_case_suffixes_are_read(
    tmp_path: Path,
) -> None:
    site = make_site(
        tmp_path,
        checklists={"rota.YML": rota(), "nested/other.Yaml": rota().replace("rota", "other")},
    )
    site.build()
    built = [p.name.lower() for p in (tmp_path / "site").rglob("*")]
    assert not [n for n in built if n.endswith((".yml", ".yaml"))]
    assert (tmp_path / "site" / "handbook" / "rota" / "index.html").is_file()
    assert (tmp_path / "site" / "handbook" / "other" / "index.html").is_file()


def test_a_hostile_file_builds_quickly(tmp_path: Path) -> None:
    """488 KiB of `[a](` once took Python-Markdown minutes; now refused in a second."""
    body = "[a](" * 4000
    fields = "".join(
        f"      - id: i{n}\n        text: I did it.\n        details: '{body}'\n" for n in range(30)
    )
    checklist = "id: rota\ntitle: Rota\nsections:\n  - title: Basics\n    items:\n" + fields
    assert len(checklist) > 450 * 1024
    site = make_site(tmp_path, checklists={"rota.yml": checklist})
    started = time.monotonic()
    message = build_error(site)
    assert time.monotonic() - started < 10
    assert "has 4000 `[` that open no link" in message


def test_many_stray_brackets_under_the_limit_still_build_quickly(tmp_path: Path) -> None:
    body = "[a](" * 20 + "word " * 3900
    fields = "".join(
        f"      - id: i{n}\n        text: I did it.\n        details: '{body}'\n" for n in range(20)
    )
    checklist = "id: rota\ntitle: Rota\nsections:\n  - title: Basics\n    items:\n" + fields
    site = make_site(tmp_path, checklists={"rota.yml": checklist})
    started = time.monotonic()
    site.build()
    assert time.monotonic() - started < 10


# -- report -----------------------------------------------------------------------------------


def export(states: dict[str, dict[str, str]], **extra: object) -> str:
    data = {
        "version": 1,
        "checklists": {
            cid: {"items": {i: {"state": s} for i, s in items.items()}}
            for cid, items in states.items()
        },
        **extra,
    }
    return json.dumps(data)


def test_report_without_a_config_names_what_the_exports_hold(tmp_path: Path) -> None:
    for n in range(3):
        (tmp_path / f"{n}.json").write_text(export({"our-own": {"first": "done"}}, note=str(n)))
    result = run_cli("report", "0.json", "1.json", "2.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "## our-own" in result.stdout
    assert "`first` | 3 of 3" in result.stdout
    assert "be-on-call" not in result.stdout  # the pack is not this team's handbook


def test_report_refuses_the_same_file_twice(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(export({"x": {"y": "done"}}))
    result = run_cli("report", "a.json", "a.json", "a.json", cwd=tmp_path)
    assert result.returncode == 1
    assert "file 2 (a.json): it is the same as file 1" in result.stderr


def test_report_with_a_broken_handbook_fails_like_validate(tmp_path: Path) -> None:
    site = make_site(tmp_path, checklists={"rota.yml": rota().replace("title:", "titel:")})
    (tmp_path / "a.json").write_text(export({"rota": {"first": "done"}}))
    assert site.cli("validate").returncode == 1
    result = site.cli("report", "a.json")
    assert result.returncode == 1
    assert "unknown key `titel`" in result.stderr


def test_report_tables_escape_pipes_and_newlines(tmp_path: Path) -> None:
    site = make_site(tmp_path, checklists={"rota.yml": rota(title="'A | B'", text="'one | two'")})
    (tmp_path / "a.json").write_text(export({"rota": {"first": "done"}}))
    result = site.cli("report", "a.json")
    assert result.returncode == 0, result.stderr
    assert "## A \\| B" in result.stdout
    assert "| one \\| two | 1 of 1 | 0 |" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "nests too deeply"),
        ('{"version": ' + "9" * 5000 + ', "checklists": {}}', "not JSON"),
    ],
)
def test_report_hostile_json_gives_no_traceback(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "a.json").write_text(content)
    result = run_cli("report", "a.json", cwd=tmp_path)
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr


def test_report_on_a_directory_or_into_a_directory(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    result = run_cli("report", "folder", cwd=tmp_path)
    assert result.returncode == 1 and "it is a folder" in result.stderr
    (tmp_path / "a.json").write_text(export({"x": {"y": "done"}}))
    result = run_cli("report", "a.json", "-o", "folder", cwd=tmp_path)
    assert result.returncode == 1 and "cannot write folder" in result.stderr
    assert "Traceback" not in result.stderr


# -- init and schema --------------------------------------------------------------------------


def test_init_on_an_existing_file(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("mine\n")
    result = run_cli("init", "taken", cwd=tmp_path)
    assert result.returncode == 1
    assert "taken is a file, not a folder" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_schema_into_a_full_disk(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs_sremgr.cli", "schema"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert "cannot write the output" in result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
