"""Which municipality to build and where its data lives (from mkdocs.yml and the environment).

``SSP_KOMMUNE`` chooses the municipality and ``SSP_DATA`` the data folder (mkdocs.yml's
``extra`` reads them for the build, ``check`` reads them directly); without them, the default
municipality below and ``data/``.
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


def data_root_from_environment() -> Path:
    """The data folder ``SSP_DATA`` names, else ``data/``, relative to mkdocs.yml's folder as
    the build reads it: what ``check`` reads, so that it checks what the build will read."""
    root = Path(__file__).resolve().parent.parent
    return (root / ((os.environ.get("SSP_DATA") or "").strip() or "data")).resolve()


def data_root(config) -> Path:
    """``extra.data_dir`` (``SSP_DATA``), relative to mkdocs.yml; default ``data/``."""
    base = Path(config["config_file_path"]).resolve().parent
    return (base / str(config["extra"].get("data_dir") or "data")).resolve()
