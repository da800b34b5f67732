"""The pixi guide: an A5 booklet generated from the same records as the handbook."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import yaml
from pypdf import PdfReader

from conftest import DATA, ROOT, mkdocs_build
from html_util import article, normalise, soup
from macros import handbook, pages, pixi
from macros.fields import REFERENCE
from macros.pdf import pixi_pdf_path
from macros.pdf_cache import PdfCache
from pdf_util import pdf_pages, pdf_text

A5 = (420, 595)  # points


def _pdf_text(path) -> str:
    return normalise(pdf_text(path))


def _squash(value: str) -> str:
    return re.sub(r"[\s\-­]", "", value)


def _task_texts(book) -> list[str]:
    """The tasks of the guide's roles as a reader sees them: [[kind:id]] as the record's name."""
    links = pages.links(book, pages.path("pixi"))
    texts = []
    for role_id in book.book.pixi.roller:
        for a in book.roller[role_id].afsnit:
            if a.type == "opgaver":
                for p in a.punkter:
                    texts += [p] if isinstance(p, str) else [p.tekst, *p.underpunkter]
    return [REFERENCE.sub(lambda m: links.resolve(m[1], m[2])[0], t) for t in texts]


def _font_sizes(path) -> set[float]:
    sizes = set()

    def visit(text, cm, tm, font, size):
        if text.strip():
            sizes.add(round(abs(size * (tm[0] or tm[1]) * cm[0]), 1))

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_pixi_is_an_a5_booklet_with_the_roles_tasks_and_meetings(built):
    book = built.book
    assert book.book.pixi is not None
    path = built.site / pixi_pdf_path(book)
    reader = PdfReader(path)
    count = len(reader.pages)
    assert count <= 12 and count % 4 == 0, count
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == A5
    cover = normalise(pdf_pages(path)[0])
    assert book.revision_label in cover and book.kommune.navn in cover
    assert _squash(book.book.pixi.titel) in _squash(cover)

    text = _squash(_pdf_text(path))
    forums = [f for f in book.fora.values()
              if any(d.rolle in book.book.pixi.roller for _t, d in book.all_participants(f))]
    expected = _task_texts(book) + [f.navn for f in forums] + [
        book.roller[k.rolle].navn for k in book.book.pixi.kontakter]
    missing = [t for t in expected if _squash(normalise(t)) not in text]
    assert not missing, missing
    assert min(_font_sizes(path)) >= 9.0
    assert _squash(book.kommune.adresse) in text


def test_pixi_page_and_download_buttons_on_the_site(built):
    book = built.book
    pixi_page = soup(built.page(pages.path("pixi")))
    assert normalise(article(pixi_page).find("h1").get_text()).startswith(book.book.pixi.titel)
    pdf_name = pixi_pdf_path(book).rsplit("/", 1)[1]
    for src in ["index.md", pages.path("pixi")] + [pages.path("rolle", r)
                                                   for r in book.book.pixi.roller]:
        buttons = [a for a in soup(built.page(src)).find_all("a", attrs={"download": True})
                   if a["href"].endswith(pdf_name)]
        assert buttons, src


def test_changing_a_task_changes_the_pdfs(fixture_copy, tmp_path):
    """Both PDFs follow the data, also with the PDF cache the session's builds filled: the
    changed input is drawn anew, never copied from the cache."""
    role = fixture_copy / "bjergby" / "roller" / "ssp-laerer.yml"
    role.write_text(role.read_text(encoding="utf-8").replace(
        "Holder øje med trivslen", "Ringer til forældrene om trivselsdagen"), encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(site, "bjergby", fixture_copy, pdf=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "fra cachen" not in result.stderr
    for name in ("bjergby-pixi-guide.pdf", "bjergby-ssp-haandbog.pdf"):
        text = _squash(_pdf_text(site / "pdf" / name))
        assert _squash("Ringer til forældrene om trivselsdagen") in text, name
        assert _squash("Holder øje med trivslen") not in text, name


def test_a_pixi_over_12_pages_stops_the_build(fixture_copy, tmp_path):
    pixi = fixture_copy / "bjergby" / "pixi.yml"
    data = yaml.safe_load(pixi.read_text(encoding="utf-8"))
    data["afsnit"] = [{"overskrift": f"Afsnit {i}", "tekst": "Lang tekst. " * 200}
                      for i in range(12)]
    pixi.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    expected = ("data/bjergby/pixi.yml: pixi-guiden fylder 16 sider A5 (forventet: højst 12 "
                "sider: forkort teksterne i pixi.yml eller vælg færre roller)")
    # check lays the guide out as the build does, so it says so first (check = build)
    check = subprocess.run([sys.executable, "-m", "macros.cli", "check", "bjergby", "--data",
                            str(fixture_copy)], cwd=ROOT, capture_output=True, text=True,
                           env=dict(os.environ, SSP_PDF_CACHE="off"))
    assert check.returncode == 1 and expected in check.stderr, check.stderr
    result = mkdocs_build(tmp_path / "site", "bjergby", fixture_copy, pdf=True)
    assert result.returncode != 0
    assert expected in result.stdout + result.stderr
    # it stops before the pages are rendered: the handbook is not laid out for nothing
    assert "Rendering for PDF" not in result.stdout + result.stderr


def test_one_layout_pads_the_guide_as_counting_and_padding_did(tmp_path, monkeypatch):
    """The guide is laid out once with three note pages and trimmed to a multiple of 4
    (pixi._padded); laid out to count its pages and again with the padding (the way kept for
    a note page that would not fit one page), it reads the same, page for page. Holstebro's
    guide needs one note page."""
    book = handbook.load(DATA, "holstebro")
    layouts = []
    draw = pixi._draw
    monkeypatch.setattr(pixi, "_draw", lambda *args: layouts.append(1) or draw(*args))
    once = pdf_pages(pixi.write(book, tmp_path / "once", PdfCache(None)))
    assert len(layouts) == 1
    monkeypatch.setattr(pixi, "_padded", lambda document: None)
    twice = pdf_pages(pixi.write(book, tmp_path / "twice", PdfCache(None)))
    assert len(layouts) == 1 + 1 + 2  # the discarded layout, then count and pad
    assert len(once) % 4 == 0 and sum(pixi.NOTE_HEADING in page for page in once) == 1
    assert once == twice
