"""Static guarantees of the browser assets (the browser tests check their behaviour).

The readable sources (assets/source) are checked for what the code may do; the shipped,
minified copies for being the build of those sources, byte for byte.
"""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

ASSETS = files("mkdocs_sremgr").joinpath("assets")
SOURCE = ASSETS.joinpath("source")
SCRIPTS = {
    name: SOURCE.joinpath(name).read_text(encoding="utf-8")
    for name in ("sremgr.js", "sremgr-dashboard.js")
}
STYLE = SOURCE.joinpath("sremgr.css").read_text(encoding="utf-8")
BUILD = Path(__file__).resolve().parent.parent / "scripts" / "build_assets.py"


def code_only(js: str) -> str:
    """The script without its comments, so prose may name what the code must never do."""
    return re.sub(r"/\*.*?\*/|(?:^|\s)//\s[^\n]*", "", js, flags=re.DOTALL | re.MULTILINE)


def test_shipped_assets_are_the_build_of_their_sources() -> None:
    result = subprocess.run([sys.executable, str(BUILD), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name", SCRIPTS)
def test_script_never_uses_html_sinks_eval_or_clear(name: str) -> None:
    code = code_only(SCRIPTS[name])
    for forbidden in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        "localStorage.clear",
        'setAttribute("style"',
        "import(",
    ):
        assert forbidden not in code, forbidden


def test_assets_reference_no_other_origin() -> None:
    for text in (*map(code_only, SCRIPTS.values()), STYLE):
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text)
        assert "@import" not in text and "url(" not in text


def test_the_only_script_fetched_is_the_dashboard_from_the_same_folder() -> None:
    core = code_only(SCRIPTS["sremgr.js"])
    assert re.findall(r'createElement\("script"\)', core) == ['createElement("script")']
    assert 'new URL("sremgr-dashboard.js", assetBase)' in core
    assert 'createElement("script")' not in code_only(SCRIPTS["sremgr-dashboard.js"])


@pytest.mark.parametrize("name", SCRIPTS)
def test_script_is_plain_es5_syntax_wrapped_in_one_function(name: str) -> None:
    """No module syntax: one IIFE in strict mode that any browser parses."""
    code = code_only(SCRIPTS[name]).strip()
    assert code.startswith("(function (") and code.endswith(");")
    assert '"use strict";' in code
    assert not re.search(r"^\s*(import|export)\s", code, flags=re.MULTILINE)
    assert "=>" not in code and "`" not in code
    assert not re.search(r"\b(let|const)\s+[A-Za-z_$][\w$]*\s*[=;,]|\bclass\s+[A-Z]\w*\s*\{", code)
