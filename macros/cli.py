"""Command line (``python -m macros.cli <command>``; ``./run`` calls it):

- ``check [kommune ...]`` validates data without building (exit code 1 on any problem, each
  printed on one line: file:line:column: what is wrong (forventet: ...) — hint);
- ``migrer [kommune ...]`` rewrites data from an older data format, then checks it;
- ``schema`` regenerates the JSON Schemas in ``schema/``, DATAFORMAT.md and the README's table
  of data files (all written from the model);
- ``aendringer [--fra REV] [--til REV]`` prints the change report;
- ``udgiv [kommune ...]`` checks, builds and writes the release archives into ``dist/``
  (``macros/release.py``).
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
            book = checked(data_root, kommune_id)
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


def checked(data_root: Path, kommune_id: str) -> handbook.Handbook:
    """One municipality's handbook as check judges it: the data loaded and validated, and the
    pixi guide laid out; DataError with every problem otherwise."""
    book = handbook.load(data_root, kommune_id)
    too_long = _pixi_problem(book)
    if too_long:
        raise DataError([too_long])
    return book


def _pixi_problem(book: handbook.Handbook):
    """Whether the pixi guide fits its pages, which only laying it out shows (where
    WeasyPrint's libraries are missing, the build is left to tell)."""
    from . import pixi
    from .pdf_cache import PdfCache

    try:
        return pixi.length_problem(book, PdfCache.for_project(ROOT))
    except OSError:  # WeasyPrint's system libraries (Pango) are not installed here
        print(f"{book.kommune.id}: pixi-guidens længde tjekkes, når håndbogen bygges "
              "(WeasyPrint kan ikke køre på denne maskine)", file=sys.stderr)
        return None


def migrer(data_root: Path, kommuner: list[str]) -> int:
    from .migrate import MigrationError, migrate

    for kommune_id in kommuner:
        try:
            done = migrate(loading.kommune_folder(data_root, kommune_id))
        except MigrationError as error:
            print(f"{kommune_id}: kan ikke skrives om: {error}", file=sys.stderr)
            return 1
        if done:
            print(f"{kommune_id}: skrevet om til det nye dataformat:")
            print("\n".join(f"  - {line}" for line in done))
        else:
            print(f"{kommune_id}: data er allerede i det nye dataformat")
    return check(data_root, kommuner)


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


def _kommuner(args) -> list[str]:
    chosen = settings.kommune_from_environment()
    return args.kommuner or ([chosen] if chosen else loading.available_kommuner(args.data))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="check", description="Tjek SSP-håndbogens data.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in (("check", "tjek data uden at bygge"),
                       ("migrer", "skriv data om til værktøjets dataformat, og tjek dem"),
                       ("udgiv", "byg og pak udgivelsen (web og netværksdrev)")):
        command = sub.add_parser(name, help=text)
        command.add_argument("kommuner", nargs="*", help="kommune-id'er (standard: alle)")
        command.add_argument("--data", type=Path, default=settings.data_root_from_environment(),
                             help="datamappen (standard: $SSP_DATA, ellers data/)")
        if name == "udgiv":
            command.add_argument("--dist", type=Path, default=ROOT / "dist",
                                 help="mappen arkiverne skrives i")
    sub.add_parser("schema", help="skriv JSON Schema-filerne i schema/ ud fra datamodellen")
    p_changes = sub.add_parser("aendringer", help="ændringsrapport mellem to git-revisioner")
    p_changes.add_argument("--fra", help="git-revision (standard: merge-base med main)")
    p_changes.add_argument("--til", help="git-revision (standard: arbejdskopien)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "aendringer":
        from . import changes

        print(changes.report(ROOT, args.fra, args.til), end="")
        return 0
    if args.command == "schema":
        from . import docs, schema

        for path in schema.write_all() + docs.write_all():
            print(f"skrev {path.relative_to(ROOT)}")
        return 0
    if args.command == "udgiv":
        return udgiv(args.data.resolve(), _kommuner(args), args.dist)
    command = {"check": check, "migrer": migrer}[args.command]
    return command(args.data, _kommuner(args))


if __name__ == "__main__":
    sys.exit(main())
