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
import sys
import tempfile
from pathlib import Path

from mkdocs import utils
from mkdocs.exceptions import PluginError

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


class StagedSite:
    def __init__(self) -> None:
        self.target: Path | None = None
        self.staging: Path | None = None

    def start(self, config) -> None:
        """Point the build at a fresh staging folder next to the real site directory."""
        self.target = Path(config.site_dir).resolve()
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            self.staging = Path(tempfile.mkdtemp(prefix=f".{self.target.name}-bygger-",
                                                 dir=self.target.parent))
        except OSError as error:
            raise PluginError(f"SSP-håndbogen kan ikke bygges i {self.target.parent}: "
                              f"{error.strerror or error} (forventet: en mappe, som bygget må "
                              "skrive i)") from None
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
        try:
            readable_by_all(self.staging)
            backup = self._swap()
        except OSError as error:
            self.abandon()
            raise PluginError(f"SSP-håndbogen kunne ikke lægges i {self.target}: "
                              f"{error.strerror or error} (forventet: en mappe, som bygget må "
                              "skrive i; den forrige udgave er urørt)") from None
        config.site_dir = str(self.target)
        self.staging = None
        if backup is not None:
            try:
                _remove(backup)
            except OSError as error:  # the site is in place; only a leftover remains
                # (info, not warning: a warning would fail a strict build that did publish)
                log.info("Den forrige udgave i %s kunne ikke fjernes: %s", backup,
                         error.strerror or error)

    def _swap(self) -> Path | None:
        """The staging folder becomes the site; the last good site is kept aside until then
        and put back if the swap fails half-way."""
        backup = None
        if self.target.exists():
            backup = self.target.with_name(f".{self.target.name}-forrige")
            _remove(backup)
            self.target.rename(backup)
        try:
            self.staging.rename(self.target)
        except OSError:
            if backup is not None:
                backup.rename(self.target)
            raise
        return backup

    def abandon(self) -> None:
        """Remove the staging folder; the last good site stays untouched."""
        if self.staging is not None:
            _remove(self.staging)
            self.staging = None


def _remove(folder: Path) -> None:
    """Remove a folder of ours, also where a file in it was made read-only."""

    def writable_and_again(function, path, _error) -> None:
        os.chmod(os.path.dirname(path), 0o755)
        if os.path.lexists(path) and not os.path.islink(path):
            os.chmod(path, 0o755)
        function(path)

    if folder.exists():
        handler = "onexc" if sys.version_info >= (3, 12) else "onerror"  # renamed in 3.12
        shutil.rmtree(folder, **{handler: writable_and_again})


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
