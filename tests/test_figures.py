"""Figures drawn from the data: the organisation diagram, the levels/pillars and the year's
meetings — in the built site and in the PDF, for every municipality, and following the data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from conftest import ROOT, mkdocs_build
from html_util import article, normalise, resolve_href, section_table, soup
from macros import handbook, pages

BUILT_IN = {"skole": "Skole", "social": "Social", "politi": "Politi", "andet": "Andet"}


def _sector_names(book) -> dict[str, str]:
    """The built-in sectors and the municipality's own, straight from the data files."""
    return {**BUILT_IN, **{s.id: s.navn for s in book.book.sektorer}}


def _sectors(book, forum) -> set[str]:
    """A forum's participants' sectors, straight from the records (role → unit → sector)."""
    roles = [d.rolle for d in forum.deltagere] + [
        d.rolle for lst in forum.deltagerlister for d in lst.deltagere]
    out = set()
    for r in roles:
        rolle = book.roller[r]
        sector = rolle.sektor or (book.enheder[rolle.enhed].sektor if rolle.enhed else "andet")
        out.add(_sector_names(book)[sector])
    return out


def _number(value: str) -> float:
    return float(value.split("–")[-1].replace(",", "."))


def _diagram(site_page):
    figure = soup(site_page).find("figure", id="figur-organisationsdiagram")
    assert figure is not None
    return figure


def test_org_diagram_shows_every_forum_its_sectors_and_only_stated_edges(built):
    book = built.book
    page = built.page(pages.path("organisering"))
    figure = _diagram(page)
    svg = figure.find("svg")
    assert svg is not None and svg.find("title").get_text()
    assert figure.find("figcaption").get_text(strip=True)
    for forum in book.fora.values():
        node = svg.find("g", id=f"forum-{forum.id}")
        assert node is not None, forum.id
        link = node.find("a", href=True)
        target, _ = resolve_href(built.site, page, link["href"])
        assert target == built.page(pages.path("forum", forum.id)).resolve(), forum.id
        words = normalise(" ".join(t.get_text() for t in node.find_all("text")))
        assert normalise(forum.navn).replace(" ", "") in words.replace(" ", ""), forum.id
        shown = {w for w in _sector_names(book).values() if w in words}
        assert shown == _sectors(book, forum), forum.id
        # Colour is never the only carrier: every coloured cell has its sector's name.
        assert ("eksternt forum" in words) == (forum.type == "ekstern"), forum.id
    edges = {g["id"] for g in svg.find_all("g", id=True) if g["id"].startswith("kant-")}
    assert edges == {f"kant-{f.id}--{line.forum or 'enhed-' + line.enhed}"
                     for f in book.fora.values() for line in f.rapporteringer}


def test_org_diagram_has_a_text_alternative_saying_what_the_source_leaves_open(built):
    book = built.book
    text = normalise(article(soup(built.page(pages.path("organisering")))).get_text(" "))
    assert "Diagrammet som tekst" in text
    for forum in book.fora.values():
        assert normalise(forum.navn) in text
        if forum.rapporterer_til:
            assert f"{normalise(forum.navn)} (" in text
        else:
            assert normalise(forum.placering_note) in text, forum.id
    for level in book.book.niveauer.organisationsniveauer if book.book.niveauer else []:
        assert normalise(level.navn) in text
    assert ("Niveau ikke angivet" in text) == any(f.niveau is None for f in book.fora.values())


def test_levels_figure_follows_niveauer_yml(built):
    n = built.book.book.niveauer
    if not (n and n.niveauer):  # no levels of effort: no page for them
        assert not built.page(pages.path("niveauer")).exists()
        return
    figure = article(soup(built.page(pages.path("niveauer")))).find("figure")
    assert figure is not None and f"ssp-{n.figur}" in figure["class"]
    names = [normalise(p.get_text()) for p in figure.select(".ssp-niveau-navn")]
    assert names == [normalise(x.navn) for x in n.niveauer]
    text = normalise(figure.get_text(" "))
    for x in n.niveauer:
        if x.maalgruppe:
            assert normalise(x.maalgruppe) in text
        for a in x.aktoerer:
            assert normalise(built.book.roller[a].navn) in text
    assert figure.find("figcaption").get_text(strip=True)


