"""Check a municipality's data: the model, then every cross-reference and rule it cannot express.

``validate(raw)`` returns the validated ``RawHandbook`` or raises ``DataError`` with *all*
problems, each located at the file and line the editor has to change.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from collections import Counter
from typing import Any, Iterator

from pydantic import TypeAdapter, ValidationError

from .errors import DataError, Problem
from .loading import RECORD_FOLDERS, RawData, SourceMap
from .safe_yaml import shorten
from . import personal_data
from .model import NAV_SECTIONS, REFERENCE, RawHandbook

_MESSAGES = {
    "missing": ("feltet '{field}' mangler", "{expected}"),
    "extra_forbidden": ("ukendt felt '{field}'", "et af felterne {allowed}"),
    "string_type": ("'{field}' skal være tekst", "tekst"),
    "string_too_short": ("'{field}' er tom", "en tekst"),
    "string_pattern_mismatch": ("'{field}' har et ugyldigt format: «{value}»", "{pattern}"),
    "string_too_long": ("'{field}' er for lang", "højst {max_length} tegn"),
    "int_type": ("'{field}' skal være et helt tal, ikke «{value}»", "et helt tal"),
    "int_parsing": ("'{field}' skal være et helt tal, ikke «{value}»", "et helt tal"),
    "int_from_float": ("'{field}' skal være et helt tal, ikke «{value}»", "et helt tal"),
    "bool_type": ("'{field}' skal være ja/nej, ikke «{value}»", "true eller false"),
    "bool_parsing": ("'{field}' skal være ja/nej, ikke «{value}»", "true eller false"),
    "list_type": ("'{field}' skal være en liste", "en liste med '- ' foran hvert punkt"),
    "dict_type": ("'{field}' skal være et afsnit med felter", "felter som 'navn: ...'"),
    "model_type": ("'{field}' skal være et afsnit med felter", "felter som 'navn: ...'"),
    "model_attributes_type": ("'{field}' skal være et afsnit med felter", "felter som 'navn: ...'"),
    "too_short": ("'{field}' er tom", "mindst {min_length} punkt(er)"),
    "literal_error": ("'{field}' har en ugyldig værdi «{value}»", "en af {choices}"),
    "greater_than_equal": ("'{field}' er for lille: {value}", "mindst {ge}"),
    "less_than_equal": ("'{field}' er for stor: {value}", "højst {le}"),
}
_VALUE_ERRORS = {
    "markdown_html": ("'{field}' indeholder HTML", "almindelig tekst eller Markdown uden HTML"),
    "markdown_link": ("'{field}' indeholder et link, der kan køre kode ({detail}:)",
                      "links med https://"),
    "markdown_template": ("'{field}' indeholder skabelonkode ({{{{ }}}} eller {{% %}})",
                          "almindelig tekst"),
    "markdown_braces": ("'{field}' indeholder {{ eller }}, som ikke er tilladt i tekst med "
                        "Markdown", "tekst uden krøllede parenteser"),
    "markdown_image": ("'{field}' indeholder et billede (![...](...))",
                       "tekst uden billeder: håndbogen henter intet udefra"),
    "date_format": ("'{field}' er ikke en gyldig dato: «{value}»", "ÅÅÅÅ-MM-DD"),
    "frequency_both": ("hyppigheden har både 'pr_aar' og 'interval_dage'",
                       "kun det ene af de to"),
    "frequency_range": ("'pr_aar_max' er mindre end 'pr_aar' eller står uden 'pr_aar'",
                        "pr_aar ≤ pr_aar_max"),
    "afsnit_empty": ("afsnittet har hverken tekst eller punkter", "'tekst' eller 'punkter'"),
    "grade_range": ("'klassetrin' skal ligge fra 0 til 10", "årgange 0-10"),
}


def _field_name(loc: tuple) -> str:
    for part in reversed(loc):
        if isinstance(part, str) and part not in ("str", "PunktMedUnderpunkter",
                                                  "function-after[_check_markdown(), str]"):
            return part
    return "værdien"


def _clean_loc(loc: tuple) -> tuple:
    """Drop pydantic's union-branch names so the path matches the data."""
    return tuple(p for p in loc if isinstance(p, int) or not (
        p in ("str", "PunktMedUnderpunkter") or p.startswith("function-") or "[" in p))


