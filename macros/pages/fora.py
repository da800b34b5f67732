"""The forums: the overview by type, one page per forum, and its participant table."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from ..links import Links
from ..model import ANSVAR, FUNKTIONER, Deltager, Forum, Rapportering
from ..render import table, text
from ..wording import duration, per_year, qualifiers, titled
from . import bilag
from .base import Page, PageKind, Section, facts_table, join, record_page, source_note

if TYPE_CHECKING:
    from ..handbook import Handbook

PATH = "fora/index.md"
TITLE = "Samarbejdsfora"
FORUM = record_page("fora", "fora")
TYPES = {"intern": "Interne mødefora", "ekstern": "Eksterne mødefora"}
# The order the leadership of a forum is listed in.
LEADERSHIP = ("formand", "naestformand", "moedeleder", "tovholder", "sekretariat", "referent")


def sections(book: "Handbook") -> list[Section]:
    pages = [Page(PATH, overview)] + [
        Page(FORUM.path(f.id), partial(render, ident=f.id)) for f in book.fora.values()]
    nav = [PATH]
    for kind, title in TYPES.items():
        members = [{f.navn: FORUM.path(f.id)} for f in book.fora.values()
                   if f.type == kind]
        if members:
            nav.append({title: members})
    return [Section("fora", TITLE, tuple(pages), {TITLE: nav})]


# --- who leads and who is responsible ------------------------------------------------------


def _roles_with(links: Links, forum: Forum, *, funktion=None, ansvar=None) -> list[str]:
    out = []
    for _titel, d in links.book.all_participants(forum):
        if (funktion and funktion in d.funktion) or (ansvar and ansvar in d.ansvar):
            label = links.link("rolle", d.rolle)
            if label not in out:
                out.append(label)
    return out


def leadership(links: Links, forum: Forum) -> str:
    parts = []
    for key in LEADERSHIP:
        names = _roles_with(links, forum, funktion=key)
        if names:
            parts.append(f"{FUNKTIONER[key].capitalize()}: {', '.join(names)}")
    return "; ".join(parts)


def responsibility(links: Links, forum: Forum) -> str:
    parts = []
    for key, label in ANSVAR.items():
        names = _roles_with(links, forum, ansvar=key)
        if names:
            parts.append(f"{label.capitalize()}: {', '.join(names)}")
    return "; ".join(parts)


def meetings_per_year(book: "Handbook", forum: Forum) -> str:
    return titled((text(t), per_year(h)) for t, h, _ in book.series(forum))


# --- pages ---------------------------------------------------------------------------------


def overview(links: Links) -> str:
    b = links.book
    parts = ["# Samarbejdsfora", links.sections(b.kommune.fora_indledning)]
    headers = ["Forum", "Mødefrekvens (kilden)", "Møder pr. år", "Formand / mødeleder", "Ansvar"]
    for kind, title in TYPES.items():
        rows = [[links.link("forum", f.id), text(f.hyppighed.tekst), meetings_per_year(b, f),
                 leadership(links, f), responsibility(links, f)]
                for f in b.fora.values() if f.type == kind]
        if rows:
            parts += [f"## {title}", table(headers, rows, title)]
    return join(*parts)


def _facts(links: Links, f: Forum) -> list[tuple[str, str]]:
    b = links.book
    law_links = [links.link("lov", h.lov) + (f" {text(h.paragraf)}" if h.paragraf else "")
                 for h in f.lovgrundlag]
    return [
        ("Type", "Internt mødeforum" if f.type == "intern" else "Eksternt mødeforum"),
        ("Niveau", text(b.organisationsniveauer[f.niveau].navn) if f.niveau else ""),
        ("Findes i", _districts(links, f)),
        ("Også kaldt", text(", ".join(f.alternative_navne))),
        ("Mødefrekvens", text(f.hyppighed.tekst)),
        ("Møder pr. år", meetings_per_year(b, f)),
        ("Varighed", titled((text(t), duration(h)) for t, h, _ in b.series(f) if duration(h))),
        ("Formand / ledelse", leadership(links, f)),
        ("Ansvar", responsibility(links, f)),
        ("Refererer til", "; ".join(reporting_line(links, line) for line in f.rapporteringer)),
        ("Lovgrundlag", ", ".join(law_links)),
        ("Beskrevet i", bilag.described_in(links, "forum", f.id)),
        ("Vedligeholdes af", links.link("rolle", f.vedligeholdes_af) if f.vedligeholdes_af
         else ""),
        ("Sidst gennemgået", text(f.gennemgaaet or "")),
    ]


def reporting_line(links: Links, line: Rapportering) -> str:
    """One reporting line in words: 'SSP-styregruppen', 'Børne- og Ungeudvalget (sekundært,
    hvert kvartal): orientering'."""
    target = (links.link("forum", line.forum) if line.forum
              else text(links.book.enheder[line.enhed].navn))
    how = ["sekundært"] if line.sekundaer else []
    if line.hyppighed:
        how.append(text(line.hyppighed.tekst))
    out = target + (f" ({', '.join(how)})" if how else "")
    return out + (f": {links.plain(line.note)}" if line.note else "")