def _rows(figure) -> dict[str, list[str]]:
    """Row header → cell texts; a row without a header (what a role's totals leave out) is
    added to the row above it, so a role without one gets '' there."""
    rows: dict[str, list[str]] = {}
    last = None
    for tr in figure.tbody.find_all("tr"):
        cells = [normalise(td.get_text(" ")) for td in tr.find_all("td")]
        if tr.th is None:
            rows[last].append(cells[0])
            continue
        last = normalise(tr.th.get_text())
        rows[last] = cells
    if figure.get("id") == "figur-moeder-pr-rolle":
        for cells in rows.values():
            cells.extend([""] * (4 - len(cells)))
    return rows


def test_year_figure_lists_every_forums_meetings_or_says_unknown(built):
    book = built.book
    figure = soup(built.page(pages.path("aarshjul"))).find("figure", id="figur-moeder-pr-forum")
    rows = _rows(figure)
    assert set(rows) == {normalise(f.navn) for f in book.fora.values()}
    for f in book.fora.values():
        cells = rows[normalise(f.navn)]
        series = [f.hyppighed] if not f.moeder else [s.hyppighed for s in f.moeder]
        if any(h.moeder_pr_aar is None for h in series):
            said = "efter behov" if f.hyppighed.efter_behov else "ikke oplyst"
            assert cells[1].startswith(said), f.id
            continue
        expected = sum(h.moeder_pr_aar[1] for h in series)
        assert abs(_number(cells[1].split()[0]) - expected) < 0.11, f.id


def test_role_totals_are_the_sum_over_the_forums_the_role_sits_in(built):
    """The year overview's totals equal the sum of the per-forum rows on each role's page,
    and forums without a frequency are named, not counted as zero."""
    book = built.book
    figure = soup(built.page(pages.path("aarshjul"))).find("figure", id="figur-moeder-pr-rolle")
    rows = _rows(figure)
    checked = 0
    for rolle in book.roller.values():
        forums = [f for f in book.fora.values()
                  if rolle.id in {d.rolle for _t, d in book.all_participants(f)}]
        if not forums:
            assert normalise(rolle.navn) not in rows
            continue
        cells = rows[normalise(rolle.navn)]
        assert int(cells[0]) == len(forums), rolle.id
        role_page = soup(built.page(pages.path("rolle", rolle.id)))
        table = section_table(role_page, "Deltager i")
        meetings = hours = 0.0
        unknown = set()
        hours_left_out = False
        for tr in table.find_all("tr")[1:-1]:
            td = [normalise(c.get_text(" ")) for c in tr.find_all("td")]
            if td[2] in ("ikke oplyst", "efter behov"):
                unknown.add(td[0])
                continue
            meetings += _number(td[2])
            if td[3] and td[3][0].isdigit():
                hours += _number(td[3])
            else:
                hours_left_out = True
        for shown, total, left_out in ((cells[1], meetings, bool(unknown)),
                                       (cells[2], hours, bool(unknown) or hours_left_out)):
            if total == 0 and left_out:  # nothing countable: said, not shown as 0
                assert shown == "ikke oplyst", rolle.id
            else:
                assert abs(_number(shown) - total) < 0.2, rolle.id
        for name in unknown:
            assert name in cells[3], (rolle.id, name)
        checked += 1
    assert checked


def test_figures_are_in_the_pdf(built):
    texts = [normalise(t) for t in built.pdf_texts()]
    org = [t for t in texts if "Organisationsdiagram:" in t]
    assert org, "the diagram's caption is not in the PDF"
    # The SVG is drawn as text in the PDF: its level titles and forum names are there.
    first = next(f for f in built.book.fora.values())
    joined = " ".join(texts).replace(" ", "")
    assert "niveau" in " ".join(org) and normalise(first.navn).split()[0] in " ".join(texts)
    levels = built.book.book.niveauer
    if levels and levels.niveauer:
        assert normalise(levels.niveauer[0].navn).replace(" ", "") in joined
    assert any("Møder pr. år i hvert forum" in t for t in texts)


