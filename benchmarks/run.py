"""Build-time benchmark: the plugin against the same content written by hand.

Usage: python benchmarks/run.py [--sizes 10,100,1000] [--rounds 5] [--browser]

For each size it generates two sites with the same 300 ordinary pages: one with
N checklists of 25 items as YAML (plugin on), one with the same checklists written
by hand as Markdown task lists (plugin off). It builds them alternately in fresh
processes (a warm-up first, then rounds in alternating order), and prints medians,
the best-of ratio, the CPU-time ratio, peak memory and the
plugin's own time per phase. Results also go to benchmarks/out/results.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
ORDINARY_PAGES = 300
SECTIONS, ITEMS = 5, 5
THEME = "mkdocs"  # the lighter theme makes the plugin's share of the build easier to see
WORDS = [
    "incident",
    "review",
    "on-call",
    "rotation",
    "runbook",
    "alert",
    "budget",
    "toil",
    "capacity",
    "latency",
    "owner",
    "dashboard",
    "handover",
    "escalation",
    "pager",
    "postmortem",
    "backlog",
]


def sentence(seed: int, length: int) -> str:
    words = [WORDS[(seed * 7 + k * 3) % len(WORDS)] for k in range(length)]
    words[2] = f"*{words[2]}*"
    return " ".join(words).capitalize() + "."


def item_text(c: int, s: int, i: int) -> tuple[str, str]:
    # Every text is unique (its numbers), so no Markdown cache can make either side look fast.
    seed = c * 31 + s * 7 + i
    text = f"I checked item {c}.{s}.{i} and the {sentence(seed, 11)}"
    details = (
        f"Step {c}.{s}.{i}. {sentence(seed + 1, 14)} {sentence(seed + 2, 12)} "
        f"{sentence(seed + 3, 9)}"
    )
    return text, details


def write_common(docs: Path) -> None:
    (docs / "pages").mkdir(parents=True)
    (docs / "index.md").write_text("# Benchmark\n\nHome page.\n")
    for n in range(ORDINARY_PAGES):
        body = "\n\n".join(sentence(n + k, 40) for k in range(6))
        (docs / "pages" / f"page-{n:04d}.md").write_text(f"# Page {n}\n\n{body}\n")


def config(root: Path, plugin: bool) -> Path:
    text = (
        f"site_name: Bench\ntheme: {{name: {THEME}}}\n"
        "markdown_extensions: [admonition, attr_list, pymdownx.tasklist]\n"
        "plugins:\n  - search\n" + ("  - sremgr:\n      builtin: false\n" if plugin else "")
    )
    path = root / "mkdocs.yml"
    path.write_text(text)
    return path


def generate(root: Path, size: int) -> tuple[Path, Path]:
    with_plugin, by_hand = root / "plugin", root / "hand"
    for site in (with_plugin, by_hand):
        write_common(site / "docs")
    (with_plugin / "docs" / "checklists").mkdir()
    (by_hand / "docs" / "handbook").mkdir()
    for c in range(size):
        yml = [
            f"id: checklist-{c:04d}",
            f"title: Checklist {c}",
            f"lesson: {sentence(c, 9)}",
            f"summary: {sentence(c + 5, 20)}",
            "cadence: quarterly",
            "tags: [bench]",
            "sections:",
        ]
        md = [f"# Checklist {c}", "", f"**Lesson:** {sentence(c, 9)}", "", sentence(c + 5, 20), ""]
        for s in range(SECTIONS):
            yml += [f"  - title: Section {s}", "    items:"]
            md += [f"## Section {s}", ""]
            for i in range(ITEMS):
                text, details = item_text(c, s, i)
                yml += [
                    f"      - id: item-{s}-{i}",
                    f"        text: {text}",
                    f"        details: {details}",
                ]
                md += [f"- [ ] {text}", "", f"    {details}", ""]
        (with_plugin / "docs" / "checklists" / f"c{c:04d}.yml").write_text("\n".join(yml) + "\n")
        (by_hand / "docs" / "handbook" / f"checklist-{c:04d}.md").write_text("\n".join(md))
    return config(with_plugin, True), config(by_hand, False)


def measure(config_file: Path, mode: str = "build") -> dict:
    out = subprocess.run(
        [sys.executable, str(HERE / "child.py"), str(config_file), mode],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


ASSETS = ROOT / "src" / "mkdocs_sremgr" / "assets"
EVERY_PAGE = ("sremgr.js", "sremgr.css")  # linked from every page
ON_DEMAND = ("sremgr-dashboard.js",)  # fetched by sremgr.js on a page with a dashboard


def asset_sizes() -> dict[str, tuple[int, int]]:
    """Raw and gzip -9 bytes of each shipped asset, and of its readable source for scale."""
    sizes = {}
    for name in EVERY_PAGE + ON_DEMAND:
        data = (ASSETS / name).read_bytes()
        sizes[name] = (len(data), len(gzip.compress(data, 9)))
    # The readable sources, for scale: the ES modules of both bundles, and the stylesheet.
    modules = b"".join(p.read_bytes() for p in sorted((ASSETS / "src").rglob("*.js")))
    sizes["src/**/*.js (all modules)"] = (len(modules), len(gzip.compress(modules, 9)))
    css = (ASSETS / "source" / "sremgr.css").read_bytes()
    sizes["source/sremgr.css"] = (len(css), len(gzip.compress(css, 9)))
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--browser", action="store_true", help="also time the script in Chromium")
    args = parser.parse_args()
    results: dict[str, object] = {"sizes": {}}
    print(
        f"{'checklists':>10} {'items':>6} {'plugin s':>9} {'by hand s':>9} {'ratio':>6} "
        f"{'best':>6} {'cpu ratio':>9} "
        f"{'peak MB':>13} {'load+val s':>10} {'render s':>9} {'write s':>8} {'µs/item':>8}"
    )
    for size in [int(s) for s in args.sizes.split(",")]:
        root = Path(tempfile.mkdtemp(prefix=f"sremgr-bench-{size}-"))
        try:
            with_plugin, by_hand = generate(root, size)
            runs: dict[str, list[dict]] = {"plugin": [], "hand": []}
            measure(by_hand)  # warm-up, not counted: the first build pays for a cold disk cache
            for n in range(args.rounds):
                # Alternate which side goes first, so neither always follows the other.
                order = [("plugin", with_plugin), ("hand", by_hand)]
                for side, config_file in order if n % 2 == 0 else order[::-1]:
                    runs[side].append(measure(config_file))
            plugin_wall = statistics.median(r["wall"] for r in runs["plugin"])
            hand_wall = statistics.median(r["wall"] for r in runs["hand"])
            # Noise on a shared machine only ever adds time: the fastest build of each side
            # is the steadiest comparison, shown beside the medians.
            best_ratio = min(r["wall"] for r in runs["plugin"]) / min(
                r["wall"] for r in runs["hand"]
            )
            cpu_ratio = statistics.median(r["cpu"] for r in runs["plugin"]) / statistics.median(
                r["cpu"] for r in runs["hand"]
            )
            phases = {
                p: statistics.median(r["plugin"].get(p, 0.0) for r in runs["plugin"])
                for p in ("load+validate", "render", "write")
            }
            items = size * SECTIONS * ITEMS
            own = sum(phases.values())
            rebuild = measure(with_plugin, "rebuild")
            row = {
                "items": items,
                "plugin_s": plugin_wall,
                "hand_s": hand_wall,
                "ratio": plugin_wall / hand_wall,
                "best_ratio": best_ratio,
                "cpu_ratio": cpu_ratio,
                "peak_mb": [
                    max(r["peak_mb"] for r in runs["plugin"]),
                    max(r["peak_mb"] for r in runs["hand"]),
                ],
                "phases_s": phases,
                "us_per_item": own / items * 1e6,
                "rebuild": {
                    "reread": rebuild["reread"],
                    "plugin_s": sum(rebuild["plugin"].values()),
                    "wall_s": rebuild["wall"],
                },
            }
            results["sizes"][str(size)] = row  # type: ignore[index]
            print(
                f"{size:>10} {items:>6} {plugin_wall:>9.2f} {hand_wall:>9.2f} "
                f"{row['ratio']:>6.3f} {best_ratio:>6.3f} {cpu_ratio:>9.3f} "
                f"{row['peak_mb'][0]:>6.0f}/{row['peak_mb'][1]:<6.0f} "
                f"{phases['load+validate']:>10.3f} {phases['render']:>9.3f} "
                f"{phases['write']:>8.3f} "
                f"{row['us_per_item']:>8.1f}"
            )
        finally:
            shutil.rmtree(root, ignore_errors=True)
    print("\nrebuild after editing one YAML file (serve):")
    for size, row in results["sizes"].items():  # type: ignore[union-attr]
        rb = row["rebuild"]
        print(
            f"  {size:>5} checklists: re-read {rb['reread']} file(s), "
            f"plugin {rb['plugin_s']:.3f} s, whole rebuild {rb['wall_s']:.2f} s"
        )
    sizes = asset_sizes()
    results["assets"] = sizes
    every_page = sum(sizes[name][1] for name in EVERY_PAGE)
    dashboard = every_page + sum(sizes[name][1] for name in ON_DEMAND)
    results["assets_gz_total"] = {"every page": every_page, "dashboard page": dashboard}
    print("\nbrowser assets (raw / gzip -9; shipped minified, readable source for scale):")
    for name, (raw, gz) in sizes.items():
        print(f"  {name:<27} {raw:>7} B / {gz:>6} B")
    # Issue 10's budget is the script every page loads; script and style together were once
    # held to 8 KB too, which they have outgrown (translations, the quarter UX): printed as is.
    print(f"  script on every page         {sizes['sremgr.js'][1]:>6} B gzipped (target <= 8192)")
    print(f"  every page (script + style)  {every_page:>6} B gzipped")
    print(f"  a page with the dashboard    {dashboard:>6} B gzipped (+ its code, on demand)")
    if args.browser:
        sys.path.insert(0, str(HERE))
        from browser import startup_times

        results["startup_ms"] = startup_times()
        for label, value in results["startup_ms"].items():  # type: ignore[union-attr]
            print(f"  start-up {label}: {value}")
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
