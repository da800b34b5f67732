"""Districts, sub-districts, schools and staff areas (distrikter.yml)."""

from __future__ import annotations

from ..links import Links, Target
from ..render import table, text
from .base import join, one_page, source_note

PATH = "distrikter.md"


def overview_table(links: Links) -> str:
    """Every district and sub-district with its schools, staff area and contact."""
    d = links.book.book.distrikter
    omraader = {o.id: o for o in d.omraader}
    rows = []
    for x in d.distrikter:
        contact = links.link("rolle", x.daekkes_af) if x.daekkes_af else ""
        groups = [(u.navn or "", u.skoler, u.omraade) for u in x.underdistrikter]
        if x.skoler or not groups:
            groups.insert(0, ("", x.skoler, x.omraade))
        for navn, skoler, omraade in groups:
            rows.append([links.link("distrikt", x.id), text(navn), text(", ".join(skoler)),
                         text(omraader[omraade].navn) if omraade else "", contact])
    return table(["Distrikt", "Underdistrikt", "Skoler", "Medarbejderområde", "Dækkes af"],
                 rows, "Distrikter og skoler")


def _district(links: Links, x) -> list[str]:
    """A district's section: what the data says of it; a sentence if it says nothing."""
    parts = [links.md(x.beskrivelse)]
    for u in x.underdistrikter:
        if u.skoler:
            parts.append(f"**{text(u.navn or 'Skoler')}:** {text(', '.join(u.skoler))}")
    if x.skoler:
        parts.append("**Skoler:** " + text(", ".join(x.skoler)))
    roles = [r.id for r in links.book.roller.values() if x.id in r.distrikter]
    contacts = list(dict.fromkeys(([x.daekkes_af] if x.daekkes_af else []) + roles))
    if contacts:
        parts.append("**Kontakt:** " + ", ".join(links.link("rolle", i) for i in contacts))
    forums = links.book.district_forums(x.id)
    if forums:
        parts.append("**Fora i distriktet:** " + ", ".join(links.link("forum", f.id)
                                                          for f in forums))
    if not any(parts):
        parts = ["Data nævner ingen skoler, kontakter eller fora for distriktet."]
    return [f"## {text(x.navn)} {{#{x.id}}}", *parts]


def render(links: Links) -> str:
    b = links.book
    d = b.book.distrikter
    parts = [f"# {text(d.titel)}", links.sections(d.indledning), overview_table(links)]
    for x in d.distrikter:
        parts += _district(links, x)
    if d.omraader:
        parts += ["## Medarbejderområder", links.md(d.omraader_indledning), table(
            ["Område", "Dækkes af", "Skoler"],
            [[text(o.navn), links.link("rolle", o.daekkes_af) if o.daekkes_af else "",
              text(", ".join(o.skoler))] for o in d.omraader], "Skolefordeling")]
    parts.append(source_note(b.source_file("distrikter")))
    return join(*parts)


KIND = one_page("distrikter", PATH,
                lambda book: book.book.distrikter and book.book.distrikter.titel, render,
                distrikt=Target(path=lambda ident: PATH, anchor=True,
                                label=lambda book, ident: book.distrikter[ident].navn))
