"""The validated handbook of one municipality: lookups by id and the facts derived from records.

Derived facts (which forums a role sits in, how many meetings a year that is, which forums
cite a law, which appendix describes a record) are computed here from the forum records,
never typed twice in the data.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

from . import checks, loading
from .errors import DataError, Problem
from .model import Bilag, Deltager, Enhed, Forum, Hyppighed, Lov, RawHandbook, Rolle

DEFAULT_KOMMUNE = "herning"

NIVEAU_NAVNE = {"strategisk": "Strategisk", "koordinerende": "Koordinerende",
                "udfoerende": "Udførende"}
SEKTOR_NAVNE = {"skole": "Skole", "social": "Social", "politi": "Politi", "andet": "Andet"}
FUNKTION_NAVNE = {"formand": "formand", "naestformand": "næstformand", "moedeleder": "mødeleder",
                  "referent": "referent", "tovholder": "tovholder", "sekretariat": "sekretariat"}
ANSVAR_NAVNE = {"indkaldelse": "indkaldelse", "dagsorden": "dagsorden", "referat": "referat",
                "afvikling": "afvikling af møderne"}


Range = tuple[float, float]  # low and high, e.g. 3–6 meetings a year


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
    moeder_pr_aar: tuple[float, float] | None  # None: no frequency given, or ad hoc only
    timer_pr_aar: tuple[float, float] | None = None  # None: meetings or duration not given

    @property
    def ad_hoc(self) -> bool:
        return self.deltager.ad_hoc and self.deltager.moeder_pr_aar is None


@dataclass(frozen=True)
class Workload:
    """How much of the year one role's forums take, summed over its participations.

    Only known figures are summed; forums without a frequency (or only ad hoc) and forums
    without a duration are listed, never counted as zero.
    """

    participations: tuple[Participation, ...]
    moeder: tuple[float, float]
    timer: tuple[float, float]
    ukendt_frekvens: tuple[Forum, ...]
    ad_hoc: tuple[Forum, ...]
    ukendt_varighed: tuple[Forum, ...]

    @classmethod
    def of(cls, participations: list[Participation]) -> "Workload":
        moeder = timer = (0.0, 0.0)
        unknown, adhoc, no_duration = [], [], []
        for p in participations:
            if p.ad_hoc:
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
        """Some forums' meetings are not in `moeder` (no frequency, or only ad hoc)."""
        return bool(self.ukendt_frekvens or self.ad_hoc)

    @property
    def timer_udeladt(self) -> bool:
        """Some forums' hours are not in `timer` (no frequency or no duration)."""
        return self.moeder_udeladt or bool(self.ukendt_varighed)


