"""Static guarantees of the browser assets (the browser tests check their behaviour).

The ES module sources (assets/src) are checked for what the code may do; the shipped bundles
for being the build of those sources (scripts/build_assets.py --check, which works without Node).
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest

ASSETS = files("mkdocs_sremgr").joinpath("assets")
SRC = Path(str(ASSETS.joinpath("src")))
#: The modules of each bundle: the per-page one, and the dashboard's (which imports core ones).
SCRIPTS = {
    path.relative_to(SRC).as_posix(): path.read_text(encoding="utf-8")
    for path in sorted(SRC.rglob("*.js"))
}
STYLE = ASSETS.joinpath("source", "sremgr.css").read_text(encoding="utf-8")
SHIPPED = {
    name: ASSETS.joinpath(name).read_text(encoding="utf-8")
    for name in ("sremgr.js", "sremgr-dashboard.js", "sremgr-redirect.js")
}
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
        # No data: URL either (images, scripts): a CSP data: block is always a theme's own.
        assert not re.search(r"[\"'(]data:[a-z]", text)


def test_the_only_scripts_added_are_the_dashboard_and_manifest_from_the_same_folder() -> None:
    code = "".join(code_only(text) for text in SCRIPTS.values())
    assert re.findall(r'createElement\("script"\)', code) == ['createElement("script")']
    assert "new URL(name, assetBase)" in code_only(SCRIPTS["main.js"])
    assert 'addScript("manifest.js")' in code and 'addScript("sremgr-dashboard.js")' in code


@pytest.mark.parametrize("name", SHIPPED)
def test_each_bundle_is_one_classic_script(name: str) -> None:
    """An IIFE, no module syntax: a page opened from file:// cannot load ES modules. Its first
    line asks Chromium to compile every function eagerly (the hint must open the file)."""
    hint, banner, body = SHIPPED[name].split("\n", 2)
    assert hint == "//# allFunctionsCalledOnLoad"
    assert banner.startswith("/* mkdocs-sremgr: ") and banner.endswith("*/")
    body = body.strip()
    assert body.startswith(("(()=>{", "(function(){", '"use strict";(()=>{'))
    assert body.endswith("})();")


#: Issue 10's budget for the script on every page. The dashboard's own code (export, backups,
#: bulk changes) and the English text of rare failure notices load only where they are needed.
PER_PAGE_BUDGET = 8 * 1024


def test_per_page_bundle_stays_within_its_budget_gzipped() -> None:
    assert len(gzip.compress(SHIPPED["sremgr.js"].encode(), 9)) < PER_PAGE_BUDGET
