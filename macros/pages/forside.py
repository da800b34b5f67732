"""The front page: title, revision, the PDF downloads, the introduction and the contents."""

from __future__ import annotations

from ..links import Links
from ..pdf import handbook_pdf_path
from ..render import bullet_list, text
from . import pixi
from .base import join, one_page, pdf_button, source_note


def render(links: Links) -> str:
    from . import menu_order  # the registry imports this module

    book = links.book
    k = book.kommune
    byline = (f"**{text(k.navn)}**" + (f" · {text(k.enhed)}" if k.enhed else "")
              + f" · {text(book.revision_label)}")
    buttons = pdf_button(links.file(handbook_pdf_path(book)), "Hent håndbogen som PDF",
                         primary=True) + pixi.button(links)
    contents = [f"[{text(s.title)}]({links.href(s.path)})"
                for s in menu_order(book) if s.id != KIND.id]
    return join(f"# {text(k.titel)}", f"*{text(k.undertitel)}*" if k.undertitel else "",
                byline, buttons, links.sections(k.indledning), "## Indhold",
                bullet_list(contents), source_note(book.source_file("kommune")))


KIND = one_page("forside", "index.md", "Forside", render)