class Handbook:
    """A validated municipality with indexes; built once per build and shared by all pages."""

    def __init__(self, book: RawHandbook, folder: Path, source: loading.SourceMap):
        self.book = book
        self.folder = folder
        self.source = source
        self.kommune = book.kommune
        self.roller = {r.id: r for r in book.roller}
        self.fora = {f.id: f for f in book.fora}
        self.love = {lov.id: lov for lov in book.love}
        self.enheder = {e.id: e for e in book.enheder}
        self.bilag = {b.id: b for b in sorted(book.bilag, key=lambda b: b.nummer)}
        self.sider = {s.id: s for s in book.kommune.sider}
        self.distrikter = {d.id: d for d in book.distrikter.distrikter} if book.distrikter else {}
        self.aktiviteter = {a.id: a for a in book.aktiviteter}
        self._participations = self._derive_participations()

    # --- lookups ---------------------------------------------------------------------------

    @property
    def revision(self):
        return self.kommune.revisioner[-1]

    @property
    def revision_label(self) -> str:
        """'Revideret <dato>' for footer and covers, in the editor's wording: the revision's
        text as typed, prefixed with 'Revideret' unless it already says so."""
        tekst = self.revision.tekst.strip()
        if tekst.lower().startswith("revideret"):
            return "Revideret" + tekst[len("revideret"):]
        return f"Revideret {tekst[:1].lower()}{tekst[1:]}"

    def sektor(self, rolle: Rolle) -> str:
        if rolle.sektor:
            return rolle.sektor
        if rolle.enhed:
            return self.enheder[rolle.enhed].sektor
        return "andet"

    def enhed(self, rolle: Rolle) -> Enhed | None:
        return self.enheder.get(rolle.enhed) if rolle.enhed else None

    def bilag_for(self, kind: str, ident: str) -> Bilag | None:
        """The appendix that describes a role, forum, law or activity, if any."""
        field = {"rolle": "roller", "forum": "fora", "lov": "love", "aktivitet": "aktiviteter"}[kind]
        for bilag in self.bilag.values():
            if ident in getattr(bilag, field):
                return bilag
        return None

    def source_file(self, key: str, index: int | None = None) -> str | None:
        """The data file a record came from, relative to the repository (for 'edit' links)."""
        path = (key,) if index is None else (key, index)
        return self.source.file_of(path)

    def record_file(self, kind: str, ident: str) -> str | None:
        key, records = {"forum": ("fora", self.book.fora), "rolle": ("roller", self.book.roller)}[kind]
        for i, record in enumerate(records):
            if record.id == ident:
                return self.source_file(key, i)
        return None

    # --- derived facts ---------------------------------------------------------------------

    @staticmethod
    def all_participants(forum: Forum) -> list[tuple[str, Deltager]]:
        """Every (list title, participant) of a forum, main list first."""
        rows = [("", d) for d in forum.deltagere]
        for liste in forum.deltagerlister:
            rows += [(liste.titel, d) for d in liste.deltagere]
        return rows

    @staticmethod
    def series(forum: Forum) -> list[tuple[str, Hyppighed, set[str] | None]]:
        """The forum's meeting series: (title, frequency, list ids or None for everyone)."""
        if not forum.moeder:
            return [("", forum.hyppighed, None)]
        return [(s.titel, s.hyppighed, set(s.deltagerlister) or None) for s in forum.moeder]

    def _derive_participations(self) -> dict[str, list[Participation]]:
        result: dict[str, list[Participation]] = {r: [] for r in self.roller}
        for forum in self.fora.values():
            seats: dict[str, tuple[Deltager, list[str], set[str]]] = {}
            for liste_id, titel, deltagere in (
                    [("", "", forum.deltagere)]
                    + [(lst.id, lst.titel, lst.deltagere) for lst in forum.deltagerlister]):
                for d in deltagere:
                    first, titles, ids = seats.setdefault(d.rolle, (d, [], set()))
                    titles.append(titel)
                    ids.add(liste_id)
            for rolle_id, (deltager, titles, ids) in seats.items():
                own = [h for _titel, h, lists in self.series(forum)
                       if lists is None or lists & ids]
                if deltager.moeder_pr_aar is not None or deltager.ad_hoc:
                    # The participant's own rhythm ('en gang årligt') or only when needed;
                    # the meeting's length is the forum's when it has one.
                    count = deltager.moeder_pr_aar
                    minutes = {h.varighed_minutter for h in own}
                    hours = None
                    if count is not None and len(minutes) == 1 and None not in minutes:
                        hours = count * minutes.pop() / 60
                    result[rolle_id].append(Participation(
                        forum, deltager, tuple(titles),
                        (count, count) if count is not None else None,
                        (hours, hours) if hours is not None else None))
                    continue
                meetings, hours = _yearly(own)
                result[rolle_id].append(Participation(forum, deltager, tuple(titles),
                                                      meetings, hours))
        return result

    def participations(self, rolle_id: str) -> list[Participation]:
        return self._participations.get(rolle_id, [])

    def workload(self, rolle_id: str) -> Workload:
        """Meetings and hours a year the role's forums take (see ``Workload``)."""
        return Workload.of(self.participations(rolle_id))

    @staticmethod
    def meetings_per_year(forum: Forum) -> tuple[float, float] | None:
        """Meetings a year the forum holds (all its series), or None if not given."""
        return _rounded(_yearly([h for _t, h, _l in Handbook.series(forum)])[0])

    @staticmethod
    def meeting_hours(forum: Forum) -> tuple[float, float] | None:
        """Hours a year the forum meets (all its series), or None if not given."""
        return _rounded(_yearly([h for _t, h, _l in Handbook.series(forum)])[1])

    def forum_sectors(self, forum: Forum) -> list[str]:
        """The sectors ('skole', 'social', 'politi', 'andet') of a forum's participants."""
        present = {self.sektor(self.roller[d.rolle]) for _t, d in self.all_participants(forum)}
        return [s for s in SEKTOR_NAVNE if s in present]

    def citing(self, lov_id: str) -> list[tuple[Forum, str | None]]:
        """Forums that cite a law, with the paragraph they cite."""
        return [(f, h.paragraf) for f in self.fora.values() for h in f.lovgrundlag if h.lov == lov_id]

    def laws_in_order(self) -> list[Lov]:
        return list(self.love.values())

    def not_reviewed(self) -> list[tuple[str, Forum | Rolle]]:
        """Forums and roles not reviewed in the latest revision (no date, or an older one)."""
        latest = self.revision.dato
        records = [("forum", f) for f in self.fora.values()] + [
            ("rolle", r) for r in self.roller.values()]
        return [(kind, r) for kind, r in records if not r.gennemgaaet or r.gennemgaaet < latest]

    def revision_age_days(self, today: dt.date | None = None) -> int:
        today = today or dt.date.today()
        return (today - dt.date.fromisoformat(self.revision.dato)).days


@functools.lru_cache(maxsize=8)
def _load_cached(data_root: str, kommune_id: str, _fingerprint: tuple) -> Handbook:
    raw = loading.read_kommune(Path(data_root), kommune_id)
    book = checks.validate(raw)
    return Handbook(book, raw.folder, raw.source)


def load(data_root: Path, kommune_id: str) -> Handbook:
    """Load and validate a municipality once per change of its files (cached per build)."""
    data_root = Path(data_root).resolve()
    known = loading.available_kommuner(data_root) if data_root.is_dir() else []
    if kommune_id not in known:
        import difflib

        close = difflib.get_close_matches(kommune_id, known, n=1)
        raise DataError([Problem(
            "SSP_KOMMUNE", 0, 0, f"ukendt kommune '{kommune_id}'",
            "en af " + ", ".join(known) + f" (en mappe under {data_root.name}/ med kommune.yml)",
            f"mente du '{close[0]}'?" if close else "")])
    folder = loading.kommune_folder(data_root, kommune_id)
    return _load_cached(str(data_root), kommune_id, loading.fingerprint(folder))
