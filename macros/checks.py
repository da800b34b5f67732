"""Check a municipality's data: the model, then every cross-reference and rule it cannot express.

``validate(raw)`` returns the validated ``RawHandbook`` or raises ``DataError`` with *all*
problems, each located at the file and line the editor has to change. References are found
by the model's ``Ref`` marks (``refs.py``), so a new reference field needs no code here.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from . import author_macros, fields, pages, personal_data, refs, rules, safety
from .errors import DataError, Problem
from .glyphs import glyph_problems
from .loading import RECORD_FOLDERS, RawData, SourceMap
from .model import DATAFORMAT, RawHandbook
from .validation import inner_model, validate_part

# [[kind:id]] in text; what is between the brackets is checked, so a misspelt kind is found.
_LINK = re.compile(r"\[\[([^\[\]]*)\]\]")
_LINK_PARTS = re.compile(r"([a-z]+):([a-z0-9]+(?:-[a-z0-9]+)*)")


def personal_data_problems(raw: RawData) -> list[Problem]:
    """Anything that looks like a CPR number is refused: the handbook describes roles, not
    people (personal_data.py: in values, ids, file names and comments alike)."""
    return personal_data.problems(raw)


# --- references ----------------------------------------------------------------------------


def _unknown(smap: SourceMap, path: tuple, kind, ident: str, known: set[str]) -> Problem:
    close = difflib.get_close_matches(ident, sorted(known), n=1, cutoff=0.6)
    where = kind.sted + (" eller " + ", ".join(kind.indbygget) if kind.indbygget else "")
    return smap.problem(path, f"ukendt {kind.navn} '{ident}'", f"et id fra {where}",
                        f"mente du '{close[0]}'?" if close else "")


def _ids_from_file_names(raw: RawData) -> dict[str, set[str]]:
    """Ids the data defines besides its records' own (raw.data's Index): the file names of
    forums and roles, so a changed id is reported once, at its file, not at every use."""
    extra: dict[str, set[str]] = {}
    for key in RECORD_FOLDERS:
        kind = inner_model(RawHandbook.model_fields[key].annotation).KIND.id
        stems = {Path(raw.source.file_of((key, i)) or "").stem
                 for i in range(len(raw.data.get(key) or []))}
        extra[kind] = stems | raw.unreadable.get(key, set())
    return extra


def _reference_problems(book: RawHandbook, raw: RawData, known: refs.Index) -> list[Problem]:
    extra = _ids_from_file_names(raw)
    problems = []
    for ref in refs.Index(RawHandbook, book).references:
        ids = known.ids(ref.kind, ref.scope) | extra.get(ref.kind, set())
        if ref.ident not in ids:
            problems.append(_unknown(raw.source, ref.path, known.kinds[ref.kind], ref.ident, ids))
    for path, text in raw.texts():
        if "[[" in text:
            problems += _link_problems(raw.source, path, text, known, extra)
    return problems


def _link_problems(smap: SourceMap, path: tuple, text: str, known: refs.Index,
                   extra: dict[str, set[str]]) -> list[Problem]:
    """``[[kind:id]]`` in text: a kind of record that has a page, and an id that exists."""
    problems = []
    for match in _LINK.finditer(text):
        parts = _LINK_PARTS.fullmatch(match.group(1))
        if parts is None or parts.group(1) not in pages.TARGETS:
            kinds = ", ".join(f"[[{k}:id]]" for k in pages.TARGETS)
            problems.append(smap.problem(path, f"ukendt henvisning '{match.group(0)}'",
                                         f"en af {kinds} uden mellemrum"))
            continue
        kind, ident = parts.groups()
        ids = known.ids(kind) | extra.get(kind, set())
        if ident not in ids:
            problems.append(_unknown(smap, path, known.kinds[kind], ident, ids))
    return problems


def _markdown_problems(book: RawHandbook, smap: SourceMap) -> list[Problem]:
    """Every Markdown field, rendered on its own, publishes nothing unsafe (see safety.py)."""
    problems = []
    for item in refs.walk(RawHandbook, book):
        if isinstance(item, refs.Text) and item.kind == fields.MARKDOWN_TEXT:
            for problem in safety.markdown_problems(item.value):
                problems.append(smap.problem(item.path, f"'{item.path[-1]}' ville udgive "
                                             f"{problem}", "Markdown med links til https://, "
                                             "mailto: eller tel:; links inden for håndbogen "
                                             "skrives [[rolle:id]], [[forum:id]] osv."))
    return problems


def _page_problems(book: RawHandbook, smap: SourceMap, known: refs.Index) -> list[Problem]:
    """A free page's text: only the author macros, with ids that exist, and otherwise the
    same Markdown as any Markdown field."""
    problems = []
    for i, side in rules.present(book.sider):
        if not side.tekst:
            continue
        where = ("sider", i, "tekst")
        start = smap.locate(where)

        def at(line: int, message: str, expected: str, hint: str = "") -> Problem:
            found = smap.problem(where, message, expected, hint)
            return Problem(found.file, (start.line if start else 1) + line - 1, 0,
                           found.message, found.expected, found.hint)

        try:
            found = author_macros.calls(side.tekst)
        except author_macros.TemplateProblem as error:
            problems.append(at(error.line, error.message, author_macros.ALLOWED))
            continue
        for call in found:
            for kind, ident in zip(call.macro.parameters, call.ids):
                if ident not in known.ids(kind):
                    problem = _unknown(smap, where, known.kinds[kind], ident, known.ids(kind))
                    problems.append(at(call.line, problem.message, problem.expected, problem.hint))
        rest = author_macros.without_calls(side.tekst)
        if "{" in rest or "}" in rest:
            problems.append(at(1, "teksten har { eller } uden for en makro",
                               author_macros.ALLOWED))
        problems += [smap.problem(where, f"'tekst' ville udgive {p}", "Markdown med links til "
                                  "https://, mailto: eller tel:") for p in
                     safety.markdown_problems(rest)]
    return problems


def _duplicate_ids(book: RawHandbook, smap: SourceMap) -> list[Problem]:
    problems = []
    seen: dict[tuple, tuple] = {}
    for item in refs.walk(RawHandbook, book):
        if not isinstance(item, refs.Definition):
            continue
        if item.ident in item.kind.indbygget:
            problems.append(smap.problem(item.path, f"'{item.ident}' er en indbygget "
                                         f"{item.kind.navn} og skal ikke skrives i data",
                                         "et andet id end " + ", ".join(item.kind.indbygget),
                                         at=item.path + ("id",)))
            continue
        key = (item.kind.id, item.scope if item.kind.lokal else (), item.ident)
        if key not in seen:
            seen[key] = item.path
            continue
        first = smap.locate(seen[key] + ("id",))
        where = f"{first.file}:{first.line}" if first else "før"
        problems.append(smap.problem(item.path, f"id'et '{item.ident}' er brugt før ({where})",
                                     f"et id, der kun bruges af én {item.kind.navn}",
                                     at=item.path + ("id",)))
    return problems


def _navigation_problems(book: RawHandbook, smap: SourceMap) -> list[Problem]:
    allowed = list(pages.MENU_IDS) + [s.id for s in book.kommune.sider]
    problems = []
    for i, entry in enumerate(book.kommune.navigation):
        if entry not in allowed:
            close = difflib.get_close_matches(entry, allowed, n=1, cutoff=0.6)
            problems.append(smap.problem(
                ("kommune", "navigation", i), f"ukendt menupunkt '{entry}'",
                "en af " + ", ".join(pages.MENU_IDS) + " eller id'et på en side",
                f"mente du '{close[0]}'?" if close else ""))
    return problems


# --- all of it -----------------------------------------------------------------------------


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
        if key not in RECORD_FOLDERS:
            parsed = validate_part(field.annotation, value, raw.source, (key,), problems)
            if parsed is not None:
                parts[key] = parsed
            continue
        model = inner_model(field.annotation)
        parts[key] = [validate_part(model, record, raw.source, (key, i), problems)
                      for i, record in enumerate(value)]
        if not value and not raw.unreadable.get(key):
            problems.append(raw.source.problem((key,), f"mappen har ingen "
                                               f"{key.replace('fora', 'fora (møder)')}",
                                               "mindst én fil med en post"))
    return parts, problems


def _format_problem(raw: RawData) -> Problem | None:
    """Data written for another version of the data format: one line that says what to do,
    instead of every difference between the formats."""
    kommune = raw.data.get("kommune")
    found = kommune.get("dataformat", 1) if isinstance(kommune, dict) else DATAFORMAT
    if found == DATAFORMAT:
        return None
    where = ("kommune", "dataformat") if "dataformat" in kommune else ("kommune",)
    if isinstance(found, int) and not isinstance(found, bool) and 0 < found < DATAFORMAT:
        return raw.source.problem(where, f"data er skrevet til dataformat {found}; værktøjet "
                                  f"læser dataformat {DATAFORMAT}",
                                  f"kør './run migrer {raw.kommune_id}', der skriver data om til "
                                  f"dataformat {DATAFORMAT}")
    return raw.source.problem(where, f"ukendt dataformat «{found}»",
                              f"dataformat: {DATAFORMAT} (data til en nyere udgave af værktøjet "
                              "kræver, at værktøjet opdateres)")


def validate(raw: RawData) -> RawHandbook:
    """Validate the plain data of one municipality; raise DataError with every problem found."""
    wrong_format = _format_problem(raw)
    if wrong_format is not None:
        raise DataError(list(raw.problems) + [wrong_format])
    cpr = personal_data_problems(raw)
    reported = {(p.file, p.line, p.column) for p in cpr}  # a CPR number says enough there
    problems = list(raw.problems) + cpr + [p for p in glyph_problems(raw)
                                           if (p.file, p.line, p.column) not in reported]
    parts, model_problems = _validate_parts(raw)
    problems += model_problems
    required = {"kommune", "enheder", "love", "fora", "roller"}
    if not required <= set(parts):
        raise DataError(problems)
    book = RawHandbook.model_construct(**parts)
    known = refs.Index(RawHandbook, raw.data)  # every id defined, in valid records or not
    problems += _reference_problems(book, raw, known)
    problems += _duplicate_ids(book, raw.source)
    problems += _markdown_problems(book, raw.source)
    problems += _page_problems(book, raw.source, known)
    problems += _navigation_problems(book, raw.source)
    problems += rules.problems(book, raw)
    if problems:
        raise DataError(problems)
    return book
