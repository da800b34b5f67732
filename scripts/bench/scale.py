"""Synthetic municipalities: a real one's forums and roles repeated ``factor`` times.

Copy k of forum ``x`` is ``x-k<k>`` named "<name> <k+1>", with its participants and the forum
it reports to taken from the same copy, so every copy is a complete, valid organisation;
appendices, laws and the front page stay as they are.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent


def _copy(record: dict, k: int, kind: str) -> dict:
    record = dict(record, id=f"{record['id']}-k{k}", navn=f"{record['navn']} {k + 1}")
    if record.get("alternative_navne"):
        record["alternative_navne"] = [f"{n} {k + 1}" for n in record["alternative_navne"]]
    if kind == "fora":
        def line(to):  # a forum id, or a line {forum: id, ...} or {enhed: id, ...}
            if isinstance(to, str):
                return f"{to}-k{k}"
            return dict(to, forum=f"{to['forum']}-k{k}") if to.get("forum") else to

        lines = record.get("rapporterer_til")
        if lines:
            record["rapporterer_til"] = ([line(to) for to in lines] if isinstance(lines, list)
                                         else line(lines))

        def participants(items):
            return [dict(d, rolle=f"{d['rolle']}-k{k}") for d in items]

        record["deltagere"] = participants(record.get("deltagere") or [])
        if record.get("deltagerlister"):
            record["deltagerlister"] = [dict(lst, deltagere=participants(lst["deltagere"]))
                                        for lst in record["deltagerlister"]]
    return record


def synthetic(kommune: str, factor: int, folder: Path) -> Path:
    """A data root holding ``kommune`` with ``factor`` times its forums and roles."""
    shutil.rmtree(folder, ignore_errors=True)
    target = folder / kommune
    shutil.copytree(ROOT / "data" / kommune, target)
    for kind in ("fora", "roller"):
        for path in sorted((target / kind).glob("*.yml")):
            record = yaml.safe_load(path.read_text(encoding="utf-8"))
            for k in range(1, factor):
                copy = _copy(record, k, kind)
                (target / kind / f"{copy['id']}.yml").write_text(
                    yaml.safe_dump(copy, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def records(data: Path, kommune: str) -> int:
    folder = data / kommune
    return sum(len(list((folder / kind).glob("*.yml"))) for kind in ("fora", "roller"))
