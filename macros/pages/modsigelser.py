"""The source's contradictions and gaps, and how the data resolved them, for the municipality
to confirm at the next revision (modsigelser.yml; the page says "Afklaringer")."""

from __future__ import annotations

from ..links import Links
from ..render import table
from .base import join, one_page, source_note

TITLE = "Afklaringer til næste revision"


def render(links: Links) -> str:
    b = links.book
    return join(
        f"# {TITLE}",
        "Kildedokumentet er på disse punkter modstridende eller ufuldstændigt. Hver afklaring "
        "er løst som beskrevet i data og skal bekræftes af kommunen ved næste revision.",
        table(["Nr.", "Sted i kilden", "Hvad", "Løst sådan", "Bekræftes"], [
            [str(i), links.plain(m.sted), links.plain(m.beskrivelse), links.plain(m.loesning),
             "ja" if m.skal_bekraeftes else "nej"]
            for i, m in enumerate(b.book.modsigelser, start=1)], "Afklaringer"),
        source_note(b.source_file("modsigelser")))


KIND = one_page("modsigelser", "afklaringer.md",
                lambda book: TITLE if book.book.modsigelser else None, render)
