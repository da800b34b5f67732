"""The data of every municipality validates, and the generator has no municipality in it."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import DATA, MUNICIPALITIES, ROOT
from macros import loading


@pytest.mark.parametrize("data_root,kommune", MUNICIPALITIES, ids=[m[1] for m in MUNICIPALITIES])
def test_check_command_accepts_the_data(data_root, kommune):
    result = subprocess.run([sys.executable, "-m", "macros.cli", "check", kommune,
                             "--data", str(data_root)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{kommune}: OK")


def test_both_real_municipalities_are_there():
    assert {"herning", "holstebro"} <= set(loading.available_kommuner(DATA))


def test_no_municipality_specific_code_paths():
    """Municipality-specific things are data: no municipality id or name in the generator."""
    names = set(loading.available_kommuner(DATA)) - {"herning"}  # herning: the default only
    for path in (ROOT / "macros").rglob("*.py"):
        source = path.read_text(encoding="utf-8").lower()
        for name in names | {"ungherning", "holstebro", "herning kommune"}:
            assert name not in source, f"{path.name} mentions {name}"
    settings = (ROOT / "macros" / "settings.py").read_text(encoding="utf-8")
    assert len(re.findall(r"herning", settings, re.IGNORECASE)) == 1  # DEFAULT_KOMMUNE


def test_every_data_file_points_at_its_schema():
    for data_root, kommune in MUNICIPALITIES:
        for path in (data_root / kommune).rglob("*.yml"):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first.startswith("# yaml-language-server: $schema="), path
