"""Where a build's time goes, with and without the plugin: cProfile of both sites of one size.

Usage: python benchmarks/where_time_goes.py [SIZE]   (default 100 checklists of 25 items)
Prints, for each site, the cumulative time of the build steps that differ most:
Markdown, theme templates, the search plugin's indexing and the plugin's own hooks.
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import sys
import tempfile
from pathlib import Path

from run import generate

WATCH = r"(contrib/search/search_index.py:\d+\(add_entry|markdown/core.py:\d+\(convert|" \
        r"jinja2/environment.py:\d+\(render|commands/build.py:\d+\(build\)|sremgr/plugin.py)"


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with_plugin, by_hand = generate(Path(tempfile.mkdtemp(prefix="sremgr-profile-")), size)
    for name, config_file in (("with the plugin", with_plugin), ("by hand", by_hand)):
        config = load_config(config_file=str(config_file))
        profile = cProfile.Profile()
        profile.enable()
        build(config)
        profile.disable()
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(WATCH, 12)
        print(f"== {name}")
        print("\n".join(line for line in out.getvalue().splitlines() if "/" in line))


if __name__ == "__main__":
    main()
