"""Turn data values into safe Markdown: escaping, links, lists and tables.

Three kinds of text come from the data:

- ``Navn`` (names, titles) goes through :func:`text`: HTML is escaped and every character that
  Markdown would interpret is backslash-escaped, so a value is always shown exactly as typed.
- ``Tekst`` (plain prose: list items, notes) goes through :func:`plain`: as :func:`text`,
  except that its ``[[kind:id]]`` references become links.
- ``Markdown`` fields go through :func:`markdown`: the model has already refused HTML,
  template syntax and unsafe links; here the ``[[kind:id]]`` references become links.

Nothing returned from here is evaluated as a template again (mkdocs-macros renders the page
once, before these strings are inserted).
"""

from __future__ import annotations

import html
import re
from typing import Callable, Iterable, Sequence

from markupsafe import Markup

from .model import REFERENCE, Afsnit, PunktMedUnderpunkter

# Every character Python-Markdown and our extensions (tables, attr_list, toc) give meaning to.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def text(value: object) -> str:
    """Plain text as inline Markdown that renders literally (no HTML, links or emphasis)."""
    escaped = html.escape(str(value), quote=False)
    escaped = _MARKDOWN_SPECIALS.sub(r"\\\1", escaped)
    # Line breaks inside a plain value would start new Markdown blocks; keep them inline.
    return re.sub(r"\s*\n\s*", " ", escaped).strip()


def html_title(value: str) -> Markup:
    """Plain text for a page or site title, escaped for HTML text and attributes alike.

    The theme prints titles raw (``{{ page.title }}``, ``aria-label="{{ config.site_name }}"``)
    and, elsewhere, escaped again (``title="{{ config.site_name | e }}"``). As ``Markup`` the
    escaped title is printed as it is in both places: quotes can't end an attribute, and
    nothing is escaped twice. Braces become character references too: mkdocs-macros renders
    any page title that looks like a template ("{{ 7*7 }}" would show 49).
    """
    escaped = html.escape(value, quote=True).replace("{", "&#123;").replace("}", "&#125;")
    return Markup(escaped)


Resolver = Callable[[str, str], tuple[str, str]]  # (kind, id) -> (label, relative link)


def markdown(value: str, resolve: Resolver) -> str:
    """A deliberately-Markdown field with its ``[[kind:id]]`` references turned into links."""

    def link(match: re.Match) -> str:
        label, target = resolve(match.group(1), match.group(2))
        return f"[{text(label)}]({target})"

    return REFERENCE.sub(link, value)


# A [[kind:id]] reference as text() writes it: every bracket and hyphen backslash-escaped.
_ESCAPED_REFERENCE = re.compile(r"\\\[\\\[([a-z]+):((?:[a-z0-9]|\\-)+)\\\]\\\]")


def plain(value: str, resolve: Resolver) -> str:
    """Plain text shown as typed, its ``[[kind:id]]`` references turned into links."""

    def link(match: re.Match) -> str:
        label, target = resolve(match.group(1), match.group(2).replace("\\", ""))
        return f"[{text(label)}]({target})"

    return _ESCAPED_REFERENCE.sub(link, text(value))


def inline_markdown(value: str, resolve: Resolver) -> str:
    """A Markdown field used inside a table cell or list item: one line."""
    return re.sub(r"\s*\n\s*", " ", markdown(value, resolve)).strip()


def bullet_list(items: Iterable[str], ordered: bool = False) -> str:
    """A Markdown list from already-rendered inline items."""
    lines = []
    for i, item in enumerate(items, start=1):
        lines.append(f"{i}. {item}" if ordered else f"- {item}")
    return "\n".join(lines)


def points(punkter: Sequence, resolve: Resolver, ordered: bool = False) -> str:
    """A data point list (``Punkt``: text or text with sub-points) as a Markdown list."""
    lines = []
    for i, punkt in enumerate(punkter, start=1):
        marker = f"{i}." if ordered else "-"
        if isinstance(punkt, PunktMedUnderpunkter):
            lines.append(f"{marker} {plain(punkt.tekst, resolve)}")
            lines.extend(f"    - {plain(sub, resolve)}" for sub in punkt.underpunkter)
        else:
            lines.append(f"{marker} {plain(punkt, resolve)}")
    return "\n".join(lines)


def sections(afsnit: Sequence[Afsnit], resolve: Resolver, level: int = 2) -> str:
    """Prose sections (heading, text, list, text after) as Markdown blocks."""
    blocks = []
    for a in afsnit:
        if a.overskrift:
            blocks.append(f"{'#' * level} {text(a.overskrift)}")
        if a.tekst:
            blocks.append(markdown(a.tekst, resolve))
        if a.punkter:
            blocks.append(points(a.punkter, resolve, a.nummereret))
        if a.efterskrift:
            blocks.append(markdown(a.efterskrift, resolve))
    return "\n\n".join(blocks)


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], caption: str | None = None) -> str:
    """A Markdown table from already-rendered cells; an empty cell shows a dash, and a column
    (after the first) that is empty in every row is left out.

    The caption becomes a bold line right above the table, so the table is named both on
    screen and for screen readers (it is followed by the table in reading order).
    """
    keep = [i for i in range(len(headers)) if i == 0 or not rows or any(r[i] for r in rows)]
    headers = [headers[i] for i in keep]
    rows = [[row[i] for i in keep] for row in rows]
    head = "| " + " | ".join(headers) + " |"
    rule = "|" + "|".join(" --- " for _ in headers) + "|"
    body = ["| " + " | ".join(c if c else "–" for c in row) + " |" for row in rows]
    out = "\n".join([head, rule, *body])
    if caption:
        out = f"**{text(caption)}**\n{{: .ssp-tabeltitel }}\n\n{out}"
    return out
