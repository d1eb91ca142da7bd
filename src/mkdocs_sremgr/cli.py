"""`mkdocs-sremgr`: validate, scaffold and inspect handbooks without building them."""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from mkdocs_sremgr import __version__
from mkdocs_sremgr.catalog import CatalogLoader, Source, builtin_dir, find_sources
from mkdocs_sremgr.errors import format_problems
from mkdocs_sremgr.model import Catalog
from mkdocs_sremgr.schema import schema_text

SCHEMA_FILE = "sremgr.schema.json"
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args))
    except _Refused as exc:
        print(f"mkdocs-sremgr: {exc}", file=sys.stderr)
        return 1


class _Refused(Exception):
    """A command that cannot go ahead, e.g. because it would overwrite a file."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mkdocs-sremgr", description=__doc__)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands")

    validate = commands.add_parser("validate", help="check checklist files; exit 1 on problems")
    validate.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="files or folders (default: the checklists folder of mkdocs.yml)",
    )
    validate.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=None,
        help="mkdocs.yml whose sremgr options apply (default: ./mkdocs.yml)",
    )
    validate.add_argument(
        "--no-builtin",
        action="store_true",
        help="do not load the built-in pack (cross-references to it fail)",
    )
    validate.add_argument(
        "--lint",
        action="store_true",
        help="also print the item standard's warnings for your files (they never fail the run)",
    )
    validate.set_defaults(run=_validate)

    schema = commands.add_parser("schema", help="print the JSON Schema of checklist files")
    schema.set_defaults(run=lambda args: print(schema_text(), end="") or 0)

    init = commands.add_parser("init", help="scaffold a handbook that builds at once")
    init.add_argument("directory", nargs="?", type=Path, default=Path("."))
    init.set_defaults(run=_init)

    new = commands.add_parser("new", help="write a starter checklist or anti-pattern file")
    new.add_argument("kind", choices=("checklist", "antipattern"))
    new.add_argument("id", help="kebab-case id, e.g. be-on-call")
    new.add_argument(
        "-d",
        "--dir",
        type=Path,
        default=None,
        help="where to write it (default: docs/checklists if present, else .)",
    )
    new.set_defaults(run=_new)

    report = commands.add_parser("report", help="anonymous team roll-up of exported progress")
    report.add_argument("files", nargs="+", type=Path, help="exported progress JSON files")
    report.add_argument("--format", choices=("markdown", "html"), default="markdown")
    report.add_argument("-o", "--output", type=Path, default=None, help="write here, not stdout")
    report.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=None,
        help="mkdocs.yml of the handbook, to name checklists and items",
    )
    report.set_defaults(run=_report)

    # For engines that run no MkDocs plugin (Zensical): see standalone.py and docs/zensical.md.
    pages = commands.add_parser(
        "write-pages",
        help="write the handbook's pages, assets and manifest into docs_dir (for Zensical)",
    )
    pages.add_argument(
        "-f",
        "--config-file",
        type=Path,
        default=None,
        help="zensical.toml or mkdocs.yml (default: the first of them here)",
    )
    pages.set_defaults(run=_write_pages)
    return parser


# -- validate ---------------------------------------------------------------------------------


def _plugin_options(config_file: Path | None) -> tuple[Path | None, dict[str, object]]:
    """(checklists folder, sremgr options) from mkdocs.yml, read with MkDocs' own loader."""
    path = config_file or Path("mkdocs.yml")
    if not path.is_file():
        if config_file is not None:
            raise _Refused(f"no such config file: {config_file}")
        return None, {}
    from mkdocs.config import load_config

    try:
        config = load_config(config_file=str(path))
    except Exception as exc:  # a broken mkdocs.yml: say so, in one line
        raise _Refused(f"cannot read {path}: {exc}") from None
    plugin = config.plugins.get("sremgr")
    if plugin is None:
        return None, {}
    options = dict(plugin.config)
    return Path(config.docs_dir) / str(options["checklists_dir"]), options


def _validate(args: argparse.Namespace) -> int:
    folder, options = _plugin_options(args.config_file)
    roots = list(args.paths) or ([folder] if folder else [])
    if not roots:
        roots = [Path("docs/checklists")] if Path("docs/checklists").is_dir() else []
    missing = [str(p) for p in roots if not p.exists()]
    if missing:
        raise _Refused(f"no such file or folder: {', '.join(missing)}")
    sources: list[Source] = []
    if options.get("builtin", True) and not args.no_builtin:
        sources += find_sources(builtin_dir(), builtin_dir().parent.parent, builtin=True)
    for root in roots:
        sources += find_sources(root, Path.cwd())
    result = CatalogLoader().load(sources, options.get("exclude", []))  # type: ignore[arg-type]
    if result.problems:
        print(format_problems(result.problems, limit=len(result.problems)), file=sys.stderr)
        return 1
    team = sum(1 for s in sources if not s.builtin)
    checklists, antipatterns = len(result.catalog.checklists), len(result.catalog.antipatterns)
    print(
        f"mkdocs-sremgr: {_plural(team, 'file')} valid ({_plural(checklists, 'checklist')}, "
        f"{_plural(antipatterns, 'anti-pattern')} in all)"
    )
    if args.lint:
        _print_lint(result.catalog, {s.display for s in sources if not s.builtin})
    return 0


