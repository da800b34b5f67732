"""The legal basis: an overview table, then each law with its text and the forums citing it."""

from __future__ import annotations

from ..links import Links, Target
from ..render import table, text
from . import bilag
from .base import join, one_page, source_note

PATH = "lovgrundlag.md"


def _law(links: Links, lov) -> list[str]:
    heading = lov.navn + (f" {lov.paragraffer}" if lov.paragraffer else "")
    parts = [f"## {text(heading)} {{#{lov.id}}}", links.md(lov.indhold)]
    for stk in lov.stykker:
        parts.append((f"**{text(stk.nummer)}** " if stk.nummer else "") + links.md(stk.tekst))
        if stk.punkter:
            parts.append(links.points(stk.punkter, ordered=True))
        parts.append(links.md(stk.efterskrift))
    if lov.url:
        parts.append(f"Lovtekst: [{text(lov.url)}]({lov.url})")
    citing = links.book.citing(lov.id)
    if citing:
        parts.append("**Fora, der henviser hertil:** " + ", ".join(
            links.link("forum", f.id) + (f" ({text(p)})" if p else "") for f, p in citing))
    described = bilag.described_in(links, "lov", lov.id)
    if described:
        parts.append(f"Beskrevet i {described}.")
    return parts


def render(links: Links) -> str:
    b = links.book
    parts = ["# Lovgrundlag", links.sections(b.kommune.love_indledning),
             table(["Lov/vejledning", "Paragraf(fer)", "Indhold"], [
                 [links.link("lov", lov.id), text(lov.paragraffer or "–"),
                  links.inline(lov.indhold)] for lov in b.love.values()],
                 "Oversigt over lovgrundlaget")]
    for lov in b.love.values():
        parts += _law(links, lov)
    parts.append(source_note(b.source_file("love")))
    return join(*parts)


KIND = one_page("love", PATH, "Lovgrundlag", render,
                lov=Target(path=lambda ident: PATH, label=lambda book, ident: book.love[ident].navn,
                           anchor=True))
