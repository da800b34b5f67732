"""PDFs cached by their input, so a build whose PDF content did not change lays out nothing.

A PDF is kept under a key made of everything WeasyPrint reads: the HTML (without the creation
time mkdocs-to-pdf stamps into it), every file the layout fetched (stylesheets, images — each
by its content, recorded while the PDF was drawn), WeasyPrint's version and the options. A
later build with the same key copies the PDF instead of laying out 100 pages again.

The cache folder is ``.cache/pdf/`` beside mkdocs.yml, or ``SSP_PDF_CACHE`` (a folder, or
``off``); CI keeps it between runs. A PDF during whose drawing WeasyPrint reported problems
is not kept, so a strict build fails on them every time. The newest ``KEEP`` PDFs are kept;
a cache that cannot be written is skipped, never a reason for a build to fail.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import zlib
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlparse

from .background import Background
from .line_widths import Memo

LOG = logging.getLogger("mkdocs.ssp.pdf")
KEEP = 40
VERSION = "1"  # bump when what a key covers changes
_TIMESTAMPS = re.compile(r'<meta[^>]*name="dcterms\.(?:created|modified)"[^>]*>')


class PdfCache:
    def __init__(self, folder: Path | None):
        self.folder = folder

    @classmethod
    def for_project(cls, root: Path) -> "PdfCache":
        setting = os.environ.get("SSP_PDF_CACHE", "").strip()
        if setting.lower() in ("off", "0", "false", "nej"):
            return cls(None)
        return cls(Path(setting) if setting else root / ".cache" / "pdf")

    @staticmethod
    def key(*parts: str) -> str:
        import weasyprint

        digest = hashlib.sha256(f"{VERSION}\0{weasyprint.__version__}".encode())
        for part in parts:
            digest.update(b"\0" + part.encode("utf-8"))
        return digest.hexdigest()

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def holds(self, key: str, site_dir: Path | None = None) -> bool:
        """Whether the cache has the PDF for ``key``, drawn from files that are unchanged."""
        if self.folder is None:
            return False
        try:
            deps = json.loads((self._entry(key) / "deps.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return all(_digest(_resolve(name, site_dir)) == digest for name, digest in deps.items())

    def fetch(self, key: str, target: Path, site_dir: Path | None = None) -> bool:
        """Copy the cached PDF for ``key`` to ``target`` if its fetched files are unchanged."""
        if not self.holds(key, site_dir):
            return False
        entry = self._entry(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(entry / "document.pdf", target)
        try:
            os.utime(entry)  # recently used
        except OSError:
            pass
        LOG.info("PDF uændret: %s fra cachen", target.name)
        return True

    def store(self, key: str, pdf: Path, deps: dict[str, str]) -> None:
        """Keep ``pdf`` under ``key``; ``deps`` maps each fetched file to its digest."""
        if self.folder is None:
            return
        entry = self._entry(key)
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".neu-", dir=entry.parent))
        except OSError as error:  # a cache that cannot be written never fails a build
            LOG.info("PDF-cachen kan ikke skrives (%s); PDF'en tegnes igen næste gang", error)
            return
        shutil.copyfile(pdf, staging / "document.pdf")
        (staging / "deps.json").write_text(json.dumps(deps, sort_keys=True), encoding="utf-8")
        shutil.rmtree(entry, ignore_errors=True)
        try:
            staging.rename(entry)
        except OSError:  # another build stored the same PDF just now
            shutil.rmtree(staging, ignore_errors=True)
        self._prune()

    def _prune(self) -> None:
        entries = sorted((p for p in self.folder.glob("??/*") if p.is_dir()
                          and not p.name.startswith(".")),
                         key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            shutil.rmtree(old, ignore_errors=True)


def _resolve(name: str, site_dir: Path | None) -> Path | None:
    if name.startswith("site:"):
        return site_dir / name[len("site:"):] if site_dir else None
    return Path(name)


def _digest(path: Path | None) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() if path else None
    except OSError:
        return None


def _dep_name(url: str, site_dir: Path | None) -> str | None:
    """A fetched URL as a cache dependency: a file in the site, another local file, or None
    for anything that is not a local file (such a PDF is not cached)."""
    parsed = urlparse(url)
    if parsed.scheme == "data":
        return ""  # inline: part of the HTML already
    if parsed.scheme != "file":
        return None
    path = Path(unquote(parsed.path)).resolve()
    if site_dir is not None and path.is_relative_to(site_dir.resolve()):
        return "site:" + path.relative_to(site_dir.resolve()).as_posix()
    return str(path)


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record) -> None:
        self.count += 1


class _Zlib:
    """The zlib module as pydyf sees it while a PDF is drawn: its page streams compressed at
    zlib's default level instead of pydyf's fixed level 9, which spent 1.4 s of the 5 s of
    writing Herning's handbook; level 6 writes it about 1 s faster, for a file 0.6 % larger.
    Decompressed, every stream is the same."""

    LEVEL = 6

    def __getattr__(self, name):
        return getattr(zlib, name)

    @staticmethod
    def compressobj(level=LEVEL, *args, **kwargs):
        return zlib.compressobj(min(level, _Zlib.LEVEL), *args, **kwargs)


class Drawing:
    """One PDF being drawn: a URL fetcher that records what WeasyPrint reads, a count of its
    warnings and errors, and while it is drawn, pydyf's compression level (``_Zlib``), table
    widths measured with each line break asked once (``line_widths.Memo``) and Python's cyclic
    garbage collector paused; ``keep`` stores the result if it can be reused.

    The collector is paused because WeasyPrint's layout makes millions of objects that
    reference counting frees, and the collector kept scanning them: it took 2.4 s of the
    14.7 s Herning's handbook took to draw, to free 25,000 cyclic objects (5 MiB) early.
    """

    def __init__(self, site_dir: Path | None = None):
        from weasyprint.urls import URLFetcher

        self.site_dir = site_dir
        self.fetched: list[str] = []
        self._problems = _Counter()
        drawing = self

        class Recording(URLFetcher):
            def fetch(self, url, headers=None):
                drawing.fetched.append(url)
                return super().fetch(url, headers)

        self.fetcher = Recording()

    def __enter__(self) -> "Drawing":
        import pydyf
        from weasyprint.logger import LOGGER

        LOGGER.addHandler(self._problems)
        self._zlib, pydyf.zlib = getattr(pydyf, "zlib", zlib), _Zlib()
        self._memo = Memo().__enter__()
        self._collecting = gc.isenabled()
        gc.disable()
        return self

    def __exit__(self, *exc) -> None:
        import pydyf
        from weasyprint.logger import LOGGER

        LOGGER.removeHandler(self._problems)
        pydyf.zlib = self._zlib
        self._memo.__exit__(*exc)
        if self._collecting:
            gc.enable()

    def keep(self, cache: PdfCache, key: str, pdf: Path) -> None:
        if self._problems.count:
            return  # drawn with warnings: draw (and warn) again next time
        deps = {}
        for url in self.fetched:
            name = _dep_name(url, self.site_dir)
            if name is None:
                return  # fetched from elsewhere: not cacheable
            if name:
                deps[name] = _digest(_resolve(name, self.site_dir))
        cache.store(key, pdf, deps)


def _normalised(html: str, site_dir: Path | None) -> str:
    """The HTML without its creation time and with the site folder's own path left out."""
    html = _TIMESTAMPS.sub("", html)
    if site_dir is not None:
        for folder in {site_dir, site_dir.resolve()}:
            html = html.replace(folder.as_uri() + "/", "site:/")
    return html


