"""The page renderers called on their own, with the small invented municipality and no build:
the participant table, "Deltager i", the link syntax and the page registry."""

from __future__ import annotations

import re

import pytest

from conftest import FIXTURE_DATA
from macros import handbook, pages
from macros.pages import fora, roller


@pytest.fixture(scope="module")
def book():
    return handbook.load(FIXTURE_DATA, "bjergby")


def _rows(markdown: str) -> list[list[str]]:
    """The body rows of the Markdown tables in a block."""
    rows = [line for line in markdown.splitlines() if line.startswith("| ")]
    return [[c.strip() for c in row.strip("|").split(" | ")] for row in rows
            if not row.startswith(("| Deltager |", "| Forum |", "| --- "))]


def test_participant_table_lists_each_participant_with_a_link_relative_to_the_page(book):
    links = pages.links(book, "fora/styregruppe.md")
    out = fora.participant_table(links, "styregruppe")
    rows = _rows(out)
    assert [r[0] for r in rows] == ["[Leder af SSP](../roller/ssp-leder.md)",
                                    "[En SSP\\-lærer fra hver skole](../roller/ssp-laerer.md)"]
    assert rows[0][4] == "formand, ansvarlig for indkaldelse, ansvarlig for dagsorden, " \
                         "ansvarlig for referat"
    assert rows[1][3] == "1" and rows[1][4] == "hvor det er relevant"
    assert "**Deltagere i SSP\\-styregruppe**" in out  # the table's caption


def test_participant_table_from_another_page_links_from_there(book):
    out = fora.participant_table(pages.links(book, "strategi.md"), "styregruppe")
    assert "](roller/ssp-leder.md)" in out


def test_deltager_i_is_derived_from_the_forums_and_sums_the_year(book):
    links = pages.links(book, "roller/ssp-leder.md")
    rows = _rows(roller.member_of(links, "ssp-leder"))
    assert rows[0][:4] == ["[SSP\\-styregruppe](../fora/styregruppe.md)", "4 gange årligt", "4",
                           "8"]
    assert rows[-1][:4] == ["**I alt**", "–", "**4**", "**8**"]


def test_a_role_in_no_forum_says_so(book):
    links = pages.links(book, "roller/x.md")
    assert book.participations("ingen") == []
    assert roller.member_of(links, "ingen") == "Rollen er ikke opført som deltager i noget forum."


def test_links_in_text_become_relative_links_with_the_records_name(book):
    links = pages.links(book, "fora/styregruppe.md")
    assert links.md("Se [[rolle:ssp-leder]] og [[bilag:ledelse]].") == (
        "Se [Leder af SSP](../roller/ssp-leder.md) og [bilag 1](../bilag/ledelse.md).")
    assert links.md("[[lov:retsplejeloven]]") == "[Retsplejeloven](../lovgrundlag.md#retsplejeloven)"
    assert links.md("[[distrikt:nord]]").endswith("(../distrikter.md#nord)")


def test_links_for_print_and_raw_html_and_files(book):
    printed = pages.links(book, "pixi.md", absolute_base="https://x.example/ssp/")
    assert printed.link("forum", "styregruppe") == \
        "[SSP\\-styregruppe](https://x.example/ssp/fora/styregruppe/)"
    served = pages.links(book, "organisering.md")
    assert served.url("forum", "styregruppe") == "../fora/styregruppe/"
    assert served.file("pdf/bjergby-ssp-haandbog.pdf") == "../pdf/bjergby-ssp-haandbog.pdf"
    assert pages.links(book, "index.md").file("pdf/x.pdf") == "pdf/x.pdf"
    files = pages.links(book, "organisering.md", directory_urls=False)
    assert files.url("forum", "styregruppe") == "fora/styregruppe.html"
    assert files.file("pdf/x.pdf") == "pdf/x.pdf"
    assert '<a href="../roller/ssp-leder/">Leder af SSP</a>' == served.html_link("rolle",
                                                                                 "ssp-leder")


def test_the_registry_names_every_page_once_and_the_menu_holds_them_all(book):
    generated = [p.path for p in pages.generate(book)]
    assert len(generated) == len(set(generated))
    in_menu = set()

    def collect(entry):
        if isinstance(entry, dict):
            for value in entry.values():
                collect(value)
        elif isinstance(entry, list):
            for value in entry:
                collect(value)
        else:
            in_menu.add(entry)

    collect(pages.navigation(book))
    assert in_menu == set(generated)
    for kind in pages.KINDS:
        for section in kind.sections(book):
            assert section.path in generated
    assert pages.path("forum", "styregruppe") == "fora/styregruppe.md"
    assert pages.path("fora") == "fora/index.md"


def test_every_link_kind_resolves_for_every_record_of_that_kind(book):
    """Every record a [[kind:id]] can name has a page or an anchor that the registry knows."""
    links = pages.links(book, "index.md")
    for kind, ids in book.index.definitions.items():
        if kind not in pages.TARGETS:
            continue
        for ident in ids:
            label, target = links.resolve(kind, ident)
            assert label and re.fullmatch(r"[a-z0-9/-]+\.md(#[a-z0-9-]+)?", target), target


def test_a_pdf_link_error_names_the_record_and_its_file(book):
    import logging

    from macros import pdf_messages

    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append((record.levelno, record.getMessage()))

    logger = logging.getLogger(pdf_messages.LOGGER)
    handler = Keep()
    logger.addHandler(handler)
    try:
        pdf_messages.install(book)
        logger.error("Missing %s link(s):", 2)
        logger.warning("  | %s", "#aarshjul/:digital-dannelse")
        logger.warning("  | %s", "#fora/styregruppe/:ingen")
    finally:
        logger.removeHandler(handler)
    assert records[0][0] == logging.ERROR and "PDF'en kan ikke bygges" in records[0][1]
    assert records[1][1] == "  | aktivitet 'digital-dannelse' (data/bjergby/aktiviteter.yml)"
    assert records[2][1] == "  | stedet '#ingen' på siden 'fora/styregruppe/'"
