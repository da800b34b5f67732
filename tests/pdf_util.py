"""A PDF's text as a reader copying it gets it, page by page: poppler's `pdftotext`
(Debian's poppler-utils, installed by `./run test`). It reads the handbook in half a second,
where pypdf's text extraction takes ten; pypdf stays for the PDF's structure (page sizes,
metadata, tags, font sizes)."""

from __future__ import annotations

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
