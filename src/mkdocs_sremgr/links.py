"""Links to a renamed checklist's former page (`handbook/old-id.md`) lead to its page now.

An author's Markdown link names a page by its file. When a checklist is renamed (its old id
kept in `aliases`), the old file is gone and MkDocs would report the link as broken; the
plugin adds this Markdown extension, which points such a link at the new file before MkDocs
resolves it, and says so (an INFO line naming the new id). It works on the element tree, so a
link written in code stays as written.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit
from xml.etree import ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


class RenamedLinks(Extension):
    """Rewrites links to `renamed` files (old src_uri -> new src_uri) on the page `current`."""

    def __init__(self, note: Callable[[str], None]) -> None:
        super().__init__()
        self.renamed: dict[str, str] = {}
        self.current = ""  # the src_uri of the page being converted ("" : none)
        self.shown = ""  # its path as the author sees it, for the INFO line
        self.note = note

    def extendMarkdown(self, md: Markdown) -> None:
        # Before MkDocs' own link resolution ("relpath", priority 0).
        md.treeprocessors.register(_Rewrite(md, self), "sremgr_renamed_links", 1)


class _Rewrite(Treeprocessor):
    def __init__(self, md: Markdown, links: RenamedLinks) -> None:
        super().__init__(md)
        self.links = links

    def run(self, root: etree.Element) -> None:
        links = self.links
        if not links.renamed or not links.current:
            return
        for element in root.iter():
            if element.tag not in ("a", "img"):
                continue
            name = "href" if element.tag == "a" else "src"
            url = element.get(name)
            target = url and renamed_target(url, links.current, links.renamed)
            if url and target:
                element.set(name, target)
                links.note(
                    f"{links.shown}: the link `{url}` names a renamed checklist's former page; "
                    f"it leads to `{target}` (hint: write `{target}`)"
                )


def renamed_target(url: str, current: str, renamed: dict[str, str]) -> str:
    """`url`, written on the page `current`, pointed at the new file if it names a renamed
    one; "" otherwise (another site, an absolute path, a page that still exists)."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return ""
    base = posixpath.dirname(current)
    resolved = posixpath.normpath(posixpath.join(base, parts.path))
    new = renamed.get(resolved)
    if new is None:
        return ""
    relative = posixpath.relpath(new, base or ".")
    return urlunsplit(("", "", relative, parts.query, parts.fragment))
