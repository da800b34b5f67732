"""Shared fixtures: real `mkdocs build` runs (HTML and PDF) of every municipality.

Every test about "a municipality" runs for each folder in data/ plus the small invented
municipality under tests/fixtures/data/, which proves a new one needs data only.

Each municipality is built once per test session, also when pytest-xdist runs the tests in
several worker processes (`./run test` does, see pytest.ini): the builds live in a folder all
workers of the session share, one lock per build, and a worker that finds a build under way
builds another municipality meanwhile instead of waiting (see ``build_once``).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import handbook, loading  # noqa: E402
from macros.links import page_url  # noqa: E402
from pdf_util import pdf_pages  # noqa: E402

DATA = ROOT / "data"
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"

MUNICIPALITIES = [(DATA, k) for k in loading.available_kommuner(DATA)] + [
    (FIXTURE_DATA, k) for k in loading.available_kommuner(FIXTURE_DATA)]


def mkdocs_build(site_dir: Path, kommune: str, data_root: Path = DATA, pdf: bool = True,
                 config: Path = ROOT / "mkdocs.yml", cwd: Path = ROOT,
                 env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` for one municipality."""
    env = dict(os.environ, SSP_KOMMUNE=kommune, SSP_DATA=str(data_root),
               PDF="true" if pdf else "false", NO_MKDOCS_2_WARNING="1", **(env or {}))
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

    def pdf_texts(self) -> list[str]:
        """The handbook PDF's text page by page."""
        return pdf_pages(self.pdf)

    def page(self, src_uri: str) -> Path:
        """The HTML file a generated page (e.g. 'fora/x.md') is written to."""
        return self.site / page_url(src_uri) / "index.html"


_builds: dict[tuple[str, str], Built] = {}


@pytest.fixture(scope="session", params=MUNICIPALITIES, ids=lambda p: p[1])
def built(request, tmp_path_factory) -> Built:
    """A strict build with PDF of one municipality (built once per test session)."""
    return build_once(*request.param, tmp_path_factory)


