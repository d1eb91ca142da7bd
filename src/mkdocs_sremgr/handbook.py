"""The one load path: which files make a handbook, and the checked catalog they give.

The plugin, `validate`, `new` and `report` all call `load_handbook`, so they find the same
files, show the same paths in messages, apply the same exclusions and see the same problems.
No MkDocs import here: `site.py` reads mkdocs.yml for the command line, the plugin passes
its own config.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs_sremgr.catalog import CatalogLoader, Source, builtin_dir, find_sources
from mkdocs_sremgr.errors import Problem
from mkdocs_sremgr.model import AntiPattern, Catalog, Checklist


@dataclass
class Handbook:
    """Everything known after loading: the catalog, and what is wrong with the files."""

    catalog: Catalog
    problems: list[Problem]
    sources: list[Source]
    notes: list[str] = field(default_factory=list)
    #: `exclude` entries that name nothing in the built-in pack (a likely typo).
    unknown_excludes: list[str] = field(default_factory=list)
    #: Ids the pack ships: a team file with one of them replaces the built-in entry.
    builtin_ids: set[str] = field(default_factory=set)
    #: (kind, id) each broken file meant to define, by its display path.
    broken: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def team_sources(self) -> list[Source]:
        return [s for s in self.sources if not s.builtin]

    def broken_files(self) -> dict[str, list[Problem]]:
        """Problems by the file they are in (display path)."""
        out: dict[str, list[Problem]] = {}
        for problem in self.problems:
            out.setdefault(problem.path, []).append(problem)
        return out

    def team_ids(self) -> list[str]:
        """The ids of the team's own checklists and anti-patterns, for hints."""
        entries: list[Checklist | AntiPattern] = [
            *self.catalog.checklists.values(),
            *self.catalog.antipatterns.values(),
        ]
        ours = [e.id for e in entries if not e.builtin]
        return sorted(set(ours))


def builtin_sources() -> list[Source]:
    pack = builtin_dir()
    return find_sources(pack, pack.parent.parent, builtin=True)


def load_handbook(
    roots: Sequence[Path],
    *,
    display_base: Path,
    builtin: bool = True,
    exclude: Iterable[str] = (),
    loader: CatalogLoader | None = None,
) -> Handbook:
    """Load the built-in pack (unless `builtin` is false) and every YAML file under `roots`.

    A root that does not exist holds no files: the checklists folder is optional. Paths in
    messages are relative to `display_base` (the folder of mkdocs.yml, or the working folder).
    """
    exclude = list(exclude)
    pack = builtin_sources() if builtin else []
    sources = list(pack)
    for root in roots:
        sources += find_sources(root, display_base)
    result = (loader or CatalogLoader()).load(sources, exclude)
    pack_ids = {s.path.stem for s in pack}
    unknown = [ident for ident in exclude if builtin and ident not in pack_ids]
    broken_paths = {p.path for p in result.problems}
    broken = {
        entry.source.display: ident
        for entry in result.parsed
        if entry.source.display in broken_paths and (ident := entry.identity()) is not None
    }
    return Handbook(
        broken=broken,
        catalog=result.catalog,
        problems=result.problems,
        sources=sources,
        notes=result.notes,
        unknown_excludes=unknown,
        builtin_ids=pack_ids,
    )
