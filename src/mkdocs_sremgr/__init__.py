"""mkdocs-sremgr: an SRE manager's lessons as a living MkDocs handbook."""

from mkdocs_sremgr.errors import Problem, SremgrError

__version__ = "0.1.0"
__all__ = ["Problem", "SremgrError", "__version__"]
