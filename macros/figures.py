"""Figures drawn from the records at build time, as HTML/SVG that works offline and in the PDF
(WeasyPrint runs no JavaScript, so nothing here is drawn in the browser):

* the organisation diagram: Graphviz lays out the forums by level with an arrow for every
  'rapporterer_til' the data states, each forum showing its participants' sectors by colour
  *and* by name; clicking a forum opens its page;
* the levels or pillars (``niveauer.yml``) as HTML blocks: a pyramid or pillars side by side;
* the year's meetings as a bar chart per forum and per role, built in HTML.

Every value from the data is escaped here with ``html.escape``: the figures are raw HTML in
the page, not Markdown.
"""

from __future__ import annotations

import functools
import html
import re
import shutil
import subprocess
import textwrap
from dataclasses import dataclass
from typing import Callable

from .handbook import NIVEAU_NAVNE, SEKTOR_NAVNE, Handbook, Workload
from .model import Forum
from .render import count_range, text, total_or_unknown

NIVEAU_BAND = {**{k: f"{v} niveau" for k, v in NIVEAU_NAVNE.items()},
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
                    f"{SEKTOR_NAVNE[s]}</FONT></TD>" for s in sectors)
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


def org_diagram(book: Handbook, url: Callable[[str], str]) -> str:
    """The organisation diagram as a figure: SVG, legend, caption and a text alternative."""
    caption = f"Organisationsdiagram: {book.kommune.navn}s SSP-fora fra det strategiske til " \
              "det udførende niveau"
    svg = _inline_svg(_run_dot(org_dot(book, url)), "ssp-org-titel", caption)
    legend = "".join(
        f'<li><span class="ssp-sektor" style="background:{SEKTOR_FARVER[s]}">{n}</span></li>'
        for s, n in SEKTOR_NAVNE.items())
    legend += ('<li><span class="ssp-pil">→</span> refererer til (kun hvor kilden siger det)'
               '</li><li><span class="ssp-stiplet">stiplet kant</span> eksternt forum</li>')
    return (f'<figure class="ssp-figur ssp-org" id="figur-organisationsdiagram">'
            f'<div class="ssp-figur-tegning">{svg}</div>'
            f'<ul class="ssp-forklaring" aria-label="Forklaring">{legend}</ul>'
            f"<figcaption>{_e(caption)}. Farven og navnet i bunden af hver boks viser, hvilke "
            "sektorer forummets deltagere kommer fra."
            '<span class="ssp-kun-skaerm"> Klik på et forum for at åbne dets side.</span>'
            "</figcaption></figure>")


def org_text(book: Handbook, link: Callable[[str], str]) -> list[str]:
    """The diagram as text (Markdown lines), level by level: the figure's text alternative."""
    out = []
    for band in bands(book):
        out.append(f"**{band.titel}**\n")
        for f in band.fora:
            sectors = ", ".join(SEKTOR_NAVNE[s] for s in book.forum_sectors(f))
            parts = [link(f.id), f"({'eksternt, ' if f.type == 'ekstern' else ''}{sectors})"]
            if f.rapporterer_til:
                parts.append("— refererer til " + link(f.rapporterer_til))
            elif f.placering_note:
                parts.append("— " + text(f.placering_note))
            out.append("- " + " ".join(parts))
        out.append("")
    return out


# --- levels and pillars ------------------------------------------------------------------------


def levels_figure(book: Handbook, actor_names: Callable[[list[str]], str]) -> str:
    """The levels as a pyramid (narrowing target group) or the pillars side by side."""
    n = book.book.niveauer
    blocks = []
    for i, x in enumerate(n.niveauer):
        who = actor_names(x.aktoerer)
        blocks.append(
            f'<div role="listitem" class="ssp-niveau ssp-niveau-{i + 1}">'
            f'<p class="ssp-niveau-navn"><a href="#{_e(x.id)}">{_e(x.navn)}</a></p>'
            + (f'<p><span class="ssp-etiket">Målgruppe:</span> {_e(x.maalgruppe)}</p>'
               if x.maalgruppe else "")
            + (f'<p><span class="ssp-etiket">Primære aktører:</span> {who}</p>' if who else "")
            + "</div>")
    kind = n.figur
    caption = (f"{n.titel}: " + (" → ".join(x.navn for x in n.niveauer) if kind == "pyramide"
                                 else ", ".join(x.navn for x in n.niveauer)))
    explain = ("Øverst den bredeste målgruppe, nederst den smalleste." if kind == "pyramide"
               else "Søjlerne står side om side og arbejder sammen.")
    return (f'<figure class="ssp-figur ssp-{kind}">'
            f'<div class="ssp-niveauer" role="list">' + "".join(blocks)
            + f"</div><figcaption>{_e(caption)}. {explain}</figcaption></figure>")


# --- the year's meetings -----------------------------------------------------------------------