def _districts(links: Links, f: Forum) -> str:
    districts = links.book.forum_districts(f)
    if not districts:
        return ""
    return (f"ét i hvert af {len(districts)} distrikter: "
            + ", ".join(links.link("distrikt", d.id) for d in districts))


def _meetings(f: Forum) -> str:
    """The forum's kinds of meeting, when it has more than one."""
    rows = []
    for s in f.moeder:
        lists = [lst.titel for lst in f.deltagerlister if lst.id in s.deltagerlister]
        rows.append([text(s.titel), text(s.hyppighed.tekst), per_year(s.hyppighed),
                     duration(s.hyppighed), text(", ".join(lists)) if lists else "alle deltagere"])
    return table(["Møde", "Hyppighed (kilden)", "Møder pr. år", "Varighed", "Deltagere"], rows,
                 f"Møder i {f.navn}")


def generated_headings(f: Forum) -> set[str]:
    """The headings a forum's page writes itself (an 'afsnit' must not repeat them)."""
    return {h for h, present in (("formål", f.formaal), ("beskrivelse", f.beskrivelse),
                                 ("deltagere", True), ("møder", f.moeder)) if present}


def render(links: Links, ident: str) -> str:
    f = links.book.fora[ident]
    parts = [f"# {text(f.navn)}", facts_table(_facts(links, f), f"Fakta om {f.navn}")]
    if f.formaal:
        parts += ["## Formål", links.md(f.formaal)]
    if f.beskrivelse:
        parts += ["## Beskrivelse", links.md(f.beskrivelse)]
    parts += [links.sections(f.afsnit), "## Deltagere", participant_table(links, ident)]
    if f.moeder:
        parts += ["## Møder", _meetings(f)]
    parts.append(source_note(links.book.record_file("forum", ident)))
    return join(*parts)


# --- the participant table (also the macro deltagertabel) ----------------------------------


def _participant_rows(links: Links, deltagere: list[Deltager]) -> list[list[str]]:
    b = links.book
    rows = []
    for d in deltagere:
        r = b.roller[d.rolle]
        enhed = b.enhed(r)
        rows.append([links.link("rolle", r.id, d.betegnelse or r.navn), text(d.gruppe or ""),
                     text(b.sektorer[b.sector(r)]), text(enhed.navn) if enhed else "",
                     text(d.antal or ""), "; ".join(links.plain(q) for q in qualifiers(d))])
    return rows


def participant_table(links: Links, ident: str) -> str:
    """The participants of a forum in the file's order: one table per list, where they come
    from ('gruppe') in a column of its own."""
    f = links.book.fora[ident]
    headers = ["Deltager", "Kommer fra", "Sektor", "Enhed", "Antal",
               "Rolle i forummet / bemærkning"]
    lists = ([("", f.deltagere)] if f.deltagere else []) + [
        (lst.titel, lst.deltagere) for lst in f.deltagerlister]
    out = []
    for titel, deltagere in lists:
        if titel:
            out.append(f"### {text(titel)}")
        out.append(table(headers, _participant_rows(links, deltagere),
                         titel or f"Deltagere i {f.navn}"))
    return "\n\n".join(out)


KIND = PageKind("fora", PATH, sections, {"forum": FORUM})
