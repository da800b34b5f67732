"""Links from one generated page to records, pages and files, and ``[[kind:id]]`` in text.

A ``Links`` object belongs to the page being built: Markdown links are relative ``.md`` paths
(MkDocs checks and rewrites them), raw-HTML links in figures are the served addresses, and in
print (the pixi PDF) every link points at the published site. Where each kind of record is
shown comes from the page registry (``pages.TARGETS``), handed in as ``targets``.
"""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from . import render

if TYPE_CHECKING:
    from .handbook import Handbook


@dataclass(frozen=True)
class Target:
    """Where a kind of record is shown and what a link to it says."""

    path: Callable[[str], str]  # id → the page (src_uri) that shows the record
    label: Callable[["Handbook", str], str]  # (book, id) → the link text
    anchor: bool = False  # the record is a section of its page, at #<id>


def page_url(src_uri: str, directory_urls: bool = True) -> str:
    """The address a page is served at, relative to the site root: 'fora/x.md' → 'fora/x/'
    ('fora/x.html' without directory URLs), 'index.md' → '' ('index.html')."""
    stem = src_uri[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def _relative(target: str, start: str) -> str:
    """``target`` relative to ``start`` (paths inside the site; the working directory, which a
    test or a server may have removed, plays no part)."""
    return posixpath.relpath("/" + target, "/" + (start or "."))


def _folder(src_uri: str, directory_urls: bool) -> str:
    """The folder a page's address is relative to."""
    url = page_url(src_uri, directory_urls)
    return url.rstrip("/") if directory_urls else posixpath.dirname(url)


class Links:
    """Links as seen from one page (``page`` is its src_uri, e.g. 'fora/x.md')."""

    def __init__(self, book: "Handbook", page: str, targets: dict[str, Target],
                 absolute_base: str | None = None, directory_urls: bool = True):
        self.book = book
        self.page = page
        self.targets = targets
        self.absolute_base = absolute_base  # in print: links to the published site
        self.directory_urls = directory_urls

    def href(self, target: str, anchor: str | None = None) -> str:
        """A Markdown link to a generated page: relative on the site, absolute in print."""
        fragment = f"#{anchor}" if anchor else ""
        if self.absolute_base is not None:
            return self.absolute_base.rstrip("/") + "/" + page_url(target) + fragment
        start = posixpath.dirname(self.page)
        return _relative(target, start) + fragment

    def file(self, site_path: str) -> str:
        """The served address of a file written into the site (a PDF), from this page."""
        return _relative(site_path, _folder(self.page, self.directory_urls))

    def resolve(self, kind: str, ident: str) -> tuple[str, str]:
        """Label and Markdown link target of a record (also ``[[kind:id]]`` in text)."""
        target = self.targets[kind]
        page = target.path(ident)
        return target.label(self.book, ident), self.href(page, ident if target.anchor else None)

    def link(self, kind: str, ident: str, label: str | None = None) -> str:
        """A Markdown link to a record; the label is plain text, escaped."""
        name, target = self.resolve(kind, ident)
        return f"[{render.text(label or name)}]({target})"

    def url(self, kind: str, ident: str) -> str:
        """The served address of a record's page, relative to this page (for raw HTML)."""
        target = self.targets[kind]
        served = page_url(target.path(ident), self.directory_urls)
        url = _relative(served, _folder(self.page, self.directory_urls))
        if served.endswith("/"):
            url += "/"  # relpath drops it; without it every click is a redirect
        return url + (f"#{ident}" if target.anchor else "")

    def html_link(self, kind: str, ident: str) -> str:
        """A link inside a raw-HTML figure: the served address, the name escaped."""
        name = self.targets[kind].label(self.book, ident)
        return f'<a href="{html.escape(self.url(kind, ident))}">{html.escape(name)}</a>'

    # --- text from the data with its [[kind:id]] references as links --------------------

    def plain(self, value: str | None) -> str:
        """A plain text field (``Tekst``): as typed, its references turned into links."""
        return render.plain(value, self.resolve) if value else ""

    def points(self, punkter, ordered: bool = False) -> str:
        """A list of points (``Punkt``) as a Markdown list."""
        return render.points(punkter, self.resolve, ordered)

    def md(self, value: str | None) -> str:
        """A Markdown field, its references turned into links."""
        return render.markdown(value, self.resolve) if value else ""

    def inline(self, value: str | None) -> str:
        """A Markdown field on one line (a table cell, a list item)."""
        return render.inline_markdown(value, self.resolve) if value else ""

    def sections(self, afsnit, level: int = 2) -> str:
        return render.sections(afsnit, self.resolve, level)

