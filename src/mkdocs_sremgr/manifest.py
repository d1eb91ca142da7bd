"""The manifest tells the browser which checklists and items exist now (see docs/design.md)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from mkdocs_sremgr import rules
from mkdocs_sremgr.model import Catalog, Item
from mkdocs_sremgr.pulse import MIN_ANSWERS

FORMAT = 1


def storage_key(namespace: str | None, site_url: str | None, site_name: str) -> str:
    """`sremgr:v1:<namespace>`: distinct per handbook, so handbooks on one origin never mix."""
    if not namespace:
        path = urlsplit(site_url or "").path.strip("/")
        namespace = f"{path}-{site_name}" if path else site_name
    slug = rules.slugify(namespace, fallback="handbook", limit=None)
    return f"sremgr:v1:{slug}"


def build_manifest(
    catalog: Catalog,
    urls: dict[tuple[str, str], str],
    key: str,
    fiscal_year_start: int,
    *,
    pulse_minimum: int = MIN_ANSWERS,
) -> str:
    checklists = []
    for checklist in catalog.sorted_checklists():
        checklists.append(
            {
                **checklist.browser_data(),
                "url": urls.get(("checklist", checklist.id), ""),
                "lesson": checklist.lesson,
                "tags": checklist.tags,
                "sections": [
                    {
                        "id": section.id,
                        "title": section.title,
                        "items": [_item(item) for item in section.items],
                    }
                    for section in checklist.sections
                ],
            }
        )
    data = {
        "format": FORMAT,
        "storage_key": key,
        "fiscal_year_start": fiscal_year_start,
        "dashboard_url": urls.get(("dashboard", "dashboard"), ""),
        "checklists": checklists,
        "pulse": _pulse(catalog, urls, pulse_minimum),
    }
    # allow_nan=False: the loader refuses NaN and infinity, and this makes sure of it.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _pulse(
    catalog: Catalog, urls: dict[tuple[str, str], str], minimum: int
) -> dict[str, Any] | None:
    """The team pulse as the dashboard and `report --pulse` read it (None without one)."""
    pulse = catalog.pulse
    if pulse is None:
        return None
    return {
        "id": pulse.id,
        "title": pulse.title,
        "url": urls.get(("pulse", pulse.id), ""),
        "minimum": minimum,
        "statements": [s.manifest_entry() for s in pulse.statements],
    }


def _item(item: Item) -> dict[str, Any]:
    """An item as the browser reads it. `aliases` may hold `old-checklist/old-item`: the
    ticks of an item that moved here from another checklist (docs/design.md)."""
    entry: dict[str, Any] = {"text": item.text, **item.browser_data()}
    if item.evidence:
        entry["evidence"] = item.evidence
    return entry


def manifest_script(manifest_json: str) -> str:
    """manifest.js: the manifest as a data script, which a page opened from file:// can load
    (a fetch of manifest.json is blocked there), as Material's offline plugin does for search."""
    # JSON.parse of a string literal: browsers parse JSON faster than the same object literal,
    # which counts for a thousand checklists. "</" is escaped so the text never closes a tag.
    literal = json.dumps(manifest_json, ensure_ascii=False).replace("</", "<\\/")
    return f"window.sremgrManifest=JSON.parse({literal});\n"
