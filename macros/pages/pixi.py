"""The pixi guide for new SSP teachers: one page on the site and the same text in the A5
booklet (``macros/pixi.py`` lays it out). Everything but its own words comes from the records
of the roles it is for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..links import Links
from ..model import Forum, Rolle
from ..pdf import pixi_pdf_path
from ..render import bullet_list, table, text
from ..wording import MAANEDER, duties, meetings_a_year, titled
from .base import join, one_page, pdf_button, source_note

if TYPE_CHECKING:
    from ..handbook import Handbook

PATH = "pixi.md"


def button(links: Links, standalone: bool = False) -> str:
    """Download button for the pixi PDF (beside the handbook's on the front page), or on its
    own with a link to the guide's page (on the pages of the roles it is for)."""
    pixi = links.book.book.pixi
    if pixi is None:
        return ""
    html = pdf_button(links.file(pixi_pdf_path(links.book)), f"Hent {pixi.titel} (PDF, A5)")
    if not standalone:
        return " " + html
    return html + "\n\n" + f"[Læs {text(pixi.titel)} på nettet]({links.href(PATH)})"


def _tasks(rolle: Rolle) -> list:
    return [p for a in rolle.afsnit if a.type == "opgaver" for p in a.punkter]


def _point_text(punkt) -> str:
    return punkt if isinstance(punkt, str) else punkt.tekst


def _purposes(links: Links, roles: list[Rolle]) -> list[str]:
    purposes: dict[str, list[str]] = {}
    for r in roles:
        if r.formaal:
            purposes.setdefault(r.formaal, []).append(r.navn)
    parts = []
    for formaal, names in purposes.items():
        heading = "Formål" if len(purposes) == 1 else f"Formål: {' og '.join(names)}"
        parts += [f"### {text(heading)}", links.md(formaal)]
    return parts


def your_role(links: Links) -> str:
    """What the role is for and its tasks; with several roles, what they share and what only
    one of them does."""
    roles = [links.book.roller[r] for r in links.book.book.pixi.roller]
    parts = _purposes(links, roles)
    if len(roles) == 1:
        for a in roles[0].afsnit:
            if a.type == "opgaver":
                parts += [f"### {text(a.overskrift or 'Dine opgaver')}", links.points(a.punkter)]
        return join(*parts)
    shared = set.intersection(*({_point_text(p) for p in _tasks(r)} for r in roles))
    common = [p for p in _tasks(roles[0]) if _point_text(p) in shared]
    if common:
        names = " og ".join(r.navn for r in roles)
        parts += [f"### Fælles opgaver for {text(names)}", links.points(common)]
    for r in roles:
        own = [p for p in _tasks(r) if _point_text(p) not in shared]
        if own:
            parts += [f"### Kun for {text(r.navn)}", links.points(own)]
    return join(*parts)


def forums(book: "Handbook") -> list[Forum]:
    """The forums the guide's roles sit in."""
    wanted = set(book.book.pixi.roller)
    return [f for f in book.fora.values()
            if any(d.rolle in wanted for _t, d in book.all_participants(f))]


def _meeting(links: Links, f: Forum) -> str:
    b = links.book
    wanted = b.book.pixi.roller
    others: list[str] = []
    for _t, d in b.all_participants(f):
        name = b.roller[d.rolle].navn
        if d.rolle not in wanted and name not in others:
            others.append(name)
    tasks = []
    for _t, d in b.all_participants(f):
        if d.rolle in wanted:
            duty = links.plain(duties(d)) or "deltager"
            tasks.append(f"{text(b.roller[d.rolle].navn)}: {duty}" if len(wanted) > 1 else duty)
    counts = titled((text(t), meetings_a_year(h)) for t, h, _ in b.series(f))
    said = f.hyppighed.tekst
    items = [f"**Hvor ofte:** {text(said)}"
             + ("" if counts.lower() == said.strip().lower() else f" ({counts})")]
    if others:
        items.append(f"**Hvem ellers:** {text(', '.join(others))}")
    items.append(f"**Din opgave:** {'; '.join(dict.fromkeys(tasks))}")
    return f"### {links.link('forum', f.id)}\n\n" + bullet_list(items)


def your_meetings(links: Links) -> str:
    """The meetings the role attends: when, how often, who else, what the role must do."""
    return (join(*(_meeting(links, f) for f in forums(links.book)))
            or "Rollen er ikke opført som deltager i faste møder.")


def contacts(links: Links) -> str:
    b = links.book
    rows = []
    for k in b.book.pixi.kontakter:
        r = b.roller[k.rolle]
        enhed = b.enhed(r)
        districts = ", ".join(b.distrikter[d].navn for d in r.distrikter if d in b.distrikter)
        who = links.link("rolle", r.id) + (f" ({text(enhed.navn)})" if enhed else "")
        if districts:
            who += f" — distrikt: {text(districts)}"
        rows.append([who, links.plain(k.hvad)])
    return table(["Hvem", "Kontakt om"], rows)


def the_year(links: Links) -> str:
    rows = []
    for a in links.book.activities_in_order():
        when = (", ".join(MAANEDER[m - 1] for m in a.maaneder) if a.maaneder
                else text(a.tidspunkt or a.hyppighed or ""))
        rows.append([text(a.navn) + (f" ({text(a.tema)})" if a.tema else ""),
                     ", ".join(f"{g}." for g in a.klassetrin), when])
    meetings = [[links.link("forum", f.id), text(f.hyppighed.tekst)] for f in forums(links.book)]
    out = []
    if rows:
        out += ["### Aktiviteter", table(["Aktivitet", "Klasse", "Hvornår"], rows)]
    if meetings:
        out += ["### Dine faste møder", table(["Møde", "Hvor ofte"], meetings)]
    return join(*out)


def guide(links: Links, print_version: bool = False) -> str:
    """The whole guide; in print, the cover and the back page carry the title and address."""
    b = links.book
    pixi = b.book.pixi
    parts = []
    if not print_version:
        parts += [f"# {text(pixi.titel)}", f"**{text(b.kommune.navn)}** · {text(b.revision_label)}",
                  pdf_button(links.file(pixi_pdf_path(b)), "Hent pixi-guiden som PDF (A5)",
                             primary=True)]
    parts += [links.md(pixi.indledning), "## Din rolle", your_role(links),
              "## Dine møder", your_meetings(links), "## Hvem kontakter du?", contacts(links),
              "## Regler om oplysninger", links.sections(pixi.regler, level=3)]
    year = the_year(links)
    if year:
        parts += ["## Året", year]
    parts.append(links.sections(pixi.afsnit))
    if not print_version:
        address = b.kommune.adresse
        parts += ["## Hele håndbogen",
                  f"Den fulde håndbog findes på [{text(address)}]({address}).",
                  source_note(b.source_file("pixi"))]
    return join(*parts)


def render(links: Links) -> str:
    return guide(links)


KIND = one_page("pixi", PATH, lambda book: book.book.pixi and book.book.pixi.titel, render)
