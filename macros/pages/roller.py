"""The roles: the overview by category, one page per role, and "Deltager i" (the forums a
role sits in, derived from the forums' participant lists)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from ..workload import Workload
from ..links import Links
from ..render import table, text
from ..wording import ON_DEMAND, UNKNOWN, count_range, counted, qualifiers, total_or_unknown
from . import bilag, pixi
from .base import Page, PageKind, Section, facts_table, join, record_page, source_note

if TYPE_CHECKING:
    from ..handbook import Handbook

PATH = "roller/index.md"
TITLE = "Roller og aktører"
ROLLE = record_page("roller", "roller")
CATEGORIES = {"aktoer": "Centrale aktører", "deltager": "Øvrige mødedeltagere"}


def sections(book: "Handbook") -> list[Section]:
    path = ROLLE.path
    pages = [Page(PATH, overview)] + [
        Page(path(r.id), partial(render, ident=r.id)) for r in book.roller.values()]
    nav: list = [PATH] + [{r.navn: path(r.id)} for r in book.roller.values()
                          if r.kategori == "aktoer"]
    others = [{r.navn: path(r.id)} for r in book.roller.values() if r.kategori == "deltager"]
    if others:
        nav.append({CATEGORIES["deltager"]: others})
    return [Section("roller", TITLE, tuple(pages), {TITLE: nav})]


def overview(links: Links) -> str:
    b = links.book
    parts = ["# Roller og aktører", links.sections(b.kommune.roller_indledning)]
    headers = ["Rolle", "Enhed", "Sektor", "Deltager i fora"]
    for kategori, title in CATEGORIES.items():
        rows = []
        for r in b.roller.values():
            if r.kategori != kategori:
                continue
            enhed = b.enhed(r)
            rows.append([links.link("rolle", r.id), text(enhed.navn) if enhed else "",
                         text(b.sektorer[b.sector(r)]), str(len(b.participations(r.id)))])
        if rows:
            parts += [f"## {title}", table(headers, rows, title)]
    return join(*parts)


def generated_headings(r) -> set[str]:
    """The headings a role's page writes itself (an 'afsnit' must not repeat them)."""
    return {h for h, present in (("formål", r.formaal), ("beskrivelse", r.beskrivelse),
                                 ("deltager i", True)) if present}


def render(links: Links, ident: str) -> str:
    b = links.book
    r = b.roller[ident]
    enhed = b.enhed(r)
    facts = [
        ("Enhed", text(enhed.navn) if enhed else ""),
        ("Sektor", text(b.sektorer[b.sector(r)])),
        ("Antal", text(r.antal or "")),
        ("Også kaldt", text(", ".join(r.alternative_navne))),
        ("Distrikter", ", ".join(links.link("distrikt", d) for d in r.distrikter)),
        ("Beskrevet i", bilag.described_in(links, "rolle", ident)),
        ("Vedligeholdes af", links.link("rolle", r.vedligeholdes_af) if r.vedligeholdes_af
         else ""),
        ("Sidst gennemgået", text(r.gennemgaaet or "")),
    ]
    parts = [f"# {text(r.navn)}", facts_table(facts, f"Fakta om {r.navn}")]
    if b.book.pixi and ident in b.book.pixi.roller:
        parts.append(pixi.button(links, standalone=True))
    if r.formaal:
        parts += ["## Formål", links.md(r.formaal)]
    if r.beskrivelse:
        parts += ["## Beskrivelse", links.md(r.beskrivelse)]
    parts += [links.sections(r.afsnit), "## Deltager i", member_of(links, ident),
              source_note(b.record_file("rolle", ident))]
    return join(*parts)


# --- "Deltager i" (also the macro deltager_i) ---------------------------------------------


def member_of(links: Links, ident: str) -> str:
    """Every forum the role sits in, derived from the forum records, with meetings and hours
    a year (the same sums as the year overview)."""
    work = links.book.workload(ident)
    if not work.deltagelser:
        return "Rollen er ikke opført som deltager i noget forum."
    rows = []
    for p in work.deltagelser:
        note = "; ".join(links.plain(q) for q in qualifiers(p.deltager))
        lists = [t for t in p.lister if t]
        if lists:
            note = "; ".join(x for x in [text(", ".join(lists)), note] if x)
        if p.efter_behov:
            count, hours = ON_DEMAND, ""
        elif p.moeder_pr_aar is None:
            count, hours = UNKNOWN, ""
        else:
            count = count_range(*p.moeder_pr_aar)
            hours = count_range(*p.timer_pr_aar) if p.timer_pr_aar else "varighed ikke oplyst"
        rows.append([links.link("forum", p.forum.id), text(p.forum.hyppighed.tekst), count,
                     hours, note])
    rows.append(["**I alt**", "", f"**{total_or_unknown(work.moeder, work.moeder_udeladt)}**",
                 f"**{total_or_unknown(work.timer, work.timer_udeladt)}**",
                 _left_out(work)])
    return table(["Forum", "Mødefrekvens (kilden)", "Møder pr. år", "Timer pr. år",
                  "Rolle i forummet"],
                 rows, f"Fora, som {links.book.roller[ident].navn} deltager i")


def _left_out(work: Workload) -> str:
    """What the totals leave out, said out loud (never silently counted as zero)."""
    notes = []
    if work.ukendt_frekvens:
        notes.append(f"+ {counted(len(work.ukendt_frekvens), 'forum', 'fora')} uden oplyst "
                     "mødefrekvens")
    if work.efter_behov:
        notes.append(f"+ {counted(len(work.efter_behov), 'forum', 'fora')} {ON_DEMAND}")
    if work.ukendt_varighed:
        notes.append(f"timer uden {counted(len(work.ukendt_varighed), 'forum', 'fora')} uden "
                     "oplyst varighed")
    return "; ".join(notes)


KIND = PageKind("roller", PATH, sections, {"rolle": ROLLE})
