"""The registry of page kinds: which pages a handbook has, where each record is shown, and the
navigation. One module per kind of page (``fora.py``, ``roller.py``, ...), each with:

* the renderers that turn records into each page's Markdown, and
* ``KIND`` (``base.PageKind``): the kind's name in ``kommune.yml``'s ``navigation`` (``None``
  for the free pages, whose menu names are their own ids), its main page, its menu entries
  with their pages (none when the handbook has nothing to show, e.g. no appendices), and
  where the records it shows live, for links and ``[[kind:id]]``.

Everything else (the front page's contents, the navigation, the check of ``navigation``, the
site's files, the macros' links) loops over ``KINDS``; adding a kind of page is adding a module
and one line here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..links import Links, Target
from ..render import html_title
from . import (aarshjul, bilag, distrikter, fora, forside, historik, love, modsigelser,
               niveauer, organisering, pixi, roller, sider)
from .base import Page, PageKind, Section

if TYPE_CHECKING:
    from ..handbook import Handbook

#: Every kind of page, in the default menu order.
KINDS: tuple[PageKind, ...] = tuple(m.KIND for m in (
    forside, sider, niveauer, organisering, fora, roller, love, bilag, distrikter, aarshjul, pixi,
    historik, modsigelser))
#: The menu names of the kinds (the free pages add their own ids).
MENU_IDS = tuple(k.id for k in KINDS if k.id)
#: Where each kind of record is shown (record kind → target), for links.
TARGETS: dict[str, Target] = {kind: target for k in KINDS for kind, target in k.targets.items()}


def menu_description() -> str:
    """What ``navigation`` in kommune.yml may name (for the JSON Schema and DATAFORMAT.md)."""
    return ("Menuens rækkefølge: " + ", ".join(f"'{i}'" for i in MENU_IDS)
            + " eller id'et på en side. Afsnit, der ikke står her, kommer bagefter.")


def sections(book: "Handbook") -> dict[str, Section]:
    """The handbook's sections by menu name, in the default order."""
    return {s.id: s for kind in KINDS for s in kind.sections(book)}


def menu_order(book: "Handbook") -> list[Section]:
    """The sections in the municipality's menu order; every section is in the menu (and so
    in the PDF), those ``navigation`` leaves out come after the ones it lists."""
    present = sections(book)
    order = [e for e in book.kommune.navigation if e in present]
    order += [e for e in present if e not in order]
    return [present[e] for e in order]


def every_page(book: "Handbook") -> list[Page]:
    """Every page every kind would make, also one whose menu name another section has taken
    (sections() keeps one per name; rules.address_problems refuses such data)."""
    return [page for kind in KINDS for section in kind.sections(book) for page in section.pages]


def generate(book: "Handbook") -> list[Page]:
    """Every page of the site."""
    return [page for section in sections(book).values() for page in section.pages]


def navigation(book: "Handbook") -> list:
    """The site navigation (MkDocs ``nav``); titles escaped, as the theme prints them raw."""
    return [_escaped(section.nav) for section in menu_order(book)]


def _escaped(entry):
    if isinstance(entry, dict):
        return {html_title(title): _escaped(value) for title, value in entry.items()}
    if isinstance(entry, list):
        return [_escaped(item) for item in entry]
    return entry


def links(book: "Handbook", page: str, **options) -> Links:
    """The link context of one page."""
    return Links(book, page, TARGETS, **options)


def path(kind: str, ident: str | None = None) -> str:
    """The page (src_uri) that shows a record (``path("forum", "x")``) or a section's main
    page (``path("fora")``)."""
    if ident is not None:
        return TARGETS[kind].path(ident)
    for k in KINDS:
        if k.id == kind:
            return k.path
    raise KeyError(kind)
