"""JSON Schemas for the data files, generated from the model, for editors' completion in VS Code.

Every data file starts with ``# yaml-language-server: $schema=...`` pointing at one of these,
so the YAML extension shows the Danish field descriptions and flags errors while typing.
Regenerate with ``python -m macros.cli schema`` after changing ``model.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

from typing import Any, Union, get_args, get_origin

from pydantic import TypeAdapter

from . import loading, pages
from .model import RawHandbook
from .validation import inner_model


def _required(annotation: Any) -> Any:
    """``X | None`` → ``X``: a file that exists holds a value."""
    if get_origin(annotation) is Union:
        return next(a for a in get_args(annotation) if a is not type(None))
    return annotation


def _file_types() -> dict[str, Any]:
    """Schema name → the type one data file holds: each single file by its name, a record
    folder's files by their kind ('forum', 'rolle')."""
    fields = RawHandbook.model_fields
    types = {key: _required(fields[key].annotation) for key in loading.SINGLE_FILES}
    for key in loading.RECORD_FOLDERS:
        record = inner_model(fields[key].annotation)
        types[record.KIND.id] = record
    return types


#: schema file name → the type one data file holds
FILE_TYPES = _file_types()

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"


def _describe_menu(schema: dict) -> None:
    """The menu's entries come from the page registry, not the model: name them here."""
    navigation = schema.get("properties", {}).get("navigation")
    if navigation is not None:
        navigation["description"] = pages.menu_description()


def schema_for(name: str) -> dict:
    schema = TypeAdapter(FILE_TYPES[name]).json_schema()
    _describe_menu(schema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema.setdefault("title", name)
    return schema


def render(name: str) -> str:
    return json.dumps(schema_for(name), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write_all(folder: Path = SCHEMA_DIR) -> list[Path]:
    """Write every schema; files are rewritten only when their content changes."""
    folder.mkdir(exist_ok=True)
    written = []
    for name in FILE_TYPES:
        path = folder / f"{name}.schema.json"
        content = render(name)
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
            written.append(path)
    return written