class CachedPdf:
    """mkdocs-to-pdf's renderer slot (``write_pdf(html, path)``): WeasyPrint with tags for
    this document only, through the cache, with ``lang="da"`` on the combined document's
    ``<html>`` (mkdocs-to-pdf writes a bare one), so the PDF records Danish as its language,
    can be tagged and hyphenates Danish words. Set here rather than in mkdocs-to-pdf's
    ``pre_pdf_render`` hook, which parses and writes the whole document once more for it.

    The PDF is drawn in a forked process (``fork``; not while serving) that the build waits
    for: the child exits without freeing the layout's millions of objects, which took the
    build 0.36 s for a 73-page handbook after the PDF was written (``background.py`` sends
    the child's log records and any exception back)."""

    def __init__(self, cache: PdfCache, site_dir: Callable[[], Path], finisher: Callable,
                 fork: bool = True):
        self.cache = cache
        self.site_dir = site_dir
        self.finisher = finisher
        self.fork = fork

    def write_pdf(self, html_string: str, pdf_path: str) -> None:
        html_string = html_string.replace("<html>", '<html lang="da">', 1)
        site_dir, target = self.site_dir(), Path(pdf_path)
        key = self.cache.key("handbog", _normalised(html_string, site_dir))
        if self.cache.fetch(key, target, site_dir):
            return
        Background(self._draw, html_string, site_dir, target, key, fork=self.fork).result()

    def _draw(self, html_string: str, site_dir: Path, target: Path, key: str) -> None:
        from weasyprint import HTML

        with Drawing(site_dir) as drawing:
            document = HTML(string=html_string, url_fetcher=drawing.fetcher).render()
            target.parent.mkdir(parents=True, exist_ok=True)
            document.write_pdf(target, finisher=self.finisher, pdf_tags=True)
        drawing.keep(self.cache, key, target)
