"""The rules about records that the model can't express on one field: file names that match
ids, headings a page writes itself, where a forum sits in the organisation (no rings), one
seat per role and list, appendix numbering. Each returns Danish problems at the editor's line.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import pages, refs
from .errors import Problem
from .links import page_url
from .loading import PAGE_FOLDER, RECORD_FOLDERS, RawData, SourceMap
from .model import RawHandbook

if TYPE_CHECKING:
    from .handbook import Handbook


def present(records) -> list[tuple[int, Any]]:
    """(index, record) for the records that passed validation (others are None)."""
    return [(i, r) for i, r in enumerate(records or []) if r is not None]


def _record_file_names(book: RawHandbook, smap: SourceMap) -> list[Problem]:
    """A forum or role file must be named after its id, so an editor finds it by its address."""
    problems = []
    for key in [*RECORD_FOLDERS, PAGE_FOLDER]:
        for i, record in present(getattr(book, key)):
            stem = Path(smap.file_of((key, i)) or "").stem
            if stem and stem != record.id:
                problems.append(smap.problem((key, i), f"id'et '{record.id}' passer ikke med "
                                             "filnavnet", f"filen hedder {record.id}.yml eller "
                                             f"id'et er '{stem}'", at=(key, i, "id")))
    return problems


def _heading_problems(book: RawHandbook, smap: SourceMap) -> list[Problem]:
    """An 'afsnit' must not repeat a heading the record's page writes itself."""
    problems = []
    for key, kind in (("fora", pages.fora), ("roller", pages.roller)):
        for i, record in present(getattr(book, key)):
            generated = kind.generated_headings(record)
            for j, afsnit in enumerate(record.afsnit):
                if afsnit.overskrift and afsnit.overskrift.strip().lower() in generated:
                    problems.append(smap.problem(
                        (key, i), f"overskriften '{afsnit.overskrift}' laves allerede af siden "
                        "selv", "en anden overskrift, fx 'Om " + afsnit.overskrift.lower() + "'",
                        at=(key, i, "afsnit", j, "overskrift")))
    return problems


def _forum_problems(book: RawHandbook, smap: SourceMap) -> list[Problem]:
    problems = []
    for i, forum in present(book.fora):
        if not forum.deltagere and not forum.deltagerlister:
            problems.append(smap.problem(("fora", i), f"forummet '{forum.id}' har ingen deltagere",
                                         "mindst én deltager under 'deltagere'",
                                         at=("fora", i, "id")))
        if not forum.rapporterer_til and not forum.placering_note:
            problems.append(smap.problem(
                ("fora", i), f"forummet '{forum.id}' siger ikke, hvor det hører til i "
                "organisationen", "'rapporterer_til: <forum-id>' eller, hvis kilden ikke siger "
                "det, 'placering_note: <hvad kilden siger>'", at=("fora", i, "id")))
    return problems


def _gaps(numbers: list[int], shown: int = 5) -> str:
    """The numbers missing from 1 to the highest, as ranges ("2, 5-9"); at most ``shown``
    ranges, so the work and the message stay small whatever the numbers are."""
    ranges, expected = [], 1
    for number in sorted(set(numbers)):
        if number > expected:
            ranges.append(str(expected) if number == expected + 1 else f"{expected}-{number - 1}")
        expected = max(expected, number + 1)
    if len(ranges) > shown:
        return ", ".join(ranges[:shown]) + f" og {len(ranges) - shown} huller mere"
    return ", ".join(ranges)


def _reporting_problems(book: RawHandbook, smap: SourceMap) -> list[Problem]:
    """Reporting lines between forums go up the organisation: no forum reports to itself,
    and the primary lines never run in a ring."""
    fora = dict(present(book.fora))
    index = {f.id: i for i, f in fora.items()}
    up = {f.id: [line.forum for line in f.rapporteringer if line.forum and not line.sekundaer]
          for f in fora.values()}
    problems = []
    for i, forum in fora.items():
        where = ("fora", i, "rapporterer_til")
        if any(line.forum == forum.id for line in forum.rapporteringer):
            problems.append(smap.problem(where, f"forummet '{forum.id}' refererer til sig selv",
                                         "et andet forum eller en enhed"))
            continue
        ring = _ring(forum.id, up)
        if ring and min(ring, key=lambda f: index.get(f, 0)) == forum.id:
            problems.append(smap.problem(where, "forummene refererer til hinanden i ring: "
                                         + " → ".join(ring + [forum.id]),
                                         "linjer op i organisationen, der ender i et forum uden "
                                         "'rapporterer_til' (en sekundær linje må gå på tværs)"))
    return problems


def _ring(start: str, up: dict[str, list[str]]) -> list[str]:
    """The forums on a ring of primary reporting lines through ``start``, if there is one."""
    path, todo = {start: [start]}, [start]
    while todo:
        current = todo.pop()
        for parent in up.get(current, []):
            if parent == start:
                return path[current]
            if parent not in path:
                path[parent] = path[current] + [parent]
                todo.append(parent)
    return []


