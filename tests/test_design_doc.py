"""docs/design.md describes the code as it is: its module tables name every module and only
modules that exist, its state table is rules.ITEM_STATES, and the functions and constants it
names in those sections are defined in the code.

A new module without its row, a renamed one, or a state added to the table in rules.py alone
fails here, so the design notes cannot drift from the code unnoticed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mkdocs_sremgr import rules

ROOT = Path(__file__).resolve().parent.parent
DESIGN = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
PACKAGE = ROOT / "src" / "mkdocs_sremgr"
SCRIPTS = PACKAGE / "assets" / "src"
#: Every Python and JS source of the package, and the build script, for "defined where?".
SOURCES = "\n".join(
    p.read_text(encoding="utf-8")
    for p in [*PACKAGE.glob("*.py"), *SCRIPTS.rglob("*.js"), *(ROOT / "scripts").glob("*.py")]
)
#: Names the code defines: Python defs, classes and assignments; JS functions, constants and
#: JSDoc typedefs; the templates' globals.
DEFINED = set(
    re.findall(
        r"^\s*(?:async\s+)?(?:def|class|function|export\s+(?:const|function|class)|const|let)"
        r"\s+(\w+)|^\s*(\w+)\s*(?::[^=\n]*)?=|@typedef\s+\{.*?\}\s+(\w+)"
        r"|\.globals\[\"(\w+)\"\]\s*=",  # a template global
        SOURCES,
        re.M,
    )
)
DEFINED = {name for group in DEFINED for name in group if name}
#: What the design names of the platform and of MkDocs, not of this code.
PLATFORM = {
    "AbortController",
    "Intl",
    "O_NOFOLLOW",
    "PluginError",
    "ShadowRoot",
    "getRootNode",
    "isConnected",
}


def section(heading: str) -> str:
    """The text under a `##`/`###` heading, up to the next heading of any level."""
    match = re.search(rf"^#+ {re.escape(heading)}\n(.*?)(?=^#+ |\Z)", DESIGN, re.M | re.S)
    assert match, f"docs/design.md has no section {heading!r}"
    return match.group(1)


def table_rows(text: str, header: str) -> list[list[str]]:
    """The cells of each row of the Markdown table whose header row starts with `header`."""
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith(header))
    rows = []
    for line in lines[start + 2 :]:  # past the header and its |---| line
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def named(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


PY_SECTION = section("The Python modules: one core, three front doors")
JS_SECTION = section("Sources and build")
STATES_SECTION = section("Item states (one table)")


@pytest.mark.parametrize(
    ("text", "header", "folder", "pattern"),
    [
        (PY_SECTION, "| Module | Its one job |", PACKAGE, "*.py"),
        (JS_SECTION, "| module | job |", SCRIPTS, "**/*.js"),
    ],
    ids=["python", "browser"],
)
def test_every_module_has_its_row_and_every_row_a_module(
    text: str, header: str, folder: Path, pattern: str
) -> None:
    rows = table_rows(text, header)
    listed = [name for row in rows for name in named(row[0])]
    modules = sorted(p.relative_to(folder).as_posix() for p in folder.glob(pattern))
    assert sorted(set(modules) - set(listed)) == [], "modules without a row in docs/design.md"
    assert sorted(set(listed) - set(modules)) == [], "rows naming no module"
    assert len(listed) == len(set(listed)), "a module with two rows"
    assert all(row[1] for row in rows), "a row without its job"


def test_the_state_table_is_rules_item_states() -> None:
    rows = table_rows(STATES_SECTION, "| id | control")
    yes = {"yes": True, "no": False}
    written = [
        (
            named(row[0])[0],
            (named(row[1]) or [""])[0],
            (named(row[2]) or [""])[0],
            *(yes[row[n].split()[0]] for n in (3, 4, 5, 6)),
        )
        for row in rows
    ]
    actual = [
        (s.id, s.label, s.note, s.scored, s.done, s.kept_by_fresh_quarter, s.in_summary)
        for s in rules.ITEM_STATES
    ]
    assert written == actual


def test_the_browser_gets_the_columns_the_state_section_names() -> None:
    generated = (SCRIPTS / "rules.generated.js").read_text(encoding="utf-8")
    exported = set(re.findall(r"^export const (\w+)", generated, re.M))
    assert {"itemStates", "stateIds", "doneStates", "setAsideStates"} <= exported
    row = re.search(r"rows `\{([^}]*)\}`", STATES_SECTION)
    assert row, "the section names the generated row's keys"
    keys = [k.strip() for k in row.group(1).split(",")]
    assert keys == list(rules.browser_rules()["itemStates"][0])


#: A name of code: `name`, `name()` or `name(args)`, with an underscore, a capital or a call,
#: and not a file name; `module.name` counts as `name`.
_CODE_NAME = re.compile(r"^(?:[a-z_]+\.)?([A-Za-z_][A-Za-z0-9_]*)(\([^)]*\))?$")


def code_names(text: str) -> set[str]:
    names = set()
    for token in re.findall(r"`([^`\n]+)`", text):
        match = _CODE_NAME.match(token)
        if not match:
            continue
        name, call = match.groups()
        if call or "_" in name.strip("_") or any(c.isupper() for c in name):
            names.add(name)
    return names


@pytest.mark.parametrize(
    "name",
    sorted(code_names(PY_SECTION) | code_names(JS_SECTION) | code_names(STATES_SECTION)),
)
def test_each_function_class_and_constant_named_is_defined(name: str) -> None:
    if name not in DEFINED and name not in PLATFORM:
        pytest.fail(f"docs/design.md names `{name}`, which no source defines")
