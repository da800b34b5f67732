"""The year in SSP: the fixed activities, and the meetings a year per forum and per role."""

from __future__ import annotations

from .. import figures
from ..links import Links, Target
from ..render import table, text
from ..wording import MAANEDER
from .base import join, one_page, source_note

PATH = "aarshjul.md"


def when(a) -> str:
    """An activity's months, then the source's own wording of the time."""
    months = ", ".join(MAANEDER[m - 1] for m in a.maaneder)
    return "; ".join(x for x in [months, text(a.tidspunkt or "")] if x)


def _name(a) -> str:
    """An activity's name; without a description of its own (which carries its anchor), the
    name itself is what a link to the activity lands on, on the site and in the PDF."""
    if a.beskrivelse:
        return text(a.navn)
    return f'<span id="{a.id}">{text(a.navn)}</span>'


def activities_table(links: Links) -> str:
    rows = [[_name(a), ", ".join(f"{g}." for g in a.klassetrin), text(a.tema or ""),
             when(a), text(a.hyppighed or ""),
             ", ".join(links.link("rolle", r) for r in a.ansvarlige),
             "ja" if a.foraeldremoede else ""]
            for a in links.book.activities_in_order()]
    return table(["Aktivitet", "Klasse", "Tema", "Hvornår", "Hyppighed", "Ansvarlig",
                  "Forældremøde"], rows, "Faste aktiviteter i året")


def render(links: Links) -> str:
    b = links.book
    parts = ["# Året i SSP"]
    if b.aktiviteter:
        parts += ["## Faste aktiviteter", activities_table(links)]
        parts += [f"### {text(a.navn)} {{#{a.id}}}\n\n{links.md(a.beskrivelse)}"
                  for a in b.activities_in_order() if a.beskrivelse]
    parts += ["## Møder i året", figures.forum_bars(links),
              "## Rollernes mødetid", figures.role_bars(links),
              source_note(b.source_file("aktiviteter"))]
    return join(*parts)


KIND = one_page("aarshjul", PATH, "Året i SSP", render,
                aktivitet=Target(path=lambda ident: PATH, anchor=True,
                                 label=lambda book, ident: book.aktiviteter[ident].navn))
