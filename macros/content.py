"""The Markdown of each page, built from the records: participant tables, task lists, facts
and cross-links. ``main.py`` exposes these as macros; ``pages.py`` decides which page calls
which. Every value from the data passes through ``render.text`` or ``render.markdown``.
"""

from __future__ import annotations

import html

from . import figures
from .handbook import ANSVAR_NAVNE, FUNKTION_NAVNE, NIVEAU_NAVNE, SEKTOR_NAVNE, Handbook
from .model import Deltager, Forum, Hyppighed, Rolle
from .pages import bilag_title, path, section_title
from .pdf import handbook_pdf_path, pixi_pdf_path
from .render import (bullet_list, count_range, inline_markdown, markdown, page_url, points,
                     relative_link, sections, site_link, table, text, total_or_unknown)

MAANEDER = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
            "oktober", "november", "december"]


class Blocks:
    """Markdown blocks for one page; links are made relative to that page."""

    def __init__(self, book: Handbook, page: str, absolute_base: str | None = None):
        self.book = book
        self.page = page
        # For print (the pixi PDF): links point at the published site instead of a page.
        self.absolute_base = absolute_base

    def href(self, target: str, anchor: str | None = None) -> str:
        """A link to a generated page: relative on the site, absolute in print."""
        if self.absolute_base is None:
            return relative_link(self.page, target, anchor)
        return self.absolute_base.rstrip("/") + "/" + page_url(target, directory_urls=True) + (
            f"#{anchor}" if anchor else "")

    # --- links -----------------------------------------------------------------------------

    def resolve(self, kind: str, ident: str) -> tuple[str, str]:
        """Label and relative link of a record (used for ``[[kind:id]]`` in Markdown fields)."""
        b = self.book
        if kind == "rolle":
            return b.roller[ident].navn, self.href(path("rolle", ident))
        if kind == "forum":
            return b.fora[ident].navn, self.href(path("forum", ident))
        if kind == "lov":
            return b.love[ident].navn, self.href(path("lov"), ident)
        if kind == "bilag":
            return f"bilag {b.bilag[ident].nummer}", self.href(path("bilag", ident))
        if kind == "side":
            return b.sider[ident].titel, self.href(path("side", ident))
        if kind == "distrikt":
            return b.distrikter[ident].navn, self.href(path("distrikt"), ident)
        raise KeyError(kind)

    def link(self, kind: str, ident: str, label: str | None = None) -> str:
        name, target = self.resolve(kind, ident)
        return f"[{text(label or name)}]({target})"

    def url(self, kind: str, ident: str) -> str:
        """The served address of a record's page, relative to the page being built."""
        return site_link(self.page, page_url(path(kind, ident)))

    def html_link(self, kind: str, ident: str) -> str:
        """A link inside a raw-HTML figure: the page's served URL, the name escaped."""
        name, _ = self.resolve(kind, ident)
        return f'<a href="{html.escape(self.url(kind, ident))}">{html.escape(name)}</a>'

    def md(self, value: str | None) -> str:
        return markdown(value, self.resolve) if value else ""

    def inline(self, value: str | None) -> str:
        return inline_markdown(value, self.resolve) if value else ""

    def sections(self, afsnit, level: int = 2) -> str:
        return sections(afsnit, self.resolve, level)

    def source_note(self, file: str | None) -> str:
        if not file:
            return ""
        return f"*Kilde i data: {text(file)}*\n{{: .ssp-source }}"

    # --- small facts -----------------------------------------------------------------------

    @staticmethod
    def frequency(h: Hyppighed) -> str:
        """The source's wording plus the structured figures ('4 møder/år', 'ukendt')."""
        return text(h.tekst)

    @staticmethod
    def per_year(h: Hyppighed) -> str:
        counts = h.moeder_pr_aar
        if counts is None:
            return "ikke oplyst" + (" (ad hoc)" if h.ad_hoc else "")
        out = count_range(*counts)
        if h.interval_dage == 7:
            out += " (ugentligt)"
        elif h.interval_dage:
            out += f" (hver {h.interval_dage}. dag)"
        if h.ad_hoc:
            out += " + ad hoc"
        return out

    @staticmethod
    def duration(h: Hyppighed) -> str:
        if not h.varighed_minutter:
            return ""
        m = h.varighed_minutter
        if m % 60 == 0:
            return f"{m // 60} time" + ("r" if m > 60 else "")
        return f"{m} min."

    def roles_with(self, forum: Forum, *, funktion=None, ansvar=None) -> list[str]:
        out = []
        for _titel, d in self.book.all_participants(forum):
            if (funktion and funktion in d.funktion) or (ansvar and ansvar in d.ansvar):
                label = self.link("rolle", d.rolle)
                if label not in out:
                    out.append(label)
        return out

    def leadership(self, forum: Forum) -> str:
        parts = []
        for key in ("formand", "naestformand", "moedeleder", "tovholder", "sekretariat",
                    "referent"):
            names = self.roles_with(forum, funktion=key)
            if names:
                parts.append(f"{FUNKTION_NAVNE[key].capitalize()}: {', '.join(names)}")
        return "; ".join(parts)

    def responsibility(self, forum: Forum) -> str:
        parts = []
        for key in ANSVAR_NAVNE:
            names = self.roles_with(forum, ansvar=key)
            if names:
                parts.append(f"{ANSVAR_NAVNE[key].capitalize()}: {', '.join(names)}")
        return "; ".join(parts)

    @staticmethod
    def duties(d: Deltager) -> str:
        """What the participant must do or how often it comes, without editorial notes."""
        parts = [FUNKTION_NAVNE[f] for f in d.funktion]
        parts += [f"ansvarlig for {ANSVAR_NAVNE[a]}" for a in d.ansvar]
        if d.ad_hoc:
            parts.append("efter behov")
        if d.deltagelse:
            parts.append(d.deltagelse)
        return text(", ".join(parts)) if parts else ""

    @staticmethod
    def qualifiers(d: Deltager) -> str:
        parts = [FUNKTION_NAVNE[f] for f in d.funktion]
        parts += [f"ansvarlig for {ANSVAR_NAVNE[a]}" for a in d.ansvar]
        if d.ad_hoc:
            parts.append("ad hoc")
        if d.hvor_relevant:
            parts.append("hvor det er relevant")
        out = ", ".join(parts)
        extra = [text(v) for v in (d.deltagelse, d.note) if v]
        return "; ".join(p for p in [text(out) if out else "", *extra] if p)

    def facts_table(self, rows: list[tuple[str, str]], caption: str) -> str:
        rows = [(k, v) for k, v in rows if v]
        return table(["Oplysning", "Indhold"], [[k, v] for k, v in rows], caption)

    # --- pages -----------------------------------------------------------------------------

    def forside(self) -> str:
        k = self.book.kommune
        # Raw HTML on purpose: the PDF is written after the pages, so MkDocs cannot check the
        # link; the class md-content__button makes the PDF plugin leave the button out.
        pdf = html.escape(site_link(self.page, handbook_pdf_path(self.book)))
        parts = [f"# {text(k.titel)}"]
        if k.undertitel:
            parts.append(f"*{text(k.undertitel)}*")
        parts.append(f"**{text(k.navn)}**" + (f" · {text(k.enhed)}" if k.enhed else "")
                     + f" · {text(self.book.revision_label)}")
        parts.append(f'<a class="md-button md-button--primary md-content__button ssp-pdf" '
                     f'href="{pdf}" download>'
                     "Hent håndbogen som PDF</a>" + self.pixi_button())
        parts.append(self.sections(k.indledning))
        parts.append("## Indhold")
        items = []
        for entry in k.navigation:
            if entry == "forside":
                continue
            if entry in self.book.sider:
                items.append(self.link("side", entry))
            elif entry == "bilag" and self.book.bilag:
                items.append(f"[Bilag]({self.href(path('bilag-oversigt'))})")
            elif entry in ("niveauer", "distrikter") and not getattr(self.book.book, entry):
                continue
            elif entry == "modsigelser" and not self.book.book.modsigelser:
                continue
            elif entry == "pixi" and not self.book.book.pixi:
                continue
            else:
                items.append(f"[{text(section_title(self.book, entry))}]"
                             f"({self.href(path(entry))})")
        parts.append(bullet_list(items))
        parts.append(self.source_note(self.book.source_file("kommune")))
        return "\n\n".join(p for p in parts if p)

    def side(self, ident: str) -> str:
        side = self.book.sider[ident]
        return f"# {text(side.titel)}\n\n{self.sections(side.afsnit)}\n\n" + self.source_note(
            self.book.source_file("kommune"))

    def niveauer(self) -> str:
        n = self.book.book.niveauer
        parts = [f"# {text(n.titel)}", self.md(n.indledning),
                 figures.levels_figure(self.book, lambda ids: ", ".join(
                     self.html_link("rolle", a) for a in ids))]
        for x in n.niveauer:
            parts.append(f"## {text(x.navn)} {{#{x.id}}}")
            if x.maalgruppe:
                parts.append(f"**Målgruppe:** {text(x.maalgruppe)}")
            parts.append(self.md(x.beskrivelse))
            if x.aktoerer_tekst:
                parts.append(self.md(x.aktoerer_tekst))
            if x.aktoerer:
                parts.append("**Primære aktører:** "
                             + ", ".join(self.link("rolle", a) for a in x.aktoerer))
        if n.kilder:
            parts.append("## Kilder\n\n" + bullet_list(text(k) for k in n.kilder))
        parts.append(self.source_note(self.book.source_file("niveauer")))
        return "\n\n".join(p for p in parts if p)

    def organisering(self) -> str:
        b = self.book
        parts = ["# Organisering", self.sections(b.kommune.organisering)]
        parts.append("## Enheder og sektorer")
        parts.append("Hver rolle hører til en enhed, og hver enhed til et af de tre S'er "
                     "(Skole, Sociale myndigheder, Politi) eller 'Andet'.")
        rows = []
        for sektor in SEKTOR_NAVNE:
            for e in b.enheder.values():
                if e.sektor != sektor:
                    continue
                roles = [self.link("rolle", r.id) for r in b.roller.values() if r.enhed == e.id]
                rows.append([text(e.navn), text(e.forkortelse or ""), SEKTOR_NAVNE[sektor],
                             text(b.enheder[e.del_af].navn) if e.del_af else "",
                             ", ".join(roles)])
        parts.append(table(["Enhed", "Forkortelse", "Sektor", "Del af", "Roller"], rows,
                           "Enheder i SSP-samarbejdet"))
        parts.append("## Organisationsdiagram")
        parts.append(figures.org_diagram(b, lambda i: self.url("forum", i)))
        parts.append("### Diagrammet som tekst")
        parts.append("Fora efter niveau, med deltagernes sektorer og hvem forummet refererer "
                     "til. Hvor kilden ikke siger det, står det.")
        parts.append("\n".join(figures.org_text(b, lambda i: self.link("forum", i))))
        parts.append(self.source_note(b.source_file("enheder")))
        return "\n\n".join(p for p in parts if p)

    # --- forums ----------------------------------------------------------------------------

    def forum_row(self, f: Forum) -> list[str]:
        return [self.link("forum", f.id), self.frequency(f.hyppighed),
                "; ".join(f"{text(t)}: {self.per_year(h)}" if t else self.per_year(h)
                          for t, h, _ in self.book.series(f)),
                self.leadership(f), self.responsibility(f)]

    def fora_oversigt(self) -> str:
        b = self.book
        parts = ["# Samarbejdsfora", self.sections(b.kommune.fora_indledning)]
        headers = ["Forum", "Mødefrekvens (kilden)", "Møder pr. år", "Formand / mødeleder",
                   "Ansvar"]
        for kind, title in (("intern", "Interne mødefora"), ("ekstern", "Eksterne mødefora")):
            rows = [self.forum_row(f) for f in b.fora.values() if f.type == kind]
            if rows:
                parts.append(f"## {title}")
                parts.append(table(headers, rows, title))
        return "\n\n".join(p for p in parts if p)

    def forum(self, ident: str) -> str:
        b = self.book
        f = b.fora[ident]
        bilag = b.bilag_for("forum", ident)
        law_links = [self.link("lov", h.lov) + (f" {text(h.paragraf)}" if h.paragraf else "")
                     for h in f.lovgrundlag]
        facts = [
            ("Type", "Internt mødeforum" if f.type == "intern" else "Eksternt mødeforum"),
            ("Niveau", NIVEAU_NAVNE.get(f.niveau or "", "")),
            ("Også kaldt", text(", ".join(f.alternative_navne))),
            ("Mødefrekvens", self.frequency(f.hyppighed)),
            ("Møder pr. år", "; ".join(f"{text(t)}: {self.per_year(h)}" if t else self.per_year(h)
                                       for t, h, _ in b.series(f))),
            ("Varighed", "; ".join(f"{text(t)}: {self.duration(h)}" if t else self.duration(h)
                                   for t, h, _ in b.series(f) if self.duration(h))),
            ("Formand / ledelse", self.leadership(f)),
            ("Ansvar", self.responsibility(f)),
            ("Refererer til", self.link("forum", f.rapporterer_til) if f.rapporterer_til else ""),
            ("Lovgrundlag", ", ".join(law_links)),
            ("Beskrevet i", self.link("bilag", bilag.id, bilag_title(bilag)) if bilag else ""),
            ("Vedligeholdes af", self.link("rolle", f.vedligeholdes_af)
             if f.vedligeholdes_af else ""),
            ("Sidst gennemgået", text(f.gennemgaaet or "")),
        ]
        parts = [f"# {text(f.navn)}", self.facts_table(facts, f"Fakta om {f.navn}")]
        if f.formaal:
            parts += ["## Formål", self.md(f.formaal)]
        if f.beskrivelse:
            parts += ["## Beskrivelse", self.md(f.beskrivelse)]
        parts.append(self.sections(f.afsnit))
        parts.append("## Deltagere")
        parts.append(self.deltagertabel(ident))
        if f.moeder:
            parts.append("## Møder")
            rows = []
            for s in f.moeder:
                lists = [lst.titel for lst in f.deltagerlister if lst.id in s.deltagerlister]
                rows.append([text(s.titel), text(s.hyppighed.tekst), self.per_year(s.hyppighed),
                             self.duration(s.hyppighed),
                             text(", ".join(lists)) if lists else "alle deltagere"])
            parts.append(table(["Møde", "Hyppighed (kilden)", "Møder pr. år", "Varighed",
                                "Deltagere"], rows, f"Møder i {f.navn}"))
        parts.append(self.source_note(b.record_file("forum", ident)))
        return "\n\n".join(p for p in parts if p)

    def _participant_rows(self, deltagere: list[Deltager]) -> list[list[str]]:
        rows = []
        for d in deltagere:
            r = self.book.roller[d.rolle]
            enhed = self.book.enhed(r)
            label = self.link("rolle", r.id, d.betegnelse or r.navn)
            rows.append([label, SEKTOR_NAVNE[self.book.sektor(r)],
                         text(enhed.navn) if enhed else "", text(d.antal or ""),
                         self.qualifiers(d)])
        return rows

    def deltagertabel(self, ident: str) -> str:
        """The participants of a forum: one table per list, grouped by where they come from."""
        f = self.book.fora[ident]
        headers = ["Deltager", "Sektor", "Enhed", "Antal", "Rolle i forummet / bemærkning"]
        lists = ([("", f.deltagere)] if f.deltagere else []) + [
            (lst.titel, lst.deltagere) for lst in f.deltagerlister]
        out = []
        for titel, deltagere in lists:
            if titel:
                out.append(f"### {text(titel)}")
            groups: dict[str, list[Deltager]] = {}
            for d in deltagere:
                groups.setdefault(d.gruppe or "", []).append(d)
            for gruppe, members in groups.items():
                caption = gruppe or titel or f"Deltagere i {f.navn}"
                if gruppe:
                    out.append(f"{'####' if titel else '###'} {text(gruppe)}")
                out.append(table(headers, self._participant_rows(members), caption))
        return "\n\n".join(out)

    # --- roles -----------------------------------------------------------------------------

    def roller_oversigt(self) -> str:
        b = self.book
        parts = ["# Roller og aktører", self.sections(b.kommune.roller_indledning)]
        headers = ["Rolle", "Enhed", "Sektor", "Deltager i fora"]
        for kategori, title in (("aktoer", "Centrale aktører"), ("deltager", "Øvrige mødedeltagere")):
            rows = []
            for r in b.roller.values():
                if r.kategori != kategori:
                    continue
                enhed = b.enhed(r)
                rows.append([self.link("rolle", r.id), text(enhed.navn) if enhed else "",
                             SEKTOR_NAVNE[b.sektor(r)], str(len(b.participations(r.id)))])
            if rows:
                parts += [f"## {title}", table(headers, rows, title)]
        return "\n\n".join(p for p in parts if p)

    def rolle(self, ident: str) -> str:
        b = self.book
        r = b.roller[ident]
        enhed = b.enhed(r)
        bilag = b.bilag_for("rolle", ident)
        facts = [
            ("Enhed", text(enhed.navn) if enhed else ""),
            ("Sektor", SEKTOR_NAVNE[b.sektor(r)]),
            ("Antal", text(r.antal or "")),
            ("Også kaldt", text(", ".join(r.alternative_navne))),
            ("Distrikter", ", ".join(self.link("distrikt", d) for d in r.distrikter)),
            ("Beskrevet i", self.link("bilag", bilag.id, bilag_title(bilag)) if bilag else ""),
            ("Vedligeholdes af", self.link("rolle", r.vedligeholdes_af)
             if r.vedligeholdes_af else ""),
            ("Sidst gennemgået", text(r.gennemgaaet or "")),
        ]
        parts = [f"# {text(r.navn)}", self.facts_table(facts, f"Fakta om {r.navn}")]
        if b.book.pixi and ident in b.book.pixi.roller:
            parts.append(self.pixi_button(standalone=True))
        if r.formaal:
            parts += ["## Formål", self.md(r.formaal)]
        if r.beskrivelse:
            parts += ["## Beskrivelse", self.md(r.beskrivelse)]
        parts.append(self.sections(r.afsnit))
        parts.append("## Deltager i")
        parts.append(self.deltager_i(ident))
        parts.append(self.source_note(b.record_file("rolle", ident)))
        return "\n\n".join(p for p in parts if p)

    def deltager_i(self, ident: str) -> str:
        """Every forum the role sits in, derived from the forum records, with meetings and
        hours a year (the same sums as the year overview)."""
        work = self.book.workload(ident)
        if not work.participations:
            return "Rollen er ikke opført som deltager i noget forum."
        rows = []
        for p in work.participations:
            lists = [t for t in p.lister if t]
            note = self.qualifiers(p.deltager)
            if lists:
                note = "; ".join(x for x in [text(", ".join(lists)), note] if x)
            if p.ad_hoc:
                count, hours = "ad hoc", ""
            elif p.moeder_pr_aar is None:
                count, hours = "ikke oplyst", ""
            else:
                count = count_range(*p.moeder_pr_aar)
                hours = count_range(*p.timer_pr_aar) if p.timer_pr_aar else "varighed ikke oplyst"
            rows.append([self.link("forum", p.forum.id), text(p.forum.hyppighed.tekst), count,
                         hours, note])
        rows.append(["**I alt**", "",
                     f"**{total_or_unknown(work.moeder, work.moeder_udeladt)}**",
                     f"**{total_or_unknown(work.timer, work.timer_udeladt)}**",
                     self.workload_notes(work)])
        return table(["Forum", "Mødefrekvens (kilden)", "Møder pr. år", "Timer pr. år",
                      "Rolle i forummet"],
                     rows, f"Fora, som {self.book.roller[ident].navn} deltager i")

    @staticmethod
    def workload_notes(work) -> str:
        """What the totals leave out, said out loud (never silently counted as zero)."""
        notes = []
        if work.ukendt_frekvens:
            notes.append(f"+ {len(work.ukendt_frekvens)} fora uden oplyst mødefrekvens")
        if work.ad_hoc:
            notes.append(f"+ {len(work.ad_hoc)} fora efter behov (ad hoc)")
        if work.ukendt_varighed:
            notes.append(f"timer uden {len(work.ukendt_varighed)} fora uden oplyst varighed")
        return "; ".join(notes)

    # --- laws, appendices, districts, year ---------------------------------------------------

    def lovgrundlag(self) -> str:
        b = self.book
        parts = ["# Lovgrundlag", self.sections(b.kommune.love_indledning)]
        parts.append(table(["Lov/vejledning", "Paragraf(fer)", "Indhold"], [
            [self.link("lov", lov.id), text(lov.paragraffer or "–"), self.inline(lov.indhold)]
            for lov in b.love.values()], "Oversigt over lovgrundlaget"))
        for lov in b.love.values():
            heading = lov.navn + (f" {lov.paragraffer}" if lov.paragraffer else "")
            parts.append(f"## {text(heading)} {{#{lov.id}}}")
            if lov.indhold:
                parts.append(self.md(lov.indhold))
            for stk in lov.stykker:
                block = (f"**{text(stk.nummer)}** " if stk.nummer else "") + self.md(stk.tekst)
                parts.append(block)
                if stk.punkter:
                    parts.append(points(stk.punkter, self.resolve, ordered=True))
                if stk.efterskrift:
                    parts.append(self.md(stk.efterskrift))
            if lov.url:
                parts.append(f"Lovtekst: [{text(lov.url)}]({lov.url})")
            citing = b.citing(lov.id)
            if citing:
                parts.append("**Fora, der henviser hertil:** " + ", ".join(
                    self.link("forum", f.id) + (f" ({text(p)})" if p else "") for f, p in citing))
            bilag = b.bilag_for("lov", lov.id)
            if bilag:
                parts.append("Beskrevet i " + self.link("bilag", bilag.id, bilag_title(bilag)) + ".")
        parts.append(self.source_note(b.source_file("love")))
        return "\n\n".join(p for p in parts if p)

    def bilag_oversigt(self) -> str:
        b = self.book
        parts = ["# Bilag", self.sections(b.kommune.bilag_indledning)]
        parts.append(table(["Nr.", "Bilag"], [
            [str(x.nummer), self.link("bilag", x.id, x.titel)] for x in b.bilag.values()],
            "Bilagsoversigt"))
        return "\n\n".join(p for p in parts if p)

    def bilag(self, ident: str) -> str:
        b = self.book
        x = b.bilag[ident]
        parts = [f"# {text(bilag_title(x))}", self.sections(x.afsnit)]
        described = []
        for r in x.roller:
            role = b.roller[r]
            described.append(f"Rollen {self.link('rolle', r)}"
                             + (f" — {self.inline(role.formaal)}" if role.formaal else ""))
        for f in x.fora:
            forum = b.fora[f]
            described.append(f"Forummet {self.link('forum', f)} — {text(forum.hyppighed.tekst)}")
        for lov in x.love:
            described.append(f"Loven {self.link('lov', lov)}")
        for a in x.aktiviteter:
            akt = b.aktiviteter[a]
            described.append(f"Aktiviteten [{text(akt.navn)}]"
                             f"({self.href(path('aarshjul'), akt.id)})")
        if x.distrikter and b.book.distrikter:
            described.append(f"[{text(section_title(b, 'distrikter'))}]"
                             f"({self.href(path('distrikter'))})")
        if x.niveauer and b.book.niveauer:
            described.append(f"[{text(section_title(b, 'niveauer'))}]"
                             f"({self.href(path('niveauer'))})")
        if described:
            parts += ["## Bilaget beskriver", bullet_list(described)]
        if x.distrikter and b.book.distrikter:
            parts.append(self.distrikt_tabel())
        if x.niveauer and b.book.niveauer:
            parts.append(table(["Niveau/søjle", "Beskrivelse"], [
                [text(n.navn), self.inline(n.beskrivelse)] for n in b.book.niveauer.niveauer],
                section_title(b, "niveauer")))
        parts.append(self.source_note(b.source_file("bilag")))
        return "\n\n".join(p for p in parts if p)

    def distrikt_tabel(self) -> str:
        d = self.book.book.distrikter
        omraader = {o.id: o for o in d.omraader}
        rows = []
        for x in d.distrikter:
            groups = x.underdistrikter or []
            if x.skoler or not groups:
                rows.append([self.link("distrikt", x.id), "", text(", ".join(x.skoler)),
                             text(omraader[x.omraade].navn) if x.omraade else "",
                             self.link("rolle", x.daekkes_af) if x.daekkes_af else ""])
            for u in groups:
                rows.append([self.link("distrikt", x.id), text(u.navn or ""),
                             text(", ".join(u.skoler)),
                             text(omraader[u.omraade].navn) if u.omraade else "",
                             self.link("rolle", x.daekkes_af) if x.daekkes_af else ""])
        return table(["Distrikt", "Underdistrikt", "Skoler", "Medarbejderområde", "Dækkes af"],
                     rows, "Distrikter og skoler")

    def distrikter(self) -> str:
        b = self.book
        d = b.book.distrikter
        parts = [f"# {text(d.titel)}", self.sections(d.indledning), self.distrikt_tabel()]
        for x in d.distrikter:
            parts.append(f"## {text(x.navn)} {{#{x.id}}}")
            if x.beskrivelse:
                parts.append(self.md(x.beskrivelse))
            for u in x.underdistrikter:
                label = u.navn or "Skoler"
                parts.append(f"**{text(label)}:** {text(', '.join(u.skoler))}")
            if x.skoler:
                parts.append("**Skoler:** " + text(", ".join(x.skoler)))
            roles = [r for r in b.roller.values() if x.id in r.distrikter]
            if x.daekkes_af or roles:
                ids = list(dict.fromkeys(([x.daekkes_af] if x.daekkes_af else [])
                                         + [r.id for r in roles]))
                parts.append("**Kontakt:** " + ", ".join(self.link("rolle", i) for i in ids))
        if d.omraader:
            parts.append("## Medarbejderområder")
            if d.omraader_indledning:
                parts.append(self.md(d.omraader_indledning))
            parts.append(table(["Område", "Dækkes af", "Skoler"], [
                [text(o.navn), self.link("rolle", o.daekkes_af) if o.daekkes_af else "",
                 text(", ".join(o.skoler))] for o in d.omraader], "Skolefordeling"))
        parts.append(self.source_note(b.source_file("distrikter")))
        return "\n\n".join(p for p in parts if p)

    def aarshjul(self) -> str:
        b = self.book
        parts = ["# Året i SSP"]
        if b.aktiviteter:
            parts.append("## Faste aktiviteter")
            rows = []
            for a in sorted(b.aktiviteter.values(),
                            key=lambda a: (min(a.klassetrin) if a.klassetrin else 99, a.navn)):
                when = ", ".join(MAANEDER[m - 1] for m in a.maaneder)
                if a.tidspunkt:
                    when = "; ".join(x for x in [when, text(a.tidspunkt)] if x)
                rows.append([
                    text(a.navn),
                    ", ".join(f"{g}." for g in a.klassetrin) or "",
                    text(a.tema or ""), when, text(a.hyppighed or ""),
                    ", ".join(self.link("rolle", r) for r in a.ansvarlige),
                    "ja" if a.foraeldremoede else ""])
            parts.append(table(["Aktivitet", "Klasse", "Tema", "Hvornår", "Hyppighed",
                                "Ansvarlig", "Forældremøde"], rows, "Faste aktiviteter i året"))
            for a in b.aktiviteter.values():
                if a.beskrivelse:
                    parts.append(f"### {text(a.navn)} {{#{a.id}}}\n\n{self.md(a.beskrivelse)}")
                else:
                    parts.append(f'<span id="{a.id}"></span>')
        parts.append("## Møder i året")
        parts.append(figures.forum_bars(b, lambda i: self.html_link("forum", i)))
        parts.append("## Rollernes mødetid")
        parts.append(figures.role_bars(b, lambda i: self.html_link("rolle", i),
                                       lambda i: self.html_link("forum", i)))
        parts.append(self.source_note(b.source_file("aktiviteter")))
        return "\n\n".join(p for p in parts if p)

    def historik(self) -> str:
        """The revisions, and the records the latest revision has not reviewed."""
        b = self.book
        parts = ["# Revisioner", table(["Dato", "Revision", "Godkendt af", "Resumé"], [
            [text(r.dato), text(r.tekst), text(r.godkendt_af or ""), text(r.resume or "")]
            for r in reversed(b.kommune.revisioner)], "Håndbogens revisioner, nyeste først")]
        stale = b.not_reviewed()
        parts.append("## Ikke gennemgået ved seneste revision")
        if stale:
            parts.append(f"Disse poster er ikke markeret som gennemgået siden seneste revision "
                         f"({text(b.revision.dato)}). Den, der vedligeholder posten, bør se "
                         "den igennem og sætte 'gennemgaaet' i dens fil.")
            parts.append(table(["Post", "Vedligeholdes af", "Sidst gennemgået"], [
                [self.link(kind, r.id),
                 self.link("rolle", r.vedligeholdes_af) if r.vedligeholdes_af else "",
                 text(r.gennemgaaet or "aldrig")] for kind, r in stale],
                "Poster, der ikke er gennemgået"))
        else:
            parts.append("Alle fora og roller er gennemgået ved seneste revision.")
        parts.append(self.source_note(b.source_file("kommune")))
        return "\n\n".join(parts)

    def modsigelser(self) -> str:
        b = self.book
        parts = ["# Afklaringer til næste revision",
                 "Kildedokumentet er på disse punkter modstridende eller ufuldstændigt. Hver "
                 "afklaring er løst som beskrevet i data og skal bekræftes af kommunen ved næste "
                 "revision."]
        parts.append(table(["Nr.", "Sted i kilden", "Hvad", "Løst sådan", "Bekræftes"], [
            [str(i), text(m.sted), text(m.beskrivelse), text(m.loesning),
             "ja" if m.skal_bekraeftes else "nej"]
            for i, m in enumerate(b.book.modsigelser, start=1)], "Afklaringer"))
        parts.append(self.source_note(b.source_file("modsigelser")))
        return "\n\n".join(p for p in parts if p)

    # --- the pixi guide ----------------------------------------------------------------------

    def _tasks(self, rolle: Rolle) -> list:
        return [p for a in rolle.afsnit if a.type == "opgaver" for p in a.punkter]

    @staticmethod
    def _point_text(punkt) -> str:
        return punkt if isinstance(punkt, str) else punkt.tekst

    def pixi_button(self, standalone: bool = False) -> str:
        """Download button for the pixi PDF plus a link to its page (raw HTML: see forside)."""
        pixi = self.book.book.pixi
        if pixi is None:
            return ""
        target = html.escape(site_link(self.page, pixi_pdf_path(self.book)))
        button = (f' <a class="md-button md-content__button ssp-pdf" href="{target}" download>'
                  f"Hent {html.escape(pixi.titel)} (PDF, A5)</a>")
        page = f"[Læs {text(pixi.titel)} på nettet]({self.href(path('pixi'))})"
        return (button.strip() + "\n\n" + page) if standalone else button

    def pixi_roles(self) -> str:
        """What the role is for and its tasks; with several roles, what they share and what
        only one of them does."""
        pixi = self.book.book.pixi
        roles = [self.book.roller[r] for r in pixi.roller]
        parts = []
        purposes: dict[str, list[str]] = {}
        for r in roles:
            if r.formaal:
                purposes.setdefault(r.formaal, []).append(r.navn)
        for formaal, names in purposes.items():
            heading = "Formål" if len(purposes) == 1 else f"Formål: {' og '.join(names)}"
            parts += [f"### {text(heading)}", self.md(formaal)]
        if len(roles) == 1:
            for a in roles[0].afsnit:
                if a.type == "opgaver":
                    parts += [f"### {text(a.overskrift or 'Dine opgaver')}",
                              points(a.punkter, self.resolve)]
            return "\n\n".join(p for p in parts if p)
        keys = [{self._point_text(p) for p in self._tasks(r)} for r in roles]
        shared = set.intersection(*keys)
        common = [p for p in self._tasks(roles[0]) if self._point_text(p) in shared]
        if common:
            names = " og ".join(r.navn for r in roles)
            parts += [f"### Fælles opgaver for {text(names)}", points(common, self.resolve)]
        for r in roles:
            own = [p for p in self._tasks(r) if self._point_text(p) not in shared]
            if own:
                parts += [f"### Kun for {text(r.navn)}", points(own, self.resolve)]
        return "\n\n".join(p for p in parts if p)

    def pixi_forums(self) -> list[Forum]:
        wanted = set(self.book.book.pixi.roller)
        return [f for f in self.book.fora.values()
                if any(d.rolle in wanted for _t, d in self.book.all_participants(f))]

    def pixi_meetings(self) -> str:
        """The meetings the role attends: when, how often, who else, what the role must do."""
        wanted = self.book.book.pixi.roller
        parts = []
        for f in self.pixi_forums():
            seats = [(t, d) for t, d in self.book.all_participants(f) if d.rolle in wanted]
            others = []
            for _t, d in self.book.all_participants(f):
                name = self.book.roller[d.rolle].navn
                if d.rolle not in wanted and name not in others:
                    others.append(name)
            duties = []
            for _t, d in seats:
                duty = self.duties(d) or "deltager"
                label = self.book.roller[d.rolle].navn
                duties.append(f"{text(label)}: {duty}" if len(wanted) > 1 else duty)
            counts = "; ".join(f"{text(t)}: {self.per_year(h)}" if t else self.per_year(h)
                               for t, h, _ in self.book.series(f))
            parts.append(f"### {self.link('forum', f.id)}")
            items = [f"**Hvor ofte:** {text(f.hyppighed.tekst)} ({counts} møder om året)"]
            if others:
                items.append(f"**Hvem ellers:** {text(', '.join(others))}")
            items.append(f"**Din opgave:** {'; '.join(dict.fromkeys(duties))}")
            parts.append(bullet_list(items))
        return "\n\n".join(parts) or "Rollen er ikke opført som deltager i faste møder."

    def pixi_contacts(self) -> str:
        rows = []
        for k in self.book.book.pixi.kontakter:
            r = self.book.roller[k.rolle]
            enhed = self.book.enhed(r)
            districts = ", ".join(self.book.distrikter[d].navn for d in r.distrikter
                                  if d in self.book.distrikter)
            who = self.link("rolle", r.id) + (f" ({text(enhed.navn)})" if enhed else "")
            if districts:
                who += f" — distrikt: {text(districts)}"
            rows.append([who, text(k.hvad)])
        return table(["Hvem", "Kontakt om"], rows)

    def pixi_year(self) -> str:
        rows = []
        for a in sorted(self.book.aktiviteter.values(),
                        key=lambda a: (min(a.klassetrin) if a.klassetrin else 99, a.navn)):
            when = ", ".join(MAANEDER[m - 1] for m in a.maaneder) or text(a.tidspunkt or "")
            grades = ", ".join(f"{g}." for g in a.klassetrin)
            rows.append([grades, text(a.navn) + (f" ({text(a.tema)})" if a.tema else ""), when
                         if a.maaneder else text(a.tidspunkt or a.hyppighed or "")])
        meetings = [[self.link("forum", f.id), text(f.hyppighed.tekst)]
                    for f in self.pixi_forums()]
        out = []
        if rows:
            out += ["### Aktiviteter", table(["Klasse", "Aktivitet", "Hvornår"], rows)]
        if meetings:
            out += ["### Dine faste møder", table(["Møde", "Hvor ofte"], meetings)]
        return "\n\n".join(out)

    def pixi(self, print_version: bool = False) -> str:
        """The whole pixi guide (site page and PDF share it)."""
        b = self.book
        pixi = b.book.pixi
        parts = []
        if not print_version:  # in print, the cover carries these
            parts += [f"# {text(pixi.titel)}",
                      f"**{text(b.kommune.navn)}** · {text(b.revision_label)}"]
            target = html.escape(site_link(self.page, pixi_pdf_path(b)))
            parts.append(f'<a class="md-button md-button--primary md-content__button ssp-pdf" '
                         f'href="{target}" download>Hent pixi-guiden som PDF (A5)</a>')
        if pixi.indledning:
            parts.append(self.md(pixi.indledning))
        parts += ["## Din rolle", self.pixi_roles()]
        parts += ["## Dine møder", self.pixi_meetings()]
        parts += ["## Hvem kontakter du?", self.pixi_contacts()]
        parts += ["## Regler om oplysninger", self.sections(pixi.regler, level=3)]
        year = self.pixi_year()
        if year:
            parts += ["## Året", year]
        parts.append(self.sections(pixi.afsnit))
        if not print_version:  # in print, the back page carries the address and a QR code
            address = b.kommune.adresse
            parts += ["## Hele håndbogen",
                      f"Den fulde håndbog findes på [{text(address)}]({address}).",
                      self.source_note(b.source_file("pixi"))]
        return "\n\n".join(p for p in parts if p)
