"""The data format in words, generated from the model so that it can't drift from it: the
README's table of data files, and DATAFORMAT.md with every record and field (type, whether
it is required, whether it takes [[…]] links, the Danish description). ``python -m macros.cli
schema`` writes both with the JSON Schemas; a test fails when they are out of date.
"""

from __future__ import annotations

import re
import types
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from . import fields, loading, pages, refs
from .model import DATAFORMAT, Kommune, RawHandbook
from .validation import inner_model

ROOT = Path(__file__).resolve().parent.parent
#: The README's generated parts: (start marker, end marker, what goes between them).
README_PARTS = (("<!-- datafiler:start -->", "<!-- datafiler:slut -->", lambda: files_table()),
                ("<!-- makroer:start -->", "<!-- makroer:slut -->", lambda: macros_table()))


def _kind(annotation: Any) -> str:
    """A field's type in the editor's words."""
    marks = get_args(annotation)[1:] if get_origin(annotation) is Annotated else ()
    for mark in marks:
        if isinstance(mark, fields.Ref):
            return f"id på en {mark.kind}"
    for mark in marks:
        if isinstance(mark, fields.TextKind):
            return mark.words + (" · [[…]]" if mark.links else "")
    origin = get_origin(annotation)
    if origin is Annotated:
        return _kind(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return " eller ".join(dict.fromkeys(_kind(a) for a in get_args(annotation)
                                            if a is not type(None)))
    if origin is list:
        return f"liste af {_kind(get_args(annotation)[0])}"
    if origin is Literal:
        return "en af " + ", ".join(f"`{v}`" for v in get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    return {int: "helt tal", bool: "ja/nej", str: "tekst"}.get(annotation, str(annotation))


def _annotation(field: FieldInfo) -> Any:
    """The field's type with its own marks (pydantic keeps top-level marks apart)."""
    return Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation


def _record_table(record: type[BaseModel]) -> str:
    def description(name: str, field: FieldInfo) -> str:
        if (record, name) == (Kommune, "navigation"):  # the page registry knows the menu
            return pages.menu_description()
        return (field.description or "").replace("|", "/")

    rows = [f"| `{name}` | {'ja' if field.is_required() else ''} | "
            f"{_kind(_annotation(field))} | {description(name, field)} |"
            for name, field in record.model_fields.items()]
    doc = re.sub(r"\s+", " ", record.__doc__ or "").strip()
    return "\n".join([f"## {record.__name__}", "", doc, "",
                      "| felt | påkrævet | slags | beskrivelse |", "|---|---|---|---|", *rows])


def dataformat() -> str:
    """DATAFORMAT.md: every record of the data format and its fields."""
    head = (f"# Dataformatet (udgave {DATAFORMAT})\n\nSkrevet ud fra datamodellen "
            "(`macros/model/`) af `python -m macros.cli schema`; ret modellen, ikke denne fil.\n\n"
            "*navn*: vises præcis som skrevet og kan ikke indeholde henvisninger. *tekst* og "
            "*Markdown*: `[[rolle:id]]`, `[[forum:id]]`, `[[lov:id]]`, `[[bilag:id]]`, "
            "`[[side:id]]`, `[[distrikt:id]]` og `[[aktivitet:id]]` bliver til links. "
            "*Markdown* tillader desuden *kursiv*, **fed**, afsnit og links, men ikke HTML.")
    return head + "\n\n" + "\n\n".join(_record_table(r) for r in refs.records(RawHandbook)
                                         if r is not RawHandbook) + "\n"


def files_table() -> str:
    """The README's table of data files: where, required, and which record it holds."""
    model = RawHandbook.model_fields
    rows = []
    for key, name in [*loading.SINGLE_FILES.items(),
                      *((k, f"{v}/<id>.yml") for k, v in loading.RECORD_FOLDERS.items()),
                      (loading.PAGE_FOLDER, f"{loading.PAGE_FOLDER}/<id>.md")]:
        field = model[key]
        record = inner_model(field.annotation)
        required = key in loading.REQUIRED_FILES or key in loading.RECORD_FOLDERS
        holds = re.sub(r"\s+", " ", record.__doc__ or "").strip()
        rows.append(f"| `{name}` | {'yes' if required else 'no'} | "
                    f"[{record.__name__}](DATAFORMAT.md#{record.__name__.lower()}): {holds} |")
    return "\n".join(["| file | required | holds |", "|---|---|---|", *rows])


def macros_table() -> str:
    """The README's list of the macros an author may write in a free page."""
    from .author_macros import MACROS

    rows = [f"| `{m.name}` | {', '.join(f'id på en {p}' for p in m.parameters) or '–'} | "
            f"{m.beskrivelse} | `{m.eksempel}` |" for m in MACROS.values()]
    return "\n".join(["| macro | arguments | shows | example |", "|---|---|---|---|", *rows])


def readme(text: str) -> str:
    """The README with its generated parts brought up to date."""
    for start_mark, end_mark, make in README_PARTS:
        start, end = text.index(start_mark) + len(start_mark), text.index(end_mark)
        text = text[:start] + "\n" + make() + "\n" + text[end:]
    return text


def write_all() -> list[Path]:
    """Rewrite DATAFORMAT.md and the README's table when they changed."""
    written = []
    for path, make in ((ROOT / "DATAFORMAT.md", lambda _old: dataformat()),
                       (ROOT / "README.md", readme)):
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        new = make(old)
        if new != old:
            path.write_text(new, encoding="utf-8")
            written.append(path)
    return written
