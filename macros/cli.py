"""Command line: ``python -m macros.cli check [kommune ...]`` validates data without building;
``python -m macros.cli schema`` regenerates the JSON Schemas in ``schema/``;
``python -m macros.cli aendringer [--fra REV] [--til REV]`` prints the change report.

Exit code 0 when every municipality checked is valid, 1 when any has problems (all printed,
one per line: file:line:column: what is wrong (forventet: ...) — hint).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import handbook, loading, settings
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
    if args.command == "check":
        chosen = settings.kommune_from_environment()
        kommuner = args.kommuner or ([chosen] if chosen else loading.available_kommuner(args.data))
        return check(args.data, kommuner)
    return 2


if __name__ == "__main__":
    sys.exit(main())
