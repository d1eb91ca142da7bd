"""The repository's own documentation, which is the demo handbook, builds strictly.

Under MkDocs and under ProperDocs (the fork that reads the same `mkdocs.yml` and finds the
plugin through its own `properdocs.plugins` entry point). Both need the built-in pack: the
demo extends `be-on-call` and links to built-in anti-patterns.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

COMMANDS = {
    "mkdocs": [sys.executable, "-m", "mkdocs", "build", "--strict"],
    # ProperDocs looks for properdocs.yml first; naming the file avoids its rename notice.
    "properdocs": [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml"],
}


@pytest.mark.parametrize("tool", sorted(COMMANDS))
def test_demo_builds_strict(tool: str, tmp_path: Path) -> None:
    site = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [*COMMANDS[tool], "-d", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Traceback" not in output
    assert "WARNING" not in output

    # The team's own files, merged with the pack.
    handbook = site / "handbook"
    assert "data-sremgr-dashboard" in (handbook / "dashboard" / "index.html").read_text()
    hygiene = (handbook / "incident-review-hygiene" / "index.html").read_text()
    assert 'data-sremgr-checklist="incident-review-hygiene"' in hygiene
    be_on_call = (handbook / "be-on-call" / "index.html").read_text()
    assert 'data-sremgr-item="shadowed-new-hire"' in be_on_call  # from the extension
    hero = (handbook / "antipatterns" / "hero-on-call" / "index.html").read_text()
    assert 'data-sremgr-antipattern="hero-on-call"' in hero

    # The navigation puts the handbook before the plugin's own developer pages.
    home = (site / "index.html").read_text()
    # "Get started", the first button, leads a reader to the first checklist in the talk's
    # order (issue 21, 6), not to the plugin's install page.
    first = re.search(r'<a class="md-button md-button--primary" href="([^"]+)"[^>]*>([^<]+)<', home)
    assert first and first.group(1) == "handbook/be-on-call/", first and first.groups()
    assert first.group(2).startswith("Get started")
    assert home.index('href="handbook/dashboard/"') < home.index('href="getting-started/"')
    assert home.index('href="handbook/antipatterns/hero-on-call/"') < home.index('href="design/"')

    manifest = json.loads((site / "assets" / "sremgr" / "manifest.json").read_text())
    ids = [c["id"] for c in manifest["checklists"]]
    assert {"be-on-call", "incident-review-hygiene"} <= set(ids)
    assert manifest["storage_key"] == "sremgr:v1:sre-manager-handbook"
    assert not list(site.rglob("*.yml")), "checklist YAML must not be published"
    for asset in ("sremgr.js", "sremgr-dashboard.js", "sremgr.css", "sremgr.schema.json"):
        assert (site / "assets" / "sremgr" / asset).is_file()


@pytest.mark.parametrize(
    "args", [["serve", "eighty"], ["serve", "0"], ["serve", "70000"], ["publish"]]
)
def test_demo_script_refuses_a_bad_port_or_command_before_installing(args: list[str]) -> None:
    """`bash scripts/demo.sh serve PORT` takes a port; a wrong one stops at once (exit 2),
    before the venv is touched. (Serving on the given port is checked by hand: it installs.)"""
    result = subprocess.run(
        ["bash", str(ROOT / "scripts" / "demo.sh"), *args],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "SREMGR_VENV": str(ROOT / "no-such-venv")},
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert "usage" in result.stderr or "port must be a number" in result.stderr
    assert not (ROOT / "no-such-venv").exists()
