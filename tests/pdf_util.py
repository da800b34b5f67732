"""A PDF's text as a reader copying it gets it, page by page: poppler's `pdftotext`
(Debian's poppler-utils, installed by `./run test`). It reads the handbook in half a second,
where pypdf's text extraction takes ten; pypdf stays for the PDF's structure (page sizes,
metadata, tags, font sizes)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from macros import pdf, pixi


def pdf_pages(path: Path) -> list[str]:
    """The text of each page of ``path``."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True, timeout=120).stdout
    return text.split("\f")[:-1]  # pdftotext ends every page with a form feed


def pdf_text(path: Path) -> str:
    """The text of the whole of ``path``."""
    return " ".join(pdf_pages(path))


#: The print stylesheet whose @page rule sets each PDF's margins, by the PDF's name.
PAGE_STYLESHEETS = {"ssp-haandbog": pdf.TEMPLATES / "styles.scss",
                    "pixi-guide": pixi.TEMPLATES / "pixi.css"}
_PAGE_MARGIN = re.compile(r"@page\s*\{[^}]*?\bmargin:\s*([^;]+);")
_PAGE_OR_WORD = re.compile(r'<page width="([\d.]+)"|<word xMin="([\d.]+)" yMin="[\d.]+" '
                           r'xMax="([\d.]+)"[^>]*>([^<]*)')


def side_margins(path: Path) -> tuple[float, float]:
    """The left and right page margins of the built PDF ``path``, in points, as its print
    stylesheet's first @page rule sets them (the `margin` shorthand, in mm)."""
    css = next(sheet for kind, sheet in PAGE_STYLESHEETS.items() if path.stem.endswith(kind))
    values = _PAGE_MARGIN.search(css.read_text(encoding="utf-8")).group(1).split()
    right = values[1] if len(values) > 1 else values[0]
    left = values[3] if len(values) == 4 else right
    return tuple(float(v.removesuffix("mm")) / 25.4 * 72 for v in (left, right))


def words_outside(path: Path, slack: float = 1.0) -> list[str]:
    """Words of the built PDF ``path`` that reach into a page's left or right margin
    (``side_margins``) or off the page: what a table or a title too wide for its page leaves
    behind."""
    left_margin, right_margin = side_margins(path)
    xml = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", str(path), "-"], check=True,
                         capture_output=True, text=True, timeout=120).stdout
    found, page, width = [], 0, 0.0
    for match in _PAGE_OR_WORD.finditer(xml):
        if match.group(1):
            page, width = page + 1, float(match.group(1))
            continue
        left, right = float(match.group(2)), float(match.group(3))
        if left < left_margin - slack or right > width - right_margin + slack:
            found.append(f"side {page}: {match.group(4)} "
                         f"({left:.0f}-{right:.0f} pt af {width:.0f})")
    return found
