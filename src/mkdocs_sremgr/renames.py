"""Rename safety: compare a build with the manifest the live site published.

Readers' progress is stored under checklist and item ids. An id the live site published
that the new build neither defines nor lists as an alias is progress readers lose the next
time they open the page. `mkdocs-sremgr validate --against URL` runs this check in CI.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs_sremgr import rules
from mkdocs_sremgr.model import Catalog
from mkdocs_sremgr.safeio import ReadRefused, read_bounded

MAX_MANIFEST_BYTES = 20 * 1024 * 1024
TIMEOUT_SECONDS = 30


class ManifestError(Exception):
    """The published manifest cannot be read; the message says why."""


@dataclass(frozen=True)
class Published:
    """The ids a published manifest told readers' browsers about."""

    #: checklist id -> its aliases and every item id and item alias it published
    checklists: dict[str, tuple[set[str], set[str]]]


def read_published(where: str) -> Published:
    """The manifest at a file path or an http(s) URL."""
    if where.startswith(("http://", "https://")):
        data = _download(where)
    else:
        try:
            data = read_bounded(Path(where), MAX_MANIFEST_BYTES)
        except ReadRefused as exc:
            raise ManifestError(f"cannot use {where}: {exc}") from None
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError) as exc:
        raise ManifestError(f"{where} is not JSON ({str(exc)[:120]})") from None
    return parse_published(raw, where)


def _download(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "mkdocs-sremgr"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            data: bytes = response.read(MAX_MANIFEST_BYTES + 1)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise ManifestError(f"cannot fetch {url}: {exc}") from None
    if len(data) > MAX_MANIFEST_BYTES:
        raise ManifestError(f"{url} is over {MAX_MANIFEST_BYTES // 1024 // 1024} MiB")
    return data


def parse_published(raw: Any, where: str) -> Published:
    def fail(what: str) -> ManifestError:
        return ManifestError(f"{where} is not a mkdocs-sremgr manifest.json ({what})")

    if not isinstance(raw, dict) or not isinstance(raw.get("checklists"), list):
        raise fail("no `checklists` list")
    out: dict[str, tuple[set[str], set[str]]] = {}
    for entry in raw["checklists"]:
        if not isinstance(entry, dict) or not rules.is_id(entry.get("id")):
            raise fail("a checklist without a kebab-case `id`")
        aliases = {a for a in _list(entry.get("aliases")) if rules.is_id(a)}
        items: set[str] = set()
        for section in _list(entry.get("sections")):
            for item in _list(section.get("items") if isinstance(section, dict) else None):
                if isinstance(item, dict) and rules.is_id(item.get("id")):
                    items.add(item["id"])
                    items |= {a for a in _list(item.get("aliases")) if rules.is_id(a)}
        out[entry["id"]] = (aliases, items)
    return Published(out)


def _split(ref: str) -> tuple[str, str, str]:
    return ref.partition("/")


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def lost_ids(published: Published, catalog: Catalog) -> list[str]:
    """One line for each published id the catalog drops without an alias."""
    lost = []
    # Items that moved to another checklist keep their ticks there.
    moved = {a for c in catalog.checklists.values() for i in c.items for a in i.aliases if "/" in a}
    for cid, (_aliases, items) in sorted(published.checklists.items()):
        checklist = catalog.checklist_named(cid)
        if checklist is None:
            lost.append(
                f"checklist `{cid}` is published but gone: readers' progress on it is lost "
                f"(hint: add `aliases: [{cid}]` to the checklist that replaces it)"
            )
            continue
        known = {name for item in checklist.items for name in (item.id, *item.aliases)}
        for iid in sorted(items - known - {i for c, _, i in map(_split, moved) if c == cid}):
            lost.append(
                f"item `{cid}/{iid}` is published but gone from `{checklist.id}`: readers' "
                f"ticks on it are lost (hint: add `aliases: [{iid}]` to the item that "
                "replaces it)"
            )
    return lost
