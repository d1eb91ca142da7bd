"""Golden files: the rendered HTML contract of docs/design.md, pinned byte for byte.

Real sites are built in both themes (Material with its tags plugin, and MkDocs' own theme);
only the plugin's own fragment is compared — the `.sremgr` root element of a checklist, an
anti-pattern and the dashboard, and the plugin's asset links — so a theme upgrade does not
break these tests, while any change to what sremgr.js binds to does. After an intended change
run `pytest tests/test_golden.py --update-golden`, review the diff of `tests/golden/`, and
update docs/design.md in the same commit.
"""

from __future__ import annotations

import difflib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sites import MATERIAL, MKDOCS, make_site

GOLDEN = Path(__file__).parent / "golden"

CHECKLIST = """\
id: rota
title: On-call rota
lesson: Be on call **yourself**.
summary: |
  Managers who page know the pain.
order: 1
cadence: monthly
tags: [operations, people]
aliases: [old-rota]
antipatterns: [hero]
sections:
  - title: Before the shift
    items:
      - id: on-rotation
        text: I hold a primary shift every quarter.
        weight: 2
        aliases: [old-rotation, older-rotation]
        details: |
          Start small.

          !!! note "Tip"
              Start with a secondary shift.
      - id: runbooks
        text: I read the runbooks for `billing`.
  - id: after
    title: After the *shift*
    items:
      - id: handover
        text: I wrote a handover note.
further_reading:
  - title: The Site Reliability Workbook
    author: Betsy Beyer
    url: https://sre.google/workbook/table-of-contents/
    note: Chapter 8, *on-call*.
  - title: A book without a link
"""

OTHER = """\
id: review
title: Incident review
order: 2
cadence: weekly
sections:
  - title: In the room
    items:
      - id: no-blame
        text: Nobody was blamed.
"""

ANTIPATTERN = """\
kind: antipattern
id: hero
title: The on-call hero
summary: One person answers **every** page.
symptoms: [The same name on every timeline., "Nobody else knows `kubectl`."]
why_it_hurts: |
  The hero burns out, and the team never learns.
instead: [Pair the hero with a second responder.]
checklists: [rota]
further_reading:
  - title: Team Topologies
    author: Matthew Skelton
"""

PULSE = """\
kind: pulse
id: ask
title: Ask the team
intro: Rate what you have *seen* yourself.
statements:
  - id: holds-rota
    text: My manager took shifts on our rota this quarter.
    lesson: rota
  - id: reviews-without-blame
    text: Our reviews ask what made sense at the time & not "who".
    lesson: review
    aliases: [no-blame-reviews]
"""

THEMES = {
    # The tags plugin makes Material show the tags itself (the template then leaves them out).
    "material": {"theme": MATERIAL, "plugins": "  - search\n  - tags\n"},
    "mkdocs": {"theme": MKDOCS, "plugins": "  - search\n"},
}
PAGES = {
    "checklist": "handbook/rota/index.html",
    "antipattern": "handbook/antipatterns/hero/index.html",
    "dashboard": "handbook/dashboard/index.html",
    "pulse": "handbook/pulse/ask/index.html",
}
ROOTS = ("sremgr-checklist", "sremgr-antipattern", "sremgr-dashboard", "sremgr-pulse")


class _Fragments(HTMLParser):
    """Finds the plugin's root elements (outermost `div.sremgr`) and its asset links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.spans: list[tuple[tuple[int, int], tuple[int, int]]] = []
        self.assets: list[str] = []
        self._start: tuple[int, int] | None = None
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("src", "href"):
            url = values.get(name) or ""
            if tag in ("script", "link") and "assets/sremgr/" in url:
                self.assets.append(f"<{tag} {name}={url}>")
        if tag != "div":
            return
        if self._start is not None:
            self._depth += 1
        elif set((values.get("class") or "").split()) & set(ROOTS):
            self._start, self._depth = self.getpos(), 1

    def handle_endtag(self, tag: str) -> None:
        if tag != "div" or self._start is None:
            return
        self._depth -= 1
        if self._depth == 0:
            self.spans.append((self._start, self.getpos()))
            self._start = None


def fragment(html: str) -> str:
    """The plugin's part of a built page, with what may vary between builds normalised."""
    parser = _Fragments()
    parser.feed(html)
    parser.close()
    lines = html.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def at(pos: tuple[int, int]) -> int:
        return offsets[pos[0] - 1] + pos[1]

    parts = [f"<!-- {asset} -->\n" for asset in parser.assets]
    for start, end in parser.spans:
        parts.append(html[at(start) : at(end) + len("</div>")] + "\n")
    assert parser.spans, "the page holds no .sremgr element"
    # A cache-busting query or a content hash in an asset name would differ per build.
    text = "".join(parts)
    text = re.sub(r"(sremgr[\w.-]*?\.(?:js|css))\?[^\"'\s>]*", r"\1", text)
    return re.sub(r"\.[0-9a-f]{8,}\.(js|css)\b", r".\1", text)


@pytest.fixture(scope="module", params=sorted(THEMES))
def built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Path]:
    theme = str(request.param)
    site = make_site(
        tmp_path_factory.mktemp(f"golden-{theme}"),
        **THEMES[theme],
        extra="markdown_extensions: [admonition]\n",
        checklists={
            "rota.yml": CHECKLIST,
            "review.yml": OTHER,
            "hero.yml": ANTIPATTERN,
            "ask.yml": PULSE,
        },
    )
    return theme, site.build()


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_rendered_html_matches_the_golden_file(
    built: tuple[str, Path], kind: str, request: pytest.FixtureRequest
) -> None:
    theme, site_dir = built
    got = fragment((site_dir / PAGES[kind]).read_text(encoding="utf-8"))
    golden = GOLDEN / theme / f"{kind}.html"
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(got, encoding="utf-8")
        return
    assert golden.is_file(), f"{golden} is missing: run pytest {__file__} --update-golden"
    want = golden.read_text(encoding="utf-8")
    if got != want:
        diff = "".join(
            difflib.unified_diff(
                want.splitlines(keepends=True),
                got.splitlines(keepends=True),
                f"{golden.relative_to(GOLDEN.parent)} (golden)",
                f"{PAGES[kind]} ({theme}, built now)",
            )
        )
        pytest.fail(
            "the rendered HTML differs from its golden file (docs/design.md's contract).\n"
            "If the change is meant, run pytest tests/test_golden.py --update-golden and update "
            f"docs/design.md.\n{diff}",
            pytrace=False,
        )


def test_fragment_takes_only_the_plugins_elements() -> None:
    """The extraction itself: nested divs end the root at its own end tag, theme markup is left
    out, asset links are kept without their cache-busting query."""
    page = (
        '<html><head><link href="../assets/sremgr/sremgr.css?v=1.2" rel="stylesheet">'
        '<link href="theme.css" rel="stylesheet"></head><body><div class="md-content">\n'
        '<div class="sremgr sremgr-checklist" data-x="1">\n<div class="sremgr-progress">'
        '<div class="sremgr-bar"></div></div>\n<input type="checkbox"><br>\n</div>\n'
        "<p>theme text</p></div>"
        '<script src="../assets/sremgr/sremgr.js"></script></body></html>'
    )
    assert fragment(page) == (
        "<!-- <link href=../assets/sremgr/sremgr.css> -->\n"
        "<!-- <script src=../assets/sremgr/sremgr.js> -->\n"
        '<div class="sremgr sremgr-checklist" data-x="1">\n<div class="sremgr-progress">'
        '<div class="sremgr-bar"></div></div>\n<input type="checkbox"><br>\n</div>\n'
    )
