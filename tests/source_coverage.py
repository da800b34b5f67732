"""How much of a source document's text reaches the built site, line by line.

Each line of the source (extraction residue such as <b>, <li> and bullets removed) is
normalised and looked up in the text of the built site. Lines the municipality's data
deliberately words differently (merged duplicates, corrected typos) are listed with a reason
in ``tests/source_exceptions/<kommune>.yml``.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

SOURCES = Path(__file__).resolve().parent.parent.parent / "shared" / "sources"
SOURCE_FILES = {
    "herning": "herning-ssp-i-herning-kommune.txt",
    "holstebro": "holstebro-kriminalpraeventiv-ramme-bilag-2025.txt",
}


def normalise(text: str) -> str:
    text = html.unescape(text).replace("\u00ad", "").replace("\xa0", " ")
    # The site shows a participant's function in its own column, not in brackets.
    text = re.sub(r"\((formand|næstformand|mødeleder|referent)\)", " ", text, flags=re.I)
    text = re.sub(r"^\s*mødefrekvens\s*:", " ", text, flags=re.I)
    text = text.replace(":", " ")
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [label](url) → label
    text = re.sub(r"[*_\"“”«»]", "", text)
    text = re.sub(r"[#♦•]", " ", text)
    text = re.sub(r"[–—]", "-", text)
    text = re.sub(r"\s+", " ", text).strip().lower()
    return text.strip(" -:.;,")


def source_fragments(text: str) -> list[str]:
    """The source split into the smallest units a reader would check: lines, list items and
    table cells, with layout residue removed."""
    fragments = []
    for line in text.splitlines():
        line = re.sub(r"<[^>]+>", "\t", line)  # table cells and list items become pieces
        for piece in re.split(r"\t", line):
            piece = re.sub(r"^\s*(-\s+|\d+\.\s+|♦\s*)", "", piece)
            piece = re.sub(r"\s*\.{4,}\s*\d+\s*$", "", piece)  # table-of-contents dots
            norm = normalise(piece)
            if len(norm) >= 4 and not re.fullmatch(r"[\d\s.-]+", norm):
                fragments.append(norm)
    return fragments


def missing_fragments(source_text: str, site_text: str) -> list[str]:
    haystack = normalise(site_text)
    return [f for f in source_fragments(source_text) if f not in haystack]
