"""A municipality of a different shape (tests/fixtures/data/aaby): four levels with other names,
two reporting lines (one to a committee that is not a forum), two sectors of its own, a forum
in every district, a forum that meets only on demand, links in list items and table cells,
activities by month without grades, no appendices. Built strictly with the PDFs; the facts
are read back from the pages."""

from __future__ import annotations

import re

import pytest

from conftest import FIXTURE_DATA, build_once
from html_util import article, normalise, section_table, soup
from macros import pages
from macros.diagram import sector_colours
from macros.fields import MIN_CONTRAST, contrast


@pytest.fixture(scope="module")
def aaby(tmp_path_factory):
    return build_once(FIXTURE_DATA, "aaby", tmp_path_factory)


def _text(built, src: str) -> str:
    return normalise(article(soup(built.page(src))).get_text(" "))


def test_the_diagram_has_the_datas_four_levels_in_order(aaby):
    figure = soup(aaby.page(pages.path("organisering"))).find("figure",
                                                              id="figur-organisationsdiagram")
    clusters = [normalise(g.find("text").get_text()) for g in figure.select("g.cluster")]
    assert clusters == ["Uden for SSP-fora", "Politikredsens niveau", "Strategisk niveau",
                        "Taktisk niveau", "Udførende niveau"]
    text = _text(aaby, pages.path("organisering"))
    order = [text.index(f"{name} ") for name in ("Politikredsens niveau", "Strategisk niveau",
                                                 "Taktisk niveau", "Udførende niveau")]
    assert order == sorted(order)


def test_two_reporting_lines_one_secondary_to_a_committee(aaby):
    figure = soup(aaby.page(pages.path("organisering"))).find("figure",
                                                              id="figur-organisationsdiagram")
    primary = figure.find("g", id="kant-ledergruppe--styregruppe")
    secondary = figure.find("g", id="kant-ledergruppe--enhed-boerne-og-ungeudvalget")
    assert primary is not None and secondary is not None
    assert "stroke-dasharray" in str(secondary) and "stroke-dasharray" not in str(primary)
    assert figure.find("g", id="enhed-boerne-og-ungeudvalget") is not None
    assert "sekundær linje" in figure.find("ul", class_="ssp-forklaring").get_text()
    facts = _text(aaby, pages.path("forum", "ledergruppe"))
    assert "Refererer til SSP-styregruppen ; Børne- og Ungeudvalget (sekundært, En gang i " \
           "kvartalet): Orienterer udvalget om Lokalt SSP-udvalg" in facts
    as_text = _text(aaby, pages.path("organisering"))
    assert "Ledergruppen (Social, Politi) — refererer til SSP-styregruppen ; Børne- og " \
           "Ungeudvalget (sekundært" in as_text


def test_the_municipalitys_own_sectors_have_names_and_readable_colours(aaby):
    legend = soup(aaby.page(pages.path("organisering"))).find("ul", class_="ssp-forklaring")
    names = [normalise(s.get_text()) for s in legend.find_all("span", class_="ssp-sektor")]
    assert names == ["Skole", "Social", "Politi", "Psykiatri", "Kriminalforsorgen", "Andet"]
    colours = sector_colours(aaby.book)
    assert colours["psykiatri"] == "#e0d4f7"
    assert len(set(colours.values())) == len(colours)
    assert all(contrast(c) >= MIN_CONTRAST for c in colours.values())
    forum = _text(aaby, pages.path("forum", "styregruppe"))
    assert "Psykiatri" in forum and "Kriminalforsorgen" in forum


def test_a_forum_in_every_district_is_drawn_once_and_listed_on_each_district(aaby):
    figure = soup(aaby.page(pages.path("organisering"))).find("figure",
                                                              id="figur-organisationsdiagram")
    node = figure.find("g", id="forum-lokaludvalg")
    assert len(figure.find_all("g", id="forum-lokaludvalg")) == 1
    assert "× 3, ét pr. distrikt" in normalise(node.get_text(" "))
    districts = soup(aaby.page(pages.path("distrikter")))
    for ident, forums in (("nord", {"lokaludvalg", "beredskab"}),
                          ("syd", {"lokaludvalg", "beredskab"}), ("havn", {"lokaludvalg"})):
        heading = districts.find(id=ident)
        section = []
        for el in heading.find_all_next():
            if el.name == "h2":
                break
            section.append(el)
        linked = {a["href"].rstrip("/").split("/")[-1] for el in section
                  for a in el.find_all("a", href=True) if "fora/" in a["href"]}
        assert linked == forums, ident
    assert "ét i hvert af 3 distrikter" in _text(aaby, pages.path("forum", "lokaludvalg"))