def _print_lint(catalog: Catalog, paths: set[str]) -> None:
    """Pack-lint findings for the team's own files, as warnings on stderr: advice, not errors."""
    from mkdocs_sremgr.lint import lint

    findings = lint(catalog, paths)
    for finding in findings:
        print(f"warning: {finding}", file=sys.stderr)
    print(f"mkdocs-sremgr: {_plural(len(findings), 'lint warning')}", file=sys.stderr)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


# -- init and new -----------------------------------------------------------------------------


def _write_all(files: dict[Path, str]) -> None:
    """Write every file, or none of them if any already exists."""
    existing = [str(p) for p in files if p.exists()]
    if existing:
        raise _Refused(f"refusing to overwrite {', '.join(existing)}")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")


def _init(args: argparse.Namespace) -> int:
    root: Path = args.directory
    theme = "material" if importlib.util.find_spec("material") else "mkdocs"
    theme_block = (
        "theme:\n  name: material\n  features: [navigation.instant]\n"
        if theme == "material"
        else "theme:\n  name: mkdocs\n"
    )
    files = {
        root / "mkdocs.yml": (
            "site_name: Our SRE Manager Handbook\n"
            + theme_block
            + "markdown_extensions: [admonition, attr_list, toc]\n"
            "plugins:\n  - search\n  - sremgr\n"
        ),
        root / "docs" / "index.md": (
            "# Our SRE manager handbook\n\nThe lessons of *Confessions of an SRE Manager* as "
            "checklists, plus our own.\nStart at the [dashboard](handbook/dashboard.md): your "
            "progress stays in your browser.\n"
        ),
        root / "docs" / "checklists" / "our-first-checklist.yml": _starter(
            "checklist", "our-first-checklist", f"../../{SCHEMA_FILE}"
        ),
        root / SCHEMA_FILE: schema_text(),
    }
    _write_all(files)
    print(f"next: cd {root} && mkdocs serve")
    return 0


def _new(args: argparse.Namespace) -> int:
    if not _ID.match(args.id):
        slug = re.sub(r"[^a-z0-9]+", "-", args.id.lower()).strip("-") or "my-checklist"
        raise _Refused(f"`{args.id}` is not a kebab-case id; try `{slug}`")
    folder: Path = args.dir or (
        Path("docs/checklists") if Path("docs/checklists").is_dir() else Path(".")
    )
    schema_path = Path(SCHEMA_FILE)
    files: dict[Path, str] = {}
    if not schema_path.exists():
        files[schema_path] = schema_text()
    relative = os.path.relpath(schema_path.resolve(), folder.resolve()).replace(os.sep, "/")
    files[folder / f"{args.id}.yml"] = _starter(args.kind, args.id, relative)
    _write_all(files)
    return 0


def _starter(kind: str, ident: str, schema_ref: str) -> str:
    title = ident.replace("-", " ").capitalize()
    head = f"# yaml-language-server: $schema={schema_ref}\n"
    if kind == "antipattern":
        return head + (
            f"kind: antipattern\nid: {ident}\ntitle: {title}\n"
            "summary: |\n  What it is, in a paragraph.\n"
            "symptoms:\n  - How you recognise it.\n"
            "why_it_hurts: |\n  The damage it does.\n"
            "instead:\n  - What to do instead.\n"
            "checklists: []   # ids of the checklists that counter it\n"
        )
    return head + (
        f"id: {ident}\ntitle: {title}\n"
        "lesson: The lesson in one line.\n"
        "summary: |\n  Why this matters, in a paragraph or two.\n"
        "cadence: quarterly   # weekly | monthly | quarterly | yearly\n"
        "tags: [team]\n"
        "sections:\n"
        "  - title: First steps\n"
        "    items:\n"
        "      - id: first-item\n"
        "        text: I did something I can honestly tick.\n"
        "        details: |\n          Why it matters and how to do it.\n"
        "      - id: second-item\n"
        "        text: I did a second thing that matters more.\n"
        "        weight: 2\n"
    )


def _report(args: argparse.Namespace) -> int:
    from mkdocs_sremgr.report import run_report

    return run_report(args)


def _write_pages(args: argparse.Namespace) -> int:
    from mkdocs_sremgr.standalone import run_write_pages

    return run_write_pages(args.config_file)


if __name__ == "__main__":
    sys.exit(main())
