"""A PDF's text as a reader copying it gets it, page by page: poppler's `pdftotext`
(Debian's poppler-utils, installed by `./run test`). It reads the handbook in half a second,
where pypdf's text extraction takes ten; pypdf stays for the PDF's structure (page sizes,
metadata, tags, font sizes)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def pdf_pages(path: Path) -> list[str]:
    """The text of each page of ``path``."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True, timeout=120).stdout
    return text.split("\f")[:-1]  # pdftotext ends every page with a form feed


def pdf_text(path: Path) -> str:
    """The text of the whole of ``path``."""
    return " ".join(pdf_pages(path))


_PAGE_OR_WORD = re.compile(r'<page width="([\d.]+)"|<word xMin="([\d.]+)" yMin="[\d.]+" '
                           r'xMax="([\d.]+)"[^>]*>([^<]*)')


def words_outside(path: Path, side_margin: float, slack: float = 1.0) -> list[str]:
    """Words of ``path`` that reach into a page's left or right margin (``side_margin``
    points wide) or off the page: what a table too wide for its page leaves behind."""
    xml = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", str(path), "-"], check=True,
                         capture_output=True, text=True, timeout=120).stdout
    found, page, width = [], 0, 0.0
    for match in _PAGE_OR_WORD.finditer(xml):
        if match.group(1):
            page, width = page + 1, float(match.group(1))
            continue
        left, right = float(match.group(2)), float(match.group(3))
        if left < side_margin - slack or right > width - side_margin + slack:
            found.append(f"side {page}: {match.group(4)} "
                         f"({left:.0f}-{right:.0f} pt af {width:.0f})")
    return found