def test_on_demand_is_a_frequency_of_its_own_everywhere(aaby):
    assert "Møder pr. år efter behov" in _text(aaby, pages.path("forum", "beredskab"))
    role = section_table(soup(aaby.page(pages.path("rolle", "ssp-konsulent"))), "Deltager i")
    row = [normalise(td.get_text()) for td in role.find_all("tr")[1].find_all("td")]
    assert row[:3] == ["Akutberedskabet", "Efter behov", "efter behov"]
    assert "+ 1 forum efter behov" in normalise(role.get_text(" "))
    year = soup(aaby.page(pages.path("aarshjul"))).find("figure", id="figur-moeder-pr-forum")
    assert "Akutberedskabet Efter behov efter behov" in normalise(year.get_text(" "))
    assert "ikke oplyst" not in normalise(year.get_text(" "))
    pixi = _text(aaby, pages.path("pixi"))
    assert "Hvor ofte: Efter behov Hvem ellers" in pixi
    assert "Hvor ofte: Hver måned (11 møder om året)" in pixi


def test_links_work_in_list_items_and_table_cells(aaby):
    tasks = article(soup(aaby.page(pages.path("forum", "ledergruppe"))))
    items = tasks.find_all("li")
    assert any(a["href"].endswith("lokaludvalg/") for li in items for a in li.find_all("a"))
    participants = section_table(soup(aaby.page(pages.path("forum", "ledergruppe"))),
                                 "Deltagere")
    assert any(a["href"].endswith("ssp-chef/") for a in participants.find_all("a")
               if "Referent" in a.parent.get_text())
    clarifications = article(soup(aaby.page(pages.path("modsigelser"))))
    assert clarifications.find("td").find_next("a")["href"].endswith("ledergruppe/")


def test_activities_by_month_and_no_empty_grade_column(aaby):
    table = section_table(soup(aaby.page(pages.path("aarshjul"))), "Faste aktiviteter")
    headers = [normalise(th.get_text()) for th in table.find_all("th")]
    assert "Klasse" not in headers
    names = [normalise(tr.find("td").get_text()) for tr in table.find_all("tr")[1:]]
    assert names == ["Forårsmøde med forældre", "Tryghedsvandring", "Forebyggelse før nytår"]


def test_the_revision_is_shown_as_typed(aaby):
    assert "Åby Kommune · Udkast" in _text(aaby, "index.md")
    cover = normalise(aaby.pdf_texts()[0])
    assert "Udkast" in cover and "Revideret" not in cover


def test_no_appendices_and_no_levels_page_and_the_menu_still_holds(aaby):
    assert not (aaby.site / "bilag").exists() and not (aaby.site / "niveauer").exists()
    contents = article(soup(aaby.page("index.md")))
    hrefs = [a["href"] for a in contents.find_all("a", href=True)]
    assert not [h for h in hrefs if "bilag" in h or "None" in h]


def test_singular_and_plural_in_danish():
    from macros.wording import counted

    assert counted(1, "møde", "møder") == "1 møde"
    assert counted(4, "møde", "møder") == "4 møder"
    assert counted((3, 6), "møde", "møder") == "3–6 møder"
    assert counted(26.1, "møde", "møder") == "26,1 møder"
    assert re.fullmatch(r"1 forum", counted(1, "forum", "fora"))


def test_a_free_page_in_markdown_uses_every_documented_macro(aaby):
    """tests/fixtures/data/aaby/sider/samarbejdet.md calls each author macro; each shows the
    same block as the generated pages, with links from its own page."""
    from macros.author_macros import MACROS

    source = (FIXTURE_DATA / "aaby" / "sider" / "samarbejdet.md").read_text(encoding="utf-8")
    assert all(f"{{{{ {name}(" in source for name in MACROS), "the fixture must use every macro"
    page = soup(aaby.page("samarbejdet.md"))
    body = article(page)
    captions = [normalise(p.get_text()) for p in body.select("p.ssp-tabeltitel")]
    assert "Deltagere i SSP-styregruppen" in captions
    assert "Fora, som SSP-konsulent deltager i" in captions
    assert body.find(id="figur-organisationsdiagram") and body.find(id="figur-moeder-pr-forum")
    assert "Indkalder Lokalt SSP-udvalg i dit område." in normalise(body.get_text(" "))
    own = section_table(soup(aaby.page(pages.path("forum", "styregruppe"))), "Deltagere")
    quoted = section_table(page, "Hvem sidder i styregruppen?")
    assert normalise(quoted.get_text(" ")) == normalise(own.get_text(" "))
    assert quoted.find("a")["href"] == "../roller/ssp-chef/"  # linked from this page
    assert "Samarbejdet i korte træk" in [a.get_text(strip=True) for a in page.select("nav a")]


def test_a_page_record_written_as_a_file_reads_back_the_same(tmp_path):
    """free_pages.page_text is the inverse of reading a page file: front matter, body, line."""
    from macros import free_pages
    from macros.loading import SourceMap

    record = {"id": "om-os", "titel": 'Om "os": SSP', "tekst": "## Afsnit\n\nTekst {{ x }}\n"}
    folder = tmp_path / "sider"
    folder.mkdir()
    (folder / "om-os.md").write_text(free_pages.page_text(record), encoding="utf-8")
    smap, problems = SourceMap(), []
    assert free_pages.read_pages(folder, tmp_path, smap, problems) == [record]
    assert not problems
    assert smap.values[("sider", 0, "tekst")].line == 5  # '---', titel, '---', blank, body
