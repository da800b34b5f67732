"""Which JSON Schema VS Code's YAML extension applies to a data file (.vscode/settings.json).

The schemas are tied to the data by the workspace settings, not by a comment in each file:
the form editor (Decap CMS) rewrites whole files and drops comments.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / ".vscode" / "settings.json"


def _regex(glob: str) -> re.Pattern:
    parts = (re.escape(p).replace(r"\*", "[^/]*") for p in glob.split("/"))
    return re.compile("/".join(parts) + r"\Z")


def schemas_for(path: Path) -> list[Path]:
    """The schema files whose globs match ``path`` (a file under the repository)."""
    relative = path.resolve().relative_to(ROOT).as_posix()
    settings = json.loads(SETTINGS.read_text(encoding="utf-8"))["yaml.schemas"]
    found = []
    for schema, globs in settings.items():
        globs = [globs] if isinstance(globs, str) else globs
        if any(_regex(g).match(relative) for g in globs):
            found.append((ROOT / schema).resolve())
    return found
