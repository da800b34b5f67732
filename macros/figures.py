"""Figures drawn from the records at build time, as HTML/SVG that works offline and in the PDF
(WeasyPrint runs no JavaScript, so nothing here is drawn in the browser):

* the organisation diagram (``diagram.py`` draws it with Graphviz) with its legend;
* the levels or pillars (``niveauer.yml``) as HTML blocks: a pyramid or pillars side by side;
* the year's meetings as a bar chart per forum and per role, built in HTML.

The figures are raw HTML in the page, not Markdown: their HTML is in ``templates/``, whose
autoescaping escapes every value from the data.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import diagram
from .links import Links
from .templating import Markup, html as template
from .wording import ON_DEMAND, UNKNOWN, count_range, total_or_unknown
from .workload import Workload

FigureError = diagram.FigureError


def org_diagram(links: Links) -> str:
    """The organisation diagram as a figure: SVG, legend and caption."""
    book = links.book
    levels = list(book.organisationsniveauer.values())
    caption = f"Organisationsdiagram: {book.kommune.navn}s SSP-fora" + (
        f" fra {levels[0].navn.lower()} til {levels[-1].navn.lower()}" if len(levels) > 1 else "")
    source = diagram.org_dot(book, lambda i: links.url("forum", i))
    svg = diagram.inline_svg(diagram.run_dot(source), "ssp-org-titel", caption)
    lines = [line for f in book.fora.values() for line in f.rapporteringer]
    colours = diagram.sector_colours(book)
    return template("org_figur.html.j2", svg=Markup(svg), titel=caption,
                    sektorer=[(navn, colours[s]) for s, navn in book.sektorer.items()],
                    sekundaer=any(line.sekundaer for line in lines),
                    udenfor=any(line.enhed for line in lines),
                    pr_distrikt=any(book.forum_districts(f) for f in book.fora.values()))


# --- levels and pillars ------------------------------------------------------------------------


def levels_figure(links: Links) -> str:
    """The levels as a pyramid (narrowing target group) or the pillars side by side."""
    n = links.book.book.niveauer
    names = [x.navn for x in n.niveauer]
    pyramid = n.figur == "pyramide"
    return template(
        "niveauer_figur.html.j2", figur=n.figur, niveauer=n.niveauer,
        aktoerer={x.id: Markup(", ".join(links.html_link("rolle", a) for a in x.aktoerer))
                  for x in n.niveauer},
        titel=f"{n.titel}: " + (" → ".join(names) if pyramid else ", ".join(names)),
        forklaring="Øverst den bredeste målgruppe, nederst den smalleste." if pyramid
        else "Søjlerne står side om side og arbejder sammen.")


# --- the year's meetings -----------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A figure in a bar chart: its text, and the bar's width in % (None: no bar)."""

    tekst: str
    bredde: float | None


def _share(value: float, top: float, label: str) -> Figure:
    return Figure(label, 0.0 if top <= 0 or value <= 0 else max(1.0, 100 * value / top))


def _total(total: tuple[float, float], left_out: bool, top: float) -> Figure:
    """A summed figure as a bar, or 'ikke oplyst' without a bar when nothing was countable."""
    label = total_or_unknown(total, left_out)
    return Figure(label, None) if label == UNKNOWN else _share(total[1], top, label)


def forum_bars(links: Links) -> str:
    """Meetings a year per forum, as bars; forums without a frequency say so instead."""
    book = links.book
    counts = {f.id: book.meetings_per_year(f) for f in book.fora.values()}
    top = max((c[1] for c in counts.values() if c), default=0)
    rows = []
    for f in sorted(book.fora.values(), key=lambda f: (-(counts[f.id] or (-1, -1))[1], f.navn)):
        c = counts[f.id]
        extra = f" + {ON_DEMAND}" if f.hyppighed.ad_hoc else ""
        hours = book.meeting_hours(f)
        rows.append({"link": Markup(links.html_link("forum", f.id)), "frekvens": f.hyppighed.tekst,
                     "moeder": Figure(ON_DEMAND if f.hyppighed.efter_behov else UNKNOWN, None)
                     if c is None
                     else _share(c[1], top, count_range(*c) + extra),
                     "timer": count_range(*hours) if hours else "–"})
    return template("moeder_pr_forum.html.j2", rakker=rows)


def _not_counted(links: Links, w: Workload) -> Markup:
    """The forums a role's totals leave out, and why."""
    parts = []
    for why, forums in (("uden oplyst mødefrekvens", w.ukendt_frekvens),
                        (ON_DEMAND, w.efter_behov),
                        ("uden oplyst varighed (ikke med i timerne)", w.ukendt_varighed)):
        if forums:
            parts.append(f"{why}: " + ", ".join(links.html_link("forum", f.id) for f in forums))
    return Markup("; ".join(parts))


def role_bars(links: Links) -> str:
    """Per role: the meetings and hours a year its forums take, with what is not counted."""
    book = links.book
    work = {r: book.workload(r) for r in book.roller}
    seated = [r for r, w in work.items() if w.deltagelser]
    top_m = max((work[r].moeder[1] for r in seated), default=0)
    top_t = max((work[r].timer[1] for r in seated), default=0)
    rows = []
    for r in sorted(seated, key=lambda r: (-work[r].timer[1], -work[r].moeder[1],
                                           book.roller[r].navn)):
        w = work[r]
        rows.append({"link": Markup(links.html_link("rolle", r)), "fora": len(w.deltagelser),
                     "moeder": _total(w.moeder, w.moeder_udeladt, top_m),
                     "timer": _total(w.timer, w.timer_udeladt, top_t),
                     "udeladt": _not_counted(links, w)})
    return template("moeder_pr_rolle.html.j2", rakker=rows)
