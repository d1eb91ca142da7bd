"""`mkdocs-sremgr report --pulse`: a collector's count of real answer files and codes, run as a
user runs it, with the dashboard's threshold, checks and figures (docs/pulse.md)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from interop_sites import ALPHA
from mkdocs_sremgr import pulse
from mkdocs_sremgr.model import fingerprint
from sites import Site, make_site

PULSE = """\
kind: pulse
id: our-pulse
title: Our pulse & <co>
statements:
  - id: holds-one-on-ones
    text: My manager holds our <one-on-ones> & 1:1s.
    lesson: alpha
  - id: shares-news
    text: I hear news from above from my manager first.
    lesson: alpha
"""
FIRST = "My manager holds our <one-on-ones> & 1:1s."
SECOND = "I hear news from above from my manager first."
KEY = "sremgr:v1:test-book"
QUARTER = "2026-Q4"


def answers(
    first: object,
    second: object = None,
    *,
    quarter: str = QUARTER,
    handbook: str = KEY,
    random_id: str,
    first_text: str = FIRST,
) -> dict[str, Any]:
    given: dict[str, Any] = {"holds-one-on-ones": {"fp": fingerprint(first_text), "value": first}}
    if second is not None:
        given["shares-news"] = {"fp": fingerprint(SECOND), "value": second}
    return {
        "format": "mkdocs-sremgr-pulse",
        "version": 1,
        "handbook": handbook,
        "quarter": quarter,
        "random_id": random_id,
        "answers": given,
    }


def handbook(tmp_path: Path, options: str = "") -> Site:
    return make_site(tmp_path, checklists={"alpha.yml": ALPHA, "pulse.yml": PULSE}, options=options)


def write(folder: Path, name: str, content: dict[str, Any] | str) -> str:
    text = content if isinstance(content, str) else json.dumps(content, indent=2)
    (folder / name).write_text(text, encoding="utf-8")
    return name


def ids(n: int) -> str:
    return f"{n:032x}"


def test_under_the_threshold_it_says_how_many_more_and_nothing_else(tmp_path: Path) -> None:
    site = handbook(tmp_path)
    files = [
        write(site.root, "a.json", answers(4, 5, random_id=ids(1))),
        write(site.root, "b.json", answers(2, random_id=ids(2))),
    ]
    result = site.cli("report", "--pulse", *files, "--quarter", QUARTER)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "# Our pulse &amp; &lt;co&gt;\n\nQuarter 2026-Q4.\n\n"
        "Not enough answers yet: 1 more is needed before anything is shown.\n"
    )
    html = site.cli("report", "--pulse", *files, "--quarter", QUARTER, "--format", "html")
    assert "1 more is needed" in html.stdout
    assert "one-on-ones" not in html.stdout and "<table" not in html.stdout


def test_a_collector_gets_the_dashboards_figures_and_every_refusal_with_its_reason(
    tmp_path: Path,
) -> None:
    site = handbook(tmp_path)
    first = answers(4, 5, random_id=ids(1))
    root = site.root
    files = [
        write(root, "a.json", first),
        write(root, "b.json", answers(2, 4, random_id=ids(2))),
        # the same file again, as another editor saved it: the same answers, counted once
        write(root, "a-again.json", json.dumps(first, separators=(",", ":"))),
        write(root, "c.json", answers(5, "dk", random_id=ids(3))),
        write(root, "code.txt", pulse.encode_code(answers(3, random_id=ids(4)))),
        write(root, "old-quarter.json", answers(1, 1, random_id=ids(5), quarter="2026-Q3")),
        write(root, "other.json", answers(1, 1, random_id=ids(6), handbook="sremgr:v1:other")),
        write(root, "reworded.json", answers(1, random_id=ids(7), first_text="An old wording.")),
        write(root, "extra.json", {**answers(1, random_id=ids(8)), "name": "Ana"}),
        write(root, "broken.txt", "sremgr-pulse1:AAAA"),
    ]
    result = site.cli("report", "--pulse", *files, "--quarter", QUARTER)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "From 4 answer files (at least 3 are needed before anything is shown)." in out
    # By hand: 4, 2, 5, 3 -> spread 0 1 1 1 1, median 3.5; 5, 4, "dk" -> 3 answers, median 4.5
    assert (
        "| My manager holds our &lt;one-on-ones&gt; &amp; 1:1s. | 4 | 0 | 1 | 1 | 1 | 1 | 0 | 3.5 |"
        in out
    )
    assert f"| {SECOND} | 3 | 0 | 0 | 0 | 1 | 1 | 1 | 4.5 |" in out
    # the lesson: the median of 3.5 and 4.5 is 4, which is 75 on the agreement line
    assert "| Alpha checks | 4 | 75% | 2 |" in out
    refusals = [
        "File 3: these answers were added already.",
        "File 6: they are for another quarter (2026-Q3).",
        "File 7: they are for another handbook (sremgr:v1:other).",
        "File 8: they answer an earlier wording of a statement (holds-one-on-ones); "
        "ask for a fresh answer.",
        "File 9: they hold something an answer file must not hold (name).",
        "File 10: the code is damaged or incomplete.",
    ]
    assert out.endswith("## Not counted\n\n" + "".join(f"- {r}\n" for r in refusals))
    for number, name in ((3, "a-again.json"), (6, "old-quarter.json"), (10, "broken.txt")):
        assert f"file {number} ({name}) not counted: " in result.stderr
    assert "Ana" not in out and "a.json" not in out  # no names, no file names
    html = site.cli("report", "--pulse", *files, "--quarter", QUARTER, "--format", "html")
    assert html.returncode == 0
    assert (
        '<tr><th scope="row">My manager holds our &lt;one-on-ones&gt; &amp; 1:1s.</th>'
        "<td>4</td><td>0</td><td>1</td><td>1</td><td>1</td><td>1</td><td>0</td><td>3.5</td></tr>"
    ) in html.stdout
    assert "<li>File 10: the code is damaged or incomplete.</li>" in html.stdout
    assert "<one-on-ones>" not in html.stdout


def test_the_threshold_is_the_handbooks_pulse_minimum(tmp_path: Path) -> None:
    site = handbook(tmp_path, options="      pulse_minimum: 4\n")
    files = [write(site.root, f"{n}.json", answers(n, random_id=ids(n))) for n in (1, 2, 3)]
    result = site.cli("report", "--pulse", *files, "--quarter", QUARTER)
    assert result.returncode == 0
    assert "Not enough answers yet: 1 more is needed" in result.stdout
    files.append(write(site.root, "4.json", answers(4, random_id=ids(4))))
    result = site.cli("report", "--pulse", *files, "--quarter", QUARTER)
    assert "From 4 answer files (at least 4 are needed" in result.stdout
    assert f"| {SECOND} | needs 4 more |" in result.stdout


def test_the_default_quarter_is_the_current_one(tmp_path: Path) -> None:
    site = handbook(tmp_path)
    now = pulse.period_of(date.today())
    files = [
        write(site.root, f"{n}.json", answers(n, quarter=now, random_id=ids(n))) for n in (1, 2, 3)
    ]
    result = site.cli("report", "--pulse", *files, "-o", "pulse.md")
    assert result.returncode == 0, result.stderr
    text = (site.root / "pulse.md").read_text(encoding="utf-8")
    assert f"Quarter {now}." in text and "From 3 answer files" in text


def test_period_of_counts_quarters_from_the_fiscal_year_start() -> None:
    assert pulse.period_of(date(2026, 12, 7)) == "2026-Q4"
    assert pulse.period_of(date(2026, 3, 31), 4) == "2025-Q4"
    assert pulse.period_of(date(2026, 4, 1), 4) == "2026-Q1"
    assert pulse.period_of(date(2026, 1, 15), 2) == "2025-Q4"


def test_without_a_handbook_or_with_wrong_options_nothing_is_counted(tmp_path: Path) -> None:
    site = handbook(tmp_path)
    name = write(site.root, "a.json", answers(4, random_id=ids(1)))
    bad = site.cli("report", "--pulse", name, "--quarter", "Q4-2026")
    assert bad.returncode == 1 and "is not a quarter like 2026-Q4" in bad.stderr
    mixed = site.cli("report", "--pulse", name, "--any-handbook")
    assert mixed.returncode == 1 and "--any-handbook does not apply" in mixed.stderr
    alone = tmp_path / "elsewhere"
    alone.mkdir()
    (alone / "a.json").write_text(json.dumps(answers(4, random_id=ids(1))))
    from sites import run_cli

    nothing = run_cli("report", "--pulse", "a.json", cwd=alone)
    assert nothing.returncode == 1 and "needs the handbook's mkdocs.yml" in nothing.stderr
    assert nothing.stdout == ""
    quarter_alone = site.cli("report", name, "--quarter", QUARTER)
    assert quarter_alone.returncode == 1 and "--quarter needs --pulse" in quarter_alone.stderr


def test_a_handbook_without_a_pulse_says_so(tmp_path: Path) -> None:
    site = make_site(tmp_path, checklists={"alpha.yml": ALPHA})
    name = write(site.root, "a.json", answers(4, random_id=ids(1)))
    result = site.cli("report", "--pulse", name)
    assert result.returncode == 1 and re.search(r"has no team pulse", result.stderr)


def test_the_report_speaks_the_handbooks_language(tmp_path: Path) -> None:
    site = make_site(
        tmp_path,
        theme="{name: mkdocs, locale: de}",
        checklists={"alpha.yml": ALPHA, "pulse.yml": PULSE},
    )
    files = [write(site.root, f"{n}.json", answers(n, 4, random_id=ids(n))) for n in (1, 2, 5)]
    files.append(write(site.root, "old.json", answers(1, random_id=ids(9), quarter="2026-Q3")))
    result = site.cli("report", "--pulse", *files, "--quarter", QUARTER, "--format", "html")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert '<html lang="de">' in out and "<p>Quartal 2026-Q4.</p>" in out
    assert "Aus 3 Antwortdateien (mindestens 3 braucht es" in out
    assert '<th scope="col">Stimme überhaupt nicht zu</th>' in out
    assert "<li>Datei 4: sie gehören zu einem anderen Quartal (2026-Q3).</li>" in out
    # the terminal's messages stay English, like the command line's
    assert "file 4 (old.json) not counted: they are for another quarter (2026-Q3)" in result.stderr
