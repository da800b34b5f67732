"""The appendices, numbered as in the source: an overview and one page each, listing the
records it describes (with its tables of districts or levels where it shows them)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from ..links import Links, Target
from ..render import bullet_list, table, text
from . import distrikter
from .base import Page, PageKind, Section, join, source_note

if TYPE_CHECKING:
    from ..handbook import Handbook

PATH = "bilag/index.md"
BILAG = Target(path=lambda ident: f"bilag/{ident}.md",
               label=lambda book, ident: f"bilag {book.bilag[ident].nummer}")


def title(bilag) -> str:
    return f"Bilag {bilag.nummer}: {bilag.titel}"


def sections(book: "Handbook") -> list[Section]:
    if not book.bilag:
        return []
    path = BILAG.path
    pages = [Page(PATH, overview)] + [
        Page(path(x.id), partial(render, ident=x.id)) for x in book.bilag.values()]
    nav = [PATH] + [{title(x): path(x.id)} for x in book.bilag.values()]
    return [Section("bilag", "Bilag", tuple(pages), {"Bilag": nav})]


def described_in(links: Links, kind: str, ident: str) -> str:
    """A link to the appendix that describes a record, if any."""
    found = links.book.bilag_for(kind, ident)
    return links.link("bilag", found.id, title(found)) if found else ""


def overview(links: Links) -> str:
    b = links.book
    return join("# Bilag", links.sections(b.kommune.bilag_indledning), table(
        ["Nr.", "Bilag"], [[str(x.nummer), links.link("bilag", x.id, x.titel)]
                           for x in b.bilag.values()], "Bilagsoversigt"))


def _described(links: Links, x) -> list[str]:
    """What the appendix describes, one line each."""
    from . import sections as all_sections  # the registry imports this module

    b = links.book
    out = []
    for r in x.roller:
        formaal = b.roller[r].formaal
        out.append(f"Rollen {links.link('rolle', r)}"
                   + (f" — {links.inline(formaal)}" if formaal else ""))
    out += [f"Forummet {links.link('forum', f)} — {text(b.fora[f].hyppighed.tekst)}"
            for f in x.fora]
    out += [f"Loven {links.link('lov', lov)}" for lov in x.love]
    out += [f"Aktiviteten {links.link('aktivitet', a)}" for a in x.aktiviteter]
    present = all_sections(b)
    for shown, section in ((x.distrikter, "distrikter"), (x.niveauer, "niveauer")):
        if shown and section in present:
            out.append(f"[{text(present[section].title)}]({links.href(present[section].path)})")
    return out


def render(links: Links, ident: str) -> str:
    b = links.book
    x = b.bilag[ident]
    described = _described(links, x)
    parts = [f"# {text(title(x))}", links.sections(x.afsnit)]
    if described:
        parts += ["## Bilaget beskriver", bullet_list(described)]
    if x.distrikter and b.book.distrikter:
        parts.append(distrikter.overview_table(links))
    if x.niveauer and b.book.niveauer:
        parts.append(table(["Niveau/søjle", "Beskrivelse"], [
            [text(n.navn), links.inline(n.beskrivelse)] for n in b.book.niveauer.niveauer],
            b.book.niveauer.titel))
    parts.append(source_note(b.source_file("bilag")))
    return join(*parts)


KIND = PageKind("bilag", PATH, sections, {"bilag": BILAG})
