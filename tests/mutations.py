"""Random edits of valid data, generated from the model: the careless or hostile edits that
`check` must judge. Used by test_consistency.py.

Every place in the data where the model has a field (present or not) can be edited: a text
gets markup, template code, a link, a CPR-like number, a huge or empty value; an id gets an
id that exists elsewhere or nowhere; a number its boundaries; a list loses, doubles or
empties; a record loses or gains a field.
"""

from __future__ import annotations

import copy
import random
import types
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import yaml
from pydantic import BaseModel

from macros import free_pages, loading
from macros.fields import Ref
from macros.model import RawHandbook

TEXTS = ["", " ", "x" * 3000, "<b>fed</b>", "<script>alert(1)</script>", "{{ 7*7 }}",
         "{% if x %}", "[link](javascript:alert(1))", "[[rolle:findes-ikke]]", "[[forum: x]]",
         "0102031234", "01-02-2023", "æøå ÆØÅ", "a\nb", "- punkt", "# overskrift", "|", "*",
         "\\", "' \"", "https://example.org/x", "[[roller:x]]", "![b](http://x/y.png)",
         "Se [[lov:retsplejeloven]]", "»", "x" * 61, "Ab-c", "ab-", "a--b"]
NUMBERS = [0, -1, 1, 2, 12, 13, 366, 367, 10**9, "tre", 2.5, True, None]


def positions(annotation: Any, value: Any, path: tuple = ()):
    """Every (path, annotation, value) the model allows in this data, present or not."""
    base = get_args(annotation)[0] if get_origin(annotation) is Annotated else annotation
    origin = get_origin(base)
    yield path, annotation, value
    if origin in (Union, types.UnionType):
        for branch in get_args(base):
            if branch is not type(None) and _fits(branch, value):
                yield from positions(branch, value, path)
                return
    elif origin is list and isinstance(value, list):
        for i, item in enumerate(value):
            yield from positions(get_args(base)[0], item, path + (i,))
    elif isinstance(base, type) and issubclass(base, BaseModel) and isinstance(value, dict):
        for name, field in base.model_fields.items():
            # pydantic keeps a top-level field's marks (Ref) apart from its type
            marked = (Annotated[(field.annotation, *field.metadata)] if field.metadata
                      else field.annotation)
            yield from positions(marked, value.get(name), path + (name,))


def _ref(annotation: Any) -> str | None:
    marks = get_args(annotation)[1:] if get_origin(annotation) is Annotated else ()
    return next((m.kind for m in marks if isinstance(m, Ref)), None)


def _fits(annotation: Any, value: Any) -> bool:
    base = get_args(annotation)[0] if get_origin(annotation) is Annotated else annotation
    if get_origin(base) in (Union, types.UnionType):
        return any(_fits(b, value) for b in get_args(base))
    if isinstance(base, type) and issubclass(base, BaseModel):
        return isinstance(value, dict)
    if get_origin(base) is list:
        return isinstance(value, list)
    return value is None or isinstance(value, (str, int))


def new_value(rng: random.Random, annotation: Any, value: Any, ids: dict[str, list[str]]):
    """A careless or hostile replacement for one value of this type."""
    kind = _ref(annotation)
    base = get_args(annotation)[0] if get_origin(annotation) is Annotated else annotation
    if kind is not None:
        return rng.choice(ids.get(kind, []) + ["findes-ikke", "Ugyldigt Id", ""])
    if get_origin(base) is list:
        items = list(value or [])
        return rng.choice([[], items + items[:1], items[1:], items + [{}], "tekst"])
    if isinstance(base, type) and issubclass(base, BaseModel):
        record = dict(value or {})
        if record and rng.random() < 0.5:
            record.pop(rng.choice(list(record)))
        else:
            record[rng.choice(["ukendt", "navn", "id", "tekst"])] = rng.choice(TEXTS)
        return rng.choice([record, record, "tekst", None])
    if get_origin(base) is Literal:
        return rng.choice([*get_args(base), "noget-andet", 1])
    if base in (int, bool):
        return rng.choice(NUMBERS)
    return rng.choice(TEXTS + [value, None])


def set_at(data: Any, path: tuple, value: Any) -> None:
    *parents, last = path
    for part in parents:
        data = data[part]
    if value is None and isinstance(data, dict):
        data.pop(last, None)
    else:
        data[last] = value


def mutate(raw: loading.RawData, rng: random.Random, ids: dict[str, list[str]]) -> tuple:
    """One random edit of the data: (path, new value, the edited data)."""
    data = copy.deepcopy(raw.data)
    places = [(p, a, v) for p, a, v in positions(RawHandbook, data) if p]
    path, annotation, value = rng.choice(places)
    new = new_value(rng, annotation, value, ids)
    set_at(data, path, new)
    return path, new, data


def write(raw: loading.RawData, data: dict, folder: Path) -> None:
    """Write the data back as the municipality's files (forums and roles keep their names)."""
    for key, name in loading.SINGLE_FILES.items():
        if key in data:
            (folder / name).write_text(yaml.safe_dump(data[key], allow_unicode=True),
                                       encoding="utf-8")
    for page in data.get(loading.PAGE_FOLDER, []):
        (folder / loading.PAGE_FOLDER / f"{page['id']}.md").write_text(
            free_pages.page_text(page), encoding="utf-8")
    for key, sub in loading.RECORD_FOLDERS.items():
        for i, record in enumerate(data.get(key, [])):
            name = Path(raw.source.file_of((key, i)) or f"{i}.yml").name
            (folder / sub / name).write_text(yaml.safe_dump(record, allow_unicode=True),
                                             encoding="utf-8")
