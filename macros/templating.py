"""HTML from Jinja templates with autoescaping: the figures and buttons that are raw HTML in a
page (``templates/``) and the pixi guide's print document. Escaping is the template engine's
job; a value reaches the HTML unescaped only when the caller marks it ``Markup`` (HTML this
generator built, such as a link or Graphviz's SVG).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import jinja2
from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent / "templates"

__all__ = ["Markup", "environment", "html"]

# A line break next to a tag (HTML or Jinja) goes; one inside running text becomes a space.
_BREAK_AT_TAG = re.compile(r"(?<=[>}])\n\s*|\n\s*(?=[<{])")
_BREAK_IN_TEXT = re.compile(r"\n\s*")


class _OneLineLoader(jinja2.FileSystemLoader):
    """Templates for raw HTML inside Markdown are written over many lines for the reader, but
    rendered as one: a blank line would end the HTML block in Markdown."""

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        return _BREAK_IN_TEXT.sub(" ", _BREAK_AT_TAG.sub("", source)).strip(), filename, uptodate


@functools.lru_cache(maxsize=None)
def environment(folder: Path = TEMPLATES, one_line: bool = True) -> jinja2.Environment:
    loader = _OneLineLoader(folder) if one_line else jinja2.FileSystemLoader(folder)
    return jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined)


def html(name: str, **values) -> Markup:
    """A template from ``templates/`` rendered as one raw-HTML block for a Markdown page."""
    return Markup(environment().get_template(name).render(**values))
