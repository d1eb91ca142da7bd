"""`mkdocs-sremgr write-pages`: the handbook's files written into docs_dir, for engines that
run no MkDocs plugin (Zensical).

Such an engine gets the handbook in two steps: this command writes the files the plugin would
generate (`publish.outputs`: pages, redirects, assets, manifest) into the docs folder, and the
`sremgr` Markdown extension expands the markers while the engine converts each page. Both read
the same options (`publish.engine_options`, from the extension's table in the config file),
so they agree on the pages' URLs and the storage key. Files are written only under the
resolved docs_dir and never through a symbolic link (`safeio.write_under`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from mkdocs_sremgr import __version__
from mkdocs_sremgr.errors import HandbookError, format_problems
from mkdocs_sremgr.i18n import strings_file, strings_scripts
from mkdocs_sremgr.publish import (
    ASSET_DIR,
    REDIRECT_MARK,
    HandbookOptions,
    Output,
    PublishedHandbook,
    engine_options,
    load_published,
    outputs,
)
from mkdocs_sremgr.render import MarkdownRenderer
from mkdocs_sremgr.safeio import (
    ReadRefused,
    WriteRefused,
    present,
    read_bounded,
    write_problem,
    write_under,
)

#: A page or redirect this command wrote is at most this big (a guard for reading it back).
MAX_OWN_FILE = 5 * 1024 * 1024


def write_pages(handbook: PublishedHandbook, docs_dir: Path) -> list[Path]:
    """Writes every file of the handbook under `docs_dir`; `WriteRefused` before writing
    anything when one of them would leave it or pass a symbolic link.

    A page or redirect this command wrote before is replaced, and one whose checklist is gone
    is removed; a hand-written page at the same place is kept, as the plugin keeps it.
    Returns the paths written.
    """
    planned = [_stamped(o, content_stamp(handbook)) for o in outputs(handbook)]
    root = docs_dir.resolve()
    refused = [problem for o in planned if (problem := write_problem(root, o.uri))]
    if refused:
        raise WriteRefused("; ".join(refused))
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteRefused(f"cannot create {root}: {exc.strerror or exc}") from None
    written: list[Path] = []
    for output in planned:
        if any(_hand_written(root / uri) for uri in output.yields_to):
            continue
        if output.source is not None:
            data = output.source.read_bytes()
        else:
            data = (output.content or "").encode("utf-8")
        written.append(write_under(root, output.uri, data))
    _remove_stale(root, handbook.options.url_prefix, {o.uri for o in planned})
    return written


def _hand_written(path: Path) -> bool:
    return present(path) and not _ours(path)


def _remove_stale(root: Path, prefix: str, planned: set[str]) -> None:
    """Pages and redirects this command wrote before that the handbook no longer has."""
    folder = root.joinpath(*prefix.strip("/").split("/"))
    if write_problem(root, prefix.strip("/"), folder=True) or not folder.is_dir():
        return
    for here, _dirs, names in os.walk(folder):  # never into a linked folder
        for name in names:
            path = Path(here, name)
            uri = path.relative_to(root).as_posix()
            if uri not in planned and path.suffix in (".md", ".html") and _ours(path):
                path.unlink()
                if path.suffix == ".html":  # a redirect's own folder, unless it holds more
                    with contextlib.suppress(OSError):
                        path.parent.rmdir()


def _ours(path: Path) -> bool:
    """True for a file `write-pages` wrote: a page whose front matter has an `sremgr:` key,
    or a redirect page with its mark. A link is never ours."""
    if path.is_symlink():
        return False
    try:
        text = read_bounded(path, MAX_OWN_FILE).decode("utf-8", "replace")
    except ReadRefused:
        return False
    if path.suffix == ".html":
        return REDIRECT_MARK in text
    if not text.startswith("---\n"):
        return False
    head = text[4:].split("\n---\n", 1)[0]
    try:
        meta = yaml.safe_load(head)
    except yaml.YAMLError:
        return False
    return isinstance(meta, dict) and "sremgr" in meta


def inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


# -- reading the engine's config file ---------------------------------------------------------

EXTENSION_NAMES = ("sremgr", "mkdocs_sremgr.mdext")
CONFIG_FILES = ("zensical.toml", "mkdocs.yml", "mkdocs.yaml")


def find_config(explicit: Path | None) -> Path:
    """The config file to read: the one given, else the first of `CONFIG_FILES` here."""
    if explicit is not None:
        if not explicit.is_file():
            raise FileNotFoundError(f"no such config file: {explicit}")
        return explicit
    for name in CONFIG_FILES:
        if Path(name).is_file():
            return Path(name)
    raise FileNotFoundError(f"no config file here ({', '.join(CONFIG_FILES)})")


def read_site_config(path: Path) -> dict[str, Any]:
    """The site's settings from `zensical.toml` (its `[project]` table) or `mkdocs.yml`."""
    if path.suffix == ".toml":
        try:
            import tomllib
        except ModuleNotFoundError:  # Python 3.10: Zensical depends on tomli
            import tomli as tomllib  # type: ignore[no-redef]
        with path.open("rb") as handle:
            data = tomllib.load(handle)
        data = data.get("project", data)
    else:
        from mkdocs.utils.yaml import yaml_load

        with path.open(encoding="utf-8") as handle:
            data = yaml_load(handle) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path} holds no settings")
    return data


