"""`mkdocs-sremgr`: validate, scaffold and inspect handbooks without building them."""

from __future__ import annotations

import argparse
import importlib.util
import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import markdown

from mkdocs_sremgr import __version__, rules, safeio
from mkdocs_sremgr.errors import Problem, format_problems
from mkdocs_sremgr.handbook import Handbook, load_handbook
from mkdocs_sremgr.markers import Marker, Slots, fill_slots, find_markers, rename_note
from mkdocs_sremgr.model import Catalog
from mkdocs_sremgr.renames import TIMEOUT_SECONDS, ManifestError, lost_ids, read_published
from mkdocs_sremgr.safeio import ReadRefused, read_bounded
from mkdocs_sremgr.schema import schema_text
from mkdocs_sremgr.site import Site, SiteError, find_site

SCHEMA_FILE = "sremgr.schema.json"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        status = int(args.run(args))
        sys.stdout.flush()
    except _Refused as exc:
        print(f"mkdocs-sremgr: {exc}", file=sys.stderr)
        return 1
    except SiteError as exc:
        print(f"mkdocs-sremgr: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # standard output full or closed (`schema > /dev/full`, `| head`)
        _silence_stdout()
        print(f"mkdocs-sremgr: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return status


def _silence_stdout() -> None:
    """Python flushes stdout again at exit; after a failed write that would print a second,
    confusing error. Point it at the null device instead."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


class _Refused(Exception):
    """A command that cannot go ahead, e.g. because it would overwrite a file."""


def _text(value: str) -> str:
    """An argument that is passed on to the file system: no NUL character (no OS takes it)."""
    if "\0" in value:
        raise argparse.ArgumentTypeError("a path cannot contain a NUL character")
    return value


def _path(value: str) -> Path:
    return Path(_text(value))


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = float("nan")
    if not 0 < seconds <= 3600:  # NaN compares false: refused too
        raise argparse.ArgumentTypeError("give a number of seconds between 0 and 3600")
    return seconds


def _config_file(command: argparse.ArgumentParser, help_text: str) -> None:
    """`-f/--config-file`, which every command that reads the handbook's config takes."""
    command.add_argument("-f", "--config-file", type=_path, default=None, help=help_text)


def _flag(command: argparse.ArgumentParser, name: str, help_text: str) -> None:
    """An option that is on when given."""
    command.add_argument(name, action="store_true", help=help_text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mkdocs-sremgr", description=__doc__)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands")

    validate = commands.add_parser("validate", help="check checklist files; exit 1 on problems")
    validate.add_argument(
        "paths",
        nargs="*",
        type=_path,
        help="files or folders (default: the checklists folder of mkdocs.yml)",
    )
    _config_file(validate, "mkdocs.yml whose sremgr options apply (default: ./mkdocs.yml)")
    _flag(validate, "--no-builtin", "do not load the built-in pack (cross-references to it fail)")
    _flag(
        validate,
        "--lint",
        "also print the item standard's warnings for your files (they never fail the run)",
    )
    validate.add_argument(
        "--against",
        metavar="MANIFEST",
        type=_text,
        default=None,
        help="the live site's manifest.json (path or http(s) URL): fail when an id "
        "readers may have ticked disappears without an alias",
    )
    validate.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=_seconds,
        default=TIMEOUT_SECONDS,
        help=f"time allowed for the whole download of an --against URL (default: "
        f"{TIMEOUT_SECONDS:g})",
    )
    validate.set_defaults(run=_validate)

    schema = commands.add_parser("schema", help="print the JSON Schema of checklist files")
    schema.set_defaults(run=_schema)

    init = commands.add_parser("init", help="scaffold a handbook that builds at once")
    init.add_argument("directory", nargs="?", type=_path, default=Path("."))
    init.add_argument(
        "--theme",
        choices=("material", "mkdocs"),
        default=None,
        help="the site's theme (default: material when it is installed, else mkdocs)",
    )
    init.set_defaults(run=_init)

    new = commands.add_parser(
        "new", help="write a starter checklist, anti-pattern or team pulse file"
    )
    new.add_argument("kind", choices=("checklist", "antipattern", "pulse"))
    new.add_argument("id", help="kebab-case id, e.g. be-on-call")
    new.add_argument(
        "-d",
        "--dir",
        type=_path,
        default=None,
        help="where to write it (default: the checklists_dir of mkdocs.yml, created if needed)",
    )
    _config_file(new, "mkdocs.yml of the handbook (default: ./mkdocs.yml)")
    _flag(
        new,
        "--override",
        "write a file with the id of a built-in checklist, or a pulse of your own, "
        "to replace the built-in one",
    )
    new.set_defaults(run=_new)

    report = commands.add_parser(
        "report", help="anonymous team roll-up of exported progress, or of team pulse answers"
    )
    report.add_argument(
        "files",
        nargs="+",
        type=_path,
        help="exported progress JSON files; with --pulse, answer files or codes, one per file "
        "(`-` for stdin)",
    )
    report.add_argument(
        "--pulse",
        action="store_true",
        help="count team pulse answers, with the dashboard's threshold and figures",
    )
    report.add_argument(
        "--quarter",
        default=None,
        help="with --pulse: the quarter to count, e.g. 2026-Q4 (default: the current one)",
    )
    report.add_argument("--format", choices=("markdown", "html"), default="markdown")
    report.add_argument("-o", "--output", type=_path, default=None, help="write here, not stdout")
    _config_file(report, "mkdocs.yml of the handbook, to name checklists and items")
    _flag(report, "--any-handbook", "also count exports of another handbook (another storage key)")
    report.set_defaults(run=_report)

    # For engines that run no MkDocs plugin (Zensical): see standalone.py and docs/zensical.md.
    pages = commands.add_parser(
        "write-pages",
        help="write the handbook's pages, assets and manifest into docs_dir (for Zensical)",
    )
    _config_file(pages, "zensical.toml or mkdocs.yml (default: the first of them here)")
    pages.set_defaults(run=_write_pages)
    return parser


# -- validate ---------------------------------------------------------------------------------


def _validate(args: argparse.Namespace) -> int:
    site = find_site(args.config_file)
    builtin = (site.builtin if site else True) and not args.no_builtin
    pages: list[Problem] = []
    if args.paths:
        missing = [str(p) for p in args.paths if not _exists(p)]
        if missing:
            raise _Refused(f"no such file or folder: {', '.join(missing)}")
        unusual = [str(p) for p in args.paths if not _file_or_folder(p)]
        if unusual:  # a device or a FIFO would read as nothing, or hang: "0 files valid"
            what = "is not a regular file or a folder"
            if len(unusual) > 1:
                what = "are not regular files or folders"
            raise _Refused(
                f"{', '.join(unusual)} {what}: give the checklist files or the folders "
                "that hold them"
            )
        handbook = load_handbook(
            args.paths,
            display_base=Path.cwd(),
            builtin=builtin,
            exclude=site.exclude if site else (),
        )
    elif site is None:
        raise _Refused(
            "no mkdocs.yml here: run it in your handbook's folder, name one with -f, "
            "or give the files or folders to check"
        )
    else:
        handbook = site.load(builtin=builtin)
    notes = list(handbook.notes)
    if site is not None and not args.paths:
        pages, page_notes = marker_problems(site, handbook)
        notes += page_notes
    for note in notes:  # the build's INFO lines, e.g. a reference by a former id
        print(f"mkdocs-sremgr: info: {note}", file=sys.stderr)
    for ident in handbook.unknown_excludes:  # the build warns too (and --strict fails)
        print(
            f"mkdocs-sremgr: warning: `exclude` lists `{ident}`, which is no built-in "
            "checklist or anti-pattern; check the spelling",
            file=sys.stderr,
        )
    problems = sorted([*handbook.problems, *pages])
    if problems:
        print(format_problems(problems, limit=len(problems)), file=sys.stderr)
        return 1
    if args.against:
        try:
            published = read_published(args.against, timeout=args.timeout)
        except ManifestError as exc:
            raise _Refused(str(exc)) from None
        lost = lost_ids(published, handbook.catalog)
        if lost:
            print(
                f"mkdocs-sremgr: {_plural(len(lost), 'id')} readers may have ticked would be "
                f"lost against {args.against}:",
                file=sys.stderr,
            )
            for line in lost:
                print(f"  {line}", file=sys.stderr)
            return 1
    team = len(handbook.team_sources)
    catalog = handbook.catalog
    checklists, antipatterns = len(catalog.checklists), len(catalog.antipatterns)
    print(
        f"mkdocs-sremgr: {_plural(team, 'file')} valid ({_plural(checklists, 'checklist')}, "
        f"{_plural(antipatterns, 'anti-pattern')} in all)"
        + (f", {_plural(len(pages), 'marker problem')}" if pages else "")
    )
    if args.lint:
        _print_lint(catalog, {s.display for s in handbook.team_sources})
    return 0


def _print_lint(catalog: Catalog, paths: set[str]) -> None:
    """Pack-lint findings for the team's own files, as warnings on stderr: advice, not errors."""
    from mkdocs_sremgr.lint import lint

    findings = lint(catalog, paths)
    for finding in findings:
        print(f"warning: {finding}", file=sys.stderr)
    print(f"mkdocs-sremgr: {_plural(len(findings), 'lint warning')}", file=sys.stderr)


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False


def _file_or_folder(path: Path) -> bool:
    """Whether `path` (a symbolic link: its target) is a regular file or a folder, seen
    with stat: nothing is opened, so a FIFO cannot block."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) or stat.S_ISDIR(mode)


def marker_problems(site: Site, handbook: Handbook) -> tuple[list[Problem], list[str]]:
    """Markers in the site's Markdown pages, checked as the build checks them: their problems,
    and the INFO lines the build logs for them (a checklist named by a former id)."""
    problems: list[Problem] = []
    notes: list[str] = []
    slots = Slots()
    broken = {ident: path for path, ident in handbook.broken.items()}
    for folder, dirs, names in os.walk(site.docs_dir, onerror=lambda _error: None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.endswith((".md", ".markdown")) or name.startswith("."):
                continue
            path = Path(folder, name)
            try:
                text = read_bounded(path, MAX_PAGE_BYTES).decode("utf-8-sig", "replace")
            except ReadRefused:
                continue
            if "sremgr:" not in text:
                continue
            display = os.path.relpath(path, site.project_dir).replace(os.sep, "/")
            slotted, found, wrong = find_markers(
                text, display, handbook.catalog, slots, broken=broken
            )
            problems += _outside_code(site, slotted, found, slots) if wrong else []
            notes += [rename_note(m, display) for m in found if m.renamed_from]
    return problems, notes


def _outside_code(site: Site, slotted: str, found: list[Marker], slots: Slots) -> list[Problem]:
    """The problems of the wrong markers that Markdown does not turn into code (an indented
    code block holds an example): the page converted with the site's extensions, as the build
    does. If they cannot be loaded here, every wrong marker counts."""
    try:
        converter = markdown.Markdown(
            extensions=site.markdown_extensions, extension_configs=site.mdx_configs
        )
        html = converter.convert(slotted)
    except Exception:  # an extension this environment cannot load or run
        return [m.problem for m in found if m.problem is not None]
    return fill_slots(html, found, slots, lambda _marker: "")[1]


MAX_PAGE_BYTES = 10 * 1024 * 1024


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


# -- init and new -----------------------------------------------------------------------------


def _write_all(files: dict[tuple[Path, str], str]) -> None:
    """Write every file, (folder, path inside it) -> text, or none of them if any already
    exists (a dangling link too) or would be written through a symbolic link (safeio.py)."""
    paths = {(root, name): root.joinpath(*name.split("/")) for root, name in files}
    existing = [str(p) for p in paths.values() if safeio.present(p)]
    if existing:
        raise _Refused(f"refusing to overwrite {', '.join(existing)}")
    blocked = [str(root) for root, _ in files if _blocked(root)]
    if blocked:
        raise _Refused(f"{blocked[0]} is a file, not a folder: choose another place")
    unsafe = [problem for root, name in files if (problem := safeio.write_problem(root, name))]
    if unsafe:
        raise _Refused(f"nothing written: {unsafe[0]}")
    for (root, name), text in files.items():
        try:
            root.mkdir(parents=True, exist_ok=True)
            safeio.write_under(root, name, text.encode("utf-8"))
        except (OSError, safeio.WriteRefused) as exc:
            raise _Refused(f"cannot write {paths[(root, name)]}: {exc}") from None
        print(f"wrote {paths[(root, name)]}")


def _blocked(folder: Path) -> bool:
    """Whether `folder` or one of its parents exists as something other than a folder."""
    for part in (folder, *folder.parents):
        if part.exists():
            return not part.is_dir()
    return False


def _schema(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text())
    return 0


def _init(args: argparse.Namespace) -> int:
    root: Path = args.directory
    installed = importlib.util.find_spec("material") is not None
    theme = args.theme or ("material" if installed else "mkdocs")
    if theme == "material" and not installed:
        raise _Refused(
            "the Material theme is not installed: `pip install mkdocs-material`, "
            "or choose --theme mkdocs"
        )
    # Nothing from third parties (docs/privacy.md): Material fetches Google Fonts and the
    # default theme highlight.js from cdnjs on every page unless told not to.
    theme_block = (
        "theme:\n  name: material\n"
        "  font: false   # system fonts: no request to Google Fonts (docs: privacy)\n"
        "  features: [navigation.instant]\n"
        if theme == "material"
        else "theme:\n  name: mkdocs\n"
        "  highlightjs: false   # no highlight.js from cdnjs (docs: privacy)\n"
    )
    files = {
        (root, "mkdocs.yml"): (
            "site_name: Our SRE Manager Handbook\n"
            + theme_block
            + "markdown_extensions: [admonition, attr_list, toc]\n"
            "plugins:\n  - search\n  - sremgr\n"
        ),
        (root, "docs/index.md"): (
            "# Our SRE manager handbook\n\nThe lessons of *Confessions of an SRE Manager* as "
            "checklists, plus our own.\nStart at the [dashboard](handbook/dashboard.md): your "
            "progress stays in your browser.\n"
        ),
        (root, "docs/checklists/our-first-checklist.yml"): _starter(
            "checklist", "our-first-checklist", f"../../{SCHEMA_FILE}"
        ),
        (root, SCHEMA_FILE): schema_text(),
    }
    _write_all(files)
    print(f"next: cd {root} && mkdocs serve")
    return 0


def _new(args: argparse.Namespace) -> int:
    if not rules.is_id(args.id):
        raise _Refused(f"`{args.id[:60]}` is not a kebab-case id; try `{rules.slugify(args.id)}`")
    site = find_site(args.config_file)
    if args.dir is not None:
        folder: Path = args.dir
    elif site is not None:
        folder = site.checklists_root
    else:
        raise _Refused(
            "no mkdocs.yml here, so no checklists folder: run it in your handbook's folder, "
            "name one with -f, or say where with -d"
        )
    lesson = "prioritize-one-on-ones"
    if site is not None and args.kind == "pulse":
        lesson = _check_new_pulse(site.load().catalog, args)
    elif site is not None:
        handbook = site.load()
        table: dict[str, Any] = (
            handbook.catalog.antipatterns
            if args.kind == "antipattern"
            else handbook.catalog.checklists
        )
        existing = table.get(args.id)
        if existing is not None and not existing.builtin:
            where = existing.doc.path if existing.doc is not None else "your files"
            raise _Refused(f"the {args.kind} `{args.id}` already exists in {where}")
        if existing is not None and not args.override:
            raise _Refused(
                f"`{args.id}` is a built-in {args.kind}: a file with this id replaces it "
                "for every reader. Pass --override to do that, or choose another id "
                f"(to add items to it, write a file with `extends: {args.id}`)"
            )
    project = site.project_dir if site is not None else Path(".")
    schema_path = project / SCHEMA_FILE
    files: dict[tuple[Path, str], str] = {}
    if not safeio.present(schema_path):
        files[(project, SCHEMA_FILE)] = schema_text()
    relative = os.path.relpath(schema_path.resolve(), folder.resolve()).replace(os.sep, "/")
    files[(folder, f"{args.id}.yml")] = _starter(args.kind, args.id, relative, lesson=lesson)
    _write_all(files)
    return 0


def _check_new_pulse(catalog: Catalog, args: argparse.Namespace) -> str:
    """Whether a pulse file may be written; the lesson its starter statement names (one of
    the handbook's checklists, so the file builds as written)."""
    current = catalog.pulse
    if current is not None and not current.builtin:
        where = current.doc.path if current.doc is not None else "your files"
        raise _Refused(
            f"the handbook has a team pulse already, `{current.id}` in {where}: a handbook "
            "has one (answers are counted per handbook and quarter); add statements there"
        )
    if current is not None and not args.override:
        raise _Refused(
            f"the handbook has the built-in pulse `{current.id}`: a pulse of your own replaces "
            "it for every reader. Pass --override to do that, or copy its statements you want "
            "to keep into your file"
        )
    starter = "prioritize-one-on-ones"  # what the starter statement speaks to
    checklists = catalog.sorted_checklists()
    return starter if starter in catalog.checklists or not checklists else checklists[0].id


def _starter(
    kind: str, ident: str, schema_ref: str, *, lesson: str = "prioritize-one-on-ones"
) -> str:
    title = ident.replace("-", " ").capitalize()
    head = f"# yaml-language-server: $schema={schema_ref}\n"
    if kind == "pulse":
        return head + (
            f"kind: pulse\nid: {ident}\ntitle: {title}\n"
            "intro: |\n  How things look from where you sit, this quarter. Rate what you have "
            'seen yourself;\n  "don\'t know" is a fine answer.\n'
            "statements:\n"
            "  - id: first-statement\n"
            "    # One thing a team member can see for themselves, in their words.\n"
            "    text: My manager holds our one-on-ones, and moves rather than cancels one.\n"
            f"    lesson: {lesson}   # the id of the checklist it speaks to\n"
        )
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
    if args.pulse:
        from mkdocs_sremgr.pulse_report import run_pulse_report

        return run_pulse_report(args)
    if args.quarter is not None:
        raise _Refused("--quarter needs --pulse: a progress roll-up shows every quarter")
    from mkdocs_sremgr.report import run_report

    return run_report(args)


def _write_pages(args: argparse.Namespace) -> int:
    from mkdocs_sremgr.standalone import run_write_pages

    return run_write_pages(args.config_file)


if __name__ == "__main__":
    sys.exit(main())
