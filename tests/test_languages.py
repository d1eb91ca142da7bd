"""Translated sites: a German handbook shows no English string of ours (issue 11).

The scripts' output is scanned in a real browser by tests/browser/test_languages_browser.py;
here the built pages are scanned, and the language choice, overrides and data scripts checked.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest

from german_site import write_german_site
from interop_sites import build_site, read
from language_scan import english_in, sremgr_texts

PAGES = ("handbook/betrieb/", "handbook/menschen/", "handbook/antipatterns/held/",
         "handbook/dashboard/")  # fmt: skip


@pytest.mark.parametrize("theme", ["material", "mkdocs"])
def test_a_german_site_shows_no_english_string_of_ours(tmp_path: Path, theme: str) -> None:
    site = build_site(write_german_site(tmp_path, theme))
    for path in PAGES:
        html = read(site, path + "index.html")
        texts = sremgr_texts(html)
        assert texts, f"{path}: no .sremgr markup found"
        assert english_in(texts, "de") == [], path
    checklist = read(site, "handbook/betrieb/index.html")
    for german in ("Lektion:", "wöchentlich prüfen", "3 Einträge · 4 Punkte",
                   "Heute als geprüft markieren", "Nicht für mich", "Warum und wie",
                   "von Erika Muster", "zählt doppelt"):  # fmt: skip
        assert german in checklist
    dashboard = read(site, "handbook/dashboard/index.html")
    assert "1 Eintrag · monatlich prüfen" in dashboard
    # The nav and the page title: the theme shows them, we name them.
    assert re.search(r"<title>Übersicht", dashboard)
    for label in ("Handbuch", "Anti-Muster", "Übersicht"):
        assert label in dashboard
    for english in ("Handbook", "Anti-patterns", ">Dashboard<"):
        assert english not in dashboard
    # The scripts get the German strings from a data script listed before the bundle.
    scripts = re.findall(r'<script src="([^"]*assets/sremgr/[^"]+)"', dashboard)
    assert [s.rsplit("/", 1)[1] for s in scripts] == ["strings.de.js", "sremgr.js"]
    data = read(site, "assets/sremgr/strings.de.js")
    assert data.startswith("window.sremgrStrings=JSON.parse(")
    given = json.loads(json.loads(data[len("window.sremgrStrings=JSON.parse(") : -3]))
    assert given["lang"] == "de" and given["dashboard"] == "strings.de.dashboard.js"
    assert given["strings"]["progress.notSaved"] == " (nicht gespeichert)"
    assert "dash.close" not in given["strings"]  # that one ships with the dashboard
    assert (site / "assets" / "sremgr" / "strings.de.dashboard.js").is_file()


def test_english_needs_no_data_script(tmp_path: Path) -> None:
    config = write_german_site(tmp_path, "material")
    config.write_text(config.read_text().replace("language: de", "language: en"))
    site = build_site(config)
    html = read(site, "handbook/betrieb/index.html")
    assert "strings." not in "".join(re.findall(r'<script src="([^"]+)"', html))
    assert not list((site / "assets" / "sremgr").glob("strings.*"))
    assert "Mark reviewed today" in html
    assert re.search(r">\s*Handbook\s*<", read(site, "index.html"))


def test_the_plugin_option_wins_over_the_theme(tmp_path: Path) -> None:
    site = build_site(
        write_german_site(tmp_path, "material", plugin_options="builtin: false\nlanguage: fr\n")
    )
    html = read(site, "handbook/betrieb/index.html")
    assert "Marquer comme revue aujourd’hui" in html
    assert (site / "assets" / "sremgr" / "strings.fr.js").is_file()


def test_a_site_overrides_single_strings(tmp_path: Path) -> None:
    options = (
        "builtin: false\nnav_section: Unser Handbuch\nstrings:\n"
        "  item.na: Passt nicht zu uns\n"
        "  checklist.itemsPoints: {one: '{n} Schritt', other: '{n} Schritte'}\n"
        "  dash.close: Quartal zumachen\n"
    )
    site = build_site(write_german_site(tmp_path, "material", plugin_options=options))
    html = read(site, "handbook/betrieb/index.html")
    assert ">Passt nicht zu uns</button>" in html and "Nicht für mich</button>" not in html
    assert "3 Schritte" in html
    assert re.search(r">\s*Unser Handbuch\s*<", html)
    # The scripts' strings: the override reaches the dashboard's data script.
    assert "Quartal zumachen" in read(site, "assets/sremgr/strings.de.dashboard.js")


def test_an_english_site_overriding_a_script_string_gets_a_small_data_script(
    tmp_path: Path,
) -> None:
    config = write_german_site(tmp_path, "mkdocs", plugin_options=(
        "builtin: false\nstrings:\n  progress.notSaved: Looks right\n"))  # fmt: skip
    config.write_text(config.read_text().replace("locale: de", "locale: en"))
    site = build_site(config)
    data = read(site, "assets/sremgr/strings.en.js")
    assert "Looks right" in data and "nicht gespeichert" not in data
    assert "dashboard" not in data  # no dashboard string changed: no second file


def test_an_override_is_text_not_html(tmp_path: Path) -> None:
    options = "builtin: false\nstrings:\n  item.na: <b>nope</b>\n"
    site = build_site(write_german_site(tmp_path, "material", plugin_options=options))
    assert "&lt;b&gt;nope&lt;/b&gt;" in read(site, "handbook/betrieb/index.html")


def test_unknown_override_keys_warn_with_the_nearest(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    options = "builtin: false\nstrings:\n  item.nA: x\n  checklist.items: [1, 2]\n"
    config = write_german_site(tmp_path, "material", plugin_options=options)
    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        load_config(config_file=str(config))
    assert "`checklist.items` must be a text, or a table of plural forms" in caplog.text
    caplog.clear()
    options = "builtin: false\nstrings:\n  item.nA: x\n  reading.by: 'von {writer}'\n"
    config = write_german_site(tmp_path, "material", plugin_options=options)
    with caplog.at_level(logging.WARNING):
        load_config(config_file=str(config))
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "`item.nA` is no string of mkdocs-sremgr; did you mean `item.na`" in messages
    assert "`reading.by` uses {writer}, which this string never fills" in messages


def test_a_language_table_in_strings_checks_like_the_rest(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    options = "builtin: false\nstrings:\n  de:\n    checklist.items: [1]\n"
    config = write_german_site(tmp_path, "material", plugin_options=options)
    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        load_config(config_file=str(config))
    assert "de: `checklist.items` must be a text" in caplog.text
    caplog.clear()
    options = "builtin: false\nstrings:\n  de:\n    item.nA: x\n"
    config = write_german_site(tmp_path, "material", plugin_options=options)
    with caplog.at_level(logging.WARNING):
        load_config(config_file=str(config))
    assert "de: `item.nA` is no string of mkdocs-sremgr; did you mean `item.na`" in caplog.text


def test_static_i18n_takes_each_language_its_own_overrides(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs_static_i18n")
    from interop_sites import i18n_site

    root = i18n_site(tmp_path)
    config = root / "mkdocs.yml" if root.is_dir() else root
    config.write_text(
        config.read_text().replace(
            "      builtin: false\n",
            "      builtin: false\n      strings:\n"
            "        item.note: Evidence\n"  # every language…
            "        de: {item.na: Passt nicht zu uns, item.note: Beleg}\n"  # …but German
            "        en: {item.na: Not for our team}\n",
        )
    )
    site = build_site(root)
    english = read(site, "index.html")
    german = read(site, "de/index.html")
    assert ">Not for our team</button>" in english and ">Evidence</button>" in english
    assert ">Passt nicht zu uns</button>" in german and ">Beleg</button>" in german
    assert "Not for our team" not in german and "Evidence" not in german
    assert english_in(sremgr_texts(german), "de") == []


def test_the_scan_finds_english(tmp_path: Path) -> None:
    """The scanner itself: an English page of ours is full of hits."""
    config = write_german_site(tmp_path, "material")
    config.write_text(config.read_text().replace("language: de", "language: en"))
    site = build_site(config)
    hits = english_in(sremgr_texts(read(site, "handbook/betrieb/index.html")), "de")
    keys = {key for key, _, _ in hits}
    assert {"checklist.reviewed", "item.na", "checklist.items", "reading.by"} <= keys


def test_static_i18n_gives_each_language_its_strings(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs_static_i18n")
    from interop_sites import i18n_site

    site = build_site(i18n_site(tmp_path))
    english = read(site, "handbook/alpha/index.html")
    german = read(site, "de/handbook/alpha/index.html")
    assert "Mark reviewed today" in english and "strings." not in english
    assert "Heute als geprüft markieren" in german and "Mark reviewed today" not in german
    assert english_in(sremgr_texts(german), "de") == []
    assert re.search(r"<title>Übersicht", read(site, "de/handbook/dashboard/index.html"))
    scripts = re.findall(r'<script src="([^"]*assets/sremgr/[^"]+)"', german)
    assert [s.rsplit("/", 1)[1] for s in scripts] == ["strings.de.js", "sremgr.js"]
    assert (site / "assets" / "sremgr" / "strings.de.dashboard.js").is_file()
