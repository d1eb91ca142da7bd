"""Living beside other MkDocs plugins: each function here answers one plugin's way of working.

The plugin calls these from its events (see plugin.py, where each call says which plugin it
serves); docs/compatibility.md lists the plugins and the tests that build them for real.
"""

from __future__ import annotations

import os
import posixpath
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

# -- extra_css and extra_javascript --------------------------------------------------------


def add_once(items: list[Any], path: str) -> None:
    """Appends `path` unless it is there: mkdocs-static-i18n runs on_config again per language."""
    if not any(str(item) == path for item in items):
        items.append(path)


def link_before(items: list[Any], path: str | None, *, before: str, family: str) -> None:
    """Lists `path` just before `before`, dropping any other entry of its `family`.

    The strings data script must run before sremgr.js; mkdocs-static-i18n runs on_config
    once per language on the same list, so the previous language's file is replaced.
    """
    items[:] = [item for item in items if not str(item).startswith(family)]
    if path is None:
        return
    at = next((n for n, item in enumerate(items) if str(item) == before), len(items))
    items.insert(at, path)


# -- an explicit nav (`nav:`, mkdocs-literate-nav, mkdocs-monorepo-plugin) --------------------


def left_out_on_purpose(config: MkDocsConfig, url_prefix: str) -> bool:
    """Whether MkDocs' `not_in_nav` names the handbook's folder (or a page in it)."""
    patterns = config.not_in_nav
    if not patterns:
        return False
    return bool(patterns.match_file(url_prefix))


# -- mike ------------------------------------------------------------------------------------

MIKE_VERSION_VARIABLE = "MIKE_DOCS_VERSION"  # what `mike deploy` sets for `mkdocs build`


def site_url_without_mike_version(config: MkDocsConfig) -> str | None:
    """`site_url` as the author wrote it, before mike appended the version being built.

    mike's own plugin (which `mike deploy` puts first) turns `https://x/docs/` into
    `https://x/docs/2.0` while building version 2.0. A storage key drawn from that would
    change at every release and differ between `latest` and its version, so every version
    of a handbook shares one key unless `storage_namespace` says otherwise. Whether mike
    ran before or after this plugin, the result is the same; without mike it is `site_url`.
    """
    site_url = config.site_url
    version = os.environ.get(MIKE_VERSION_VARIABLE)
    mike = config.plugins.get("mike")
    if not site_url or not version or mike is None:
        return site_url
    canonical = getattr(mike, "config", {}).get("canonical_version")
    parts = urlsplit(site_url)
    path = parts.path.rstrip("/")
    for segment in filter(None, (canonical, version)):
        if path == "/" + segment or path.endswith("/" + segment):
            path = path[: -len(segment)]
            return urlunsplit(parts._replace(path=path))
    return site_url


# -- mkdocs-static-i18n ----------------------------------------------------------------------


def i18n_plugin(config: MkDocsConfig) -> Any | None:
    """mkdocs-static-i18n, when the site uses it.

    It builds the site once per language and, in its on_files (priority -100), rebuilds the
    file list from the files' paths in docs_dir: generated files have none (its build
    crashes on them) and generated pages are dropped. The plugin therefore hands its files
    over after it (`on_files` at priority -110) and places them as it places a page.
    """
    plugin = config.plugins.get("i18n")
    return plugin if plugin is not None and hasattr(plugin, "current_language") else None


def i18n_language(config: MkDocsConfig) -> str | None:
    """The language mkdocs-static-i18n is building now (None without it).

    It sets the theme's language in its own on_config, which runs after ours (priority
    -100), so the theme still holds the previous language's when we read it.
    """
    plugin = i18n_plugin(config)
    if plugin is None:
        return None
    return getattr(plugin, "current_language", None) or getattr(plugin, "default_language", None)


def i18n_language_dir(plugin: Any) -> str:
    """`de` while building German beside a default English, `""` for the default language."""
    current = getattr(plugin, "current_language", None)
    default = getattr(plugin, "default_language", None)
    return current if current and current != default else ""


def move_under(file: File, folder: str) -> None:
    """Puts a page under `folder/` in the built site (its URL follows)."""
    if not folder:
        return
    file.dest_uri = posixpath.join(folder, file.dest_uri)
    for cached in ("url", "abs_dest_path"):
        file.__dict__.pop(cached, None)


# -- date plugins (mkdocs-git-revision-date-localized and the like) --------------------------


def point_at_yaml(file: File, source: Path, config: MkDocsConfig) -> None:
    """Makes a generated page name its YAML file as its source.

    Date plugins read a page's history from `file.abs_src_path` with git, and skip files
    marked `generated_by`. The page keeps its generated content (`content_string` is read
    before `abs_src_path`); the edit button opens the YAML file when it is under docs_dir.
    """
    file.generated_by = None
    file.abs_src_path = str(source)
    try:
        file.edit_uri = source.resolve().relative_to(Path(config.docs_dir).resolve()).as_posix()
    except ValueError:
        file.edit_uri = None


def name_packaged_source(file: File, source: Path) -> None:
    """Gives a page made from the package (the built-in pack, the dashboard) a real file as
    its source, so a plugin that reads every page's `abs_src_path` finds a path
    (mkdocs-rss-plugin 1.19 fails on None). It stays `generated_by` this plugin, so date
    plugins skip it as before, and has no edit button: the file is not the team's."""
    file.abs_src_path = str(source)
    file.edit_uri = None


# -- Material's blog -------------------------------------------------------------------------


def excerpt_link(
    kind: str, title: str, target_url: str, page_url: str, labels: dict[str, str] | None = None
) -> str:
    """What a marker in a post's excerpt shows on the blog's index and archive pages.

    `labels` names the kinds in the site's language ("checklist", "antipattern", "handbook").
    """
    names = {"checklist": "Checklist", "antipattern": "Anti-pattern", "handbook": "Handbook"}
    names.update(labels or {})
    label = names.get(kind, names["handbook"])
    href = escape(get_relative_url(target_url or "./", page_url or "./"))
    return f'<p class="sremgr-excerpt-link">{label}: <a href="{href}">{escape(title)}</a></p>'
