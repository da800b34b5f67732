"""Reading the built site back: pages, links, tables and text, parsed with BeautifulSoup."""

from __future__ import annotations

import functools
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

from bs4 import BeautifulSoup


def soup(path: Path) -> BeautifulSoup:
    """The page parsed, shared by every test in this process that reads the same file
    unchanged (a page is parsed once, not once per test: 1,990 parses were a quarter of the
    build tests' time). Read it; never change it."""
    stat = path.stat()
    return _parsed(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=512)
def _parsed(path: str, _mtime_ns: int, _size: int) -> BeautifulSoup:
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def article(page: BeautifulSoup):
    return page.select_one("article.md-content__inner") or page


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def resolve_href(site: Path, page: Path, href: str, base_path: str = "/") -> tuple[Path, str] | None:
    """The file and fragment an internal link points at (None for external links).

    Absolute paths (the 404 page uses them) are resolved from the site root, after the
    path of the site's address (``base_path``, e.g. '/ssp/').
    """
    parsed = urlparse(href)
    if parsed.scheme or parsed.netloc:
        return None
    base = page.parent
    if parsed.path.startswith("/"):
        assert parsed.path.startswith(base_path), href
        parsed = parsed._replace(path=parsed.path[len(base_path):] or ".")
        base = site
    target = (base / unquote(parsed.path)).resolve() if parsed.path else page.resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parsed.fragment)


def section_table(page: BeautifulSoup, heading_text: str):
    """The first table after the heading with this text (tables follow their heading)."""
    for h in page.find_all(re.compile("^h[1-6]$")):
        if h.get_text(" ", strip=True).rstrip("¶").strip() == heading_text:
            return h.find_next("table")
    return None


def tables_between(page: BeautifulSoup, start_heading: str, stop_level: int = 2) -> list:
    """All tables after a heading, up to the next heading of the same or a higher level."""
    tables = []
    started = False
    for el in article(page).find_all(True):
        if re.fullmatch(r"h[1-6]", el.name or ""):
            text = el.get_text(" ", strip=True).rstrip("¶").strip()
            if started and int(el.name[1]) <= stop_level:
                break
            if text == start_heading:
                started = True
        elif started and el.name == "table":
            tables.append(el)
    return tables


def linked_pages(table, page_path: Path, folder: str) -> set[str]:
    """Ids (file stems) of the pages in `folder` linked from a table's first column."""
    ids = set()
    for row in table.find_all("tr"):
        cell = row.find("td")
        if cell is None:
            continue
        for a in cell.find_all("a", href=True):
            target = posixpath.normpath(posixpath.join(
                page_path.parent.as_posix(), a["href"].split("#")[0]))
            parts = target.rstrip("/").split("/")
            if len(parts) >= 2 and parts[-2] == folder:
                ids.add(parts[-1])
    return ids


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()
