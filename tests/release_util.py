"""Release archives for the tests, made from the session's builds (conftest.built): the web
archive from the strict build with PDFs, the network-drive archive from one more build with
mkdocs-fil.yml and the same PDFs, exactly as `./run udgiv` does; unpacked as `unzip` would.
"""

from __future__ import annotations

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
    key = (str(built.data_root), built.kommune)
    if key not in _releases:
        work = tmp_path_factory.mktemp(f"udgivelse-{built.kommune}")
        drive = work / "netvaerksdrev"
        release.build_network_drive(built.kommune, built.data_root, drive, built.site)
        version = generator_version()
        dist = work / "dist"
        _releases[key] = Release(
            built,
            release.package(built.site, built.book, release.WEB, dist, version),
            release.package(drive, built.book, release.NETWORK_DRIVE, dist, version))
    return _releases[key]


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
