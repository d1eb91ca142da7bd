"""Rename safety: compare a build with the manifest the live site published.

Readers' progress is stored under checklist and item ids. An id the live site published
that the new build neither defines nor lists as an alias is progress readers lose the next
time they open the page. `mkdocs-sremgr validate --against URL` runs this check in CI.
"""

from __future__ import annotations

import http.client
import json
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs_sremgr import rules
from mkdocs_sremgr.model import Catalog
from mkdocs_sremgr.safeio import ReadRefused, read_bounded

MAX_MANIFEST_BYTES = 20 * 1024 * 1024
#: The whole download, from the name lookup to the last byte: a server that trickles a byte
#: every few seconds never trips a per-read timeout, so the deadline is for all of it.
TIMEOUT_SECONDS = 30.0
_CHUNK = 64 * 1024


class ManifestError(Exception):
    """The published manifest cannot be read; the message says why."""


@dataclass(frozen=True)
class Published:
    """The ids a published manifest told readers' browsers about."""

    #: checklist id -> its aliases and every item id and item alias it published
    checklists: dict[str, tuple[set[str], set[str]]]


def read_published(where: str, *, timeout: float = TIMEOUT_SECONDS) -> Published:
    """The manifest at a file path or an http(s) URL (fetched within `timeout` seconds)."""
    if where.startswith(("http://", "https://")):
        data = download(where, timeout=timeout, limit=MAX_MANIFEST_BYTES)
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


def download(url: str, *, timeout: float, limit: int) -> bytes:
    """The body at `url`, within `timeout` seconds in all and at most `limit` bytes.

    The fetch runs in a daemon thread that the caller stops waiting for at the deadline:
    that bounds what no socket timeout covers (the name lookup, a byte every few seconds).
    """
    deadline = time.monotonic() + timeout
    outcome: list[bytes | ManifestError] = []

    def run() -> None:
        try:
            outcome.append(_fetch(url, deadline, limit))
        except Exception as exc:  # whatever it is, say it rather than report a timeout
            outcome.append(ManifestError(f"cannot fetch {url}: {exc}"))

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout)
    if not outcome:
        raise ManifestError(
            f"cannot fetch {url}: it took longer than {timeout:g} s, the limit for the whole "
            "download (allow more with --timeout SECONDS)"
        )
    result = outcome[0]
    if isinstance(result, ManifestError):
        raise result
    return result


def _fetch(url: str, deadline: float, limit: int) -> bytes | ManifestError:
    over = ManifestError(f"{url} is over the limit of {limit // 1024 // 1024} MiB for a manifest")
    request = urllib.request.Request(url, headers={"User-Agent": "mkdocs-sremgr"})
    chunks: list[bytes] = []
    size = 0
    try:
        wait = max(deadline - time.monotonic(), 0.001)
        with urllib.request.urlopen(request, timeout=wait) as response:
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > limit:
                return over
            # read1: at most one read of the socket, so the deadline is checked between reads.
            while time.monotonic() < deadline:
                chunk = response.read1(_CHUNK)
                if not chunk:
                    return b"".join(chunks)
                size += len(chunk)
                if size > limit:
                    return over
                chunks.append(chunk)
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        return ManifestError(f"cannot fetch {url}: {exc}")
    return ManifestError(f"cannot fetch {url}: out of time")  # the caller has given up already


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
