"""The handbook PDF's cover and running footer show the data exactly as typed, on the page.

mkdocs-to-pdf puts the revision into a CSS string with an unterminated escape, so "SSP'ens"
was printed as "SSPɾns" (U+027E) and a backslash or "<b>" vanished; the print stylesheet now
takes the running strings from the cover's text instead (pdf-templates/styles.scss), and
the cover's texts survive the plugin's HTML-unescaping (macros/pdf.py).
"""

from __future__ import annotations

import shutil

import yaml

from bad_data_cases import FIXTURE
from conftest import mkdocs_build
from html_util import normalise
from macros import handbook
from pdf_util import pdf_pages, pdf_text, words_outside

HOSTILE_REVISION = "Revideret SSP'ens \"1.\" udgave \\ <b>x</b> &amp; ø 'a' æ\\27 e"
HOSTILE_NAME = "Bjergby's Kommune &lt;&amp;&gt; \\000027 Co"


def test_the_cover_and_footer_show_the_data_literally(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    kommune = data / "bjergby" / "kommune.yml"
    text = kommune.read_text(encoding="utf-8")
    quoted = "'" + HOSTILE_REVISION.replace("'", "''") + "'"
    text = text.replace("tekst: Revideret marts 2026", f"tekst: {quoted}")
    text = text.replace("navn: Bjergby Kommune", "navn: '" + HOSTILE_NAME.replace("'", "''") + "'")
    kommune.write_text(text, encoding="utf-8")
    book = handbook.load(data, "bjergby")
    label = book.revision_label
    assert (label, book.kommune.navn) == (HOSTILE_REVISION, HOSTILE_NAME)

    result = mkdocs_build(tmp_path / "site", "bjergby", data, pdf=True)
    assert result.returncode == 0, result.stdout + result.stderr
    pages = pdf_pages(tmp_path / "site" / "pdf" / "bjergby-ssp-haandbog.pdf")
    assert len(pages) > 3
    assert normalise(pages[0]).startswith(HOSTILE_NAME)
    for number, page in enumerate(pages, start=1):
        page_text = normalise(page)
        assert "\u027e" not in page_text
        assert page_text.endswith(normalise(label)), (number, page_text[-200:])


LONG_TITLE = "SSP-Kriminalitetsforebyggelsessamarbejdsudvalgshåndbogen for Bjergby"
LONG_UNITS = {"ungdomsskolen": "Kriminalitetsforebyggelsessamarbejdsudvalgssekretariatet",
              "familieafdelingen": "Børneogungdomsrådgivningsforvaltningsafdelingen"}


def test_words_wider_than_a_line_or_a_column_stay_on_the_page(tmp_path):
    """Made-up names longer than the cover's line at 26 pt, and long words in every column
    of the units table: every word of both PDFs still lies between the side margins."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    folder = data / "bjergby"
    kommune = yaml.safe_load((folder / "kommune.yml").read_text(encoding="utf-8"))
    kommune["titel"] = LONG_TITLE
    units = yaml.safe_load((folder / "enheder.yml").read_text(encoding="utf-8"))
    for unit in units:
        unit["navn"] = LONG_UNITS.get(unit["id"], unit["navn"])
        unit["forkortelse"] = "SKPKRIMFOREBYGSEKTION"
    for name, value in (("kommune.yml", kommune), ("enheder.yml", units)):
        (folder / name).write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False),
                                   encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", "bjergby", data, pdf=True)
    assert result.returncode == 0, result.stdout + result.stderr
    for path in sorted((tmp_path / "site" / "pdf").glob("*.pdf")):
        outside = words_outside(path)
        assert not outside, f"{path.name}:\n" + "\n".join(outside[:20])
    squashed = "".join(pdf_text(tmp_path / "site" / "pdf" / "bjergby-ssp-haandbog.pdf").split())
    assert all(word in squashed.replace("-", "") for word in LONG_UNITS.values())