def _bar(value: float, top: float, label: str) -> str:
    width = 0.0 if top <= 0 or value <= 0 else max(1.0, 100 * value / top)
    return (f'<span class="ssp-bar"><span class="ssp-bar-fyld" style="width:{width:.1f}%">'
            f'</span></span><span class="ssp-bar-tal">{_e(label)}</span>')


def _total_bar(total: tuple[float, float], left_out: bool, top: float) -> str:
    """A summed figure as a bar, or 'ikke oplyst' without a bar when nothing was countable."""
    label = total_or_unknown(total, left_out)
    if label == "ikke oplyst":
        return f'<span class="ssp-ukendt">{label}</span>'
    return _bar(total[1], top, label)


def forum_bars(book: Handbook, link: Callable[[str], str]) -> str:
    """Meetings a year per forum, as bars; forums without a frequency say so instead."""
    rows = []
    counts = {f.id: book.meetings_per_year(f) for f in book.fora.values()}
    top = max((c[1] for c in counts.values() if c), default=0)
    ordered = sorted(book.fora.values(), key=lambda f: (-(counts[f.id] or (-1, -1))[1], f.navn))
    for f in ordered:
        c = counts[f.id]
        extra = " + efter behov" if f.hyppighed.ad_hoc else ""
        if c is None:
            cell = f'<span class="ssp-ukendt">ikke oplyst{extra}</span>'
        else:
            cell = _bar(c[1], top, count_range(*c) + extra)
        hours = book.meeting_hours(f)
        rows.append(f'<tr><th scope="row">{link(f.id)}</th><td>{_e(f.hyppighed.tekst)}</td>'
                    f'<td class="ssp-tal">{cell}</td>'
                    f'<td class="ssp-tal">{count_range(*hours) if hours else "–"}</td></tr>')
    return ('<figure class="ssp-figur ssp-soejlediagram" id="figur-moeder-pr-forum">'
            "<figcaption>Møder pr. år i hvert forum, regnet ud fra mødefrekvensen i forummets data "
            "(ugentlige møder tæller 52 gange); timer, hvor mødets varighed er oplyst"
            "</figcaption><table><thead><tr>"
            '<th scope="col">Forum</th><th scope="col">Mødefrekvens (kilden)</th>'
            '<th scope="col">Møder pr. år</th><th scope="col">Timer pr. år</th></tr></thead>'
            "<tbody>" + "".join(rows) + "</tbody></table></figure>")


def role_bars(book: Handbook, link: Callable[[str], str],
              forum_link: Callable[[str], str]) -> str:
    """Per role: the meetings and hours a year its forums take, with what is not counted."""
    work: dict[str, Workload] = {r: book.workload(r) for r in book.roller}
    seated = [r for r, w in work.items() if w.participations]
    top_m = max((work[r].moeder[1] for r in seated), default=0)
    top_t = max((work[r].timer[1] for r in seated), default=0)
    rows = []
    for r in sorted(seated, key=lambda r: (-work[r].timer[1], -work[r].moeder[1],
                                           book.roller[r].navn)):
        w = work[r]
        missing = []
        if w.ukendt_frekvens:
            missing.append("uden oplyst mødefrekvens: "
                           + ", ".join(forum_link(f.id) for f in w.ukendt_frekvens))
        if w.ad_hoc:
            missing.append("efter behov: " + ", ".join(forum_link(f.id) for f in w.ad_hoc))
        if w.ukendt_varighed:
            missing.append("uden oplyst varighed (ikke med i timerne): "
                           + ", ".join(forum_link(f.id) for f in w.ukendt_varighed))
        rows.append(
            f'<tr><th scope="row">{link(r)}</th>'
            f'<td class="ssp-tal">{len(w.participations)}</td>'
            f'<td class="ssp-tal">{_total_bar(w.moeder, w.moeder_udeladt, top_m)}</td>'
            f'<td class="ssp-tal">{_total_bar(w.timer, w.timer_udeladt, top_t)}</td></tr>')
        if missing:
            # What is not counted goes on its own full-width line under the role's figures.
            rows.append('<tr class="ssp-ikke-talt"><td colspan="4">Ikke talt med: '
                        + "; ".join(missing) + "</td></tr>")
    return ('<figure class="ssp-figur ssp-soejlediagram" id="figur-moeder-pr-rolle">'
            "<figcaption>Møder og timer pr. år for hver rolle: summen over de fora, rollen "
            "deltager i. Fora uden oplyst frekvens eller varighed er ikke talt med; de står på "
            "linjen under rollen.</figcaption><table><thead><tr>"
            '<th scope="col">Rolle</th><th scope="col">Fora</th>'
            '<th scope="col">Møder pr. år</th><th scope="col">Timer pr. år</th>'
            "</tr></thead><tbody>"
            + "".join(rows) + "</tbody></table></figure>")