def session_dir(tmp_path_factory) -> Path:
    """A folder shared by every worker of this test session (pytest-xdist gives each worker
    its own base folder inside the session's)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def locked(path: Path, wait: bool = True):
    """An exclusive lock on ``path`` between processes; yields False if ``wait`` is off and
    another process holds it."""
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def shared_folder(tmp_path_factory, data_root: Path, kommune: str,
                  kind: str = "builds") -> Path:
    """A folder for one municipality's ``kind`` of output that every worker of the session
    finds at the same place (lock it with ``locked``)."""
    key = hashlib.sha256(str(data_root.resolve()).encode()).hexdigest()[:10]
    folder = session_dir(tmp_path_factory) / kind / f"{kommune}-{key}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _build_into(folder: Path, data_root: Path, kommune: str, tmp_path_factory) -> None:
    """Build unless done (the caller holds the folder's lock); the result is kept as JSON."""
    if (folder / "result.json").exists():
        return
    result = mkdocs_build(folder / "site", kommune, data_root)
    (folder / "result.json").write_text(json.dumps(
        {"args": result.args, "returncode": result.returncode, "stdout": result.stdout,
         "stderr": result.stderr}), encoding="utf-8")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items) -> None:
    """Tests marked ``long`` (half a minute to a minute each) are shared out between the
    xdist workers at the start, so that none of them starts last and runs alone.

    xdist's ``load`` scheduling (pytest.ini) first sends each worker a chunk of consecutive
    tests (a quarter of its share: ``len(items) // workers // 4``), then refills whichever
    worker runs short. So the long tests are dealt to the workers in a snake (0, 1, 2, 2, 1,
    0, …: the longest, collected first, spread out) and each worker's go at the head of
    its first chunk. Sorting them all to the front, as before, put the whole first chunk,
    every page walk in it, on one worker: it ran 45 s after the other two had finished."""
    long = [item for item in items if item.get_closest_marker("long") is not None]
    short = [item for item in items if item.get_closest_marker("long") is None]
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    shares: list[list] = [[] for _ in range(workers)]
    for n, item in enumerate(long):
        lap, place = divmod(n, workers)
        shares[place if lap % 2 == 0 else workers - 1 - place].append(item)
    chunk = max(len(items) // workers // 4, 2)
    ordered = []
    for share in shares[:-1]:
        fill = max(chunk - len(share), 0)
        ordered += share + short[:fill]
        del short[:fill]
    items[:] = ordered + shares[-1] + short


#: The municipalities the selected tests build (set when collection is done).
_needed: list[tuple[Path, str]] = []


def pytest_collection_finish(session) -> None:
    params = [item.callspec.params.get("built") for item in session.items
              if hasattr(item, "callspec")]
    _needed[:] = [m for m in MUNICIPALITIES if m in params]


def _help_meanwhile(tmp_path_factory) -> bool:
    """While another worker builds what this one needs, build one that the selected tests
    need and nobody has started."""
    for data_root, kommune in _needed:
        folder = shared_folder(tmp_path_factory, data_root, kommune)
        if (folder / "result.json").exists():
            continue
        with locked(folder / "lock", wait=False) as mine:
            if mine:
                _build_into(folder, data_root, kommune, tmp_path_factory)
                return True
    return False


def build_once(data_root: Path, kommune: str, tmp_path_factory) -> Built:
    key = (str(data_root), kommune)
    if key not in _builds:
        folder = shared_folder(tmp_path_factory, data_root, kommune)
        while not (folder / "result.json").exists():
            with locked(folder / "lock", wait=False) as mine:
                if mine:
                    _build_into(folder, data_root, kommune, tmp_path_factory)
                    continue
            if not _help_meanwhile(tmp_path_factory):
                with locked(folder / "lock"):  # nothing else to do: wait for it
                    pass
                time.sleep(0.05)
        saved = json.loads((folder / "result.json").read_text(encoding="utf-8"))
        result = subprocess.CompletedProcess(saved["args"], saved["returncode"],
                                             saved["stdout"], saved["stderr"])
        assert result.returncode == 0, result.stdout + result.stderr
        _builds[key] = Built(kommune, data_root, folder / "site", result,
                             handbook.load(data_root, kommune))
    return _builds[key]


@pytest.fixture(scope="session", autouse=True)
def _pdf_cache(tmp_path_factory):
    """The tests' builds share one PDF cache per session, never the developer's .cache/.
    CI sets SSP_TEST_PDF_CACHE to the cache its build step just filled, so the tests read
    back the very PDFs it drew instead of drawing them a second time."""
    os.environ["SSP_PDF_CACHE"] = (os.environ.get("SSP_TEST_PDF_CACHE")
                                   or str(session_dir(tmp_path_factory) / "pdf-cache"))


@pytest.fixture(scope="session")
def _playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


def _launch(playwright, pdf_viewer: bool):
    from browser_util import CHROMIUM_ARGS, chromium_path

    return playwright.chromium.launch(executable_path=chromium_path(pdf_viewer),
                                      args=CHROMIUM_ARGS)


@pytest.fixture(scope="session")
def browser(_playwright):
    """One headless Chromium (Debian's) per test session and worker (browser_util)."""
    browser = _launch(_playwright, pdf_viewer=False)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def full_browser(_playwright):
    """Debian's full Chromium, for the tests of what only it has: the PDF viewer."""
    browser = _launch(_playwright, pdf_viewer=True)
    yield browser
    browser.close()


@pytest.fixture
def intranet(built, tmp_path_factory, tmp_path):
    """The municipality's web release on nginx, as the intranet serves it (nginx_util)."""
    from nginx_util import Served
    from release_util import release_once

    server = Served(release_once(built, tmp_path_factory), tmp_path)
    yield server
    server.close()


@pytest.fixture(scope="session")
def served(built):
    """The municipality's build, served on 127.0.0.1 for the whole session."""
    from browser_util import SiteServer

    server = SiteServer(built.site)
    yield built, server
    server.close()


@pytest.fixture
def fixture_copy(tmp_path) -> Path:
    """A writable copy of the invented municipality's data root (tests/fixtures/data)."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target
