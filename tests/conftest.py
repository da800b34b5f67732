"""Shared fixtures: real `mkdocs build` runs (HTML and PDF) of every municipality.

Every test about "a municipality" runs for each folder in data/ plus the small invented
municipality under tests/fixtures/data/, which proves a new one needs data only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import handbook, loading  # noqa: E402
from macros.links import page_url  # noqa: E402

DATA = ROOT / "data"
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"

MUNICIPALITIES = [(DATA, k) for k in loading.available_kommuner(DATA)] + [
    (FIXTURE_DATA, k) for k in loading.available_kommuner(FIXTURE_DATA)]


def mkdocs_build(site_dir: Path, kommune: str, data_root: Path = DATA, pdf: bool = True,
                 config: Path = ROOT / "mkdocs.yml", cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` for one municipality."""
    env = dict(os.environ, SSP_KOMMUNE=kommune, SSP_DATA=str(data_root),
               PDF="true" if pdf else "false", NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
         "-d", str(site_dir)], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


@dataclass
class Built:
    kommune: str
    data_root: Path
    site: Path
    result: subprocess.CompletedProcess
    book: handbook.Handbook

    @property
    def output(self) -> str:
        return self.result.stdout + self.result.stderr

    @property
    def pdf(self) -> Path:
        return self.site / "pdf" / f"{self.kommune}-ssp-haandbog.pdf"

    def page(self, src_uri: str) -> Path:
        """The HTML file a generated page (e.g. 'fora/x.md') is written to."""
        return self.site / page_url(src_uri) / "index.html"


_builds: dict[tuple[str, str], Built] = {}


@pytest.fixture(scope="session", params=MUNICIPALITIES, ids=lambda p: p[1])
def built(request, tmp_path_factory) -> Built:
    """A strict build with PDF of one municipality (built once per test session)."""
    return build_once(*request.param, tmp_path_factory)


def build_once(data_root: Path, kommune: str, tmp_path_factory) -> Built:
    key = (str(data_root), kommune)
    if key not in _builds:
        site = tmp_path_factory.mktemp(f"site-{kommune}")
        result = mkdocs_build(site, kommune, data_root)
        assert result.returncode == 0, result.stdout + result.stderr
        _builds[key] = Built(kommune, data_root, site, result,
                             handbook.load(data_root, kommune))
    return _builds[key]


@pytest.fixture
def fixture_copy(tmp_path) -> Path:
    """A writable copy of the invented municipality's data root (tests/fixtures/data)."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target
