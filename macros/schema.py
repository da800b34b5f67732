"""JSON Schemas for the data files, generated from the model, for editors' completion in VS Code.

``.vscode/settings.json`` (``yaml.schemas``) ties each data file to one of these, so the YAML
extension shows the Danish field descriptions and flags errors while typing; the files carry
no schema comment (the form editor drops comments).
Regenerate with ``python -m macros.cli schema`` after changing ``model.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import TypeAdapter

from . import model, pages

#: schema file name → the type one data file holds
FILE_TYPES = {
    "kommune": model.Kommune,
    "enheder": list[model.Enhed],
    "niveauer": model.Niveauer,
    "love": list[model.Lov],
    "bilag": list[model.Bilag],
    "distrikter": model.Distrikter,
    "aktiviteter": list[model.Aktivitet],
    "modsigelser": list[model.Modsigelse],
    "pixi": model.Pixi,
    "forum": model.Forum,
    "rolle": model.Rolle,
}

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"


def _describe_menu(schema: dict) -> None:
    """The menu's entries come from the page registry, not the model: name them here."""
    navigation = schema.get("properties", {}).get("navigation")
    if navigation is not None:
        navigation["description"] = ("Menuens rækkefølge: " + ", ".join(
            f"'{i}'" for i in pages.MENU_IDS) + " eller id'et på en side.")


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
