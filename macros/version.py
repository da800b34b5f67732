"""Which generator built this: the git commit of the checkout, for the footer and the manifest.

``abc1234`` is a clean checkout at that commit; ``abc1234+ændret`` has uncommitted changes (or
new files), so the build cannot be reproduced from the commit alone; ``ukendt`` when the
generator does not run from its own git checkout (a copied folder, no git installed).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNKNOWN = "ukendt"
DIRTY = "+ændret"


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True,
                                text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def generator_version(root: Path = ROOT) -> str:
    """The short commit hash of the generator's checkout, marked when the tree is changed."""
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None or Path(top).resolve() != root.resolve():
        return UNKNOWN  # not our own checkout (e.g. copied into another repository)
    commit = _git(root, "rev-parse", "--short", "HEAD")
    status = _git(root, "status", "--porcelain")
    if not commit or status is None:
        return UNKNOWN
    return commit + (DIRTY if status else "")
