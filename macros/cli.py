"""Command line: ``python -m macros.cli check [kommune ...]`` validates data without building;
``python -m macros.cli schema`` regenerates the JSON Schemas in ``schema/``;
``python -m macros.cli aendringer [--fra REV] [--til REV]`` prints the change report;
``python -m macros.cli udgiv [kommune ...]`` checks, builds and writes the release archives
into ``dist/`` (``macros/release.py``).

Exit code 0 when every municipality checked is valid, 1 when any has problems (all printed,
one per line: file:line:column: what is wrong (forventet: ...) — hint).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import handbook, loading
from .errors import DataError

ROOT = Path(__file__).resolve().parent.parent


def check(data_root: Path, kommuner: list[str]) -> int:
    failed = False
    for kommune_id in kommuner:
        try:
            book = handbook.load(data_root, kommune_id)
        except DataError as error:
            failed = True
            print(f"{kommune_id}: {error}", file=sys.stderr)
            continue
        print(f"{kommune_id}: OK — {len(book.fora)} fora, {len(book.roller)} roller, "
              f"{len(book.love)} love, {len(book.bilag)} bilag")
        age = book.revision_age_days()
        if age > 365:
            print(f"{kommune_id}: ADVARSEL: seneste revision ({book.revision.dato}, "
                  f"{book.revision.tekst}) er {age // 30} måneder gammel; håndbogen bør "
                  "revideres hvert år (tilføj en revision i kommune.yml)", file=sys.stderr)
    return 1 if failed else 0


def udgiv(data_root: Path, kommuner: list[str], dist: Path) -> int:
    """Check every municipality first, then build and package each one."""
    if check(data_root, kommuner):
        return 1
    from . import release, webserver

    for kommune_id in kommuner:
        try:
            archives = release.release(kommune_id, data_root, dist)
        except (release.ReleaseError, webserver.WebserverError) as error:
            print(f"{kommune_id}: kan ikke udgives: {error}", file=sys.stderr)
            return 1
        for archive in archives:
            size = f"{archive.stat().st_size / 1e6:.1f}".replace(".", ",")
            print(f"{kommune_id}: skrev {_shown(archive)} ({size} MB)")
    return 0


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="check", description="Tjek SSP-håndbogens data.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="tjek data uden at bygge")
    p_check.add_argument("kommuner", nargs="*", help="kommune-id'er (standard: alle)")
    p_check.add_argument("--data", type=Path, default=ROOT / "data", help="datamappen")
    sub.add_parser("schema", help="skriv JSON Schema-filerne i schema/ ud fra datamodellen")
    p_changes = sub.add_parser("aendringer", help="ændringsrapport mellem to git-revisioner")
    p_changes.add_argument("--fra", help="git-revision (standard: merge-base med main)")
    p_changes.add_argument("--til", help="git-revision (standard: arbejdskopien)")
    p_release = sub.add_parser("udgiv", help="byg og pak udgivelsen (web og netværksdrev)")
    p_release.add_argument("kommuner", nargs="*", help="kommune-id'er (standard: alle)")
    p_release.add_argument("--data", type=Path, default=ROOT / "data", help="datamappen")
    p_release.add_argument("--dist", type=Path, default=ROOT / "dist",
                           help="mappen arkiverne skrives i")
    args = parser.parse_args(argv)
    if args.command == "aendringer":
        from . import changes

        print(changes.report(ROOT, args.fra, args.til), end="")
        return 0
    if args.command == "schema":
        from . import schema

        for path in schema.write_all():
            print(f"skrev {path.relative_to(ROOT)}")
        return 0
    if args.command in ("check", "udgiv"):
        kommuner = args.kommuner or (
            [os.environ["SSP_KOMMUNE"]] if os.environ.get("SSP_KOMMUNE")
            else loading.available_kommuner(args.data))
        if args.command == "udgiv":
            return udgiv(args.data.resolve(), kommuner, args.dist)
        return check(args.data, kommuner)
    return 2


if __name__ == "__main__":
    sys.exit(main())
