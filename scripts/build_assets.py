"""Builds the shipped browser assets from their readable sources.

Usage: python scripts/build_assets.py [--check]

Edit `src/mkdocs_sremgr/assets/source/`; this writes the minified copies next to it in
`src/mkdocs_sremgr/assets/`, which the plugin copies into every site. Scripts are parsed and
printed back without comments or whitespace, local names shortened (calmjs.parse, a real ES5
parser, so a regex literal or a string can never be mangled); the stylesheet goes through
rcssmin. The readable sources ship in the package too.
`--check` writes nothing and exits 1 if a shipped file is not the build of its source
(the test suite runs it, so a stale copy cannot land).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import rcssmin
from calmjs.parse import es5
from calmjs.parse.unparsers.es5 import minify_print

ASSETS = Path(__file__).resolve().parent.parent / "src" / "mkdocs_sremgr" / "assets"
SOURCE = ASSETS / "source"
SHIPPED = ("sremgr.js", "sremgr-dashboard.js", "sremgr.css")


def build(name: str) -> str:
    """The shipped text of one asset: a banner naming its source, then the minified source."""
    text = (SOURCE / name).read_text(encoding="utf-8")
    if name.endswith(".js"):
        # Globals keep their names: the files share only `window.sremgr`, which is a property.
        minified = minify_print(es5(text), obfuscate=True, obfuscate_globals=False)
    else:
        minified = rcssmin.cssmin(text)
    banner = f"/* mkdocs-sremgr: built from assets/source/{name} by scripts/build_assets.py */\n"
    return banner + minified.strip() + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args()
    stale = []
    for name in SHIPPED:
        text, target = build(name), ASSETS / name
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if not args.check:
            target.write_text(text, encoding="utf-8")
    if args.check and stale:
        print(f"stale: {', '.join(stale)}; run: python scripts/build_assets.py", file=sys.stderr)
        return 1
    print("\n".join(f"{'stale' if args.check else 'built'} {n}" for n in stale) or "up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
