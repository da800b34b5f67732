"""How the handbook says things in Danish: numbers, counts, frequencies, durations, a
participant's duties. Plain strings, no Markdown or HTML: the caller escapes them for where
they go (``render.text`` for pages, autoescaping templates for figures, nothing in the change
report, which quotes data as typed).
"""

from __future__ import annotations

from typing import Iterable

from .model import ANSVAR, FUNKTIONER, Deltager, Hyppighed

UNKNOWN = "ikke oplyst"  # a figure the data does not give; never shown as 0
ON_DEMAND = "efter behov"  # meetings held only when needed: a kind of frequency of its own
MAANEDER = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
            "oktober", "november", "december"]

Range = tuple[float, float]  # low and high, e.g. 3–6 meetings a year


def number(value: float) -> str:
    """A count in Danish notation: 52, 26,1."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}".replace(".", ",")


def count_range(low: float, high: float) -> str:
    return number(low) if low == high else f"{number(low)}–{number(high)}"


def counted(count: float | tuple[float, float], one: str, many: str) -> str:
    """A count with its noun in the right number: '1 møde', '4 møder', '3–6 møder'."""
    low, high = count if isinstance(count, tuple) else (count, count)
    return f"{count_range(low, high)} {one if (low, high) == (1, 1) else many}"


def total_or_unknown(total: Range, left_out: bool) -> str:
    """A summed figure; 'ikke oplyst' rather than a misleading 0 when nothing could be counted
    because every part lacks the figure."""
    if total[1] == 0 and left_out:
        return UNKNOWN
    return count_range(*total)


def per_year(h: Hyppighed) -> str:
    """Meetings a year from the structured figures: '4', '52 (ugentligt)', 'ikke oplyst'."""
    counts = h.moeder_pr_aar
    if counts is None:
        return ON_DEMAND if h.ad_hoc else UNKNOWN
    out = count_range(*counts)
    if h.interval_dage == 7:
        out += " (ugentligt)"
    elif h.interval_dage:
        out += f" (hver {h.interval_dage}. dag)"
    if h.ad_hoc:
        out += f" + {ON_DEMAND}"
    return out


def meetings_a_year(h: Hyppighed) -> str:
    """The same in a sentence: '4 møder om året', '1 møde om året', 'efter behov'."""
    counts = h.moeder_pr_aar
    if counts is None:
        return ON_DEMAND if h.ad_hoc else f"møder om året: {UNKNOWN}"
    return counted(counts, "møde", "møder") + " om året" + (f" + {ON_DEMAND}" if h.ad_hoc else "")


def duration(h: Hyppighed) -> str:
    """A meeting's length: '2 timer', '90 min.'; empty when not given."""
    if not h.varighed_minutter:
        return ""
    m = h.varighed_minutter
    if m % 60 == 0:
        return f"{m // 60} time" + ("r" if m > 60 else "")
    return f"{m} min."


def roles(funktion: Iterable[str], ansvar: Iterable[str]) -> list[str]:
    """A participant's functions and responsibilities in words: 'formand', 'ansvarlig for
    referat'."""
    return ([FUNKTIONER[f] for f in funktion]
            + [f"ansvarlig for {ANSVAR[a]}" for a in ansvar])


def duties(d: Deltager) -> str:
    """What a participant must do or how often it comes, without editorial notes."""
    parts = roles(d.funktion, d.ansvar)
    if d.ad_hoc:
        parts.append(ON_DEMAND)
    if d.deltagelse:
        parts.append(d.deltagelse)
    return ", ".join(parts)


def qualifiers(d: Deltager) -> list[str]:
    """What the source says about a participant's seat, as separate remarks: its roles and
    conditions first, then its own wording and notes."""
    parts = roles(d.funktion, d.ansvar)
    if d.ad_hoc:
        parts.append(ON_DEMAND)
    if d.hvor_relevant:
        parts.append("hvor det er relevant")
    return [p for p in [", ".join(parts), d.deltagelse or "", d.note or ""] if p]


def titled(pairs: Iterable[tuple[str, str]]) -> str:
    """Values of a forum's meeting series: 'Møde A: 4; Møde B: 12', or just '4' for one
    untitled series. Values must already be escaped for where they go."""
    return "; ".join(f"{title}: {value}" if title else value for title, value in pairs)
