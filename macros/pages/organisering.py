"""The organisation: units and their sectors, the organisation diagram and its text version."""

from __future__ import annotations

from .. import figures
from ..links import Links
from ..model import SEKTORER
from ..render import table, text
from .base import join, one_page, source_note


def units_table(links: Links) -> str:
    """Every unit by sector, with the roles that belong to it."""
    b = links.book
    rows = []
    for sektor, navn in SEKTORER.items():
        for e in b.enheder.values():
            if e.sektor != sektor:
                continue
            roles = [links.link("rolle", r.id) for r in b.roller.values() if r.enhed == e.id]
            rows.append([text(e.navn), text(e.forkortelse or ""), navn,
                         text(b.enheder[e.del_af].navn) if e.del_af else "", ", ".join(roles)])
    return table(["Enhed", "Forkortelse", "Sektor", "Del af", "Roller"], rows,
                 "Enheder i SSP-samarbejdet")


def render(links: Links) -> str:
    b = links.book
    return join(
        "# Organisering", links.sections(b.kommune.organisering),
        "## Enheder og sektorer",
        "Hver rolle hører til en enhed, og hver enhed til et af de tre S'er (Skole, Sociale "
        "myndigheder, Politi) eller 'Andet'.",
        units_table(links),
        "## Organisationsdiagram", figures.org_diagram(links),
        "### Diagrammet som tekst",
        "Fora efter niveau, med deltagernes sektorer og hvem forummet refererer til. Hvor "
        "kilden ikke siger det, står det.",
        "\n".join(figures.org_text(links)),
        source_note(b.source_file("enheder")))


KIND = one_page("organisering", "organisering.md", "Organisering", render)