def _model_fields(loc: tuple) -> list[str]:
    """The allowed keys at ``loc`` in the data, for 'unknown field' hints."""
    from pydantic import BaseModel

    from . import model as m

    current: Any = m.RawHandbook
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = current.model_fields.get(part)
        if field is None:
            return []
        current = _inner_model(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner_model(annotation: Any) -> Any:
    from pydantic import BaseModel
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _model_problems(error: ValidationError, smap: SourceMap, prefix: tuple = ()) -> list[Problem]:
    problems = []
    for item in error.errors():
        loc = prefix + _clean_loc(item["loc"])
        kind = item["type"]
        field = _field_name(loc)
        ctx = dict(item.get("ctx") or {})
        value = item.get("input")
        shown = shorten(str(value)) if not isinstance(value, (dict, list)) else ""
        if kind == "value_error":
            code, _, ctx["detail"] = str(ctx.get("error", "")).strip().partition(":")
            message, expected = _VALUE_ERRORS.get(code, (f"ugyldig værdi i '{field}'", ""))
            if code in ("frequency_both", "frequency_range", "afsnit_empty"):
                pos = smap.locate(loc)
            else:
                pos = smap.locate(loc)
        elif kind == "extra_forbidden":
            allowed = _model_fields(loc)
            message, expected = _MESSAGES[kind]
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
            hint = f"mente du '{close[0]}'?" if close else ""
            pos = smap.locate_key(loc)
            problems.append(_problem(pos, smap, loc, message.format(field=shorten(str(loc[-1]))),
                                     expected.format(allowed=", ".join(allowed)), hint))
            continue
        elif kind == "missing":
            message, expected = _MESSAGES[kind]
            pos = smap.locate(loc[:-1])
            problems.append(_problem(pos, smap, loc, message.format(field=field),
                                     f"feltet '{field}'"))
            continue
        else:
            message, expected = _MESSAGES.get(kind, (f"'{field}' har en ugyldig værdi", ""))
            pos = smap.locate(loc)
            if kind == "literal_error":
                ctx["choices"] = str(ctx.get("expected", "")).replace(" or ", " eller ")
            if kind == "string_pattern_mismatch":
                ctx["pattern"] = ("små bogstaver a-z, tal og bindestreg" if field in
                                  ("id", "rolle", "lov", "enhed", "del_af") or "Id" in str(ctx)
                                  else f"mønsteret {ctx.get('pattern', '')}")
        fmt = {"field": field, "value": shown, **{k: v for k, v in ctx.items()}}
        problems.append(_problem(pos, smap, loc, message.format(**fmt), expected.format(**fmt)))
    return problems


def _problem(pos, smap: SourceMap, loc: tuple, message: str, expected: str = "",
             hint: str = "") -> Problem:
    if pos is None:
        return Problem(smap.file_of(loc) or "data", 0, 0, message, expected, hint)
    return Problem(pos.file, pos.line, pos.column, message, expected, hint)


def _walk_strings(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk_strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk_strings(item, path + (i,))
    elif isinstance(value, int) and not isinstance(value, bool):
        yield path, str(value)


def personal_data_problems(raw: RawData) -> list[Problem]:
    """Anything that looks like a CPR number is refused: the handbook describes roles, not people."""
    return personal_data.problems(raw)


class _References:
    """Checks that every id used somewhere points at a record that exists."""

    def __init__(self, book: RawHandbook, smap: SourceMap):
        self.smap = smap
        self.problems: list[Problem] = []
        self.ids = {
            "rolle": {r.id for _i, r in _present(book.roller)},
            "forum": {f.id for _i, f in _present(book.fora)},
            "lov": {lov.id for lov in book.love},
            "bilag": {b.id for b in book.bilag},
            "enhed": {e.id for e in book.enheder},
            "side": {s.id for s in book.kommune.sider},
            "distrikt": {d.id for d in book.distrikter.distrikter} if book.distrikter else set(),
            "omraade": {o.id for o in book.distrikter.omraader} if book.distrikter else set(),
            "aktivitet": {a.id for a in book.aktiviteter},
        }

    _NAMES = {"rolle": "rolle", "forum": "forum", "lov": "lov", "bilag": "bilag",
              "enhed": "enhed", "side": "side", "distrikt": "distrikt",
              "omraade": "område", "aktivitet": "aktivitet"}
    _FILES = {"rolle": "roller/", "forum": "fora/", "lov": "love.yml", "bilag": "bilag.yml",
              "enhed": "enheder.yml", "side": "kommune.yml (sider)",
              "distrikt": "distrikter.yml", "omraade": "distrikter.yml (omraader)",
              "aktivitet": "aktiviteter.yml"}

    def check(self, kind: str, value: str | None, path: tuple) -> None:
        if value is None or value in self.ids[kind]:
            return
        close = difflib.get_close_matches(value, sorted(self.ids[kind]), n=1, cutoff=0.6)
        hint = f"mente du '{close[0]}'?" if close else ""
        self.problems.append(_problem(
            self.smap.locate(path), self.smap, path,
            f"ukendt {self._NAMES[kind]} '{value}'",
            f"et id fra {self._FILES[kind]}", hint))

    def check_markdown(self, text: str | None, path: tuple) -> None:
        if not text:
            return
        for match in REFERENCE.finditer(text):
            self.check(match.group(1), match.group(2), path)


def _present(records) -> list[tuple[int, Any]]:
    """(index, record) for the records that passed validation (others are None)."""
    return [(i, r) for i, r in enumerate(records or []) if r is not None]


def _reference_problems(book: RawHandbook, raw: RawData,
                        unvalidated: dict[str, set] | None = None) -> list[Problem]:
    refs = _References(book, raw.source)
    for key, kind in (("fora", "forum"), ("roller", "rolle"), ("bilag", "bilag"),
                      ("aktiviteter", "aktivitet"), ("distrikter", "distrikt")):
        refs.ids[kind] |= {i for i in (unvalidated or {}).get(key, set()) if isinstance(i, str)}
    for path, text in _walk_strings(raw.data):
        if "[[" in text:
            refs.check_markdown(text, path)
    for i, enhed in enumerate(book.enheder):
        refs.check("enhed", enhed.del_af, ("enheder", i, "del_af"))
    for i, rolle in _present(book.roller):
        refs.check("enhed", rolle.enhed, ("roller", i, "enhed"))
        refs.check("rolle", rolle.vedligeholdes_af, ("roller", i, "vedligeholdes_af"))
        for j, d in enumerate(rolle.distrikter):
            refs.check("distrikt", d, ("roller", i, "distrikter", j))
    for i, forum in _present(book.fora):
        base = ("fora", i)
        refs.check("forum", forum.rapporterer_til, base + ("rapporterer_til",))
        refs.check("rolle", forum.vedligeholdes_af, base + ("vedligeholdes_af",))
        for j, d in enumerate(forum.deltagere):
            refs.check("rolle", d.rolle, base + ("deltagere", j, "rolle"))
        list_ids = set()
        for k, liste in enumerate(forum.deltagerlister):
            list_ids.add(liste.id)
            for j, d in enumerate(liste.deltagere):
                refs.check("rolle", d.rolle, base + ("deltagerlister", k, "deltagere", j, "rolle"))
        for k, serie in enumerate(forum.moeder):
            for j, liste_id in enumerate(serie.deltagerlister):
                if liste_id not in list_ids:
                    refs.problems.append(_problem(
                        raw.source.locate(base + ("moeder", k, "deltagerlister", j)), raw.source,
                        base, f"ukendt deltagerliste '{liste_id}'",
                        "et id fra forummets 'deltagerlister'"))
        for j, h in enumerate(forum.lovgrundlag):
            refs.check("lov", h.lov, base + ("lovgrundlag", j, "lov"))
    for i, bilag in enumerate(book.bilag):
        for kind, field in (("rolle", "roller"), ("forum", "fora"), ("lov", "love"),
                            ("aktivitet", "aktiviteter")):
            for j, ref in enumerate(getattr(bilag, field)):
                refs.check(kind, ref, ("bilag", i, field, j))
    if book.niveauer:
        for i, niveau in enumerate(book.niveauer.niveauer):
            for j, ref in enumerate(niveau.aktoerer):
                refs.check("rolle", ref, ("niveauer", "niveauer", i, "aktoerer", j))
    if book.distrikter:
        for i, d in enumerate(book.distrikter.distrikter):
            base = ("distrikter", "distrikter", i)
            refs.check("rolle", d.daekkes_af, base + ("daekkes_af",))
            refs.check("omraade", d.omraade, base + ("omraade",))
            for j, u in enumerate(d.underdistrikter):
                refs.check("omraade", u.omraade, base + ("underdistrikter", j, "omraade"))
        for i, o in enumerate(book.distrikter.omraader):
            refs.check("rolle", o.daekkes_af, ("distrikter", "omraader", i, "daekkes_af"))
    for i, a in enumerate(book.aktiviteter):
        for j, ref in enumerate(a.ansvarlige):
            refs.check("rolle", ref, ("aktiviteter", i, "ansvarlige", j))
    if book.pixi:
        for i, ref in enumerate(book.pixi.roller):
            refs.check("rolle", ref, ("pixi", "roller", i))
        for i, kontakt in enumerate(book.pixi.kontakter):
            refs.check("rolle", kontakt.rolle, ("pixi", "kontakter", i, "rolle"))
    for i, entry in enumerate(book.kommune.navigation):
        if entry not in NAV_SECTIONS and entry not in refs.ids["side"]:
            close = difflib.get_close_matches(entry, list(NAV_SECTIONS) + sorted(refs.ids["side"]),
                                              n=1, cutoff=0.6)
            refs.problems.append(_problem(
                raw.source.locate(("kommune", "navigation", i)), raw.source, (),
                f"ukendt menupunkt '{entry}'", "en af " + ", ".join(NAV_SECTIONS) +
                " eller id'et på en side", f"mente du '{close[0]}'?" if close else ""))
    return refs.problems


def _duplicate_ids(book: RawHandbook, smap: SourceMap) -> list[Problem]:
    problems = []
    groups = {
        "rolle": ("roller", [r.id if r else None for r in book.roller]),
        "forum": ("fora", [f.id if f else None for f in book.fora]),
        "lov": ("love", [lov.id for lov in book.love]),
        "bilag": ("bilag", [b.id for b in book.bilag]),
        "enhed": ("enheder", [e.id for e in book.enheder]),
        "aktivitet": ("aktiviteter", [a.id for a in book.aktiviteter]),
    }
    if book.distrikter:
        groups["distrikt"] = (("distrikter", "distrikter"),
                              [d.id for d in book.distrikter.distrikter])
    for kind, (key, ids) in groups.items():
        seen: dict[str, int] = {}
        prefix = key if isinstance(key, tuple) else (key,)
        for i, ident in enumerate(ids):
            if ident is None:
                continue
            if ident in seen:
                first = smap.locate(prefix + (seen[ident], "id"))
                where = f"{first.file}:{first.line}" if first else "før"
                problems.append(_problem(smap.locate(prefix + (i, "id")), smap, prefix + (i,),
                                         f"id'et '{ident}' er brugt før ({where})",
                                         f"et id, der kun bruges af én {kind}"))
            else:
                seen[ident] = i
    return problems


def _record_file_names(book: RawHandbook, smap: SourceMap) -> list[Problem]:
    """A forum or role file must be named after its id, so an editor finds it by its address."""
    problems = []
    for key, records in (("fora", book.fora), ("roller", book.roller)):
        for i, record in _present(records):
            file = smap.file_of((key, i)) or ""
            stem = file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
            if stem and stem != record.id:
                problems.append(_problem(smap.locate((key, i, "id")), smap, (key, i),
                                         f"id'et '{record.id}' passer ikke med filnavnet",
                                         f"filen hedder {record.id}.yml eller id'et er '{stem}'"))
    return problems


def _generated_headings(record, key: str) -> set[str]:
    """Headings the generated page adds itself (see content.py), which an afsnit must not repeat."""
    headings = {"formål"} if record.formaal else set()
    if record.beskrivelse:
        headings.add("beskrivelse")
    if key == "fora":
        headings.add("deltagere")
        if record.moeder:
            headings.add("møder")
    else:
        headings.add("deltager i")
    return headings


def _content_problems(book: RawHandbook, raw: RawData) -> list[Problem]:
    smap = raw.source
    problems = []
    if book.kommune.id != raw.kommune_id:
        problems.append(_problem(smap.locate(("kommune", "id")), smap, ("kommune",),
                                 f"kommunens id '{book.kommune.id}' passer ikke med mappen "
                                 f"data/{raw.kommune_id}/", f"id: {raw.kommune_id}"))
    for i, forum in _present(book.fora):
        if not forum.deltagere and not forum.deltagerlister:
            problems.append(_problem(smap.locate(("fora", i, "id")), smap, ("fora", i),
                                     f"forummet '{forum.id}' har ingen deltagere",
                                     "mindst én deltager under 'deltagere'"))
        if not forum.rapporterer_til and not forum.placering_note:
            problems.append(_problem(smap.locate(("fora", i, "id")), smap, ("fora", i),
                                     f"forummet '{forum.id}' siger ikke, hvor det hører til i "
                                     "organisationen",
                                     "'rapporterer_til: <forum-id>' eller, hvis kilden ikke "
                                     "siger det, 'placering_note: <hvad kilden siger>'"))
    for key, records in (("fora", book.fora), ("roller", book.roller)):
        for i, record in _present(records):
            generated = _generated_headings(record, key)
            for j, afsnit in enumerate(record.afsnit):
                if afsnit.overskrift and afsnit.overskrift.strip().lower() in generated:
                    problems.append(_problem(
                        smap.locate((key, i, "afsnit", j, "overskrift")), smap, (key, i),
                        f"overskriften '{afsnit.overskrift}' laves allerede af siden selv",
                        "en anden overskrift, fx 'Om " + afsnit.overskrift.lower() + "'"))
    if book.pixi and not book.kommune.adresse:
        problems.append(_problem(smap.locate(("kommune", "id")), smap, ("kommune",),
                                 "pixi-guiden skal vise håndbogens adresse, men 'adresse' mangler",
                                 "adresse: https://... i kommune.yml"))
    numbers = [b.nummer for b in book.bilag]
    counts = Counter(numbers)
    for i, bilag in enumerate(book.bilag):
        if counts[bilag.nummer] > 1:
            problems.append(_problem(smap.locate(("bilag", i, "nummer")), smap, ("bilag", i),
                                     f"bilagsnummer {bilag.nummer} bruges {counts[bilag.nummer]} "
                                     "gange", "hvert nummer én gang"))
    missing = _gaps(numbers)
    if missing:
        problems.append(_problem(smap.locate(("bilag",)), smap, ("bilag",),
                                 "bilagsnumrene springer over " + missing,
                                 "bilag nummereret 1, 2, 3, ... uden huller"))
    if numbers != sorted(numbers):
        problems.append(_problem(smap.locate(("bilag",)), smap, ("bilag",),
                                 "bilagene står ikke i nummerorden",
                                 "bilag 1, 2, 3, ... i rækkefølge"))
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


def _validate_parts(raw: RawData) -> tuple[dict[str, Any], list[Problem]]:
    """Validate each file (and each forum/role record) on its own, so that one bad file does
    not hide the problems of the others. Invalid records stay as ``None`` in their place, so
    indexes keep pointing at the right file."""
    parts: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, field in RawHandbook.model_fields.items():
        if key not in raw.data:
            continue
        value = raw.data[key]
        if key in RECORD_FOLDERS:
            adapter = TypeAdapter(_inner_model(field.annotation))
            records = []
            for i, record in enumerate(value):
                try:
                    records.append(adapter.validate_python(record))
                except ValidationError as error:
                    problems += _model_problems(error, raw.source, (key, i))
                    records.append(None)
            parts[key] = records
            if not value and not raw.unreadable.get(key):
                problems.append(_problem(None, raw.source, (key,),
                                         f"mappen har ingen {key.replace('fora', 'fora (møder)')}",
                                         "mindst én fil med en post"))
            continue
        try:
            parts[key] = TypeAdapter(field.annotation).validate_python(value)
        except ValidationError as error:
            problems += _model_problems(error, raw.source, (key,))
    return parts, problems


def _raw_id(record: Any) -> str | None:
    """The id of a record that failed validation, if it has a usable one (it may be a list)."""
    ident = record.get("id") if isinstance(record, dict) else None
    return ident if isinstance(ident, str) else None


def validate(raw: RawData) -> RawHandbook:
    """Validate the plain data of one municipality; raise DataError with every problem found."""
    problems = list(raw.problems) + personal_data_problems(raw)
    parts, model_problems = _validate_parts(raw)
    problems += model_problems
    required = {"kommune", "enheder", "love", "fora", "roller"}
    if not required <= set(parts):
        raise DataError(problems)
    book = RawHandbook.model_construct(**parts)
    # Ids of records that failed validation still count as known, so a typo in one forum
    # file is not also reported as a dangling reference everywhere that forum is named.
    # The same for files that could not be read, and for file names (a changed id is reported
    # once, as a mismatch with its file name, not again at every reference to the old id).
    unvalidated = {key: {_raw_id(r) for r, ok in zip(raw.data.get(key, []), parts[key])
                         if ok is None}
                   | raw.unreadable.get(key, set())
                   | {Path(raw.source.file_of((key, i)) or "").stem for i in range(len(parts[key]))}
                   for key in RECORD_FOLDERS}
    for key in ("bilag", "aktiviteter", "distrikter"):
        if key in raw.data and key not in parts:
            value = raw.data[key]
            items = value.get("distrikter", []) if isinstance(value, dict) else value
            unvalidated[key] = {_raw_id(r) for r in items} if isinstance(items, list) else set()
    problems += _reference_problems(book, raw, unvalidated)
    problems += _duplicate_ids(book, raw.source)
    problems += _record_file_names(book, raw.source)
    problems += _content_problems(book, raw)
    if problems:
        raise DataError(problems)
    return book
