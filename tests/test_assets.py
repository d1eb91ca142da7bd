"""Static guarantees of the browser assets (the browser tests check their behaviour)."""

from __future__ import annotations

import re
from importlib.resources import files

ASSETS = files("mkdocs_sremgr").joinpath("assets")
SCRIPT = ASSETS.joinpath("sremgr.js").read_text(encoding="utf-8")
STYLE = ASSETS.joinpath("sremgr.css").read_text(encoding="utf-8")


def code_only(js: str) -> str:
    """The script without its comments, so prose may name what the code must never do."""
    return re.sub(r"/\*.*?\*/|(?:^|\s)//\s[^\n]*", "", js, flags=re.DOTALL | re.MULTILINE)


def test_script_never_uses_html_sinks_eval_or_clear() -> None:
    code = code_only(SCRIPT)
    for forbidden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                      "new Function", "localStorage.clear", "setAttribute(\"style\"",
                      "import("):
        assert forbidden not in code, forbidden


def test_assets_reference_no_other_origin() -> None:
    for text in (code_only(SCRIPT), STYLE):
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text)
        assert "@import" not in text and "url(" not in text


def test_script_is_plain_es5_syntax_wrapped_in_one_function() -> None:
    """No build step, no module syntax: one IIFE in strict mode that any browser parses."""
    code = code_only(SCRIPT).strip()
    assert code.startswith("(function () {") and code.endswith("})();")
    assert '"use strict";' in code
    assert not re.search(r"^\s*(import|export)\s", code, flags=re.MULTILINE)
    assert "=>" not in code and "`" not in code
    assert not re.search(r"\b(let|const)\s+[A-Za-z_$][\w$]*\s*[=;,]|\bclass\s+[A-Z]\w*\s*\{", code)
