"""Data written for an older data format (Herning's and Holstebro's data as they were before
format 2, kept in tests/fixtures/dataformat-1/) is refused by `check` with the one command that
rewrites it, `./run migrer`; rewritten, it checks and builds, and says what the data on main
says."""

from __future__ import annotations

import subprocess
import sys
import tarfile

import pytest

from conftest import DATA, ROOT, mkdocs_build
from macros import handbook

OLD = ROOT / "tests" / "fixtures" / "dataformat-1" / "data.tar.gz"


def _cli(*args, data) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.cli", *args, "--data", str(data)],
                          cwd=ROOT, capture_output=True, text=True)


@pytest.fixture
def old_data(tmp_path):
    with tarfile.open(OLD) as tar:
        tar.extractall(tmp_path, filter="data")
    return tmp_path / "data"


@pytest.mark.parametrize("kommune", ["herning", "holstebro"])
def test_old_data_is_refused_with_the_command_that_rewrites_it(old_data, kommune):
    result = _cli("check", kommune, data=old_data)
    assert result.returncode == 1
    lines = [line.strip() for line in result.stderr.splitlines() if line.startswith("  ")]
    assert lines == [f"data/{kommune}/kommune.yml:2:1: data er skrevet til dataformat 1; "
                     "værktøjet læser dataformat 2 (forventet: kør './run migrer "
                     f"{kommune}', der skriver data om til dataformat 2)"]


@pytest.mark.parametrize("kommune", ["herning", "holstebro"])
def test_migrated_data_checks_builds_and_keeps_its_content(old_data, kommune, tmp_path):
    before = {p.relative_to(old_data): p.read_text(encoding="utf-8")
              for p in (old_data / kommune).rglob("*.yml")}
    result = _cli("migrer", kommune, data=old_data)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "dataformat: 2" in result.stdout and f"{kommune}: OK" in result.stdout
    after = {p.relative_to(old_data): p.read_text(encoding="utf-8")
             for p in (old_data / kommune).rglob("*.yml")}
    for path, text in before.items():  # lines are added, never rewritten
        kept = [line for line in after[path].splitlines() if line in text.splitlines()]
        assert kept == text.splitlines(), path
    again = _cli("migrer", kommune, data=old_data)
    assert "allerede i det nye dataformat" in again.stdout and again.returncode == 0
    migrated, current = handbook.load(old_data, kommune), handbook.load(DATA, kommune)
    assert set(migrated.fora) == set(current.fora)
    assert {f.id: f.niveau for f in migrated.fora.values()} == {
        f.id: f.niveau for f in current.fora.values()}
    assert list(migrated.organisationsniveauer) == list(current.organisationsniveauer)
    build = mkdocs_build(tmp_path / "site", kommune, old_data, pdf=False)
    assert build.returncode == 0, build.stdout + build.stderr
