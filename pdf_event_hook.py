"""mkdocs-to-pdf imports a module of this name for its event hooks; ours live in macros/pdf.py."""

from macros.pdf import inject_link  # noqa: F401
