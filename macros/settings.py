"""Which municipality to build and where its data lives (from mkdocs.yml and the environment).

``SSP_KOMMUNE`` chooses the municipality (mkdocs.yml's ``extra.kommune`` reads it for the
build, ``check`` reads it directly); without it, the default below.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_KOMMUNE = "herning"


def kommune_from_environment() -> str | None:
    """The municipality ``SSP_KOMMUNE`` names, if any."""
    return (os.environ.get("SSP_KOMMUNE") or "").strip() or None


def kommune_id(config) -> str:
    """``extra.kommune`` in mkdocs.yml (``SSP_KOMMUNE``), else the default municipality."""
    return str(config["extra"].get("kommune") or DEFAULT_KOMMUNE).strip()


def data_root(config) -> Path:
    """``extra.data_dir`` (``SSP_DATA``), relative to mkdocs.yml; default ``data/``."""
    base = Path(config["config_file_path"]).resolve().parent
    return (base / str(config["extra"].get("data_dir") or "data")).resolve()
