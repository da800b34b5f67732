"""The data of every municipality validates, and the generator has no municipality in it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import DATA, FIXTURE_DATA, MUNICIPALITIES, ROOT
from macros import loading
from vscode_schemas import schemas_for


@pytest.mark.parametrize("data_root,kommune", MUNICIPALITIES, ids=[m[1] for m in MUNICIPALITIES])
def test_check_command_accepts_the_data(data_root, kommune):
    result = subprocess.run([sys.executable, "-m", "macros.cli", "check", kommune,
                             "--data", str(data_root)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{kommune}: OK")


def test_check_reads_the_data_folder_the_build_reads(tmp_path):
    """SSP_DATA and SSP_KOMMUNE choose the data for `check` as they do for `mkdocs build`."""
    shutil.copytree(FIXTURE_DATA / "aaby", tmp_path / "aaby")
    env = dict(os.environ, SSP_DATA=str(tmp_path), SSP_KOMMUNE="aaby")
    result = subprocess.run([sys.executable, "-m", "macros.cli", "check"], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("aaby: OK"), result.stdout
    (tmp_path / "aaby" / "kommune.yml").write_text("titel: [\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros.cli", "check"], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 1 and "aaby/kommune.yml:1:" in result.stderr, result.stderr


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


def test_every_data_file_gets_its_schema_from_the_vscode_settings():
    """VS Code finds the schema through .vscode/settings.json, so no file needs a comment."""
    for data_root, kommune in MUNICIPALITIES:
        for path in (data_root / kommune).rglob("*.yml"):
            expected = {v: k for k, v in loading.SINGLE_FILES.items()}.get(path.name) or (
                "forum" if path.parent.name == "fora" else "rolle")
            found = schemas_for(path)
            assert [s.name for s in found] == [f"{expected}.schema.json"], path
            assert found[0].exists(), found[0]


def test_no_data_file_depends_on_a_comment():
    """The form editor rewrites whole files and drops comments: what matters is a field."""
    for data_root, kommune in MUNICIPALITIES:
        for path in (data_root / kommune).rglob("*.yml"):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                assert not re.match(r"\s*#", line), f"{path}:{number}: {line}"
