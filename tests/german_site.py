"""A handbook in German, its content German too: what tests/test_languages.py and
tests/browser/test_languages_browser.py scan for English strings of ours."""

from __future__ import annotations

import textwrap
from pathlib import Path

BETRIEB = """\
id: betrieb
title: Betrieb im Griff
lesson: Ruhige Nächte sind geplant.
cadence: weekly
tags: [betrieb, menschen]
order: 1
sections:
  - id: bereitschaft
    title: Bereitschaft
    items:
      - id: plan
        text: Ich kenne den Bereitschaftsplan.
        weight: 2
      - id: uebergabe
        text: Ich mache eine Übergabe nach jeder Schicht.
        details: Damit niemand allein bleibt.
  - id: nachsorge
    title: Nachsorge
    items:
      - id: bericht
        text: Ich schreibe einen Bericht ohne Schuldzuweisung.
further_reading:
  - title: Das Handbuch der Ruhe
    author: Erika Muster
    note: Kurz und klar.
"""

MENSCHEN = """\
id: menschen
title: Menschen führen
lesson: Zeit für Gespräche.
cadence: monthly
tags: [menschen]
order: 2
sections:
  - id: gespraeche
    title: Gespräche
    items:
      - id: eins
        text: Ich führe jede Woche Einzelgespräche.
"""

ZIELE = """\
id: ziele
title: Ziele setzen
cadence: yearly
tags: [betrieb]
order: 3
sections:
  - id: jahr
    title: Jahr
    items:
      - id: ziel
        text: Ich habe drei Ziele.
"""

HELD = """\
kind: antipattern
id: held
title: Heldenkultur
summary: Eine Person macht alles.
symptoms: [Immer derselbe Name.]
why_it_hurts: Sie brennt aus.
instead: [Last verteilen.]
checklists: [betrieb]
"""

FILES = {"betrieb.yml": BETRIEB, "menschen.yml": MENSCHEN, "ziele.yml": ZIELE, "held.yml": HELD}


def german_config(theme: str, site_url: str = "", plugin_options: str = "") -> str:
    """mkdocs.yml: Material with `language: de`, or MkDocs' theme with `locale: de`."""
    if theme == "material":
        theme_block = "theme: {name: material, font: false, language: de}\n"
    else:
        theme_block = "theme: {name: mkdocs, locale: de, highlightjs: false}\n"
    options = textwrap.indent(plugin_options or "builtin: false\n", " " * 6)
    return (
        f"site_name: Team-Handbuch\n{'site_url: ' + site_url if site_url else ''}\n"
        "markdown_extensions: [admonition, attr_list]\n"
        + theme_block
        + "plugins:\n  - search\n  - sremgr:\n"
        + options
    )


def write_german_site(root: Path, theme: str, site_url: str = "", plugin_options: str = "") -> Path:
    docs = root / "docs"
    (docs / "checklists").mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        (docs / "checklists" / name).write_text(text, encoding="utf-8")
    (docs / "index.md").write_text("# Start\n\nWillkommen.\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(german_config(theme, site_url, plugin_options), encoding="utf-8")
    return config
