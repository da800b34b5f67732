"""The municipality's own pages of free text (``sider`` in kommune.yml), each its own menu
entry under its id."""

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
    return join(f"# {text(side.titel)}", links.sections(side.afsnit),
                source_note(links.book.source_file("kommune")))


# Each page is a menu entry of its own, named by its id.
KIND = PageKind(None, None, sections, {"side": SIDE})
