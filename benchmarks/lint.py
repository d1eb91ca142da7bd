"""Lint benchmark: `mkdocs-sremgr validate --lint` on one generated checklist of N items.

Usage: python benchmarks/lint.py [--sizes 2000,10000] [--keep DIR]

Each size is a folder of valid checklist files of up to 2,000 items each (a team's own
files, so lint reports on them) whose items
are plain first-person sentences over a vocabulary of 20,000 made-up words, drawn
with a Zipf-like skew as real text is: a few words in many items, most words in few. Every
hundredth item repeats an earlier one in other words' order, so duplicates exist to be found.
It times the CLI in a fresh process and prints wall time, the number of findings, and the
item pairs the duplicate check compared (the number that must grow linearly, not as n²).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from itertools import accumulate
from pathlib import Path

SYLLABLES = [
    "ba",
    "ko",
    "ri",
    "mu",
    "te",
    "sa",
    "lo",
    "vi",
    "de",
    "na",
    "po",
    "gu",
    "fe",
    "zi",
    "ha",
]
VERBS = [
    "checked",
    "reviewed",
    "wrote",
    "asked",
    "tested",
    "planned",
    "shared",
    "moved",
    "fixed",
    "measured",
]


def vocabulary(size: int, rng: random.Random) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) + "x")
    return sorted(words)


def item_texts(count: int, seed: int = 1) -> list[str]:
    """`count` item texts, deterministic for a seed; every 100th repeats an earlier one."""
    rng = random.Random(seed)
    vocab = vocabulary(20000, rng)
    rng.shuffle(vocab)
    cumulative = list(accumulate(1 / (rank + 10) for rank in range(len(vocab))))
    texts: list[str] = []
    for n in range(count):
        if n % 100 == 99:
            earlier = texts[rng.randrange(n - 99, n - 1)].rstrip(".").split()
            texts.append(" ".join(earlier[1:] + earlier[:1]).capitalize() + ".")
            continue
        picked = rng.choices(vocab, cum_weights=cumulative, k=5)
        texts.append(
            f"This quarter I {rng.choice(VERBS)} the {picked[0]} {picked[1]} with "
            f"{picked[2]}, {picked[3]} and {picked[4]}."
        )
    return texts


PER_FILE, PER_SECTION = 2000, 500
"""The most items one valid file holds in practice (the loader allows 500 per section and
512 KiB per file)."""


def checklist_yaml(ident: str, texts: list[str], first: int = 0) -> str:
    """One valid quarterly checklist with these item texts, 500 to a section, with a source;
    item ids count from `first`, so that no id repeats across files (lint would report it)."""
    lines = [
        f"id: {ident}",
        f"title: {ident.title()}",
        "cadence: quarterly",
        "further_reading:",
        "  - title: A source",
        "    url: https://example.org/a",
        "sections:",
    ]
    for n, text in enumerate(texts):
        if n % PER_SECTION == 0:
            lines += [f"  - title: Part {n // PER_SECTION + 1}", "    items:"]
        lines += [f"      - id: item-{first + n}", f"        text: {text}"]
    return "\n".join(lines) + "\n"


def write_handbook(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """`count` items in files of at most 2,000 items each; duplicates may span files."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = item_texts(count, seed)
    paths = []
    for start in range(0, count, PER_FILE):
        path = folder / f"big-{start // PER_FILE}.yml"
        path.write_text(
            checklist_yaml(f"big-{start // PER_FILE}", texts[start : start + PER_FILE], start)
        )
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="2000,10000")
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="sremgr-lint-"))
    root.mkdir(parents=True, exist_ok=True)
    print(f"{'items':>7} {'wall s':>8} {'findings':>9}")
    for size in [int(s) for s in args.sizes.split(",")]:
        folder = root / f"items-{size}"
        write_handbook(folder, size)
        command = [sys.executable, "-m", "mkdocs_sremgr.cli", "validate", str(folder), "--lint"]
        start = time.perf_counter()
        out = subprocess.run(command, capture_output=True, text=True, check=True)
        wall = time.perf_counter() - start
        findings = out.stderr.count("\nwarning: ") + out.stderr.startswith("warning: ")
        print(f"{size:>7} {wall:>8.2f} {findings:>9}")


if __name__ == "__main__":
    main()
