"""The change report: what a revision changes in the handbook, in the handbook's own terms.

Compares the data of two git revisions (default: the merge-base with ``main`` against the
working tree) record by record, so moving a block or reformatting YAML reports nothing, and a
renamed forum (same id, new name) is a rename, not a removal and an addition. Output is
Danish Markdown for a reviewer who does not read YAML (a pull request's job summary).
"""

from __future__ import annotations

import difflib
import io
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any, Iterator

from . import handbook, loading
from .errors import DataError
from .handbook import Handbook
from .model import Forum, Hyppighed, PunktMedUnderpunkter
from .wording import roles


def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True).stdout


def data_at(repo: Path, revision: str | None, target: Path) -> Path:
    """The data/ folder as it was at a git revision (None: the working tree)."""
    if revision is None:
        return repo / "data"
    (target / "data").mkdir(parents=True)
    if not _git(repo, "ls-tree", "-d", revision, "data").strip():
        return target / "data"  # no data at that revision yet
    archive = _git(repo, "archive", "--format=tar", revision, "data")
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target / "data"


def default_base(repo: Path) -> str:
    return _git(repo, "merge-base", "HEAD", "main").decode().strip()


def _frequency(h: Hyppighed) -> str:
    numbers = [f"{h.pr_aar}" + (f"-{h.pr_aar_max}" if h.pr_aar_max else "") + " pr. år"
               if h.pr_aar else "", f"hver {h.interval_dage}. dag" if h.interval_dage else "",
               f"{h.varighed_minutter} min." if h.varighed_minutter else ""]
    return f"«{h.tekst}»" + (f" ({', '.join(n for n in numbers if n)})"
                             if any(numbers) else "")


def _seats(book: Handbook, forum: Forum) -> dict[str, tuple[frozenset, frozenset]]:
    seats: dict[str, tuple[frozenset, frozenset]] = {}
    for _title, d in book.all_participants(forum):
        funktion, ansvar = seats.get(d.rolle, (frozenset(), frozenset()))
        seats[d.rolle] = (funktion | set(d.funktion), ansvar | set(d.ansvar))
    return seats


def _role_name(old: Handbook, new: Handbook, rolle_id: str) -> str:
    r = new.roller.get(rolle_id) or old.roller.get(rolle_id)
    return r.navn if r else rolle_id


def _describe(funktion: frozenset, ansvar: frozenset) -> str:
    return ", ".join(roles(sorted(funktion), sorted(ansvar))) or "ingen særlig funktion"


def _comings_and_goings(old: dict, new: dict, added: str, removed: str) -> list[str]:
    """A line per record added and per record removed; ``added``/``removed`` are formats
    applied to the record (``"Nyt forum: **{0.navn}**"``)."""
    return ([added.format(new[i]) for i in sorted(set(new) - set(old))]
            + [removed.format(old[i]) for i in sorted(set(old) - set(new))])


def _kept(old: dict, new: dict) -> Iterator[tuple[Any, Any]]:
    """(old record, new record) for every id in both, in id order."""
    for ident in sorted(set(old) & set(new)):
        yield old[ident], new[ident]


def _forum_changes(old: Handbook, new: Handbook, a, b) -> list[str]:
    """A forum in both versions: what changed in it."""
    lines, name = [], b.navn
    if a.navn != b.navn:
        lines.append(f"Forum omdøbt: **{a.navn}** hedder nu **{b.navn}**")
    if a.type != b.type:
        lines.append(f"{name}: ændret fra {a.type}t til {b.type}t forum")
    seats_a, seats_b = _seats(old, a), _seats(new, b)
    for r in sorted(set(seats_b) - set(seats_a)):
        lines.append(f"{name}: ny deltager {_role_name(old, new, r)}")
    for r in sorted(set(seats_a) - set(seats_b)):
        lines.append(f"{name}: deltageren {_role_name(old, new, r)} er fjernet")
    for r in sorted(set(seats_a) & set(seats_b)):
        if seats_a[r] != seats_b[r]:
            lines.append(f"{name}: {_role_name(old, new, r)} er nu "
                         f"{_describe(*seats_b[r])} (før: {_describe(*seats_a[r])})")
    series_a = [(t, h) for t, h, _ in old.series(a)]
    series_b = [(t, h) for t, h, _ in new.series(b)]
    if a.hyppighed != b.hyppighed or series_a != series_b:
        before = "; ".join(_frequency(h) for _t, h in series_a)
        after = "; ".join(_frequency(h) for _t, h in series_b)
        if before != after:
            lines.append(f"{name}: mødefrekvens ændret fra {before} til {after}")
    laws_a = {(h.lov, h.paragraf) for h in a.lovgrundlag}
    laws_b = {(h.lov, h.paragraf) for h in b.lovgrundlag}
    for lov, paragraf in sorted(laws_b - laws_a, key=str):
        lines.append(f"{name}: nyt lovgrundlag {lov} {paragraf or ''}".rstrip())
    for lov, paragraf in sorted(laws_a - laws_b, key=str):
        lines.append(f"{name}: lovgrundlag fjernet {lov} {paragraf or ''}".rstrip())
    lines += _text_list_changes(name, "opgave/mål", _points(a.afsnit), _points(b.afsnit))
    return lines


