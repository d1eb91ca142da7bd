"""The plugin's options, validated by MkDocs before any hook runs."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class SremgrConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it (e.g. `enabled: !ENV [SREMGR, true]`)."""
    checklists_dir = c.Type(str, default="checklists")
    """Folder under `docs_dir` holding the team's checklist and anti-pattern YAML files."""
    builtin = c.Type(bool, default=True)
    """Include the pack of checklists and anti-patterns shipped with the plugin."""
    exclude = c.ListOfItems(c.Type(str), default=[])
    """Ids of built-in checklists or anti-patterns to leave out."""
    url_prefix = c.Type(str, default="handbook/")
    """Where generated pages live in the site, e.g. `handbook/` gives `/handbook/be-on-call/`."""
    nav_section = c.Type(str, default="Handbook")
    """Title of the nav section holding generated pages (when `mkdocs.yml` has no `nav`)."""
    dashboard = c.Type(bool, default=True)
    """Generate a dashboard page with every checklist's progress."""
    # A number too: `!ENV [MIKE_DOCS_VERSION]` reads version "1.0" as YAML, a float.
    storage_namespace = c.Optional(c.Type((str, int, float)))
    """Name of this handbook's browser storage; default: from `site_url` path and `site_name`."""
    fiscal_year_start = c.Choice(list(range(1, 13)), default=1)
    """Month (1-12) in which your year starts; quarters are counted from it."""

    def validate(self):  # type: ignore[no-untyped-def]
        failed, warnings = super().validate()
        prefix = self.get("url_prefix")
        if isinstance(prefix, str) and not failed:
            cleaned = prefix.strip("/")
            if not cleaned or ".." in cleaned.split("/") or "\\" in cleaned:
                failed.append(
                    (
                        "url_prefix",
                        c.ValidationError(
                            f"'{prefix}' must be a relative folder such as 'handbook/'"
                        ),
                    )
                )
            else:
                self["url_prefix"] = cleaned + "/"
        return failed, warnings
