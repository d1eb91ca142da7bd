"""Where a build's time goes, with and without the plugin, step by step.

Usage: python benchmarks/where_time_goes.py [SIZE]   (default 100 checklists of 25 items)

Builds both sites of one size (from run.py), each in a fresh process, with a wall-clock
timer around the steps of MkDocs' build that differ between them: Markdown, the search
plugin's indexing, writing files, the plugin's own hooks and, inside them, YAML loading
and the plugin's Markdown. Timers (not a profiler) keep the overhead out of the figures.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STEPS = [  # (module, object, attribute, label); nested calls of one label count once
    ("markdown", "Markdown", "convert", "Markdown (all)"),
    (
        "mkdocs.contrib.search.search_index",
        "SearchIndex",
        "add_entry_from_context",
        "search indexing",
    ),
    ("mkdocs.utils", None, "write_file", "writing pages"),
    ("mkdocs.commands.build", None, "_populate_page", "page: Markdown + plugins' HTML"),
    ("mkdocs.commands.build", None, "_build_page", "page: theme + search + write"),
    ("mkdocs_sremgr.plugin", "SremgrPlugin", "on_files", "plugin: load + validate"),
    ("mkdocs_sremgr.plugin", "SremgrPlugin", "on_page_content", "plugin: render"),
    ("mkdocs_sremgr.catalog", None, "load_yaml", "  of which YAML"),
    ("mkdocs_sremgr.render", "MarkdownRenderer", "prefetch", "  of which Markdown"),
]


def child(config_file: str) -> None:
    """One timed build (run in a fresh process); prints its steps as JSON."""
    import importlib

    from child import spent, timed

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    for module_name, owner, attribute, label in STEPS:
        module = importlib.import_module(module_name)
        target = getattr(module, owner) if owner else module
        setattr(target, attribute, timed(getattr(target, attribute), label))
    from mkdocs.commands import build
    from mkdocs.config import load_config

    start = time.perf_counter()
    build.build(load_config(config_file=config_file))
    spent["whole build"] = time.perf_counter() - start
    print(json.dumps(spent))


def main() -> None:
    from run import generate

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    sites = generate(Path(tempfile.mkdtemp(prefix="sremgr-steps-")), size)
    results = []
    for config_file in sites:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(config_file)],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    with_plugin, by_hand = results
    print(
        f"{size} checklists of 25 items, seconds   {'with plugin':>11} {'by hand':>8} {'extra':>7}"
    )
    for label in ["whole build", *(step[3] for step in STEPS)]:
        a, b = with_plugin.get(label, 0.0), by_hand.get(label, 0.0)
        print(f"  {label:<36} {a:>11.2f} {b:>8.2f} {a - b:>+7.2f}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2])
    else:
        main()
