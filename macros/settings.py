"""Which municipality to build and where its data lives (from mkdocs.yml and the environment)."""

from __future__ import annotations

from pathlib import Path

from .handbook import DEFAULT_KOMMUNE


def kommune_id(config) -> str:
    """``extra.kommune`` in mkdocs.yml, which reads ``SSP_KOMMUNE``."""
    return str(config["extra"].get("kommune") or DEFAULT_KOMMUNE).strip()


def data_root(config) -> Path:
    """``extra.data_dir`` (``SSP_DATA``), relative to mkdocs.yml; default ``data/``."""
    base = Path(config["config_file_path"]).resolve().parent
    return (base / str(config["extra"].get("data_dir") or "data")).resolve()
