"""The handbook a command works on, read from mkdocs.yml with MkDocs' own config loader.

Only the command line needs this; the plugin gets its config from MkDocs directly.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs_sremgr.catalog import CatalogLoader
from mkdocs_sremgr.handbook import Handbook, load_handbook


class SiteError(Exception):
    """mkdocs.yml is missing, broken, or does not use the plugin: the message says which."""


@dataclass
class Site:
    """Where a handbook's files are and which plugin options apply to them."""

    config_file: Path
    docs_dir: Path
    checklists_root: Path
    builtin: bool = True
    exclude: list[str] = field(default_factory=list)
    #: The browser storage key its pages use, which every progress export of it names.
    storage_key: str = ""
    fiscal_year_start: int = 1
    pulse_minimum: int = 3
    #: The language its pages are written in (the plugin's `language`, else the theme's).
    language: str = ""
    #: The site's Markdown extensions and their settings, as MkDocs converts its pages with.
    markdown_extensions: list[Any] = field(default_factory=list)
    mdx_configs: dict[str, Any] = field(default_factory=dict)

    @property
    def project_dir(self) -> Path:
        return self.config_file.parent

    def load(self, *, builtin: bool | None = None, loader: CatalogLoader | None = None) -> Handbook:
        return load_handbook(
            [self.checklists_root],
            display_base=self.project_dir,
            builtin=self.builtin if builtin is None else builtin,
            exclude=self.exclude,
            loader=loader,
        )


def find_site(config_file: Path | None) -> Site | None:
    """The handbook of `config_file`, or of ./mkdocs.yml; None when there is no mkdocs.yml.

    Raises `SiteError` when the file cannot be read or does not use the sremgr plugin.
    """
    path = config_file or Path("mkdocs.yml")
    try:
        present = path.is_file()
    except OSError:
        present = False
    if not present:
        if config_file is not None:
            raise SiteError(f"no such config file: {config_file}")
        return None
    from mkdocs.config import load_config

    from mkdocs_sremgr.i18n import theme_language
    from mkdocs_sremgr.interop import site_url_without_mike_version
    from mkdocs_sremgr.manifest import storage_key

    # MkDocs logs its config errors and warnings; gather them into one message instead.
    mkdocs_log = logging.getLogger("mkdocs")
    errors: list[str] = []
    catcher = _Collect(errors)
    mkdocs_log.addHandler(catcher)
    propagate, mkdocs_log.propagate = mkdocs_log.propagate, False
    try:
        config = load_config(config_file=str(path))
    except Exception as exc:  # MkDocs' Abort, a YAML error, ...
        reason = "; ".join(errors) or str(exc).strip() or type(exc).__name__
        raise SiteError(f"cannot read {path}: {reason}") from None
    finally:
        mkdocs_log.removeHandler(catcher)
        mkdocs_log.propagate = propagate
    plugin = config.plugins.get("sremgr")
    if plugin is None:
        raise SiteError(f"{path} does not use the sremgr plugin (add `- sremgr` to `plugins`)")
    options = plugin.config
    docs_dir = Path(config.docs_dir)
    namespace = options.storage_namespace
    # As the plugin's on_config draws it (plugin.py), which load_config does not run.
    key = storage_key(
        None if namespace is None else str(namespace),
        site_url_without_mike_version(config),
        config.site_name,
    )
    return Site(
        config_file=path.resolve(),
        docs_dir=docs_dir,
        checklists_root=docs_dir / str(options.checklists_dir),
        builtin=bool(options.builtin),
        exclude=list(options.exclude),
        storage_key=key,
        fiscal_year_start=int(options.fiscal_year_start),
        pulse_minimum=int(options.pulse_minimum),
        language=str(options.language or theme_language(config.theme) or ""),
        markdown_extensions=list(config.markdown_extensions),
        mdx_configs=dict(config.mdx_configs),
    )


class _Collect(logging.Handler):
    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.ERROR)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record.getMessage())
