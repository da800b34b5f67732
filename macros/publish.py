"""Build into a staging folder and swap it in only when the whole build succeeded.

MkDocs cleans ``site/`` early in a build and only then finds broken links (strict mode) or PDF
errors, which would leave a half-written site. So ``mkdocs build`` writes to a sibling
staging folder, and the last good ``site/`` is replaced only after the build — pages, PDF and
strict-mode warning count — is complete. A failed build leaves ``site/`` byte for byte as it was.
"""

from __future__ import annotations

import logging
import shutil
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
