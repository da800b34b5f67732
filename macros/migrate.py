"""``./run migrer [kommune ...]``: rewrite a municipality's data from an older version of the
data format to the one this generator reads (``model.DATAFORMAT``).

Each step takes the data one version up and says, in Danish, what it changed. Steps edit the
files as text — they add lines and never rewrite what is there — so the editor's comments,
order and wording stay as they were, and the change is easy to review in the pull request.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

import yaml

from .model import DATAFORMAT

_KEY = re.compile(r"^[A-Za-z_][\w-]*\s*:", re.MULTILINE)


def _version(folder: Path) -> int:
    data = yaml.safe_load((folder / "kommune.yml").read_text(encoding="utf-8")) or {}
    version = data.get("dataformat", 1) if isinstance(data, dict) else 1
    return version if isinstance(version, int) else 1


def _insert_before_first_key(path: Path, block: str) -> None:
    """Add lines above the file's first key (after its leading comments)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    first = _KEY.search(text)
    at = first.start() if first else len(text)
    if at and not text[:at].endswith("\n"):
        block = "\n" + block
    path.write_text(text[:at] + block + text[at:], encoding="utf-8")


def _set_format(path: Path, version: int) -> None:
    text = path.read_text(encoding="utf-8")
    line = re.compile(r"^dataformat\s*:.*$", re.MULTILINE)
    if line.search(text):
        path.write_text(line.sub(f"dataformat: {version}", text, count=1), encoding="utf-8")
    else:
        _insert_before_first_key(path, f"dataformat: {version}\n")


# The organisation's levels were three fixed words in data format 1.
_LEVELS_1 = {"strategisk": "Strategisk niveau", "koordinerende": "Koordinerende niveau",
             "udfoerende": "Udførende niveau"}


def _levels_used(folder: Path) -> bool:
    for path in (folder / "fora").glob("*.y*ml"):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(record, dict) and record.get("niveau") in _LEVELS_1:
            return True
    return False


def _from_1(folder: Path) -> list[str]:
    """Data format 1 → 2: the organisation's levels become data (niveauer.yml), and
    kommune.yml names its data format."""
    done = []
    levels = folder / "niveauer.yml"
    existing = yaml.safe_load(levels.read_text(encoding="utf-8")) if levels.exists() else None
    if _levels_used(folder) and not (isinstance(existing, dict)
                                     and existing.get("organisationsniveauer")):
        block = "organisationsniveauer:\n" + "".join(
            f"  - id: {ident}\n    navn: {navn}\n" for ident, navn in _LEVELS_1.items())
        _insert_before_first_key(levels, block)
        done.append(f"{levels.name}: organisationens niveauer (strategisk, koordinerende, "
                    "udfoerende) skrevet ind som 'organisationsniveauer'")
    _set_format(folder / "kommune.yml", 2)
    done.append("kommune.yml: 'dataformat: 2'")
    return done


#: From each old version, the step that takes the data one version up.
STEPS: dict[int, Callable[[Path], list[str]]] = {1: _from_1}


class MigrationError(Exception):
    """The data can't be read well enough to be rewritten."""


def migrate(folder: Path) -> list[str]:
    """Bring one municipality's data up to ``DATAFORMAT``; what changed, one line each."""
    done = []
    try:
        version = _version(folder)
    except (OSError, UnicodeError, yaml.YAMLError) as error:
        raise MigrationError(f"kommune.yml kan ikke læses ({type(error).__name__}); ret først "
                             "fejlene, som './run check' viser") from None
    if version > DATAFORMAT:
        raise MigrationError(f"data er i dataformat {version}, nyere end værktøjets "
                             f"{DATAFORMAT}: opdatér værktøjet")
    while version < DATAFORMAT:
        done += STEPS[version](folder)
        version += 1
    return done
