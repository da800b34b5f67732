"""The pixi guide for new SSP teachers as an A5 booklet PDF.

The guide's Markdown is the same as its site page (``pages.pixi.guide``); here it is
rendered to HTML with the site's Markdown extensions and laid out with WeasyPrint: a cover,
the guide, note pages so the page count is a multiple of 4 (it prints as a folded booklet)
and a back page with the handbook's address as a QR code. WeasyPrint is used directly
rather than a second mkdocs-to-pdf instance because the page count has to be known to pad
the booklet, and the guide's links must point at the published site. It is laid out once,
with three note pages of which those the padding needs are kept (``_padded``). WeasyPrint is
imported only when a guide is drawn, and a guide whose HTML did not change comes from the
PDF cache. A build draws it in a forked process while it reads the pages
(``InBackground``, ``background.py``).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import markdown
import segno
from pymdownx.slugs import slugify

from . import pages
from .background import Background
from .errors import Problem
from .handbook import Handbook
from .pdf import pixi_pdf_path
from .pdf_cache import Drawing, PdfCache
from .templating import environment

TEMPLATES = Path(__file__).resolve().parent.parent / "pdf-templates" / "pixi"
MAX_PAGES = 12
NOTES = 3  # note pages drawn, of which 0-3 are kept (_padded)
NOTE_HEADING = "Noter"  # each note page's heading


class PixiTooLong(Exception):
    """The guide needs more than MAX_PAGES pages; ``problem`` is the editor's line. Built
    from the line alone, so it pickles as it is: it is raised in a background process."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(problem)

    @classmethod
    def needing(cls, book: Handbook, pages_needed: int) -> "PixiTooLong":
        return cls(Problem(
            book.source_file("pixi") or "pixi.yml", 0, 0,
            f"pixi-guiden fylder {pages_needed} sider A5",
            f"højst {MAX_PAGES} sider: forkort teksterne i pixi.yml eller vælg færre roller"))


def _html(book: Handbook, notes: int) -> str:
    links = pages.links(book, pages.path("pixi"), absolute_base=book.kommune.adresse)
    body = markdown.markdown(
        pages.pixi.guide(links, print_version=True),
        extensions=["tables", "attr_list", "toc"],
        extension_configs={"toc": {"slugify": slugify(case="lower")}})
    pixi = book.book.pixi
    return environment(TEMPLATES, one_line=False).get_template("pixi.html.j2").render(
        title=pixi.titel, kommune=book.kommune.navn, unit=book.kommune.enhed,
        revision=book.revision_label, address=book.kommune.adresse, body=body, notes=notes,
        note_heading=NOTE_HEADING,
        qr=segno.make(book.kommune.adresse, error="m").svg_inline(scale=4, border=2),
        css=(TEMPLATES / "pixi.css").read_text(encoding="utf-8"))


def write(book: Handbook, site_dir: Path, cache: PdfCache | None = None) -> Path | None:
    """Render the guide into the site's pdf/ folder; None when the municipality has none."""
    if book.book.pixi is None:
        return None
    target = site_dir / pixi_pdf_path(book)
    cache = cache or PdfCache(None)
    html = _html(book, notes=NOTES)
    key = cache.key("pixi", str(MAX_PAGES), html)
    if cache.fetch(key, target):
        return target
    with Drawing() as drawing:
        document = _padded(_draw(html, drawing))
        if document is None:  # a note page that took more than a page: count, then pad
            document = _draw(_html(book, notes=0), drawing)
            if pad := _missing(len(document.pages)):
                document = _draw(_html(book, notes=pad), drawing)
        if len(document.pages) > MAX_PAGES:
            raise PixiTooLong.needing(book, len(document.pages))
        target.parent.mkdir(parents=True, exist_ok=True)
        document.write_pdf(target, pdf_tags=True)  # language and title come from the HTML
    drawing.keep(cache, key, target)
    return target


class InBackground:
    """The guide drawn by ``write`` in a background process (``background.py``) while the
    build reads the pages, into a scratch folder of its own: it is started from
    ``on_config``, and MkDocs empties the site's folder after that. ``into`` waits for
    it and moves it into the site; a guide that is too long raises ``PixiTooLong`` there."""

    def __init__(self, book: Handbook, cache: PdfCache, fork: bool = True):
        self.scratch = Path(tempfile.mkdtemp(prefix="ssp-pixi-"))
        self.job = Background(write, book, self.scratch, cache, fork=fork)

    def into(self, site_dir: Path) -> Path | None:
        try:
            drawn = self.job.result()
            if drawn is None:
                return None
            target = site_dir / drawn.relative_to(self.scratch)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(drawn, target)
            return target
        finally:
            shutil.rmtree(self.scratch, ignore_errors=True)

    def cancel(self) -> None:
        self.job.cancel()
        shutil.rmtree(self.scratch, ignore_errors=True)


def length_problem(book: Handbook, cache: PdfCache) -> Problem | None:
    """check's answer to whether the guide fits, found by drawing it as the build does, into
    a scratch folder: the cache keeps the drawn guide, so the build that follows reuses it
    (and a guide a build drew already costs nothing here)."""
    with tempfile.TemporaryDirectory(prefix="ssp-pixi-") as scratch:
        try:
            write(book, Path(scratch), cache)
        except PixiTooLong as error:
            return error.problem
    return None


def _padded(document):
    """The guide drawn with ``NOTES`` note pages before its back page, with as many of them
    kept as make its page count a multiple of 4: one layout instead of one to count the
    pages and one more to pad them. None if the last pages are not one note page each."""
    pages = document.pages
    notes = pages[-1 - NOTES:-1]
    if len(pages) < NOTES + 2 or not all(
            [label for _level, label, *_ in page.bookmarks] == [NOTE_HEADING] for page in notes):
        return None
    content = len(pages) - NOTES - 1
    return document.copy(pages[:content + _missing(content + 1)] + pages[-1:])


def _missing(pages: int) -> int:
    """How many note pages a guide of ``pages`` pages lacks to print as a folded booklet."""
    return -pages % 4


def _draw(html: str, drawing: Drawing):
    from weasyprint import HTML

    return HTML(string=html, url_fetcher=drawing.fetcher).render()
