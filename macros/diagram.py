"""The organisation diagram, drawn from the records by Graphviz as SVG with real text (which
WeasyPrint draws in the PDF; no JavaScript).

Every forum sits in its level (``organisationsniveauer`` in niveauer.yml, top first; forums
without one under "Niveau ikke angivet i kilden"), shows its participants' sectors by colour
*and* by name, and links to its page. An arrow is drawn only where the data says
``rapporterer_til``: solid for a primary line, dashed for a secondary one; a line to a unit
that is not a forum (a political committee) ends at a grey box above the levels. A forum that
exists once per district is drawn once, with the count.
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

from .model import Forum

if TYPE_CHECKING:
    from .handbook import Handbook

UNPLACED = "Niveau ikke angivet i kilden"
OUTSIDE = "Uden for SSP-fora"
# Light fills under dark text (contrast ≥ 7:1 with #1a1a1a); the sector's name is written too.
SEKTOR_FARVER = {"skole": "#cfe2ff", "social": "#d3f0d3", "politi": "#ffe4a8", "andet": "#e4e4e4"}
# For a municipality's own sectors without a colour of their own, in order.
EKSTRA_FARVER = ("#f9d5e5", "#e0d4f7", "#d4f1f4", "#fde2c8", "#e6f4c8", "#dce3ea", "#f6d6d6",
                 "#f0e0c0")
FONT = "DejaVu Sans"
ROW_WIDTH = 4  # forums per row inside a level, so the diagram fits an A4 page


class FigureError(RuntimeError):
    """Graphviz is missing or failed; the build stops with this message."""


def sector_colours(book: "Handbook") -> dict[str, str]:
    """A fill for every sector: the built-in ones, the data's own or the next spare one."""
    own = {s.id: s.farve for s in book.book.sektorer}
    spare = iter(EKSTRA_FARVER * (1 + len(own) // len(EKSTRA_FARVER)))
    return {s: SEKTOR_FARVER.get(s) or own.get(s) or next(spare) for s in book.sektorer}


@dataclass(frozen=True)
class Band:
    """One level of the organisation and its forums."""

    titel: str
    fora: tuple[Forum, ...]
    niveau: str | None = None  # the level's id; None: forums without a level


def bands(book: "Handbook", empty: bool = False) -> list[Band]:
    """The forums grouped by level, top first; forums without a level come last. Levels
    without forums are left out, unless ``empty``."""
    levels = [(n.id, n.navn) for n in book.organisationsniveauer.values()] + [(None, UNPLACED)]
    out = []
    for niveau, titel in levels:
        fora = tuple(f for f in book.fora.values() if f.niveau == niveau)
        if fora or (empty and niveau is not None):
            out.append(Band(titel, fora, niveau))
    return out


def primary_parent(forum: Forum) -> str | None:
    """The forum this one reports to on its first primary line, if any."""
    return next((line.forum for line in forum.rapporteringer
                 if line.forum and not line.sekundaer), None)


# --- Graphviz's syntax ---------------------------------------------------------------------


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _label_text(value: str) -> str:
    """Text for a Graphviz HTML label: escaped, and each backslash doubled, or Graphviz
    reads '\\N' and friends as its own escapes."""
    return _e(value).replace("\\", "\\\\")


def _wrap(value: str, width: int = 24) -> str:
    return "<BR/>".join(_label_text(line) for line in textwrap.wrap(value, width) or [""])


def _quote(value: str) -> str:
    """A quoted Graphviz string; a backslash takes four (one level for the DOT string, one
    for Graphviz's own escapes such as '\\N')."""
    return '"' + value.replace("\\", "\\" * 4).replace('"', '\\"') + '"'


def _small(text: str) -> str:
    return f'<FONT POINT-SIZE="9"><I>{_label_text(text)}</I></FONT>'


def _node_label(book: "Handbook", forum: Forum, colours: dict[str, str]) -> str:
    sectors = book.forum_sectors(forum)
    cells = "".join(f'<TD BGCOLOR="{colours[s]}"><FONT POINT-SIZE="9">'
                    f"{_label_text(book.sektorer[s])}</FONT></TD>" for s in sectors)
    span = max(len(sectors), 1)
    notes = (["eksternt forum"] if forum.type == "ekstern" else []) + (
        [f"× {len(book.forum_districts(forum))}, ét pr. distrikt"]
        if book.forum_districts(forum) else [])
    extra = "".join(f'<TR><TD COLSPAN="{span}">{_small(n)}</TD></TR>' for n in notes)
    return (f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">'
            f'<TR><TD COLSPAN="{span}"><B>{_wrap(forum.navn)}</B></TD></TR>{extra}'
            f"<TR>{cells or '<TD></TD>'}</TR></TABLE>>")


# --- the layout ----------------------------------------------------------------------------


def _rows(book: "Handbook", band: Band) -> list[list[Forum]]:
    """A level's forums in rows: a forum that reports to another in the same level goes a
    row below it; each row holds at most ROW_WIDTH forums."""
    inside = {f.id for f in band.fora}

    def depth(f: Forum) -> int:
        seen, d = {f.id}, 0
        while primary_parent(f) in inside and primary_parent(f) not in seen:
            f = book.fora[primary_parent(f)]
            seen.add(f.id)
            d += 1
        return d

    rows: list[list[Forum]] = []
    for level in sorted({depth(f) for f in band.fora}):
        # Forums with a reporting line first: their arrows stay short.
        same = sorted((f for f in band.fora if depth(f) == level),
                      key=lambda f: not f.rapporteringer)
        rows += [same[i:i + ROW_WIDTH] for i in range(0, len(same), ROW_WIDTH)]
    return rows


def _outside(book: "Handbook") -> list[str]:
    """The units (not forums) that forums report to, in the order they are first named."""
    return list(dict.fromkeys(line.enhed for f in book.fora.values()
                              for line in f.rapporteringer if line.enhed))


def _cluster(i: int, title: str, rows: list[list[str]], nodes: dict[str, str]) -> list[str]:
    """One level as a Graphviz cluster: its nodes in rows, kept in order left to right."""
    lines = [f"  subgraph cluster_{i} {{",
             f'    label={_quote(title)}; style="rounded"; color="#9e9e9e";']
    for row in rows:
        lines += [f"    {_quote(node)} [{nodes[node]}];" for node in row]
        lines.append("    { rank=same; " + " ".join(_quote(n) for n in row) + " }")
        lines += [f"    {_quote(a)} -> {_quote(b)} [style=invis];" for a, b in zip(row, row[1:])]
    return lines + ["  }"]


def _forum_nodes(book: "Handbook", url: Callable[[str], str]) -> dict[str, str]:
    colours = sector_colours(book)
    styles = {"intern": '"rounded,filled"', "ekstern": '"rounded,filled,dashed"'}
    return {f.id: (f"id={_quote('forum-' + f.id)}, label={_node_label(book, f, colours)}, "
                   f"style={styles[f.type]}, href={_quote(url(f.id))}, target=\"_top\", "
                   f"tooltip={_quote(f.navn)}")
            for f in book.fora.values()}


def _unit_nodes(book: "Handbook") -> dict[str, str]:
    return {f"enhed:{e}": (f"id={_quote('enhed-' + e)}, label=<{_wrap(book.enheder[e].navn)}"
                           f"<BR/>{_small('ikke et forum')}>, fillcolor=\"#f5f5f5\", "
                           f"color=\"#757575\", tooltip={_quote(book.enheder[e].navn)}")
            for e in _outside(book)}


def _edges(book: "Handbook") -> list[str]:
    """An arrow for every reporting line, drawn from the receiver down with the arrowhead at
    the receiver ("f refererer til"); dashed when the line is secondary."""
    lines = []
    for f in book.fora.values():
        for line in f.rapporteringer:
            target = line.forum or f"enhed:{line.enhed}"
            name = book.fora[line.forum].navn if line.forum else book.enheder[line.enhed].navn
            tip = f"{f.navn} refererer {'sekundært ' if line.sekundaer else ''}til {name}"
            style = ", style=dashed" if line.sekundaer else ""
            lines.append(f"  {_quote(target)} -> {_quote(f.id)} [dir=back, constraint=false, "
                         f"id={_quote('kant-' + f.id + '--' + target.replace(':', '-'))}, "
                         f"tooltip={_quote(tip)}{style}];")
    return lines


def org_dot(book: "Handbook", url: Callable[[str], str]) -> str:
    """The Graphviz source: the units outside the forums on top, then one cluster per level,
    its forums in rows, and an arrow for every reporting line the data states."""
    lines = ["digraph organisation {",
             f'  graph [rankdir=TB, fontname="{FONT}", fontsize=12, nodesep=0.2, ranksep=0.35,'
             ' newrank=true, labeljust=l, outputorder=edgesfirst];',
             f'  node [shape=box, style="rounded,filled", fillcolor="#ffffff", color="#3f51b5",'
             f' fontname="{FONT}", fontsize=10, margin="0.1,0.05", penwidth=1.4, width=2.1];',
             f'  edge [color="#303030", fontname="{FONT}", fontsize=9, arrowsize=0.8];']
    units = _unit_nodes(book)
    nodes = {**_forum_nodes(book, url), **units}
    outside = [list(units)[i:i + ROW_WIDTH] for i in range(0, len(units), ROW_WIDTH)]
    clusters = [(OUTSIDE, outside)] if outside else []
    clusters += [(band.titel, [[f.id for f in row] for row in _rows(book, band)])
                 for band in bands(book)]
    heads = []  # the first node of every row, top to bottom
    for i, (title, rows) in enumerate(clusters):
        lines += _cluster(i, title, rows, nodes)
        heads += [row[0] for row in rows]
    # Stack the rows (and so the levels) from top to bottom.
    lines += [f"  {_quote(a)} -> {_quote(b)} [style=invis];" for a, b in zip(heads, heads[1:])]
    return "\n".join(lines + _edges(book) + ["}"])


@functools.lru_cache(maxsize=32)
def run_dot(source: str) -> str:
    dot = shutil.which("dot")
    if dot is None:
        raise FigureError("Graphviz mangler: organisationsdiagrammet tegnes med programmet 'dot' "
                          "(Debian-pakken graphviz; ./run build installerer den)")
    result = subprocess.run([dot, "-Tsvg"], input=source, capture_output=True, text=True,
                            timeout=60)
    if result.returncode != 0:
        raise FigureError(f"Graphviz kunne ikke tegne organisationsdiagrammet: {result.stderr}")
    return result.stdout


def inline_svg(svg: str, title_id: str, title: str) -> str:
    """Graphviz's SVG made fit to sit inside a page: no prolog, one title naming the figure,
    plain ``href`` links, scalable."""
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    svg = re.sub(r"<title>.*?</title>", "", svg, flags=re.S)  # node ids, not names
    svg = svg.replace("xlink:href=", "href=")
    svg = re.sub(r'<svg width="(\d+)pt" height="(\d+)pt"',
                 lambda m: f'<svg class="ssp-diagram" width="{m[1]}" height="{m[2]}" '
                           f'aria-labelledby="{title_id}"', svg, count=1)
    heading = f'<title id="{title_id}">{_e(title)}</title>'  # data: never a replacement pattern
    svg = re.sub(r"(<svg[^>]*>)", lambda m: m[1] + heading, svg, count=1)
    # No blank lines: Markdown must keep the figure as one raw HTML block.
    return "\n".join(line for line in svg.splitlines() if line.strip())
