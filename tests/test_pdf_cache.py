"""Only the work a build needs: an HTML-only build never loads WeasyPrint, and a PDF whose
input did not change comes from the PDF cache, while any change to its input draws it anew."""

from __future__ import annotations

import gc
import logging
import os
import subprocess
import sys
import zlib

import pydyf
import pytest
from pypdf import PdfReader

from conftest import FIXTURE_DATA, ROOT, mkdocs_build
from macros import hooks
from macros.pdf_cache import CachedPdf, Drawing, PdfCache
from pdf_util import pdf_text

IMPORTS = """
import sys
from mkdocs.config import load_config
from mkdocs.commands import build
build.build(load_config("mkdocs.yml", site_dir=sys.argv[1]))
print(sorted(m for m in ("weasyprint", "mkdocs_to_pdf", "pydyf") if m in sys.modules))
"""


def test_an_html_only_build_never_imports_weasyprint(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "SSP_KOMMUNE": "bjergby", "SSP_DATA": str(FIXTURE_DATA),
           "PDF": "false", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-c", IMPORTS, str(tmp_path / "site")], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[-2] == "[]", result.stdout
    assert (tmp_path / "site" / "index.html").exists()
    assert not (tmp_path / "site" / "pdf").exists()


def _text(path) -> str:
    return pdf_text(path)


@pytest.mark.parametrize("built", [(FIXTURE_DATA, "bjergby")], indirect=True,
                         ids=["bjergby"])
def test_an_unchanged_rebuild_copies_the_pdfs(built, fixture_copy, tmp_path):
    """The session's build of the invented municipality filled the tests' PDF cache; the same
    data built again (from another folder) copies both PDFs from it, byte for byte. That a
    change draws them anew is shown by test_pixi.test_changing_a_task_changes_the_pdfs."""
    again = mkdocs_build(tmp_path / "site", "bjergby", fixture_copy)
    assert again.returncode == 0, again.stderr
    assert again.stderr.count("fra cachen") == 2, again.stderr  # handbook and pixi guide
    for name in ("bjergby-ssp-haandbog.pdf", "bjergby-pixi-guide.pdf"):
        assert (built.site / "pdf" / name).read_bytes() == \
            (tmp_path / "site" / "pdf" / name).read_bytes(), name


def test_a_changed_stylesheet_or_image_draws_the_pdf_again(tmp_path, caplog):
    """What WeasyPrint fetched while drawing is part of the key, by content; the creation
    time mkdocs-to-pdf stamps into the HTML is not."""
    site = tmp_path / "site"
    (site / "css").mkdir(parents=True)
    css, logo = site / "css" / "print.css", site / "logo.svg"
    css.write_text("h1 { color: #123456 }", encoding="utf-8")
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
                    '<rect width="10" height="10"/></svg>', encoding="utf-8")
    html = (f'<html lang="da"><head><title>T</title><link rel="stylesheet" '
            f'href="{css.as_uri()}"><meta name="dcterms.created" content="{{}}"></head>'
            f'<body><h1>Overskrift</h1><img alt="logo" src="{logo.as_uri()}"></body></html>')
    renderer = CachedPdf(PdfCache(tmp_path / "cache"), site_dir=lambda: site, finisher=None)
    target = site / "pdf" / "x.pdf"

    def from_cache(created: str) -> bool:
        caplog.clear()
        target.unlink(missing_ok=True)
        with caplog.at_level(logging.INFO, logger="mkdocs.ssp.pdf"):
            renderer.write_pdf(html.format(created), str(target))
        assert "Overskrift" in _text(target)
        return "fra cachen" in caplog.text

    assert not from_cache("2026-01-01T10:00:00+00:00")
    assert from_cache("2026-02-02T11:00:00+00:00")  # only the creation time differs
    css.write_text("h1 { color: #654321 }", encoding="utf-8")
    assert not from_cache("2026-02-02T11:00:00+00:00")
    assert from_cache("2026-03-03T12:00:00+00:00")
    logo.write_text(logo.read_text(encoding="utf-8").replace('width="10" height="10"/>',
                                                             'width="5" height="5"/>'))
    assert not from_cache("2026-03-03T12:00:00+00:00")


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "in-process"])
def test_the_handbook_is_drawn_in_a_child_whose_problems_reach_the_build(tmp_path, caplog,
                                                                         monkeypatch, fork):
    """Drawn in a forked process the build waits for (not while serving: ``fork=False``).
    WeasyPrint's errors there are logged again by the build's own "weasyprint" logger, where
    mkdocs-to-pdf counts them to fail a strict build; a PDF drawn with errors is not cached."""
    draw, where = CachedPdf._draw, tmp_path / "pid"

    def recording(self, *args):
        where.write_text(str(os.getpid()))
        return draw(self, *args)

    monkeypatch.setattr(CachedPdf, "_draw", recording)
    cache = PdfCache(tmp_path / "cache")
    renderer = CachedPdf(cache, site_dir=lambda: tmp_path, finisher=None, fork=fork)
    target = tmp_path / "pdf" / "x.pdf"
    with caplog.at_level(logging.ERROR, logger="weasyprint"):
        renderer.write_pdf('<html><head><title>T</title></head><body><p>Politiet.</p>'
                           f'<img alt="" src="{(tmp_path / "mangler.png").as_uri()}">'
                           "</body></html>", str(target))
    assert (int(where.read_text()) != os.getpid()) is fork
    assert "Politiet." in _text(target)
    assert [(r.name, r.levelname) for r in caplog.records] == [("weasyprint", "ERROR")]
    assert "mangler.png" in caplog.records[0].getMessage()
    assert not list((tmp_path / "cache").glob("??/*"))  # drawn with an error: not kept


def test_page_streams_are_compressed_at_zlibs_default_level(tmp_path):
    """pydyf compresses at level 9; while our PDFs are drawn it uses zlib's default (6):
    each page's content decompresses to the same drawing, and pydyf is left as it was."""
    target = tmp_path / "x.pdf"
    renderer = CachedPdf(PdfCache(None), site_dir=lambda: tmp_path, finisher=None)
    renderer.write_pdf('<html lang="da"><head><title>T</title></head><body>'
                       + "<p>Forebyggelse i skolen.</p>" * 200 + "</body></html>", str(target))
    assert pydyf.zlib is zlib
    contents = PdfReader(target).pages[0]["/Contents"].get_object()
    raw = contents._data  # the stream as stored in the file, still compressed
    drawing = zlib.decompress(raw)
    assert b"BT" in drawing  # text is drawn
    assert raw == zlib.compress(drawing, 6) != zlib.compress(drawing, 9)
    assert "Forebyggelse i skolen." in _text(target)


def test_drawing_pauses_the_garbage_collector_and_puts_it_back():
    assert gc.isenabled()
    with Drawing():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()  # paused by someone else: left paused
    try:
        with Drawing():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_build_collects_garbage_less_often_until_it_ends(monkeypatch):
    for name in ("_staged", "_serving"):  # this process's hook state, put back afterwards
        monkeypatch.setattr(hooks, name, getattr(hooks, name))
    before = gc.get_threshold()
    hooks.on_startup(command="build", dirty=False)
    try:
        assert gc.get_threshold() == hooks.BUILD_GC_THRESHOLDS != before
    finally:
        hooks.on_shutdown()
    assert gc.get_threshold() == before
    hooks.on_startup(command="serve", dirty=False)  # the preview keeps Python's defaults
    assert gc.get_threshold() == before
    hooks.on_shutdown()
