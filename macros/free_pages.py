"""The municipality's own pages as Markdown files: ``data/<kommune>/sider/<id>.md``.

A page is YAML front matter (``titel``) and a Markdown body that may call the author macros
(``{{ deltagertabel("styregruppe") }}``) and link with ``[[kind:id]]``. The front matter is
read like any data file, with its line numbers; the body becomes the record's ``tekst``, at
the line it starts on, so a problem in it is reported at the editor's line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem
from .loading import (PAGE_FOLDER, Position, SourceMap, _real_folder, _relative, read_text,
                      read_yaml)

_FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)


def _split(text: str) -> tuple[str, str, int] | None:
    """Front matter (from the first line, so lines keep their numbers), body, and the line
    the body starts on; None without front matter."""
    text = text.lstrip("\ufeff")
    if not _FENCE.match(text):
        return None
    end = _FENCE.search(text, text.index("\n") + 1 if "\n" in text else len(text))
    if end is None:
        return None
    after = text[end.end() + 1:]  # the line after the closing '---'
    body = after.lstrip("\n")
    line = text.count("\n", 0, end.end()) + 2 + after.count("\n", 0, len(after) - len(body))
    return text[:end.start()], body, line


def _page(path: Path, index: int, root: Path, smap: SourceMap,
          problems: list[Problem]) -> dict[str, Any] | None:
    file = _relative(path, root)
    text = read_text(path, file, problems)
    if text is None:
        return None
    parts = _split(text)
    if parts is None:
        problems.append(Problem(file, 1, 1, "siden mangler en titel øverst",
                                "'---', 'titel: ...' og '---' på de første linjer"))
        return None
    front, body, line = parts
    where = (PAGE_FOLDER, index)
    record = read_yaml(path, where, root, smap, problems, text=front + "\n")
    if record is None:
        return None
    record.setdefault("id", path.stem)
    smap.values.setdefault(where + ("id",), Position(file, 1, 1))
    if body.strip():
        record["tekst"] = body
        smap.values[where + ("tekst",)] = Position(file, line, 1)
    smap.texts[file] = text
    return record


def read_pages(folder: Path, root: Path, smap: SourceMap, problems: list[Problem]) -> list:
    """Every page file of the folder (only '.md'; others are reported with the other files
    in the wrong place)."""
    smap.files[(PAGE_FOLDER,)] = _relative(folder, root) + "/"
    pages = []
    for path in sorted(folder.glob("*.md")) if _real_folder(folder) else []:
        record = _page(path, len(pages), root, smap, problems)
        if record is not None:
            pages.append(record)
    return pages


def page_text(record: dict[str, Any]) -> str:
    """The file a page record is read from: its front matter (all but ``id``, the file's
    name, and ``tekst``, the body) between '---' lines, then the body."""
    front = {k: v for k, v in record.items() if k not in ("id", "tekst")}
    return ("---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n"
            + str(record.get("tekst") or ""))
