"""Figures drawn from the records at build time, as HTML/SVG that works offline and in the PDF
(WeasyPrint runs no JavaScript, so nothing here is drawn in the browser):

* the organisation diagram: Graphviz lays out the forums by level with an arrow for every
  'rapporterer_til' the data states, each forum showing its participants' sectors by colour
  *and* by name; clicking a forum opens its page;
* the levels or pillars (``niveauer.yml``) as HTML blocks: a pyramid or pillars side by side;
* the year's meetings as a bar chart per forum and per role, built in HTML.

The figures are raw HTML in the page, not Markdown: their HTML is in ``templates/``, whose
autoescaping escapes every value from the data; the Graphviz source is escaped here, for
Graphviz's own label syntax.
"""

from __future__ import annotations

import functools
import html
import re
import shutil
import subprocess
import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from .links import Links
from .model import NIVEAUER, SEKTORER, Forum
from .render import text
from .templating import Markup, html as template
from .wording import UNKNOWN, count_range, total_or_unknown
from .workload import Workload

if TYPE_CHECKING:
    from .handbook import Handbook

NIVEAU_BAND = {**{k: f"{v} niveau" for k, v in NIVEAUER.items()},
               None: "Niveau ikke angivet i kilden"}
# Light fills under dark text (contrast ≥ 7:1); the sector's name is always written too.
SEKTOR_FARVER = {"skole": "#cfe2ff", "social": "#d3f0d3", "politi": "#ffe4a8", "andet": "#e4e4e4"}
FONT = "DejaVu Sans"
ROW_WIDTH = 4  # forums per row inside a level, so the diagram fits an A4 page


class FigureError(RuntimeError):
    """Graphviz is missing or failed; the build stops with this message."""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


# --- the organisation diagram ------------------------------------------------------------------


@dataclass(frozen=True)
class Band:
    niveau: str | None
    titel: str
    fora: tuple[Forum, ...]


def bands(book: Handbook) -> list[Band]:
    """The forums grouped by level, strategic first; forums without a level come last."""
    out = []
    for niveau, titel in NIVEAU_BAND.items():
        fora = tuple(f for f in book.fora.values() if f.niveau == niveau)
        if fora:
            out.append(Band(niveau, titel, fora))
    return out


def _label_text(value: str) -> str:
    """Text for a Graphviz HTML label: escaped, and each backslash doubled, or Graphviz
    reads '\\N' and friends as its own escapes."""
    return _e(value).replace("\\", "\\\\")


def _wrap(value: str, width: int = 24) -> str:
    return "<BR/>".join(_label_text(line) for line in textwrap.wrap(value, width) or [""])


def _node_label(book: Handbook, forum: Forum) -> str:
    sectors = book.forum_sectors(forum)
    cells = "".join(f'<TD BGCOLOR="{SEKTOR_FARVER[s]}"><FONT POINT-SIZE="9">'
                    f"{SEKTORER[s]}</FONT></TD>" for s in sectors)
    span = max(len(sectors), 1)
    extern = (f'<TR><TD COLSPAN="{span}"><FONT POINT-SIZE="9"><I>eksternt forum</I></FONT>'
              "</TD></TR>" if forum.type == "ekstern" else "")
    return (f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">'
            f'<TR><TD COLSPAN="{span}"><B>{_wrap(forum.navn)}</B></TD></TR>{extern}'
            f"<TR>{cells or '<TD></TD>'}</TR></TABLE>>")


def _quote(value: str) -> str:
    """A quoted Graphviz string; a backslash takes four (one level for the DOT string, one
    for Graphviz's own escapes such as '\\N')."""
    return '"' + value.replace("\\", "\\" * 4).replace('"', '\\"') + '"'


def _rows(book: Handbook, band: Band) -> list[list[Forum]]:
    """A level's forums in rows: a forum that reports to another in the same level goes a
    row below it; each row holds at most ROW_WIDTH forums."""
    inside = {f.id for f in band.fora}

    def depth(f: Forum) -> int:
        seen, d = {f.id}, 0
        while f.rapporterer_til in inside and f.rapporterer_til not in seen:
            f = book.fora[f.rapporterer_til]
            seen.add(f.id)
            d += 1
        return d

    rows: list[list[Forum]] = []
    for level in sorted({depth(f) for f in band.fora}):
        # Forums with a reporting line first: their arrows stay short.
        same = sorted((f for f in band.fora if depth(f) == level),
                      key=lambda f: f.rapporterer_til is None)
        rows += [same[i:i + ROW_WIDTH] for i in range(0, len(same), ROW_WIDTH)]
    return rows


