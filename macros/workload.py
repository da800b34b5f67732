"""How much of the year a role's forums take: one role's seats in forums, and their sums.

Derived from the forums' participant lists and frequencies (never typed in the data). Only
known figures are summed; a forum without a frequency, meeting only on demand, or without a
duration is named, never counted as zero.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Deltager, Forum, Hyppighed
from .wording import Range


def _add(a: Range, b: Range) -> Range:
    return (a[0] + b[0], a[1] + b[1])


def _rounded(value: Range | None) -> Range | None:
    return None if value is None else (round(value[0], 1), round(value[1], 1))


def _yearly(frequencies: list[Hyppighed]) -> tuple[Range | None, Range | None]:
    """Meetings and hours a year summed over meeting series; None where any series lacks the
    figure (no frequency; for hours also no duration), never a silent zero."""
    meetings: Range = (0.0, 0.0)
    hours: Range | None = (0.0, 0.0)
    for h in frequencies:
        if h.moeder_pr_aar is None:
            return None, None
        meetings = _add(meetings, h.moeder_pr_aar)
        if hours is not None and h.varighed_minutter is not None:
            length = h.varighed_minutter / 60
            hours = _add(hours, (h.moeder_pr_aar[0] * length, h.moeder_pr_aar[1] * length))
        else:
            hours = None
    return meetings, hours


@dataclass(frozen=True)
class Participation:
    """One role's seat in one forum, derived from the forum's participant lists."""

    forum: Forum
    deltager: Deltager
    lister: tuple[str, ...]  # titles of the participant lists the role is on ('' = main list)
    moeder_pr_aar: tuple[float, float] | None  # None: no frequency given, or on demand only
    timer_pr_aar: tuple[float, float] | None = None  # None: meetings or duration not given
    efter_behov: bool = False  # the role comes (or the forum meets) only when needed


@dataclass(frozen=True)
class Workload:
    """How much of the year one role's forums take, summed over its seats.

    Only known figures are summed; forums without a frequency (or only on demand) and forums
    without a duration are listed, never counted as zero.
    """

    deltagelser: tuple[Participation, ...]
    moeder: tuple[float, float]
    timer: tuple[float, float]
    ukendt_frekvens: tuple[Forum, ...]
    efter_behov: tuple[Forum, ...]
    ukendt_varighed: tuple[Forum, ...]

    @classmethod
    def of(cls, participations: list[Participation]) -> "Workload":
        moeder = timer = (0.0, 0.0)
        unknown, adhoc, no_duration = [], [], []
        for p in participations:
            if p.efter_behov:
                adhoc.append(p.forum)
            elif p.moeder_pr_aar is None:
                unknown.append(p.forum)
            else:
                moeder = _add(moeder, p.moeder_pr_aar)
                if p.timer_pr_aar is None:
                    no_duration.append(p.forum)
                else:
                    timer = _add(timer, p.timer_pr_aar)
        return cls(tuple(participations), _rounded(moeder), _rounded(timer), tuple(unknown),
                   tuple(adhoc), tuple(no_duration))

    @property
    def moeder_udeladt(self) -> bool:
        """Some forums' meetings are not in `moeder` (no frequency, or only on demand)."""
        return bool(self.ukendt_frekvens or self.efter_behov)

    @property
    def timer_udeladt(self) -> bool:
        """Some forums' hours are not in `timer` (no frequency or no duration)."""
        return self.moeder_udeladt or bool(self.ukendt_varighed)


def all_participants(forum: Forum) -> list[tuple[str, Deltager]]:
    """Every (list title, participant) of a forum, main list first."""
    rows = [("", d) for d in forum.deltagere]
    for liste in forum.deltagerlister:
        rows += [(liste.titel, d) for d in liste.deltagere]
    return rows


def series(forum: Forum) -> list[tuple[str, Hyppighed, set[str] | None]]:
    """The forum's meeting series: (title, frequency, list ids or None for everyone)."""
    if not forum.moeder:
        return [("", forum.hyppighed, None)]
    return [(s.titel, s.hyppighed, set(s.deltagerlister) or None) for s in forum.moeder]


def meetings_per_year(forum: Forum) -> Range | None:
    """Meetings a year the forum holds (all its series), or None if not given."""
    return _rounded(_yearly([h for _t, h, _l in series(forum)])[0])


def meeting_hours(forum: Forum) -> Range | None:
    """Hours a year the forum meets (all its series), or None if not given."""
    return _rounded(_yearly([h for _t, h, _l in series(forum)])[1])


def seat(forum: Forum, rolle_id: str) -> Participation | None:
    """One role's seat in a forum: its first entry, the lists it is on, and the meetings and
    hours a year of the series those lists attend (or its own rhythm, e.g. once a year)."""
    lists = [("", "", forum.deltagere)] + [(lst.id, lst.titel, lst.deltagere)
                                          for lst in forum.deltagerlister]
    entries = [(liste_id, titel, d) for liste_id, titel, deltagere in lists
               for d in deltagere if d.rolle == rolle_id]
    if not entries:
        return None
    deltager = entries[0][2]
    titles = tuple(titel for _id, titel, _d in entries)
    ids = {liste_id for liste_id, _t, _d in entries}
    own = [h for _titel, h, lists in series(forum) if lists is None or lists & ids]
    if deltager.moeder_pr_aar is None and not deltager.ad_hoc:
        meetings, hours = _yearly(own)
        on_demand = meetings is None and bool(own) and all(h.efter_behov for h in own)
        return Participation(forum, deltager, titles, meetings, hours, on_demand)
    # The participant's own rhythm ('en gang årligt') or only when needed; the meeting's
    # length is the forum's when it has one.
    count = deltager.moeder_pr_aar
    minutes = {h.varighed_minutter for h in own}
    hours = None
    if count is not None and len(minutes) == 1 and None not in minutes:
        hours = count * minutes.pop() / 60
    return Participation(forum, deltager, titles,
                         (count, count) if count is not None else None,
                         (hours, hours) if hours is not None else None, count is None)
