"""The model's verdict in the editor's words: pydantic's validation errors become Danish
problems, each at the file and line the editor has to change."""

from __future__ import annotations

import difflib
from typing import Any, get_args

from pydantic import BaseModel, TypeAdapter, ValidationError

from .errors import Problem
from .fields import PATTERN_WORDS
from .safe_yaml import shorten
from .safety import MAX_DEPTH
from .loading import SourceMap

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
    "markdown_template": ("'{field}' indeholder skabelonkode ({{{{ }}}} eller {{% %}})",
                          "almindelig tekst"),
    "markdown_braces": ("'{field}' indeholder {{ eller }}, som ikke er tilladt i tekst med "
                        "Markdown", "tekst uden krøllede parenteser"),
    "markdown_image": ("'{field}' indeholder et billede (![...](...))",
                       "tekst uden billeder: håndbogen henter intet udefra"),
    "markdown_depth": ("'{field}' har for mange lag inde i hinanden (*, _, >, [ ] eller lister "
                       "i lister)", f"højst {MAX_DEPTH} lag: skriv teksten mere enkelt"),
    "number_yes_no": ("'{field}' skal være et helt tal, ikke en ja/nej-værdi",
                      "et helt tal, fx 4 (on, off, yes, no, true og false læses som ja/nej)"),
    "date_format": ("'{field}' er ikke en gyldig dato: «{value}»", "ÅÅÅÅ-MM-DD"),
    "frequency_both": ("hyppigheden har både 'pr_aar' og 'interval_dage'",
                       "kun det ene af de to"),
    "frequency_range": ("'pr_aar_max' er mindre end 'pr_aar' eller står uden 'pr_aar'",
                        "pr_aar ≤ pr_aar_max"),
    "afsnit_empty": ("afsnittet har hverken tekst eller punkter", "'tekst' eller 'punkter'"),
    "grade_range": ("'klassetrin' skal ligge fra 0 til 10", "årgange 0-10"),
    "name_link": ("'{field}' er et navn og kan ikke indeholde en henvisning ([[...]])",
                  "navnet som almindelig tekst; henvisninger virker i tekst, punkter og noter"),
    "colour_contrast": ("farven «{value}» er for mørk: teksten ovenpå bliver svær at læse",
                        "en lys farve med kontrast mindst 4,5:1 til mørk tekst, fx #e0d4f7"),
    "levels_title": ("indsatsniveauerne har ingen 'titel'",
                     "titel: sidens titel, fx 'SSP på 3 niveauer'"),
    "report_target": ("en linje i 'rapporterer_til' skal have enten 'forum' eller 'enhed'",
                      "forum: <forum-id> eller enhed: <enhed-id>, ikke begge"),
    "page_empty": ("siden har hverken afsnit eller tekst", "'afsnit' eller en tekst under "
                   "titlen"),
    "districts_both": ("forummet har både 'distrikter' og 'i_alle_distrikter'",
                       "kun det ene: en liste af distrikter eller i_alle_distrikter: true"),
}


def _shown(value: Any) -> str:
    """A value quoted in a message: on one line, and not longer than the message."""
    return "" if isinstance(value, (dict, list)) else shorten(str(value))


def _model_classes() -> set[str]:
    """The names of the model's classes: pydantic puts them in an error's location when it
    tried one branch of a union."""
    from .model import RawHandbook
    from .refs import records

    return {record.__name__ for record in records(RawHandbook)}


def _clean_loc(loc: tuple) -> tuple:
    """Drop pydantic's union-branch names so the path matches the data."""
    branches = _model_classes() | {"str", "int", "bool", "list"}
    return tuple(p for p in loc if isinstance(p, int) or not (
        p in branches or p.startswith(("function-", "constrained-")) or p.endswith("-form")
        or "[" in p))


def _field_name(loc: tuple) -> str:
    names = [p for p in loc if isinstance(p, str)]
    return names[-1] if names else "værdien"


def _field_info(loc: tuple) -> tuple[list[str], Any]:
    """The allowed keys at ``loc``'s parent, and the field at ``loc`` (None if unknown)."""
    from . import model as m

    current: Any = m.RawHandbook
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return [], None
        field = current.model_fields.get(part)
        if field is None:
            return [], None
        current = inner_model(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields), current.model_fields.get(str(loc[-1]) if loc else "")
    return [], None


def inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = inner_model(arg)
        if found is not None:
            return found
    return None


def model_problems(error: ValidationError, smap: SourceMap, prefix: tuple = ()) -> list[Problem]:
    problems = []
    for item in error.errors():
        loc = prefix + _clean_loc(item["loc"])
        kind = item["type"]
        field = _field_name(loc)
        ctx = dict(item.get("ctx") or {})
        value = item.get("input")
        shown = _shown(value)
        if kind == "value_error":
            code = str(ctx.get("error", "")).strip()
            message, expected = _VALUE_ERRORS.get(code, (f"ugyldig værdi i '{field}'", ""))
        elif kind == "extra_forbidden":
            allowed, _field = _field_info(loc)
            message, expected = _MESSAGES[kind]
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
            hint = f"mente du '{close[0]}'?" if close else ""
            problems.append(smap.problem(loc, message.format(field=shorten(str(loc[-1]))),
                                         expected.format(allowed=", ".join(allowed)), hint,
                                         key=True))
            continue
        elif kind == "missing":
            message, expected = _MESSAGES[kind]
            described = _field_info(loc)[1]
            wanted = f"'{field}': {described.description}" if described and \
                described.description else f"feltet '{field}'"
            problems.append(smap.problem(loc, message.format(field=field), wanted, at=loc[:-1]))
            continue
        else:
            message, expected = _MESSAGES.get(kind, (f"'{field}' har en ugyldig værdi", ""))
            if kind == "literal_error":
                ctx["choices"] = str(ctx.get("expected", "")).replace(" or ", " eller ")
            if kind == "string_pattern_mismatch":
                ctx["pattern"] = PATTERN_WORDS.get(ctx.get("pattern"),
                                                   f"mønsteret {ctx.get('pattern', '')}")
        fmt = {"field": field, "value": shown, **{k: v for k, v in ctx.items()}}
        problems.append(smap.problem(loc, message.format(**fmt), expected.format(**fmt)))
    return problems


def validate_part(annotation: Any, value: Any, smap: SourceMap, prefix: tuple,
                  problems: list[Problem]) -> Any:
    """Validate one file's or one record's data; None (and the problems) when it is invalid."""
    try:
        return TypeAdapter(annotation).validate_python(value)
    except ValidationError as error:
        problems += model_problems(error, smap, prefix)
        return None