def org_dot(book: Handbook, url: Callable[[str], str]) -> str:
    """The Graphviz source: one cluster per level, its forums in rows, the levels stacked from
    strategic to executing, and an arrow for every reporting line the data states."""
    lines = ["digraph organisation {",
             f'  graph [rankdir=TB, fontname="{FONT}", fontsize=12, nodesep=0.2, ranksep=0.35,'
             ' newrank=true, labeljust=l, outputorder=edgesfirst];',
             f'  node [shape=box, style="rounded,filled", fillcolor="#ffffff", color="#3f51b5",'
             f' fontname="{FONT}", fontsize=10, margin="0.1,0.05", penwidth=1.4, width=2.1];',
             f'  edge [color="#303030", fontname="{FONT}", fontsize=9, arrowsize=0.8];']
    band_of: dict[str, int] = {}
    row_heads: list[str] = []  # the first forum of every row, top to bottom
    for i, band in enumerate(bands(book)):
        lines.append(f"  subgraph cluster_{i} {{")
        lines.append(f'    label={_quote(band.titel)}; style="rounded"; color="#9e9e9e";')
        for row in _rows(book, band):
            for f in row:
                band_of[f.id] = i
                style = '"rounded,filled,dashed"' if f.type == "ekstern" else '"rounded,filled"'
                lines.append(f"    {_quote(f.id)} [id={_quote('forum-' + f.id)}, "
                             f"label={_node_label(book, f)}, style={style}, "
                             f"href={_quote(url(f.id))}, target=\"_top\", "
                             f"tooltip={_quote(f.navn)}];")
            lines.append("    { rank=same; " + " ".join(_quote(f.id) for f in row) + " }")
            # Keep the row's order left to right.
            for a, b in zip(row, row[1:]):
                lines.append(f"    {_quote(a.id)} -> {_quote(b.id)} [style=invis];")
            row_heads.append(row[0].id)
        lines.append("  }")
    # Stack the rows (and so the levels) from top to bottom.
    for upper, lower in zip(row_heads, row_heads[1:]):
        lines.append(f"  {_quote(upper)} -> {_quote(lower)} [style=invis];")
    for f in book.fora.values():
        if f.rapporterer_til:
            parent = f.rapporterer_til
            # Drawn from the parent down with the arrowhead at the parent: "f refererer til".
            tooltip = f"{f.navn} refererer til {book.fora[parent].navn}"
            lines.append(f"  {_quote(parent)} -> {_quote(f.id)} [dir=back, constraint=false, "
                         f"id={_quote('kant-' + f.id + '--' + parent)}, "
                         f"tooltip={_quote(tooltip)}];")
    lines.append("}")
    return "\n".join(lines)


@functools.lru_cache(maxsize=32)
def _run_dot(source: str) -> str:
    dot = shutil.which("dot")
    if dot is None:
        raise FigureError("Graphviz mangler: organisationsdiagrammet tegnes med programmet 'dot' "
                          "(Debian-pakken graphviz; ./run build installerer den)")
    result = subprocess.run([dot, "-Tsvg"], input=source, capture_output=True, text=True,
                            timeout=60)
    if result.returncode != 0:
        raise FigureError(f"Graphviz kunne ikke tegne organisationsdiagrammet: {result.stderr}")
    return result.stdout


def _inline_svg(svg: str, title_id: str, title: str) -> str:
    """Graphviz's SVG made fit to sit inside a page: no prolog, one title naming the figure,
    plain ``href`` links, scalable."""
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    svg = re.sub(r"<title>.*?</title>", "", svg, flags=re.S)  # node ids, not names
    svg = svg.replace("xlink:href=", "href=")
    svg = re.sub(r'<svg width="(\d+)pt" height="(\d+)pt"',
                 lambda m: f'<svg class="ssp-diagram" width="{m[1]}" height="{m[2]}" '
                           f'aria-labelledby="{title_id}"', svg, count=1)
    svg = re.sub(r"(<svg[^>]*>)", rf'\1<title id="{title_id}">{_e(title)}</title>', svg, count=1)
    # No blank lines: Markdown must keep the figure as one raw HTML block.
    return "\n".join(line for line in svg.splitlines() if line.strip())


def org_diagram(links: Links) -> str:
    """The organisation diagram as a figure: SVG, legend, caption and a text alternative."""
    book = links.book
    caption = f"Organisationsdiagram: {book.kommune.navn}s SSP-fora fra det strategiske til " \
              "det udførende niveau"
    svg = _inline_svg(_run_dot(org_dot(book, lambda i: links.url("forum", i))), "ssp-org-titel",
                      caption)
    return template("org_figur.html.j2", svg=Markup(svg), titel=caption,
                    sektorer=[(navn, SEKTOR_FARVER[s]) for s, navn in SEKTORER.items()])


def org_text(links: Links) -> list[str]:
    """The diagram as text (Markdown lines), level by level: the figure's text alternative."""
    book = links.book
    out = []
    for band in bands(book):
        out.append(f"**{band.titel}**\n")
        for f in band.fora:
            sectors = ", ".join(SEKTORER[s] for s in book.forum_sectors(f))
            parts = [links.link("forum", f.id),
                     f"({'eksternt, ' if f.type == 'ekstern' else ''}{sectors})"]
            if f.rapporterer_til:
                parts.append("— refererer til " + links.link("forum", f.rapporterer_til))
            elif f.placering_note:
                parts.append("— " + text(f.placering_note))
            out.append("- " + " ".join(parts))
        out.append("")
    return out


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
        extra = " + efter behov" if f.hyppighed.ad_hoc else ""
        hours = book.meeting_hours(f)
        rows.append({"link": Markup(links.html_link("forum", f.id)), "frekvens": f.hyppighed.tekst,
                     "moeder": Figure(UNKNOWN + extra, None) if c is None
                     else _share(c[1], top, count_range(*c) + extra),
                     "timer": count_range(*hours) if hours else "–"})
    return template("moeder_pr_forum.html.j2", rakker=rows)


def _not_counted(links: Links, w: Workload) -> Markup:
    """The forums a role's totals leave out, and why."""
    parts = []
    for why, forums in (("uden oplyst mødefrekvens", w.ukendt_frekvens),
                        ("efter behov", w.ad_hoc),
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
