"""No Python traceback reaches a user, from the plugin or the command line, whatever the
configuration, the files and the arguments (a hypothesis property, issue 13).

"Reaching the user" means an exception other than the ones MkDocs and argparse turn into a
clean message: MkDocs' `Abort` / `ConfigurationError` / `PluginError` for a build, and
`SystemExit` (argparse's usage errors) or a return code for the CLI.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from mkdocs_sremgr.cli import main

VALID = """\
id: rota
title: Rota
sections:
  - title: Basics
    items:
      - id: first
        text: I did it.
"""

SLOW = settings(
    max_examples=25,
    deadline=timedelta(seconds=30),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

names = st.sampled_from(
    [
        "checklists",
        "",
        ".",
        "/",
        "..",
        "../x",
        "a/b",
        "x" * 300,
        "docs",
        "c\n",
        "C:\\x",
        "checklists/",
        "./checklists",
        "\x00",
        "é",
    ]
)
yaml_values = st.one_of(
    names,
    st.booleans(),
    st.integers(-5, 20),
    st.none(),
    st.lists(st.sampled_from(["be-on-call", "nope", "", "x\n"]), max_size=3),
    st.text(st.characters(blacklist_categories=["Cs"]), max_size=20),
)
file_texts = st.one_of(
    st.just(VALID),
    st.text(max_size=200),
    st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
    st.sampled_from(
        [
            VALID.replace("id: rota", 'id: "rota\\n"'),
            VALID + "aliases: [rota]\n",
            VALID.replace("title: Rota", 'title: "<!--sremgr-slot-0-->"'),
            VALID.replace("I did it.", "'<!-- sremgr:checklist nope -->'"),
            VALID + "        weight: .nan\n",
            "extends: nope\n",
            "kind: antipattern\n",
        ]
    ),
)


def _yaml_scalar(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)  # JSON is YAML: quoting is safe


@settings(SLOW, max_examples=60)
@given(
    options=st.fixed_dictionaries(
        {},
        optional={
            "checklists_dir": names,
            "url_prefix": names,
            "exclude": yaml_values,
            "builtin": st.one_of(st.booleans(), yaml_values),
            "nav_section": yaml_values,
            "storage_namespace": yaml_values,
            "fiscal_year_start": yaml_values,
            "dashboard": yaml_values,
        },
    ),
    files=st.dictionaries(
        st.sampled_from(["a.yml", "b.YAML", "sub/c.yml", ".hidden.yml", "d.txt"]),
        file_texts,
        max_size=3,
    ),
    page=st.sampled_from(
        [
            "# Hi\n",
            "<!-- sremgr:checklist rota -->\n",
            "<!-- sremgr:dashboard -->\n",
            "<!-- sremgr:x y -->\n",
        ]
    ),
)
def test_a_build_never_shows_a_traceback(
    options: dict[str, Any], files: dict[str, str], page: str
) -> None:
    root = Path(tempfile.mkdtemp(prefix="sremgr-prop-"))
    try:
        docs = root / "docs"
        (docs / "checklists").mkdir(parents=True)
        (docs / "index.md").write_text(page, encoding="utf-8")
        for name, text in files.items():
            target = docs / "checklists" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", errors="surrogatepass")
        lines = "".join(f"      {k}: {_yaml_scalar(v)}\n" for k, v in options.items())
        (root / "mkdocs.yml").write_text(
            "site_name: P\ntheme: {name: mkdocs}\nplugins:\n  - sremgr:\n"
            + (lines or "      builtin: false\n"),
            encoding="utf-8",
        )
        try:
            config = load_config(config_file=str(root / "mkdocs.yml"), strict=False)
            build(config)
        except (Abort, ConfigurationError, PluginError):
            pass  # MkDocs shows these as one clean message
    finally:
        shutil.rmtree(root, ignore_errors=True)


arguments = st.one_of(
    st.sampled_from(
        [
            "validate",
            "schema",
            "init",
            "new",
            "report",
            "checklist",
            "antipattern",
            "-f",
            "-o",
            "-d",
            "--against",
            "--no-builtin",
            "--override",
            "--format",
            "html",
            "-",
            ".",
            "/",
            "docs",
            "docs/checklists",
            "mkdocs.yml",
            "export.json",
            "deep.json",
            "fifo",
            "missing",
            "be-on-call",
            "x" * 300,
            "http://127.0.0.1:9/manifest.json",
        ]
    ),
    st.text(st.characters(blacklist_categories=["Cs"]), max_size=12),
)


commands = st.sampled_from(
    [
        ["validate"],
        ["schema"],
        ["init"],
        ["new", "checklist"],
        ["new", "antipattern"],
        ["report"],
        ["report", "export.json"],
    ]
)


@settings(SLOW, max_examples=80)
@given(
    command=commands,
    rest=st.lists(arguments, max_size=4),
    config=st.sampled_from(
        [None, "site_name: S\nplugins:\n  - sremgr\n", "site_name: S\n", "{{{", "plugins: 3\n"]
    ),
)
def test_the_command_line_never_shows_a_traceback(
    command: list[str], rest: list[str], config: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = command + rest
    root = Path(tempfile.mkdtemp(prefix="sremgr-cli-"))
    try:
        (root / "docs" / "checklists").mkdir(parents=True)
        (root / "docs" / "checklists" / "rota.yml").write_text(VALID)
        (root / "export.json").write_text('{"version": 1, "checklists": {}}')
        (root / "deep.json").write_text("[" * 50_000)
        os.mkfifo(root / "fifo")
        if config is not None:
            (root / "mkdocs.yml").write_text(config)
        monkeypatch.chdir(root)
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"{}")))
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(argv)
            except SystemExit as exc:  # argparse: usage message, exit 2
                status = exc.code if isinstance(exc.code, int) else 2
        assert status in (0, 1, 2)
        assert "Traceback" not in out.getvalue() + err.getvalue()
    finally:
        shutil.rmtree(root, ignore_errors=True)
