"""The validated handbook of one municipality: lookups by id and the facts derived from records.

Derived facts (which forums a role sits in, how many meetings a year that is, which forums
cite a law, which appendix describes a record) are computed here from the records, never
typed twice in the data. The inverse lookups come from the references the model declares
(``refs.Index``).
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
from pathlib import Path

from . import checks, loading, refs, rules, workload
from .errors import DataError, Problem
from .model import SEKTORER, Aktivitet, Bilag, Distrikt, Enhed, Forum, RawHandbook, Rolle
from .workload import Participation, Workload

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
        self.sider = {s.id: s for s in [*book.kommune.sider, *book.sider]}
        self.distrikter = {d.id: d for d in book.distrikter.distrikter} if book.distrikter else {}
        self.aktiviteter = {a.id: a for a in book.aktiviteter}
        self.organisationsniveauer = {n.id: n for n in (
            book.niveauer.organisationsniveauer if book.niveauer else [])}
        #: Every sector by id with its name: the three S's, the municipality's own, 'andet'.
        self.sektorer = {**{k: v for k, v in SEKTORER.items() if k != "andet"},
                         **{s.id: s.navn for s in book.sektorer}, "andet": SEKTORER["andet"]}
        self.index = refs.Index(RawHandbook, book)
        self._participations = {r: self._seats(r) for r in self.roller}

    # --- lookups ---------------------------------------------------------------------------

    @property
    def revision(self):
        return self.kommune.revisioner[-1]

    @property
    def revision_label(self) -> str:
        """The latest revision as footer and covers show it: its text as typed ('Revideret
        primo 2022', 'Udkast')."""
        return self.revision.tekst

    def sector(self, rolle: Rolle) -> str:
        """The role's sector: its own, else its unit's, else 'andet'."""
        if rolle.sektor:
            return rolle.sektor
        if rolle.enhed:
            return self.enheder[rolle.enhed].sektor
        return "andet"

    def enhed(self, rolle: Rolle) -> Enhed | None:
        return self.enheder.get(rolle.enhed) if rolle.enhed else None

    def source_file(self, key: str) -> str | None:
        """The data file a section came from, relative to the repository (for source notes)."""
        return self.source.file_of((key,))

    def record_file(self, kind: str, ident: str) -> str | None:
        """The data file a record came from."""
        found = self.index.definitions.get(kind, {}).get(ident)
        return self.source.file_of(found.path) if found else None

    def activities_in_order(self) -> list[Aktivitet]:
        """The year's activities by month, then by grade, then as in the file; those without
        a month (or a grade) after those with one."""
        order = {a: i for i, a in enumerate(self.aktiviteter)}
        return sorted(self.aktiviteter.values(),
                      key=lambda a: (min(a.maaneder, default=13), min(a.klassetrin, default=11),
                                     order[a.id]))

    # --- derived facts ---------------------------------------------------------------------

    all_participants = staticmethod(workload.all_participants)
    series = staticmethod(workload.series)
    meetings_per_year = staticmethod(workload.meetings_per_year)
    meeting_hours = staticmethod(workload.meeting_hours)

    def _seats(self, rolle_id: str) -> list[Participation]:
        """The role's seats, one per forum whose participant lists name it, in forum order."""
        positions = dict.fromkeys(ref.scope[1] for ref in
                                  self.index.referrers("rolle", rolle_id, within="fora")
                                  if ref.path[-1] == "rolle")
        return [workload.seat(self.book.fora[i], rolle_id) for i in positions]

    def participations(self, rolle_id: str) -> list[Participation]:
        return self._participations.get(rolle_id, [])

    def workload(self, rolle_id: str) -> Workload:
        """Meetings and hours a year the role's forums take (see ``Workload``)."""
        return Workload.of(self.participations(rolle_id))

    def forum_sectors(self, forum: Forum) -> list[str]:
        """The sectors of a forum's participants, in the model's order of sectors."""
        present = {self.sector(self.roller[d.rolle]) for _t, d in self.all_participants(forum)}
        return [s for s in self.sektorer if s in present]

    def forum_districts(self, forum: Forum) -> list[Distrikt]:
        """The districts a forum exists in once each ('i_alle_distrikter' or its list)."""
        if forum.i_alle_distrikter:
            return list(self.distrikter.values())
        return [self.distrikter[d] for d in forum.distrikter]

    def district_forums(self, distrikt_id: str) -> list[Forum]:
        """The forums that exist once in this district."""
        return [f for f in self.fora.values()
                if f.i_alle_distrikter or distrikt_id in f.distrikter]

    def bilag_for(self, kind: str, ident: str) -> Bilag | None:
        """The appendix that describes a record (the lowest number, if several do)."""
        found = [self.book.bilag[r.scope[1]] for r in self.index.referrers(kind, ident, "bilag")]
        return min(found, key=lambda b: b.nummer, default=None)

    def citing(self, lov_id: str) -> list[tuple[Forum, str | None]]:
        """Forums that cite a law, with the paragraph they cite."""
        return [(self.book.fora[r.scope[1]], r.owner.paragraf)
                for r in self.index.referrers("lov", lov_id, within="fora")]

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
    handbook = Handbook(checks.validate(raw), raw.folder, raw.source)
    # The one rule about the pages rather than the records: it needs the handbook laid out.
    problems = rules.address_problems(handbook, raw.source)
    if problems:
        raise DataError(problems)
    return handbook


def load(data_root: Path, kommune_id: str) -> Handbook:
    """Load and validate a municipality once per change of its files (cached per build)."""
    data_root = Path(data_root).resolve()
    known = loading.available_kommuner(data_root) if data_root.is_dir() else []
    if kommune_id not in known:
        close = difflib.get_close_matches(kommune_id, known, n=1)
        raise DataError([Problem(
            "SSP_KOMMUNE", 0, 0, f"ukendt kommune '{kommune_id}'",
            "en af " + ", ".join(known) + f" (en mappe under {data_root.name}/ med kommune.yml)",
            f"mente du '{close[0]}'?" if close else "")])
    folder = loading.kommune_folder(data_root, kommune_id)
    return _load_cached(str(data_root), kommune_id, loading.fingerprint(folder))
