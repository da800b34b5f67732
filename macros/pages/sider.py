"""The municipality's own pages of free text, each its own menu entry under its id: sections
under ``sider`` in kommune.yml, or a Markdown file ``sider/<id>.md`` whose text may call the
author macros (``author_macros.py``). Only such a page is a template for mkdocs-macros
(``render_macros: true``); ``check`` has made sure its template code is nothing but those
calls, with ids that exist."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from ..links import Links, Target
from ..render import text
from .base import Page, PageKind, Section, join, source_note

if TYPE_CHECKING:
    from ..handbook import Handbook

SIDE = Target(path=lambda ident: f"{ident}.md", label=lambda book, ident: book.sider[ident].titel)


def sections(book: "Handbook") -> list[Section]:
    return [Section(side.id, side.titel,
                    (Page(SIDE.path(side.id), partial(render, ident=side.id)),))
            for side in book.sider.values()]


def render(links: Links, ident: str) -> str:
    side = links.book.sider[ident]
    if side.tekst is None:
        return join(f"# {text(side.titel)}", links.sections(side.afsnit),
                    source_note(links.book.source_file("kommune")))
    # The title and the links' labels are escaped by text(), which leaves no '{{' or '{%'.
    return "---\nrender_macros: true\n---\n\n" + join(
        f"# {text(side.titel)}", links.md(side.tekst),
        source_note(links.book.record_file("side", ident)))


# Each page is a menu entry of its own, named by its id.
KIND = PageKind(None, None, sections, {"side": SIDE})
