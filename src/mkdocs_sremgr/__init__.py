"""mkdocs-sremgr: an SRE manager's lessons as a living MkDocs handbook."""

from mkdocs_sremgr.errors import HandbookError, Problem

__version__ = "0.1.0"
__all__ = ["HandbookError", "Problem", "__version__"]
