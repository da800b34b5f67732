"""Release archives for the tests, made from the session's builds (conftest.built): the web
archive from the strict build with PDFs, the network-drive archive from one more build with
mkdocs-fil.yml and the same PDFs, exactly as `./run udgiv` does; unpacked as `unzip` would.
Made once per test session and shared by its workers, like the builds.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from macros import release
from macros.version import generator_version


@dataclass
class Release:
    built: object  # conftest.Built
    web_zip: Path
    drive_zip: Path


_releases: dict[tuple[str, str], Release] = {}


def release_once(built, tmp_path_factory) -> Release:
    """The municipality's two archives, made once per test session: the first worker to
    need them makes them (under a lock), the others read where they are."""
    from conftest import locked, shared_folder

    key = (str(built.data_root), built.kommune)
    if key not in _releases:
        work = shared_folder(tmp_path_factory, built.data_root, built.kommune, "udgivelser")
        with locked(work / "lock"):
            made = work / "arkiver.json"
            if not made.exists():
                made.write_text(json.dumps(_make(built, work)), encoding="utf-8")
            names = json.loads(made.read_text(encoding="utf-8"))
        _releases[key] = Release(built, work / names["web"], work / names["drive"])
    return _releases[key]


def _make(built, work: Path) -> dict[str, str]:
    drive = work / "netvaerksdrev"
    release.build_network_drive(built.kommune, built.data_root, drive, built.site)
    version = generator_version()
    dist = work / "dist"
    web_zip = release.package(built.site, built.book, release.WEB, dist, version)
    drive_zip = release.package(drive, built.book, release.NETWORK_DRIVE, dist, version)
    return {"web": str(web_zip.relative_to(work)), "drive": str(drive_zip.relative_to(work))}


def public_folder(prefix: str) -> Path:
    """A folder every user may enter (pytest's own are 0700), as a server's /srv would be."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    return folder


def unpack(archive: Path, target: Path) -> Path:
    """Unpack like Info-ZIP's unzip: the modes stored in the archive are applied. Returns
    the archive's top folder."""
    with zipfile.ZipFile(archive) as z:
        for info in z.infolist():
            path = target / info.filename
            mode = stat.S_IMODE(info.external_attr >> 16)
            if info.is_dir():
                path.mkdir(parents=True, exist_ok=True)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(z.read(info))
            os.chmod(path, mode)
        tops = {name.split("/")[0] for name in z.namelist()}
    assert len(tops) == 1, tops
    return target / tops.pop()
