"""The release artifacts: what `python -m build` makes from this checkout is what we mean to ship.

One sdist and one wheel are built per session (the wheel from the sdist, as `python -m build`
does, so a file missing from the sdist shows here too), or taken from `SREMGR_DIST` — the
release workflow (.github/workflows/release.yml) points it at the files it will upload.
"""

from __future__ import annotations

import configparser
import fcntl
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from email.parser import HeaderParser
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "mkdocs_sremgr"
# Contributors' files beside the package that the plugin never reads at run time.
NOT_SHIPPED = ("assets/src/", "assets/source/", "assets/build.json")
ENTRY_POINTS = {
    "mkdocs.plugins": {"sremgr": "mkdocs_sremgr.plugin:SremgrPlugin"},
    "properdocs.plugins": {"sremgr": "mkdocs_sremgr.plugin:SremgrPlugin"},
    "markdown.extensions": {"sremgr": "mkdocs_sremgr.mdext:SremgrExtension"},
    "console_scripts": {"mkdocs-sremgr": "mkdocs_sremgr.cli:main"},
}


@dataclass(frozen=True)
class Dist:
    wheel: Path
    sdist: Path

    def wheel_names(self) -> list[str]:
        with zipfile.ZipFile(self.wheel) as wheel:
            return wheel.namelist()

    def wheel_text(self, name: str) -> str:
        with zipfile.ZipFile(self.wheel) as wheel:
            return wheel.read(name).decode("utf-8")

    def sdist_names(self) -> list[str]:
        with tarfile.open(self.sdist) as sdist:
            return sdist.getnames()

    @property
    def dist_info(self) -> str:
        return next(n.split("/")[0] for n in self.wheel_names() if ".dist-info/" in n)


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Dist:
    given = os.environ.get("SREMGR_DIST")
    if given:
        folder = Path(given)
    else:
        # pytest-xdist workers share the parent of their base temp folders: the first builds
        # there under a lock, the others take its files (one build per run in all).
        shared = tmp_path_factory.getbasetemp()
        if os.environ.get("PYTEST_XDIST_WORKER"):
            shared = shared.parent
        folder = shared / "release-dist"
        with (shared / "release-dist.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not (folder / "done").is_file():
                shutil.rmtree(folder, ignore_errors=True)
                result = subprocess.run(
                    [sys.executable, "-m", "build", "--outdir", str(folder), str(REPO)],
                    capture_output=True,
                    text=True,
                    timeout=600,
                    check=False,
                )
                assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
                (folder / "done").write_text("", encoding="utf-8")
    wheels, sdists = sorted(folder.glob("*.whl")), sorted(folder.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, sorted(p.name for p in folder.iterdir())
    return Dist(wheels[0], sdists[0])


def shipped_files() -> set[str]:
    """Every file of the package in this checkout that the wheel should hold."""
    found = set()
    for path in PACKAGE.rglob("*"):
        name = path.relative_to(PACKAGE).as_posix()
        if path.is_file() and "__pycache__" not in name and not name.startswith(NOT_SHIPPED):
            found.add(f"mkdocs_sremgr/{name}")
    return found


def test_the_licence_is_in_both(dist: Dist) -> None:
    licence = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License")
    assert dist.wheel_text(f"{dist.dist_info}/licenses/LICENSE") == licence
    top = dist.sdist.name.removesuffix(".tar.gz")
    assert f"{top}/LICENSE" in dist.sdist_names()
    with tarfile.open(dist.sdist) as sdist:
        member = sdist.extractfile(f"{top}/LICENSE")
        assert member is not None and member.read().decode("utf-8") == licence
    metadata = HeaderParser().parsestr(dist.wheel_text(f"{dist.dist_info}/METADATA"))
    assert metadata["License-Expression"] == "MIT"
    assert metadata.get_all("License-File") == ["LICENSE"]
    assert "Typing :: Typed" in metadata.get_all("Classifier", [])


def test_the_wheel_holds_the_package_and_nothing_else(dist: Dist) -> None:
    names = dist.wheel_names()
    package = {n for n in names if not n.startswith(dist.dist_info + "/")}
    assert not [n for n in names if n.startswith(tuple(f"mkdocs_sremgr/{p}" for p in NOT_SHIPPED))]
    assert not [n for n in names if "tests/" in n or Path(n).name.startswith(("test_", "conftest"))]
    # Exactly the checkout's package files: a data file left out (a template, a locale, a pack
    # file, a bundle) shows as missing, anything extra as unexpected.
    assert package == shipped_files()
    for needed in (
        "mkdocs_sremgr/py.typed",
        "mkdocs_sremgr/assets/sremgr.js",
        "mkdocs_sremgr/assets/sremgr-dashboard.js",
        "mkdocs_sremgr/assets/sremgr.css",
        "mkdocs_sremgr/templates/sremgr/checklist.html",
        "mkdocs_sremgr/locales/en.json",
        "mkdocs_sremgr/schema/sremgr.schema.json",
    ):
        assert needed in package, needed
    assert [n for n in package if n.startswith("mkdocs_sremgr/pack/") and n.endswith(".yml")]
    # The bundles are the committed ones, byte for byte (test_assets checks they are fresh).
    with zipfile.ZipFile(dist.wheel) as wheel:
        for bundle in ("sremgr.js", "sremgr-dashboard.js", "sremgr.css"):
            assert (
                wheel.read(f"mkdocs_sremgr/assets/{bundle}")
                == (PACKAGE / "assets" / bundle).read_bytes()
            ), bundle


def test_the_entry_points_name_the_plugin_the_extension_and_the_cli(dist: Dist) -> None:
    parser = configparser.ConfigParser()
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(dist.wheel_text(f"{dist.dist_info}/entry_points.txt"))
    got = {section: dict(parser[section]) for section in parser.sections()}
    assert got == ENTRY_POINTS


def test_the_sdist_holds_the_sources_and_tests_but_no_local_clutter(dist: Dist) -> None:
    top = dist.sdist.name.removesuffix(".tar.gz")
    names = {n.removeprefix(top + "/") for n in dist.sdist_names()}
    for needed in (
        "pyproject.toml",
        "README.md",
        "CHANGELOG.md",
        "CONTRIBUTING.md",
        "src/mkdocs_sremgr/assets/src/main.js",
        "scripts/build_assets.py",
        "tests/conftest.py",
        "backstage/package.json",
        "backstage/src/core/sremgr-core.js",
    ):
        assert needed in names, needed
    clutter = (
        *("node_modules/", "backstage/node_modules/", ".venv/", "site/", ".pytest_cache/"),
        *("dist/", "benchmarks/out/"),
    )
    assert not [n for n in names if n.startswith(clutter) or "__pycache__" in n]


def test_twine_accepts_both(dist: Dist) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", str(dist.wheel), str(dist.sdist)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_wheel_alone_builds_a_handbook(dist: Dist, tmp_path: Path) -> None:
    """Installed from the wheel (not this checkout), the plugin builds a site with its assets."""
    target = tmp_path / "installed"
    install = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target)]
    pip = subprocess.run(
        [*install, str(dist.wheel)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert pip.returncode == 0, pip.stdout + pip.stderr
    project = tmp_path / "project"
    (project / "docs" / "checklists").mkdir(parents=True)
    (project / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (project / "docs" / "checklists" / "rota.yml").write_text(
        "id: rota\ntitle: Rota\nsections:\n  - title: S\n    items:\n"
        "      - id: one\n        text: One.\n",
        encoding="utf-8",
    )
    (project / "mkdocs.yml").write_text(
        "site_name: Wheel test\ntheme: {name: mkdocs}\nplugins:\n  - sremgr\n", encoding="utf-8"
    )
    env = {**os.environ, "PYTHONPATH": str(target), "NO_MKDOCS_2_WARNING": "1"}
    where = subprocess.run(
        [sys.executable, "-c", "import mkdocs_sremgr; print(mkdocs_sremgr.__file__)"],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
        check=False,
    )
    assert Path(where.stdout.strip()).is_relative_to(target), where.stdout + where.stderr
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
        timeout=300,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    site = project / "site"
    assert 'data-sremgr-checklist="rota"' in (site / "handbook/rota/index.html").read_text()
    assert (site / "assets/sremgr/sremgr.js").read_bytes() == (
        target / "mkdocs_sremgr/assets/sremgr.js"
    ).read_bytes()
