"""The CPR guard: nothing that looks like a Danish CPR number (personnummer) gets into the
handbook, its messages or, as far as `check` can see, the repository.

A CPR number is DDMMYY-SSSS: a plausible day (01-31) and month (01-12), two digits for the
year, and four more digits. What editors paste from Word and case systems is caught too:

* any dash or hyphen as the separator (en/em dash, minus sign, non-breaking hyphen U+2011,
  figure dash, ...), any space (no-break, narrow no-break, thin, figure space), or none,
  at most two spaces around it; digits in any script (fullwidth ０-９);
* a prefix glued on (``cpr-010203-1234``, ``CPR:0102031234``, ``nr.010203-1234``) and
  anything after it except another digit (``010203-1234-notat``): only digits next to the
  number make it part of a longer number;
* everywhere: every value (also numbers and ids, which become page addresses), every line of
  every data file (comments and keys too: they stay in the repository's history), and the
  names of files and folders.

Deliberately allowed: phone numbers (``12 34 56 78``, ``+45 12345678``), dates
(``01-02-2023``, ``2023-01-02``, ``010223``), case numbers (``2023-012345``), paragraph
numbers and years, and any ten digits that start with an impossible day or month. The
modulus-11 check is *not* applied: CPR numbers issued since 2007 need not satisfy it, so it
would let real numbers through. Invisible characters that could split a number
(zero-width space, soft hyphen) are refused for every file before this guard runs
(``safe_yaml.hazards``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .errors import Problem
    from .loading import RawData

_DASHES = r"-\u00ad\u2010-\u2015\u2212\ufe58\ufe63\uff0d"
_SPACES = r" \t\u00a0\u2000-\u200a\u202f\u205f\u3000"
_DAY_MONTH_YEAR = r"(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])[0-9]{2}"

#: For the JSON Schema (``not: {pattern}``): the same rule as far as one regular expression
#: (ECMAScript and Python alike) can say it; only digits in other scripts are left to `check`.
SCHEMA_PATTERN = (rf"(?<![0-9]){_DAY_MONTH_YEAR}[{_SPACES}]{{0,2}}"
                  rf"(?:[{_DASHES}][{_SPACES}]{{0,2}})?[0-9]{{4}}(?![0-9])")

# The matcher proper works on text normalised character by character (so positions stay
# the same): every decimal digit becomes 0-9, every dash '-', every space ' '.
_CPR = re.compile(rf"(?<![0-9]){_DAY_MONTH_YEAR} {{0,2}}(?:- {{0,2}})?[0-9]{{4}}(?![0-9])")
_EXTRA_DASHES = {"\u2212"}  # the minus sign is a math symbol (Sm), not a dash (Pd)

_MESSAGE = "teksten ligner et CPR-nummer"
_EXPECTED = "ingen personnumre: håndbogen beskriver roller, ikke personer"


def _normal(char: str) -> str:
    if "0" <= char <= "9" or char.isascii() and not char.isspace():
        return char
    if char.isdecimal():
        return str(unicodedata.decimal(char))
    category = unicodedata.category(char)
    if category == "Pd" or char in _EXTRA_DASHES or char == "\xad":
        return "-"
    if category == "Zs" or char == "\t":
        return " "
    return char


def _normalise(text: str) -> str:
    return text if text.isascii() and "\t" not in text else "".join(map(_normal, text))


@lru_cache(maxsize=1 << 15)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    """Cached by text: the guard reads every value and every line, and a preview reads them
    again after each save."""
    return tuple(m.span() for m in _CPR.finditer(_normalise(text)))


def find(text: str) -> list[tuple[int, int]]:
    """(start, end) of every CPR-like number in ``text``."""
    return list(_spans(text))


def looks_like_cpr(text: str) -> bool:
    return bool(_spans(text))


def mask(text: str) -> str:
    """``text`` with the digits of every CPR-like number replaced by X (for messages and logs)."""
    spans = find(text)
    for start, end in reversed(spans):
        text = text[:start] + re.sub(r"\w", "X", text[start:end]) + text[end:]
    return text


def problems(raw: RawData) -> list[Problem]:
    """Every CPR-like number in the municipality's values, file lines and file names."""
    from .errors import Problem

    found: list[Problem] = []
    covered: dict[str, set[int]] = {}
    for path, text in raw.texts():
        pos = raw.source.locate(path)
        if pos is None or not looks_like_cpr(text):
            continue
        found.append(Problem(pos.file, pos.line, pos.column, _MESSAGE, _EXPECTED))
        end = raw.source.ends.get(tuple(path))
        covered.setdefault(pos.file, set()).update(
            range(pos.line, (end.line if end else pos.line) + 1))
    for file, text in raw.source.texts.items():
        for number, line in enumerate(text.split("\n"), start=1):
            spans = find(line) if number not in covered.get(file, ()) else []
            if spans:
                comment = "#" in line[:spans[0][0]]
                found.append(Problem(file, number, spans[0][0] + 1, _MESSAGE, _EXPECTED,
                                     "også kommentarer tæller: de bliver i versionshistorikken"
                                     if comment else ""))
    root = raw.folder.parent.parent
    for path in [raw.folder, *sorted(raw.folder.rglob("*"))]:
        if looks_like_cpr(path.name):
            found.append(Problem(_relative(path, root), 0, 0, "filnavnet ligner et CPR-nummer",
                                 _EXPECTED, "omdøb filen eller mappen"))
    return found


def _relative(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)
