"""Build into a staging folder and swap it in only when the whole build succeeded.

MkDocs cleans ``site/`` early in a build and only then finds broken links (strict mode) or PDF
errors, which would leave a half-written site. So ``mkdocs build`` writes to a sibling
staging folder, and the last good ``site/`` is replaced only after the build — pages, PDF and
strict-mode warning count — is complete. A failed build leaves ``site/`` byte for byte as it was.

The published tree is readable by everyone (folders 0755, files 0644 under the usual umask):
the web server's user is not the user who built it, and ``mkdtemp`` makes the staging folder
0700.
"""

from __future__ import annotations

import logging
import os
import shutil
import stat
import tempfile
from pathlib import Path

from mkdocs import utils


class StagedSite:
    def __init__(self) -> None:
        self.target: Path | None = None
        self.staging: Path | None = None

    def start(self, config) -> None:
        """Point the build at a fresh staging folder next to the real site directory."""
        self.target = Path(config.site_dir).resolve()
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=f".{self.target.name}-bygger-",
                                             dir=self.target.parent))
        config.site_dir = str(self.staging)

    @staticmethod
    def _strict_warnings() -> int:
        for handler in logging.getLogger("mkdocs").handlers:
            if isinstance(handler, utils.CountHandler):
                return sum(count for _level, count in handler.get_counts())
        return 0

    def finish(self, config) -> None:
        """Swap the staging folder in, unless strict mode is about to abort the build."""
        if self.staging is None or self.target is None:
            return
        if config.strict and self._strict_warnings():
            self.abandon()
            return
        readable_by_all(self.staging)
        backup = None
        if self.target.exists():
            backup = self.target.with_name(f".{self.target.name}-forrige")
            shutil.rmtree(backup, ignore_errors=True)
            self.target.rename(backup)
        self.staging.rename(self.target)
        config.site_dir = str(self.target)
        self.staging = None
        if backup is not None:
            shutil.rmtree(backup, ignore_errors=True)

    def abandon(self) -> None:
        """Remove the staging folder; the last good site stays untouched."""
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None


def readable_by_all(root: Path) -> None:
    """Let every user read the tree: r for all on files, r and x for all on folders."""
    for folder, _dirs, files in os.walk(root):
        _add_mode(Path(folder), 0o555)
        for name in files:
            _add_mode(Path(folder) / name, 0o444)


def _add_mode(path: Path, bits: int) -> None:
    mode = path.lstat().st_mode
    if stat.S_ISLNK(mode):
        return
    if stat.S_IMODE(mode) | bits != stat.S_IMODE(mode):
        path.chmod(stat.S_IMODE(mode) | bits)