def _participant_problems(book: RawHandbook, smap: SourceMap) -> list[Problem]:
    """A role stands once in each participant list (a second seat would count twice)."""
    problems = []
    for i, forum in present(book.fora):
        lists = [(("fora", i, "deltagere"), forum.deltagere)] + [
            (("fora", i, "deltagerlister", k, "deltagere"), lst.deltagere)
            for k, lst in enumerate(forum.deltagerlister)]
        for base, deltagere in lists:
            seen: set[str] = set()
            for j, d in enumerate(deltagere):
                if d.rolle in seen:
                    problems.append(smap.problem(base + (j, "rolle"), f"rollen '{d.rolle}' står "
                                                 "to gange i samme deltagerliste",
                                                 "hver rolle én gang; skriv det særlige i "
                                                 "'antal', 'deltagelse' eller 'note'"))
                seen.add(d.rolle)
        if (forum.i_alle_distrikter or forum.distrikter) and not book.distrikter:
            problems.append(smap.problem(("fora", i), f"forummet '{forum.id}' findes pr. "
                                         "distrikt, men der er ingen distrikter",
                                         "distrikterne i distrikter.yml",
                                         at=("fora", i, "i_alle_distrikter")))
    return problems


def _appendix_problems(book: RawHandbook, smap: SourceMap) -> list[Problem]:
    """Appendices keep the source's numbering: each number once, 1, 2, 3 ... in order."""
    numbers = [b.nummer for b in book.bilag]
    counts = Counter(numbers)
    problems = [smap.problem(("bilag", i), f"bilagsnummer {b.nummer} bruges {counts[b.nummer]} "
                             "gange", "hvert nummer én gang", at=("bilag", i, "nummer"))
                for i, b in enumerate(book.bilag) if counts[b.nummer] > 1]
    missing = _gaps(numbers)
    if missing:
        problems.append(smap.problem(("bilag",), "bilagsnumrene springer over " + missing,
                                     "bilag nummereret 1, 2, 3, ... uden huller"))
    if numbers != sorted(numbers):
        problems.append(smap.problem(("bilag",), "bilagene står ikke i nummerorden",
                                     "bilag 1, 2, 3, ... i rækkefølge"))
    return problems


#: Top-level addresses the site uses for its own files: the theme's assets, our scripts and
#: styles (docs/), the PDFs, the search index, the form editor, Material's 404 page and the
#: sitemap. (A test compares it with a built site's folders.)
SITE_FILES = ("assets", "javascripts", "stylesheets", "pdf", "search", "admin", "404", "sitemap")


def address_problems(handbook: "Handbook", smap: SourceMap) -> list[Problem]:
    """Every record with a page of its own gets an address no other page has (a free page
    'fora' and the forums' overview would both be fora/, a forum 'index' too: one would be
    written over the other) and none the site uses for its own files. The pages are laid out
    from the handbook, so handbook.load asks this once the records are valid."""
    pages_at: dict[str, list[str]] = {}
    for page in pages.every_page(handbook):
        pages_at.setdefault(page_url(page.path), []).append(page.path)
    problems = []
    for item in refs.walk(RawHandbook, handbook.book):
        target = pages.TARGETS.get(item.kind.id) if isinstance(item, refs.Definition) else None
        if target is None or target.anchor:
            continue
        url = page_url(target.path(item.ident))
        site_file = url.count("/") == 1 and url.split("/")[0] in SITE_FILES
        if len(pages_at.get(url, ())) > 1 or site_file:
            problems.append(smap.problem(
                item.path, f"id'et '{item.ident}' ville give siden adressen /{url}, som "
                "håndbogen bruger til noget andet", "et id, der ikke er 'index' eller navnet "
                "på en af håndbogens egne sider eller mapper", at=item.path + ("id",)))
    return problems


def problems(book: RawHandbook, raw: RawData) -> list[Problem]:
    smap = raw.source
    problems = _forum_problems(book, smap) + _heading_problems(book, smap)
    problems += _record_file_names(book, smap)
    problems += _reporting_problems(book, smap) + _participant_problems(book, smap)
    problems += _appendix_problems(book, smap)
    if book.kommune.id != raw.kommune_id:
        problems.append(smap.problem(("kommune",), f"kommunens id '{book.kommune.id}' passer "
                                     f"ikke med mappen data/{raw.kommune_id}/",
                                     f"id: {raw.kommune_id}", at=("kommune", "id")))
    if book.pixi and not book.kommune.adresse:
        problems.append(smap.problem(("kommune",), "pixi-guiden skal vise håndbogens adresse, "
                                     "men 'adresse' mangler", "adresse: https://... i kommune.yml",
                                     at=("kommune", "id")))
    return problems