def _points(afsnit) -> list[str]:
    out = []
    for a in afsnit:
        for p in a.punkter:
            if isinstance(p, PunktMedUnderpunkter):
                out += [p.tekst, *p.underpunkter]
            else:
                out.append(p)
    return out


def _text_list_changes(owner: str, what: str, before: list[str], after: list[str]) -> list[str]:
    """Added, removed and reworded items (a removed and an added item that are alike are
    reported as one rewording)."""
    removed = [t for t in before if t not in after]
    added = [t for t in after if t not in before]
    lines = []
    for old_text in list(removed):
        match = difflib.get_close_matches(old_text, added, n=1, cutoff=0.6)
        if match:
            lines.append(f"{owner}: {what} omformuleret: «{old_text}» → «{match[0]}»")
            removed.remove(old_text)
            added.remove(match[0])
    lines += [f"{owner}: ny {what}: «{t}»" for t in added]
    lines += [f"{owner}: {what} fjernet: «{t}»" for t in removed]
    return lines


def _role_changes(old: Handbook, new: Handbook, a, b) -> list[str]:
    lines = [f"Rolle omdøbt: **{a.navn}** hedder nu **{b.navn}**"] if a.navn != b.navn else []
    return lines + _text_list_changes(b.navn, "opgave", _points(a.afsnit), _points(b.afsnit))


def _law_changes(old: Handbook, new: Handbook, a, b) -> list[str]:
    if a.paragraffer == b.paragraffer:
        return []
    return [f"{b.navn}: paragraffer ændret fra {a.paragraffer} til {b.paragraffer}"]


def _appendix_changes(old: Handbook, new: Handbook, a, b) -> list[str]:
    lines = []
    if a.nummer != b.nummer:
        lines.append(f"Bilaget **{b.titel}** har nu nummer {b.nummer} (før {a.nummer})")
    if a.titel != b.titel:
        lines.append(f"Bilag {b.nummer} har fået ny titel: **{b.titel}** (før: {a.titel})")
    return lines


#: Per kind of record, in the report's order: the handbook's records of that kind, the line
#: for one added and for one removed (formats applied to the record), and what changed in one
#: that is in both versions.
RECORD_CHANGES = [
    (lambda h: h.fora, "Nyt forum: **{0.navn}**", "Forum fjernet: **{0.navn}**", _forum_changes),
    (lambda h: h.roller, "Ny rolle: **{0.navn}**", "Rolle fjernet: **{0.navn}**", _role_changes),
    (lambda h: h.love, "Ny lov i lovgrundlaget: **{0.navn}**",
     "Lov fjernet fra lovgrundlaget: **{0.navn}**", _law_changes),
    (lambda h: h.bilag, "Nyt bilag {0.nummer}: **{0.titel}**",
     "Bilag {0.nummer} fjernet: **{0.titel}**", _appendix_changes),
]


def compare(old: Handbook | None, new: Handbook | None) -> list[str]:
    """The changes from one version of a municipality's handbook to another, one per line."""
    if old is None and new is None:
        return []
    if old is None:
        return [f"Ny kommune: **{new.kommune.navn}**"]
    if new is None:
        return [f"Kommunen **{old.kommune.navn}** er fjernet"]
    lines = []
    for rev in new.kommune.revisioner[len(old.kommune.revisioner):]:
        lines.append(f"Ny revision {rev.dato}: {rev.tekst}"
                     + (f" — {rev.resume}" if rev.resume else ""))
    for records, added, removed, changed in RECORD_CHANGES:
        lines += _comings_and_goings(records(old), records(new), added, removed)
        for a, b in _kept(records(old), records(new)):
            lines += changed(old, new, a, b)
    return lines


def _load(data_root: Path, kommune: str) -> Handbook | None:
    if kommune not in loading.available_kommuner(data_root):
        return None
    return handbook.load(data_root, kommune)


def report(repo: Path, base: str | None, head: str | None = None) -> str:
    """The Danish Markdown change report between two revisions (head None: working tree)."""
    base = base or default_base(repo)
    with tempfile.TemporaryDirectory() as tmp:
        old_root = data_at(repo, base, Path(tmp) / "fra")
        new_root = data_at(repo, head, Path(tmp) / "til")
        kommuner = sorted(set(loading.available_kommuner(old_root))
                          | set(loading.available_kommuner(new_root)))
        out = [f"# Ændringer i håndbogen ({base[:10]} → {head[:10] if head else 'arbejdskopien'})"]
        for kommune in kommuner:
            title = kommune
            try:
                old, new = _load(old_root, kommune), _load(new_root, kommune)
                title = (new or old).kommune.navn
                lines = compare(old, new)
            except DataError as error:
                lines = [f"Data kan ikke læses: {error}"]
            out.append(f"\n## {title}\n")
            out += [f"- {line}" for line in lines] or ["Ingen ændringer i håndbogens indhold."]
    return "\n".join(out) + "\n"
