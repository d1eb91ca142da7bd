"""Facts shared by the build, the CLI and the browser: one home for each.

The browser gets these from the build (a generated constants module written by
`scripts/build_assets.py` from `browser_rules()`), never from a second hand-kept copy.
"""

from __future__ import annotations

import re
from typing import Any, Final

#: A stable kebab-case id: the storage key of a checklist, item or anti-pattern.
#: Matched whole (`fullmatch`), so "x\n" is not an id.
ID_PATTERN: Final = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ID_MAX_LENGTH: Final = 80
_ID = re.compile(ID_PATTERN)

#: Names the generated pages use beside the checklists' own (pages.plan_pages): the dashboard
#: page and the anti-patterns' folder. A checklist with one of these ids (or aliases) would
#: replace that page or hide under that folder, so the loader refuses it.
DASHBOARD_PAGE: Final = "dashboard"
ANTIPATTERN_FOLDER: Final = "antipatterns"
RESERVED_IDS: Final = (DASHBOARD_PAGE, ANTIPATTERN_FOLDER)

#: A reference to one item of one checklist, `checklist-id/item-id`: an anti-pattern's
#: `counters`, and an item alias that names an item of another checklist (a moved item).
ITEM_REF_PATTERN: Final = rf"{ID_PATTERN}/{ID_PATTERN}"
_ITEM_REF = re.compile(ITEM_REF_PATTERN)

#: A closed quarter's name, e.g. 2026-Q4.
PERIOD_PATTERN: Final = r"\d{4}-Q[1-4]"

#: What a reader can say of an item. "na" is "not for me": it leaves the totals.
ITEM_STATES: Final = ("open", "done", "na")

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
    """The facts the browser script needs, as JSON-ready data."""
    return {
        "idPattern": ID_PATTERN,
        "idMaxLength": ID_MAX_LENGTH,
        "periodPattern": PERIOD_PATTERN,
        "itemStates": list(ITEM_STATES),
        "storageVersion": STORAGE_VERSION,
        "cadenceDays": dict(CADENCE_DAYS),
        "defaultWeight": DEFAULT_WEIGHT,
    }
