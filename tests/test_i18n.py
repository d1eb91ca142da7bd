"""The string catalogs: complete in every shipped language, placeholders intact."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from mkdocs_sremgr.i18n import (
    DEFAULT_LANGUAGE,
    Strings,
    _read,
    available_languages,
    browser_keys,
    overrides_for,
    plural_category,
    resolve_language,
)

SCRIPTS = Path(__file__).resolve().parent.parent / "src" / "mkdocs_sremgr" / "assets" / "src"
#: Modules bundled into sremgr-dashboard.js only (validate.js's refusals are the dashboard's,
#: and so are the team pulse's: the dashboard checks and counts answer files).
DASHBOARD_ONLY = ("dashboard/", "validate.js", "pulse/")

REQUIRED_LANGUAGES = {"en", "de", "fr", "es", "pt", "ja"}


def placeholders(entry: str | dict[str, str]) -> set[str]:
    texts = entry.values() if isinstance(entry, dict) else [entry]
    return {name for text in texts for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_promised_languages_ship() -> None:
    assert set(available_languages()) >= REQUIRED_LANGUAGES


@pytest.mark.parametrize("language", sorted(set(available_languages()) - {DEFAULT_LANGUAGE}))
def test_every_catalog_has_every_key_and_no_other(language: str) -> None:
    english, other = _read(DEFAULT_LANGUAGE), _read(language)
    assert sorted(set(english) - set(other)) == [], f"{language}.json misses these keys"
    assert sorted(set(other) - set(english)) == [], f"{language}.json has keys English lacks"


@pytest.mark.parametrize("language", available_languages())
def test_placeholders_and_plural_forms_match_english(language: str) -> None:
    english, other = _read(DEFAULT_LANGUAGE), _read(language)
    for key, entry in other.items():
        assert placeholders(entry) == placeholders(english[key]), f"{language}: {key}"
        assert isinstance(entry, dict) == isinstance(english[key], dict), f"{language}: {key}"
        if isinstance(entry, dict):
            needed = {plural_category(language, n) for n in (0, 1, 2, 5, 1.5)}
            assert needed <= set(entry), f"{language}: {key} lacks {needed - set(entry)}"
        texts = entry.values() if isinstance(entry, dict) else [entry]
        assert all(text.strip() for text in texts), f"{language}: {key} is empty"


def test_language_tags_resolve_to_a_shipped_catalog() -> None:
    assert resolve_language("de") == "de"
    assert resolve_language("de-AT") == "de"
    assert resolve_language("pt_BR") == "pt"
    assert resolve_language("JA") == "ja"
    assert resolve_language("xx") == "en"
    assert resolve_language(None) == "en"


def test_plurals_follow_each_language() -> None:
    en, fr, ja = Strings("en"), Strings("fr"), Strings("ja")
    assert en("checklist.items", count=1) == "1 item"
    assert en("checklist.items", count=0) == "0 items"
    assert fr("checklist.items", count=0) == "0 élément"
    assert fr("checklist.items", count=2) == "2 éléments"
    assert ja("checklist.items", count=1) == "1 項目"


def test_a_site_overrides_single_strings_and_keeps_the_rest() -> None:
    strings = Strings("de", {"item.na": "Passt nicht zu uns"})
    assert strings("item.na") == "Passt nicht zu uns"
    assert strings("item.note") == "Notiz"
    assert strings("checklist.review", cadence=strings("cadence.weekly")) == "wöchentlich prüfen"


def test_overrides_for_a_language_put_its_own_table_over_the_shared_strings() -> None:
    given = {
        "item.na": "Not for us",
        "item.note": "Evidence",
        "de": {"item.na": "Passt nicht"},
        "de_AT": {"item.na": "Passt ned"},
        "it": {"item.na": "Non per noi"},
    }
    assert overrides_for(given, "en", "en") == {"item.na": "Not for us", "item.note": "Evidence"}
    assert overrides_for(given, "de", "de")["item.na"] == "Passt nicht"
    assert overrides_for(given, "de-AT", "de")["item.na"] == "Passt ned"  # most specific last
    assert overrides_for(given, "de-AT", "de")["item.note"] == "Evidence"
    # A language without a shipped catalog keeps English strings, but takes its own table.
    italian = Strings(resolve_language("it"), overrides_for(given, "it", resolve_language("it")))
    assert italian("item.na") == "Non per noi" and italian("item.details") == "Why and how"


def test_a_broken_override_shows_as_written_instead_of_failing() -> None:
    assert Strings("en", {"reading.by": "by {writer"})("reading.by", author="A") == "by {writer"


def keys_used_by(path: Path) -> set[str]:
    """Catalog keys named in a script: t("…"), store.notice(…, "…"), validate's refusals."""
    text = path.read_text(encoding="utf-8")
    used = set(re.findall(r'\bt\(\s*"([\w.]+)"', text))
    used |= set(re.findall(r'notice\(\s*"\w+",\s*"([\w.]+)"', text))
    used |= set(re.findall(r'(?:error: |refuse\()"([\w.]+)"', text))
    return {key for key in used if not key.endswith(".")}  # t("cadence." + c.cadence)


def test_the_scripts_use_catalog_keys_that_reach_their_bundle() -> None:
    """Every key the browser code names is in en.json (so every catalog has it, see above),
    and in the part of the catalog its bundle carries: a page key in sremgr.js, a dashboard
    key with the dashboard (else the reader would see the key itself)."""
    page, dashboard = set(browser_keys("page")), set(browser_keys("dashboard"))
    pulse_page = set(browser_keys("pulse"))
    assert not page & dashboard and not pulse_page & (page | dashboard)
    assert {f"cadence.{c}" for c in ("weekly", "monthly", "quarterly", "yearly")} <= dashboard
    used_anywhere: set[str] = set()
    for path in SCRIPTS.rglob("*.js"):
        if path.name.endswith(".generated.js"):
            continue
        used = keys_used_by(path)
        used_anywhere |= used
        where = path.relative_to(SCRIPTS).as_posix()
        allowed = page | dashboard if where.startswith(DASHBOARD_ONLY) else page
        if where == "pulse/page.js":  # the pulse page's own bundle (sremgr-pulse.js)
            allowed = page | pulse_page
        assert sorted(used - allowed) == [], where
    assert len(used_anywhere) > 100  # the scan found the calls
