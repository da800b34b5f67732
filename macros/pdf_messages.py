"""mkdocs-to-pdf's complaints in the editor's words: a link whose target is not in the PDF is
reported as "Missing N link(s):" and one "| #page/:anchor" line per link, naming no data file.
This filter rewrites them into Danish lines that name the record the target belongs to (the
build still fails: the error stays an error)."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING
from urllib.parse import unquote

from . import pages
from .links import page_url

if TYPE_CHECKING:
    from .handbook import Handbook

LOGGER = "mkdocs.to-pdf"
_TARGET = re.compile(r"^\s*\|\s*#(?P<page>[^:]*):(?P<anchor>.*)$")


def describe(book: "Handbook", page: str, anchor: str) -> str:
    """The record a link target in the PDF stands for, and where it lives in the data."""
    for kind, target in pages.TARGETS.items():
        record = book.index.definitions.get(kind, {}).get(anchor)
        if record is not None and page_url(target.path(anchor)) in (page, page.lstrip("./")):
            return (f"{book.index.kinds[kind].navn} '{anchor}' "
                    f"({book.record_file(kind, anchor) or kind})")
    return f"stedet '#{anchor}' på siden '{page or 'forsiden'}'"


class NameTheRecord(logging.Filter):
    def __init__(self, book: "Handbook"):
        super().__init__()
        self.book = book

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith("Missing ") and "link(s)" in message:
            record.msg, record.args = ("PDF'en kan ikke bygges: links peger på steder, der ikke "
                                       "findes i PDF'en:"), ()
        elif (found := _TARGET.match(message)) is not None:
            record.msg, record.args = "  | %s", (describe(
                self.book, unquote(found["page"]), unquote(found["anchor"])),)
        return True


def install(book: "Handbook") -> None:
    """Translate this build's PDF link errors (one filter at a time, for this handbook)."""
    logger = logging.getLogger(LOGGER)
    for old in [f for f in logger.filters if isinstance(f, NameTheRecord)]:
        logger.removeFilter(old)
    logger.addFilter(NameTheRecord(book))
