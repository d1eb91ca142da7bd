"""One measured build in a fresh process (imported by run.py, run as a script).

Prints a JSON line: wall time, peak memory, and the plugin's own time per phase.
"""

from __future__ import annotations

import functools
import json
import os
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

PHASES = {
    "on_files": "load+validate",
    "on_nav": "render",
    "on_page_markdown": "render",
    "on_page_content": "render",
}
spent: dict[str, float] = defaultdict(float)
_running: set[str] = set()


def timed(method: Callable[..., Any], phase: str) -> Callable[..., Any]:
    """Adds the wall time of `method` to `spent[phase]`; a call nested in one of the same
    phase (a hook calling a hook, Markdown inside Markdown) is counted once."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if phase in _running:
            return method(*args, **kwargs)
        _running.add(phase)
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            spent[phase] += time.perf_counter() - start
            _running.discard(phase)

    return functools.wraps(method)(wrapper)  # keeps the name and MkDocs' event priority


def instrument() -> None:
    from mkdocs.plugins import CombinedEvent

    from mkdocs_sremgr import publish
    from mkdocs_sremgr.plugin import SremgrPlugin

    for name, phase in PHASES.items():
        hook = SremgrPlugin.__dict__[name]
        if isinstance(hook, CombinedEvent):  # several handlers under one event: time each
            setattr(SremgrPlugin, name, CombinedEvent(*(timed(m, phase) for m in hook.methods)))
        else:
            setattr(SremgrPlugin, name, timed(hook, phase))
    # "write": the files the plugin itself produces (manifest, schema); they are made inside
    # on_files (through publish.py's outputs), so their time moves from load+validate to write.
    for name in ("build_manifest", "schema_text"):
        setattr(publish, name, _moved(getattr(publish, name), "load+validate", "write"))


def _moved(function: Callable[..., Any], outer: str, phase: str) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            took = time.perf_counter() - start
            spent[phase] += took
            spent[outer] -= took

    return wrapper


def main() -> None:
    config_file, mode = sys.argv[1], sys.argv[2]
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    uses_plugin = "sremgr" in Path(config_file).read_text()
    if uses_plugin:
        instrument()
    result: dict[str, Any] = {}
    if mode == "build":
        start, cpu = time.perf_counter(), time.process_time()
        build(load_config(config_file=config_file))
        result["wall"] = time.perf_counter() - start
        # CPU time of this process: steadier than wall time on a shared machine.
        result["cpu"] = time.process_time() - cpu
    else:  # "rebuild": what `mkdocs serve` does after one YAML file is saved
        config = load_config(config_file=config_file)
        config.plugins.on_startup(command="serve", dirty=False)
        build(config)
        plugin = config.plugins["sremgr"]
        before = plugin.loader.reads
        target = sorted((Path(config.docs_dir) / "checklists").glob("*.yml"))[0]
        target.write_text(target.read_text().replace("title: ", "title: Edited ", 1))
        spent.clear()
        start = time.perf_counter()
        build(load_config(config_file=config_file))
        result["wall"] = time.perf_counter() - start
        result["reread"] = plugin.loader.reads - before
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["plugin"] = dict(spent)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
