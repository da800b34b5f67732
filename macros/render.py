"""Turn data values into safe Markdown: escaping, links, lists and tables.

Two kinds of text come from the data:

- ``Tekst`` (plain text) goes through :func:`text`: HTML is escaped and every character that
  Markdown would interpret is backslash-escaped, so a value is always shown exactly as typed.
- ``Markdown`` fields go through :func:`markdown`: the model has already refused HTML,
  template syntax and unsafe links; here the ``[[kind:id]]`` references become links.

Nothing returned from here is evaluated as a template again (mkdocs-macros renders the page
once, before these strings are inserted).
"""

from __future__ import annotations

import html
import posixpath
import re
from typing import Callable, Iterable, Sequence

from .model import REFERENCE, Afsnit, PunktMedUnderpunkter

# Every character Python-Markdown and our extensions (tables, attr_list, toc) give meaning to.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def text(value: object) -> str:
    """Plain text as inline Markdown that renders literally (no HTML, links or emphasis)."""
    escaped = html.escape(str(value), quote=False)
    escaped = _MARKDOWN_SPECIALS.sub(r"\\\1", escaped)
    # Line breaks inside a plain value would start new Markdown blocks; keep them inline.
    return re.sub(r"\s*\n\s*", " ", escaped).strip()


def html_title(value: str) -> str:
    """Plain text for a page or site title, which the theme prints without escaping.

    Braces become character references too: mkdocs-macros renders any page title that
    looks like a template ("{{ 7*7 }}" would show 49), and the browser shows them as typed.
    """
    return html.escape(value, quote=False).replace("{", "&#123;").replace("}", "&#125;")


def cell(value: object) -> str:
    """Plain text for a table cell (as :func:`text`; pipes are already escaped)."""
    return text(value)


Resolver = Callable[[str, str], tuple[str, str]]  # (kind, id) -> (label, relative link)


def markdown(value: str, resolve: Resolver) -> str:
    """A deliberately-Markdown field with its ``[[kind:id]]`` references turned into links."""

    def link(match: re.Match) -> str:
        label, target = resolve(match.group(1), match.group(2))
        return f"[{text(label)}]({target})"

    return REFERENCE.sub(link, value)


def inline_markdown(value: str, resolve: Resolver) -> str:
    """A Markdown field used inside a table cell or list item: one line."""
    return re.sub(r"\s*\n\s*", " ", markdown(value, resolve)).strip()


def relative_link(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A link from one generated page to another, as MkDocs expects (relative ``.md`` path)."""
    start = posixpath.dirname(from_page)
    path = posixpath.relpath(to_page, start or ".")
    return path + (f"#{anchor}" if anchor else "")


# MkDocs' use_directory_urls for the build being made: the web server's build serves
# 'fora/x.md' at 'fora/x/', the network-drive build (mkdocs-fil.yml) at 'fora/x.html'.
# hooks.on_config sets it once per build.
_directory_urls = True


def use_directory_urls(enabled: bool) -> None:
    global _directory_urls
    _directory_urls = bool(enabled)


def page_url(src_uri: str, directory_urls: bool | None = None) -> str:
    """The URL a page is served at, relative to the site root: 'fora/x.md' → 'fora/x/' and
    'index.md' → '' with directory URLs, 'fora/x.html' and 'index.html' without (default:
    the current build's style)."""
    stem = src_uri[: -len(".md")]
    if not (_directory_urls if directory_urls is None else directory_urls):
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def site_link(from_page: str, site_path: str) -> str:
    """A link from a page to a file written into the site (not a page), e.g. a PDF, or to a
    page's served URL (``page_url``), relative to the folder the page is served from: with
    directory URLs ``fora/x.md`` is served at ``fora/x/``, without at ``fora/x.html``.
    """
    folder = posixpath.dirname(page_url(from_page))
    target = posixpath.relpath(site_path or ".", folder or ".")
    is_folder = site_path == "" or site_path.endswith("/")  # a page's directory URL
    return target + "/" if is_folder else target


def link(label: str, from_page: str, to_page: str, anchor: str | None = None) -> str:
    return f"[{text(label)}]({relative_link(from_page, to_page, anchor)})"


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
            lines.append(f"{marker} {text(punkt.tekst)}")
            lines.extend(f"    - {text(sub)}" for sub in punkt.underpunkter)
        else:
            lines.append(f"{marker} {text(punkt)}")
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
    """A Markdown table from already-rendered cells; an empty cell shows a dash.

    The caption becomes a bold line right above the table, so the table is named both on
    screen and for screen readers (it is followed by the table in reading order).
    """
    head = "| " + " | ".join(headers) + " |"
    rule = "|" + "|".join(" --- " for _ in headers) + "|"
    body = ["| " + " | ".join(c if c else "–" for c in row) + " |" for row in rows]
    out = "\n".join([head, rule, *body])
    if caption:
        out = f"**{text(caption)}**\n{{: .ssp-caption }}\n\n{out}"
    return out


def number(value: float) -> str:
    """A count in Danish notation: 52, 26,1."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}".replace(".", ",")


def count_range(low: float, high: float) -> str:
    return number(low) if low == high else f"{number(low)}–{number(high)}"


def total_or_unknown(total: tuple[float, float], left_out: bool) -> str:
    """A summed figure; 'ikke oplyst' rather than a misleading 0 when nothing could be counted
    because every part lacks the figure."""
    if total[1] == 0 and left_out:
        return "ikke oplyst"
    return count_range(*total)