def extension_options(site: dict[str, Any]) -> dict[str, Any] | None:
    """The `sremgr` entry of `markdown_extensions` (a list or a table), or None."""
    entries = site.get("markdown_extensions") or []
    if isinstance(entries, dict):
        entries = [{name: value} for name, value in entries.items()]
    for entry in entries:
        if isinstance(entry, str) and entry in EXTENSION_NAMES:
            return {}
        if isinstance(entry, dict):
            for name, value in entry.items():
                if name in EXTENSION_NAMES:
                    return dict(value or {})
    return None


def options_from_config(path: Path) -> tuple[HandbookOptions, Path, bool]:
    """(checked options, docs folder, whether the extension is configured) from a config
    file; `HandbookError` names a wrong option."""
    site = read_site_config(path)
    found = extension_options(site)
    project = path.resolve().parent
    docs_dir = project / str(site.get("docs_dir") or "docs")
    options = engine_options(found or {}, {**site, "project_dir": str(project)}, where=str(path))
    return options, docs_dir, found is not None


def content_stamp(handbook: PublishedHandbook) -> str:
    """A digest of everything the generated pages show: the catalog (every field of every
    entry), the options, the strings and this version. An engine that keeps a page while its
    Markdown is unchanged (Zensical's cache) rebuilds the pages when the stamp changes."""
    parts = (
        repr(handbook.catalog),
        repr(handbook.options),
        repr(sorted(handbook.strings.overrides.items())),
        __version__,
    )
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:16]


def _stamped(output: Output, stamp: str) -> Output:
    """A generated page carries the stamp in its front matter (`sremgr_content:`)."""
    if output.page is None or not (output.content or "").startswith("---\n"):
        return output
    content = f"---\nsremgr_content: {stamp}\n" + (output.content or "")[4:]
    return replace(output, content=content)


def watches(site: dict[str, Any], folder: Path, config_dir: Path) -> bool:
    """Whether the engine's `watch` list covers `folder` (Zensical re-renders every page
    when a watched file changes, so pages with markers follow the YAML)."""
    project = site.get("project") if isinstance(site.get("project"), dict) else site
    entries = project.get("watch") if isinstance(project, dict) else None
    if not isinstance(entries, list):
        return False
    target = folder.resolve()
    for entry in entries:
        if isinstance(entry, str):
            watched = (config_dir / entry).resolve()
            if target == watched or watched in target.parents:
                return True
    return False


def run_write_pages(config_file: Path | None) -> int:
    """`mkdocs-sremgr write-pages`: exit 0 when written, 1 on any problem (printed)."""
    try:
        path = find_config(config_file)
        options, docs_dir, configured = options_from_config(path)
    except HandbookError as exc:
        print(format_problems(exc.problems, limit=len(exc.problems)), file=sys.stderr)
        return 1
    except (OSError, ValueError, yaml.YAMLError) as exc:
        print(f"mkdocs-sremgr: {exc}", file=sys.stderr)
        return 1
    if not configured:
        print(
            f"mkdocs-sremgr: note: {path} lists no `sremgr` Markdown extension; the pages are "
            "written, but their markers stay unexpanded until you add it",
            file=sys.stderr,
        )
    checklists = options.checklists_root
    if checklists.is_dir() and not watches(read_site_config(path), checklists, path.parent):
        folder = os.path.relpath(checklists, path.parent).replace(os.sep, "/")
        print(
            f"mkdocs-sremgr: note: {path.name} does not watch {folder}: Zensical keeps a page "
            "whose Markdown did not change, so your own pages with markers show old checklist "
            f"text until `zensical build --clean`; add `watch: [{folder}]` (mkdocs.yml) or "
            f'`watch = ["{folder}"]` under [project] (zensical.toml)',
            file=sys.stderr,
        )
    if checklists.is_dir() and inside(checklists, docs_dir):
        print(
            f"mkdocs-sremgr: note: {checklists} is inside {docs_dir}: an engine without the "
            "plugin publishes those YAML files; keep them beside docs_dir instead",
            file=sys.stderr,
        )
    try:
        handbook = load_published(options, MarkdownRenderer([], {}))
    except HandbookError as exc:
        print(format_problems(exc.problems, limit=len(exc.problems)), file=sys.stderr)
        return 1
    for note in handbook.notes:
        print(f"mkdocs-sremgr: note: {note}", file=sys.stderr)
    try:
        written = write_pages(handbook, docs_dir)
    except WriteRefused as exc:
        print(f"mkdocs-sremgr: nothing written: {exc}", file=sys.stderr)
        return 1
    pages = sum(1 for p in written if p.suffix == ".md")
    print(f"mkdocs-sremgr: wrote {pages} pages and the assets under {docs_dir.resolve()}")
    scripts = [f"{ASSET_DIR}sremgr.js"]
    if strings_scripts(handbook.strings):  # the strings run first
        scripts.insert(0, ASSET_DIR + strings_file(handbook.strings.language))
    print(
        f"  link them in {path.name}: extra_css: [{ASSET_DIR}sremgr.css], "
        f"extra_javascript: [{', '.join(scripts)}]"
    )
    return 0
