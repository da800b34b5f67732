"""The levels of effort or the pillars (niveauer.yml): the figure, then each level."""

from __future__ import annotations

from .. import figures
from ..links import Links
from ..render import bullet_list, text
from .base import join, one_page, source_note


def render(links: Links) -> str:
    n = links.book.book.niveauer
    parts = [f"# {text(n.titel)}", links.md(n.indledning), figures.levels_figure(links)]
    for x in n.niveauer:
        parts.append(f"## {text(x.navn)} {{#{x.id}}}")
        if x.maalgruppe:
            parts.append(f"**Målgruppe:** {text(x.maalgruppe)}")
        parts += [links.md(x.beskrivelse), links.md(x.aktoerer_tekst)]
        if x.aktoerer:
            parts.append("**Primære aktører:** "
                         + ", ".join(links.link("rolle", a) for a in x.aktoerer))
    if n.kilder:
        parts.append("## Kilder\n\n" + bullet_list(links.plain(k) for k in n.kilder))
    parts.append(source_note(links.book.source_file("niveauer")))
    return join(*parts)


KIND = one_page("niveauer", "niveauer.md",
                lambda book: book.book.niveauer and book.book.niveauer.titel, render)
