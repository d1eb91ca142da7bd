"""Facts shared by the build, the CLI and the browser: one home for each.

The browser gets these from the build (a generated constants module written by
`scripts/build_assets.py` from `browser_rules()`), never from a second hand-kept copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

#: A stable kebab-case id: the storage key of a checklist, item or anti-pattern.
#: Matched whole (`fullmatch`), so "x\n" is not an id.
ID_PATTERN: Final = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ID_MAX_LENGTH: Final = 80
_ID = re.compile(ID_PATTERN)

#: Names the generated pages use beside the checklists' own (pages.plan_pages): the dashboard
#: page, the anti-patterns' folder and the team pulse's. A checklist with one of these ids (or
#: aliases) would replace that page or hide under that folder, so the loader refuses it.
DASHBOARD_PAGE: Final = "dashboard"
ANTIPATTERN_FOLDER: Final = "antipatterns"
PULSE_FOLDER: Final = "pulse"
RESERVED_IDS: Final = (DASHBOARD_PAGE, ANTIPATTERN_FOLDER, PULSE_FOLDER)

#: A reference to one item of one checklist, `checklist-id/item-id`: an anti-pattern's
#: `counters`, and an item alias that names an item of another checklist (a moved item).
ITEM_REF_PATTERN: Final = rf"{ID_PATTERN}/{ID_PATTERN}"
_ITEM_REF = re.compile(ITEM_REF_PATTERN)

#: A closed quarter's name, e.g. 2026-Q4.
PERIOD_PATTERN: Final = r"\d{4}-Q[1-4]"


@dataclass(frozen=True)
class ItemState:
    """One thing a reader can say of an item: a row of the one table every counter, painter,
    summary, snapshot, reset and report reads (docs/design.md, "Item states")."""

    #: the value stored in the item's record (`state`)
    id: str
    #: catalog key of its control's text on the checklist page ("" for none: open and done
    #: are the checkbox itself); `report` heads its column with the English text
    label: str
    #: catalog key of the mark the 1:1 summary puts after an item in this state ("" for none)
    note: str
    #: True: the item's points stay in play (open, done); False: it is set aside, its points
    #: leave the score and the score says how many were set aside
    scored: bool
    #: it counts as done
    done: bool
    #: "start the quarter fresh" keeps it (not for me: yes; done: no)
    kept_by_fresh_quarter: bool
    #: listed in the 1:1 summary's "set aside" list
    in_summary: bool


#: What a reader can say of an item. A stored state that is not in this table (written by a
#: newer build) is kept in storage as it is and shown as open, so a new row needs no
#: storage-version bump. The first row is what an item with no record is.
# fmt: off
ITEM_STATES: Final = (
    #         id      label      note     scored done   kept_by_fresh_quarter in_summary
    ItemState("open", "",        "",      True,  False, True,  False),
    ItemState("done", "",        "",      True,  True,  False, False),
    ItemState("na",   "item.na", "md.na", False, False, True,  True),  # not my role
    # Didn't come up this quarter (no incident, no hire): about that quarter only.
    ItemState("quiet", "item.quiet", "md.quiet", False, False, False, True),
)
# fmt: on
#: The stored values of ITEM_STATES.
STATE_IDS: Final = tuple(state.id for state in ITEM_STATES)
#: The states that set an item aside, in table order: the checklist page has a control for each.
SET_ASIDE_STATES: Final = tuple(state for state in ITEM_STATES if not state.scored)


def item_state(value: object) -> ItemState:
    """The row of a stored state; open for none and for a state this build does not know."""
    return next((state for state in ITEM_STATES if state.id == value), ITEM_STATES[0])


#: The version of the browser storage record (docs/design.md, contract 2). It changes only
#: together with a tested migration from every earlier version.
STORAGE_VERSION: Final = 1

#: How many days a checklist of each cadence stays fresh after its last change.
CADENCE_DAYS: Final = {"weekly": 7, "monthly": 31, "quarterly": 92, "yearly": 366}

#: The default weight of an item.
DEFAULT_WEIGHT: Final = 1


def is_id(value: object) -> bool:
    """Whether `value` is a kebab-case id (the whole string, no trailing newline)."""
    return (
        isinstance(value, str) and len(value) <= ID_MAX_LENGTH and _ID.fullmatch(value) is not None
    )


def is_item_ref(value: object) -> bool:
    """Whether `value` is `checklist-id/item-id`, each part a kebab-case id."""
    if not isinstance(value, str) or _ITEM_REF.fullmatch(value) is None:
        return False
    checklist, item = value.split("/")
    return len(checklist) <= ID_MAX_LENGTH and len(item) <= ID_MAX_LENGTH


def is_item_alias(value: object) -> bool:
    """An item's former id: in its own checklist (an id) or in another (`checklist/item`)."""
    return is_id(value) or is_item_ref(value)


def slugify(text: object, fallback: str = "my-id", limit: int | None = ID_MAX_LENGTH) -> str:
    """A kebab-case id made from `text`: for hints and default section ids (at most `limit`
    characters; `None` for none: the storage key's namespace must never change)."""
    slug = _NOT_ID.sub("-", str(text).lower()).strip("-")
    if limit is not None:
        slug = slug[:limit].strip("-")
    return slug or fallback


_NOT_ID = re.compile(r"[^a-z0-9]+")


def browser_rules() -> dict[str, Any]:
    """The facts the browser script needs, as JSON-ready data (an item state's `label` is
    left out: the template draws its control)."""
    return {
        "idPattern": ID_PATTERN,
        "idMaxLength": ID_MAX_LENGTH,
        "periodPattern": PERIOD_PATTERN,
        "itemStates": [
            {
                "id": state.id,
                "note": state.note,
                "scored": state.scored,
                "done": state.done,
                "keep": state.kept_by_fresh_quarter,
                "summary": state.in_summary,
            }
            for state in ITEM_STATES
        ],
        # The same table's columns the script on every page reads, as lists of ids: a bundler
        # keeps only the lists a script uses, and the page's script stays small.
        "stateIds": list(STATE_IDS),
        "doneStates": [state.id for state in ITEM_STATES if state.done],
        "setAsideStates": [state.id for state in SET_ASIDE_STATES],
        "storageVersion": STORAGE_VERSION,
        "cadenceDays": dict(CADENCE_DAYS),
        "defaultWeight": DEFAULT_WEIGHT,
    }