NEW_FORUM = """id: koordinering
navn: Koordineringsgruppen
type: intern
niveau: koordinerende
rapporterer_til: styregruppe
deltagere:
  - rolle: ssp-laerer
hyppighed:
  tekst: Hver måned
  pr_aar: 12
  varighed_minutter: 90
"""
UNKNOWN_FORUM = """id: netvaerk
navn: Netværket uden frekvens
type: ekstern
placering_note: Kilden siger ikke, hvor netværket hører til.
deltagere:
  - rolle: ssp-laerer
hyppighed:
  tekst: Efter aftale
"""


def test_figures_follow_the_data(fixture_copy, tmp_path):
    base = fixture_copy / "bjergby"
    before = handbook.load(fixture_copy, "bjergby").workload("ssp-laerer")
    (base / "fora" / "koordinering.yml").write_text(NEW_FORUM, encoding="utf-8")
    (base / "fora" / "netvaerk.yml").write_text(UNKNOWN_FORUM, encoding="utf-8")
    niveauer = base / "niveauer.yml"
    niveauer.write_text(niveauer.read_text(encoding="utf-8").replace(
        "titel: SSP på 2 niveauer", "titel: SSP på 2 niveauer\nfigur: soejler").replace(
        "Den generelle indsats", "Den brede indsats"), encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(site, "bjergby", fixture_copy, pdf=False)
    assert result.returncode == 0, result.stderr

    svg = soup(site / "organisering" / "index.html").find("figure", id="figur-organisationsdiagram")
    assert svg.find("g", id="forum-koordinering") and svg.find("g", id="forum-netvaerk")
    assert svg.find("g", id="kant-koordinering--styregruppe")
    assert "Koordinerende niveau" in svg.get_text(" ")

    figure = soup(site / "niveauer" / "index.html").find("figure")
    assert "ssp-soejler" in figure["class"] and "Den brede indsats" in figure.get_text()

    year = soup(site / "aarshjul" / "index.html")
    forum_rows = _rows(year.find("figure", id="figur-moeder-pr-forum"))
    assert forum_rows["Koordineringsgruppen"][1].startswith("12")
    assert forum_rows["Netværket uden frekvens"][1].startswith("ikke oplyst")
    role = _rows(year.find("figure", id="figur-moeder-pr-rolle"))["SSP-lærer"]
    assert _number(role[1]) == before.moeder[1] + 12
    assert _number(role[2]) == before.timer[1] + 18  # 12 meetings of 1½ hours
    assert "Netværket uden frekvens" in role[3] and role[0] == "3"


def test_a_missing_graphviz_stops_the_build_with_a_clear_message(tmp_path):
    env = dict(os.environ, SSP_KOMMUNE="bjergby", SSP_DATA=str(ROOT / "tests/fixtures/data"),
               PDF="false", NO_MKDOCS_2_WARNING="1", PATH=str(tmp_path))
    assert shutil.which("dot", path=str(tmp_path)) is None
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d",
                             str(tmp_path / "site")], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode != 0
    assert "Graphviz mangler" in result.stdout + result.stderr


def test_diagram_shows_names_literally_even_graphviz_escapes(fixture_copy):
    """HTML and Graphviz's own escapes (\\N is 'the node's name') in a forum name are drawn
    as typed, in the boxes and in the tooltips."""
    import html
    import re

    import yaml

    from macros import figures

    name = '<script>alert(1)</script> "&\' \\N \\G \\ \\\\ {{ x }} ]]> æøå |x|'
    path = fixture_copy / "bjergby" / "fora" / "styregruppe.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "navn: SSP-styregruppe", "navn: " + yaml.safe_dump(name, width=1000).split("\n")[0]),
        encoding="utf-8")
    book = handbook.load(fixture_copy, "bjergby")
    assert book.fora["styregruppe"].navn == name
    svg = figures.org_diagram(pages.links(book, pages.path("organisering")))
    assert "<script" not in svg
    node = svg[svg.index('id="forum&#45;styregruppe"'):]  # Graphviz writes '-' as &#45;
    texts = [html.unescape(t) for t in re.findall(r"<text[^>]*>(.*?)</text>", node)]
    assert "".join(texts).replace(" ", "").startswith(name.replace(" ", ""))
    tips = {html.unescape(t) for t in re.findall(r'xlink:title="([^"]*)"', svg)}
    assert name in tips
