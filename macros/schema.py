"""JSON Schemas for the data files, generated from the model, for editors' completion in VS Code.

``.vscode/settings.json`` (``yaml.schemas``) ties each data file to one of these, so the YAML
extension shows the Danish field descriptions and flags errors while typing; the files carry
no schema comment (the form editor drops comments).
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


VSCODE_SETTINGS = SCHEMA_DIR.parent / ".vscode" / "settings.json"


def vscode_settings() -> str:
    """.vscode/settings.json: which schema VS Code's YAML extension gives each data file."""
    places = {key: name for key, name in loading.SINGLE_FILES.items()}
    for key, folder in loading.RECORD_FOLDERS.items():
        places[inner_model(RawHandbook.model_fields[key].annotation).KIND.id] = f"{folder}/*.yml"
    schemas = {f"./schema/{name}.schema.json": [f"{root}/*/{places[name]}" for root in
                                                ("data", "tests/fixtures/data")]
               for name in FILE_TYPES}
    return json.dumps({"yaml.schemas": schemas}, ensure_ascii=False, indent=2) + "\n"


def write_all(folder: Path = SCHEMA_DIR) -> list[Path]:
    """Write every schema and the VS Code settings that tie them to the data files; files
    are rewritten only when their content changes."""
    folder.mkdir(exist_ok=True)
    written = []
    wanted = {folder / f"{name}.schema.json": render(name) for name in FILE_TYPES}
    wanted[VSCODE_SETTINGS] = vscode_settings()
    for path, content in wanted.items():
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.parent.mkdir(exist_ok=True)
            path.write_text(content, encoding="utf-8")
            written.append(path)
    return written
