"""``./run udgiv``: one release of a municipality's handbook as archives in ``dist/``.

Two archives per municipality from one run, built from the same commit and data:

- ``<id>-ssp-haandbog-<revision date>.zip`` for a web server: the site with folder URLs, the
  PDFs, and ``nginx/ssp-haandbog.conf`` with this build's Content-Security-Policy;
- ``<id>-ssp-haandbog-<revision date>-netvaerksdrev.zip`` for a shared folder opened as
  ``file://`` (``mkdocs-fil.yml``: links to ``…/side.html``, search without a server), with the
  same PDFs (built once) and an ``index.html`` at the top that opens the handbook.

Each holds ``manifest.json``: municipality, revision, generator version (git commit), build
time and the SHA-256 of every other file. Inside, folders are 0755 and files 0644, whoever
built them, so the web server's user can read the unpacked tree.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from . import handbook, webserver
from .version import generator_version

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Variant:
    name: str
    config: Path
    suffix: str


WEB = Variant("web", ROOT / "mkdocs.yml", "")
NETWORK_DRIVE = Variant("netvaerksdrev", ROOT / "mkdocs-fil.yml", "-netvaerksdrev")
_OPEN_PAGE = """<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>{title}</title>
<meta http-equiv="refresh" content="0; url=site/index.html"></head>
<body><p><a href="site/index.html">Åbn {title}</a></p></body></html>
"""


class ReleaseError(RuntimeError):
    """A release could not be made (Danish message)."""


def build(kommune: str, data_root: Path, site: Path, variant: Variant, pdf: bool) -> None:
    """The real strict `mkdocs build` of one variant into `site`."""
    env = dict(os.environ, SSP_KOMMUNE=kommune, SSP_DATA=str(data_root),
               PDF="true" if pdf else "false", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(variant.config),
         "-d", str(site)], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-30:])
        raise ReleaseError(f"{kommune}: bygget ({variant.name}) fejlede:\n{tail}")


def build_network_drive(kommune: str, data_root: Path, site: Path, web_site: Path) -> None:
    """The network-drive build, with the PDFs of the web build (the same documents)."""
    build(kommune, data_root, site, NETWORK_DRIVE, pdf=False)
    shutil.copytree(web_site / "pdf", site / "pdf", dirs_exist_ok=True)


def archive_name(book: handbook.Handbook, variant: Variant) -> str:
    return f"{book.kommune.id}-ssp-haandbog-{book.revision.dato}{variant.suffix}"


def _contents(site: Path, book: handbook.Handbook, variant: Variant) -> dict[str, bytes | Path]:
    """Every file of the archive (path inside its folder → bytes or a file), but the manifest."""
    files: dict[str, bytes | Path] = {
        "site/" + p.relative_to(site).as_posix(): p
        for p in sorted(site.rglob("*")) if p.is_file()}
    if variant is WEB:
        files["nginx/ssp-haandbog.conf"] = webserver.nginx_conf(
            site, book.kommune.id, book.kommune.adresse).encode("utf-8")
    else:
        title = html.escape(book.kommune.titel, quote=True)
        files["index.html"] = _OPEN_PAGE.format(title=title).encode("utf-8")
    return files


def _read(source: bytes | Path) -> bytes:
    return source if isinstance(source, bytes) else source.read_bytes()


def manifest(book: handbook.Handbook, variant: Variant, version: str, built_at: dt.datetime,
             files: dict[str, bytes | Path]) -> dict:
    return {
        "kommune": {"id": book.kommune.id, "navn": book.kommune.navn},
        "revision": {"dato": book.revision.dato, "tekst": book.revision.tekst},
        "variant": variant.name,
        "generator_version": version,
        "built_at": built_at.isoformat(timespec="seconds"),
        "sha256": {name: hashlib.sha256(_read(source)).hexdigest()
                   for name, source in sorted(files.items())},
    }


def _entry(name: str, when: dt.datetime, folder: bool = False) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name + ("/" if folder else ""), date_time=when.timetuple()[:6])
    info.create_system = 3  # Unix: the mode bits below are honoured by unzip
    if folder:
        info.external_attr = (0o40755 << 16) | 0x10
    else:
        info.external_attr = 0o100644 << 16
        info.compress_type = zipfile.ZIP_DEFLATED
    return info


def package(site: Path, book: handbook.Handbook, variant: Variant, dist: Path,
            version: str, built_at: dt.datetime | None = None) -> Path:
    """Write one archive of a built site into `dist` (the site itself is not changed)."""
    built_at = built_at or dt.datetime.now().astimezone()
    name = archive_name(book, variant)
    files = _contents(site, book, variant)
    files["manifest.json"] = json.dumps(manifest(book, variant, version, built_at, files),
                                        ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    dist.mkdir(parents=True, exist_ok=True)
    target = dist / f"{name}.zip"
    partial = dist / f".{name}.zip.delvis"
    folders = sorted({f"{name}/{p}" for path in files
                      for p in _parents(path)} | {name})
    with zipfile.ZipFile(partial, "w") as archive:
        for folder in folders:
            archive.writestr(_entry(folder, built_at, folder=True), b"")
        for path, source in sorted(files.items()):
            archive.writestr(_entry(f"{name}/{path}", built_at), _read(source))
    partial.chmod(0o644)
    partial.replace(target)
    return target


def _parents(path: str) -> list[str]:
    parts = path.split("/")[:-1]
    return ["/".join(parts[: i + 1]) for i in range(len(parts))]


def release(kommune: str, data_root: Path, dist: Path, log=print) -> list[Path]:
    """Build both variants of one municipality and write their archives into `dist`."""
    book = handbook.load(data_root, kommune)
    webserver.url_path(book.kommune.adresse)  # a path the server config cannot take: stop now
    version = generator_version()
    built_at = dt.datetime.now().astimezone()
    with tempfile.TemporaryDirectory(prefix=f"ssp-udgiv-{kommune}-") as tmp:
        web, drive = Path(tmp) / "web", Path(tmp) / "netvaerksdrev"
        log(f"{kommune}: bygger hjemmesiden og PDF'erne …")
        build(kommune, data_root, web, WEB, pdf=True)
        log(f"{kommune}: bygger udgaven til netværksdrev …")
        build_network_drive(kommune, data_root, drive, web)
        return [package(web, book, WEB, dist, version, built_at),
                package(drive, book, NETWORK_DRIVE, dist, version, built_at)]
