"""The organisation: units and their sectors, the organisation diagram and its text version."""

from __future__ import annotations

from .. import diagram, figures
from ..links import Links
from ..render import table, text
from .base import join, one_page, source_note
from .fora import reporting_line


def units_table(links: Links) -> str:
    """Every unit by sector, with the roles that belong to it."""
    b = links.book
    rows = []
    for sektor, navn in b.sektorer.items():
        for e in b.enheder.values():
            if e.sektor != sektor:
                continue
            roles = [links.link("rolle", r.id) for r in b.roller.values() if r.enhed == e.id]
            rows.append([text(e.navn), text(e.forkortelse or ""), text(navn),
                         text(b.enheder[e.del_af].navn) if e.del_af else "", ", ".join(roles)])
    return table(["Enhed", "Forkortelse", "Sektor", "Del af", "Roller"], rows,
                 "Enheder i SSP-samarbejdet")


def org_text(links: Links) -> list[str]:
    """The diagram as text (Markdown lines), level by level: the figure's text alternative."""
    book = links.book
    out = []
    for band in diagram.bands(book, empty=True):
        out.append(f"**{text(band.titel)}**\n")
        level = book.organisationsniveauer.get(band.niveau)
        if level is not None and level.beskrivelse:
            out.append(links.inline(level.beskrivelse) + "\n")
        if not band.fora:
            out.append("Ingen fora på dette niveau.\n")
        for f in band.fora:
            kinds = (["eksternt"] if f.type == "ekstern" else []) + [
                text(book.sektorer[s]) for s in book.forum_sectors(f)]
            parts = [links.link("forum", f.id), f"({', '.join(kinds)})"]
            districts = book.forum_districts(f)
            if districts:
                parts.append(f"— ét i hvert af {len(districts)} distrikter")
            if f.rapporteringer:
                parts.append("— refererer til " + "; ".join(
                    reporting_line(links, line) for line in f.rapporteringer))
            elif f.placering_note:
                parts.append("— " + links.plain(f.placering_note))
            out.append("- " + " ".join(parts))
        out.append("")
    return out


def render(links: Links) -> str:
    b = links.book
    others = [text(n) for s, n in b.sektorer.items() if s not in ("skole", "social", "politi",
                                                                     "andet")]
    return join(
        "# Organisering", links.sections(b.kommune.organisering),
        "## Enheder og sektorer",
        "Hver rolle hører til en enhed, og hver enhed til et af de tre S'er (Skole, Sociale "
        "myndigheder, Politi)" + (f", en af kommunens egne sektorer ({', '.join(others)})"
                                  if others else "") + " eller 'Andet'.",
        units_table(links),
        "## Organisationsdiagram", figures.org_diagram(links),
        "### Diagrammet som tekst",
        "Fora efter niveau, med deltagernes sektorer og hvem forummet refererer til. Hvor "
        "kilden ikke siger det, står det.",
        "\n".join(org_text(links)),
        source_note(b.source_file("enheder")))


KIND = one_page("organisering", "organisering.md", "Organisering", render)
