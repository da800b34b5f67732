"""Only characters the PDFs can draw: every text in the data is shown in the handbook PDF or
the pixi guide in DejaVu Sans (pdf-templates/), and WeasyPrint draws a character that font
lacks as an empty box ("SSP □□ styregruppe" for CJK or an emoji). The site would show it
with the reader's fonts, but the PDF would be published broken, so check refuses it.

The font is read where fontconfig, and so the build, finds it (Debian's fonts-dejavu-core, a
build dependency). On a machine without it, nothing is refused here: the PDF is not drawn
there either.
"""

from __future__ import annotations

import subprocess
from functools import lru_cache
from pathlib import Path

from .errors import Problem
from .loading import RawData

#: The PDFs' font (pdf-templates/styles.scss, pdf-templates/pixi/pixi.css), regular and bold.
FONT = "DejaVu Sans"
_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


def _font_files() -> dict[str, Path]:
    """The font's files where fontconfig (which WeasyPrint asks) finds them, by file name:
    Debian's folder or any other a distribution or an administrator uses."""
    try:
        listed = subprocess.run(["fc-list", FONT, "file"], capture_output=True, text=True,
                                timeout=30).stdout
    except (OSError, subprocess.SubprocessError):  # no fontconfig: no WeasyPrint either
        return {}
    files = (Path(line.rsplit(":", 1)[0].strip()) for line in listed.splitlines() if ":" in line)
    return {path.name: path for path in files}


@lru_cache(maxsize=1)
def drawable() -> frozenset[int] | None:
    """The code points both faces of the font have, or None where the font is not installed."""
    from fontTools.ttLib import TTFont

    found = _font_files()
    if not all(name in found for name in _FILES):
        return None
    faces = [set(TTFont(found[name], lazy=True).getBestCmap()) for name in _FILES]
    return frozenset(set.intersection(*faces))


def _missing(text: str, font: frozenset[int]) -> list[str]:
    """The characters of ``text`` the font can't draw (spaces and line breaks are layout)."""
    return list(dict.fromkeys(c for c in text if ord(c) not in font and not c.isspace()))


def glyph_problems(raw: RawData) -> list[Problem]:
    """One problem per text that holds a character the PDFs' font lacks."""
    font = drawable()
    if font is None:
        return []
    problems = []
    for path, text in raw.texts():
        missing = _missing(text, font)
        if missing:
            named = ", ".join(f"«{c}» (U+{ord(c):04X})" for c in missing[:3])
            problems.append(raw.source.problem(
                path, f"teksten har tegn, som PDF'ens skrift ({FONT}) ikke kan vise: {named}",
                "bogstaver, tal og tegn, som skriften har — ingen emoji eller kinesiske, "
                "japanske og koreanske tegn; de bliver til tomme firkanter i PDF'en"))
    return problems
