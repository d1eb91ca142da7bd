"""Backstage TechDocs' build, for real: mkdocs-techdocs-core in a virtual environment of its own.

mkdocs-techdocs-core pins its own mkdocs-material, pymdown-extensions and Markdown, older than
the ones the test extras bring, so it cannot share the project's `.venv`. The tests make one
venv with the interpreter that runs them, holding techdocs-core and this checkout installed
editable, so the build runs the code under test rather than a copy. The venv is kept in pytest's
cache folder (`.pytest_cache/d/techdocs/`), keyed by what it is made of: the techdocs-core pin,
the interpreter, this checkout's path, and the package's runtime requirements and entry points
(what an editable install records). A fresh clone (CI) makes it once — 13 s on a quiet machine,
minutes on a loaded one — and later runs reuse it. (It used to be keyed on the whole text of
pyproject.toml, so any edit of the test extras or a tool's settings rebuilt it.) Pytest-xdist
workers wait for each other's build through a lock file. When pip cannot install it, the tests
fail with pip's output; they never skip.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import textwrap
import venv
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# What Backstage's own TechDocs image and `techdocs-cli generate --no-docker` build with.
TECHDOCS_CORE = "mkdocs-techdocs-core==1.7.1"
# The packages whose versions the compatibility table quotes.
REPORTED = ("mkdocs-techdocs-core", "mkdocs", "mkdocs-material", "pymdown-extensions", "Markdown")
READY = ".sremgr-ready"


@dataclass(frozen=True)
class TechDocs:
    """A venv where `mkdocs` runs with techdocs-core and this checkout's plugin."""

    root: Path
    versions: dict[str, str]

    @property
    def bin(self) -> Path:
        return self.root / ("Scripts" if os.name == "nt" else "bin")

    @property
    def python(self) -> Path:
        return self.bin / ("python.exe" if os.name == "nt" else "python")

    def run(self, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
        env.update(
            VIRTUAL_ENV=str(self.root),
            PATH=str(self.bin) + os.pathsep + env.get("PATH", ""),
            NO_MKDOCS_2_WARNING="1",
        )
        return subprocess.run(
            list(args), cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
        )

    def build(self, project: Path) -> subprocess.CompletedProcess[str]:
        """`mkdocs build --strict` in the project folder, with the venv's own mkdocs script.

        Never with -q: MkDocs then exits 0 despite warnings.
        """
        return self.run(str(self.bin / "mkdocs"), "build", "--strict", cwd=project)


def venv_key(requirement: str = TECHDOCS_CORE) -> str:
    """What the venv is made of; anything else in pyproject.toml (extras, tools) leaves it be."""
    dist = importlib.metadata.distribution("mkdocs-sremgr")
    runtime = sorted(r for r in dist.requires or () if "extra ==" not in r)
    entry_points = sorted(f"{e.group}:{e.name}={e.value}" for e in dist.entry_points)
    identity = [requirement, sys.version, sys.executable, str(REPO), runtime, entry_points]
    return hashlib.sha256(json.dumps(identity).encode()).hexdigest()[:16]


@contextmanager
def _locked(cache_dir: Path, name: str = "techdocs") -> Iterator[None]:
    """One maker at a time (pytest-xdist workers share the cache folder)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    with (cache_dir / f"{name}.lock").open("w") as lock:
        try:
            import fcntl
        except ImportError:  # Windows: no xdist race to guard against in CI here
            yield
            return
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def techdocs_venv(cache_dir: Path) -> TechDocs:
    """The venv for this requirement and interpreter under `cache_dir`, made when missing."""
    return side_venv(cache_dir, TECHDOCS_CORE, "techdocs", REPORTED)


def side_venv(cache_dir: Path, requirement: str, name: str, reported: tuple[str, ...]) -> TechDocs:
    """A venv of its own holding `requirement` and this checkout (editable), for a package
    whose pins cannot share the project's `.venv`; kept under `cache_dir` as `NAME-<key>`."""
    root = cache_dir / f"{name}-{venv_key(requirement)}"
    with _locked(cache_dir, name):
        _make(root, cache_dir, requirement, name)
    return _probe(root, reported)


def _make(root: Path, cache_dir: Path, requirement: str, name: str) -> None:
    if not (root / READY).is_file():
        # Older venvs (made of something else) and a half-made one go first.
        for stale in cache_dir.glob(f"{name}-*"):
            shutil.rmtree(stale, ignore_errors=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(root)
        env = TechDocs(root, {})
        result = env.run(
            str(env.python),
            *("-m", "pip", "install", "--disable-pip-version-check", "-q"),
            *(requirement, "-e", str(REPO)),
        )
        if result.returncode != 0:
            shutil.rmtree(root, ignore_errors=True)
            pytest.fail(
                f"pip could not install {requirement} and this checkout into a venv:\n"
                + result.stdout[-3000:]
                + result.stderr[-3000:],
                pytrace=False,
            )
        (root / READY).write_text(requirement + "\n", encoding="utf-8")


def _probe(root: Path, reported: tuple[str, ...]) -> TechDocs:
    env = TechDocs(root, {})
    probe = env.run(
        str(env.python),
        "-c",
        textwrap.dedent(f"""\
            import importlib.metadata as metadata, json, mkdocs_sremgr
            print(json.dumps({{
                "versions": {{name: metadata.version(name) for name in {reported!r}}},
                "plugin": mkdocs_sremgr.__file__,
            }}))
            """),
    )
    assert probe.returncode == 0, probe.stdout + probe.stderr
    found = json.loads(probe.stdout)
    # The build must run this checkout's code, not a copy pip made of an older one.
    assert Path(found["plugin"]).resolve().is_relative_to(REPO / "src"), found["plugin"]
    return TechDocs(root, found["versions"])


HANDBOOK_YAML = """\
id: alpha
title: Alpha checks
lesson: Keep the alpha habits.
cadence: weekly
sections:
  - id: first
    title: First section
    items:
      - id: one
        text: I did the first thing.
      - id: two
        text: I did the second thing.
        details: "!!! note\\n    Why it matters."
  - id: second
    title: Second section
    items:
      - id: three
        text: I did the third thing.
"""


def techdocs_project(root: Path, plugins: tuple[str, ...] = ("techdocs-core", "sremgr")) -> Path:
    """A handbook as a Backstage team writes it: no theme (techdocs-core picks Material),
    the catalog's repository for edit links, and the built-in pack beside the team's own list.
    """
    docs = root / "docs"
    (docs / "checklists").mkdir(parents=True)
    (docs / "checklists" / "alpha.yml").write_text(HANDBOOK_YAML, encoding="utf-8")
    (docs / "index.md").write_text(
        "# Payments SRE\n\nHow the team runs itself.\n\n<!-- sremgr:checklist alpha -->\n",
        encoding="utf-8",
    )
    entries = "".join(f"  - {name}\n" for name in plugins)
    (root / "mkdocs.yml").write_text(
        "site_name: Payments SRE handbook\n"
        "site_description: How the payments SRE team runs itself\n"
        "repo_url: https://github.com/example/payments\n"
        "edit_uri: edit/main/docs\n"
        f"plugins:\n{entries}",
        encoding="utf-8",
    )
    return root
