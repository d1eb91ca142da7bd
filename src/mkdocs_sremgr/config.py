"""The plugin's options, validated by MkDocs before any hook runs.

MkDocs' own option types give the messages MkDocs users know ("Plugin 'sremgr' option
'fiscal_year_start': …"); every rule beyond a plain type is the core's (`publish.py`), the one
the Markdown extension and write-pages apply too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from mkdocs_sremgr import publish


class Checked(base.BaseConfigOption[Any]):
    """An option checked by a rule of the core: its ValueError becomes MkDocs' error."""

    def __init__(self, check: Callable[[Any], Any], default: Any) -> None:
        super().__init__()
        self.check = check
        self.default = default

    def validate(self, value: object, /) -> Any:
        if value is None and self.default is None:  # an optional option left out
            return None
        return self.run_validation(self.default if value is None else value)

    def run_validation(self, value: object, /) -> Any:
        try:
            return self.check(value)
        except ValueError as exc:
            hint = getattr(exc, "hint", "")
            raise ValidationError(f"{exc} (hint: {hint})" if hint else str(exc)) from None


class Strings(c.Type[dict]):  # type: ignore[type-arg]
    """`strings:`: the core's check; an unknown key is a MkDocs warning (`--strict` fails)."""

    def __init__(self) -> None:
        super().__init__(dict, default={})

    def run_validation(self, value: object) -> dict:  # type: ignore[type-arg]
        table = super().run_validation(value)
        failed, warnings = publish.check_strings(table)
        if failed:
            raise ValidationError("; ".join(failed))
        self.warnings += warnings
        return table


class SremgrConfig(base.Config):  # type: ignore[no-untyped-call]
    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it (e.g. `enabled: !ENV [SREMGR, true]`)."""
    checklists_dir = Checked(publish.check_checklists_dir, default="checklists")
    """Folder under `docs_dir` holding the team's checklist and anti-pattern YAML files."""
    builtin = Checked(publish.check_flag, default=True)
    """Include the pack of checklists and anti-patterns shipped with the plugin."""
    exclude = Checked(publish.check_exclude, default=[])
    """Ids of built-in checklists, anti-patterns or the team pulse (`team-pulse`) to leave out."""
    url_prefix = Checked(publish.check_url_prefix, default="handbook/")
    """Where generated pages live in the site, e.g. `handbook/` gives `/handbook/be-on-call/`."""
    nav_section = c.Optional(c.Type(str))
    """Title of the nav section holding generated pages (when `mkdocs.yml` has no `nav`);
    default: "Handbook" in the site's language."""
    language = Checked(publish.check_text, default=None)
    """Language of every string a reader sees (`de`, `pt-BR`, …); default: the theme's
    (`theme.language` in Material, `theme.locale` in the default theme), else English."""
    strings = Strings()
    """Single strings to replace, by key, for every language or under a language's own table
    (see docs/configuration.md, "Languages")."""
    dashboard = Checked(publish.check_flag, default=True)
    """Generate a dashboard page with every checklist's progress."""
    # A number too: `!ENV [MIKE_DOCS_VERSION]` reads version "1.0" as YAML, a float.
    storage_namespace = Checked(publish.check_text, default=None)
    """Name of this handbook's browser storage; default: from `site_url` path and `site_name`."""
    fiscal_year_start = Checked(publish.check_fiscal_year_start, default=1)
    """Month (1-12) in which your year starts; quarters are counted from it."""
    pulse_minimum = Checked(publish.check_pulse_minimum, default=3)
    """Answers the team pulse needs before the dashboard or `report --pulse` shows anything;
    never below 3."""
