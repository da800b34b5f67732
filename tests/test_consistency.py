"""The editors' contract, as a property: for random edits of valid data (generated from the
model, tests/mutations.py), `check` either names every problem on a Danish file:line — never a
traceback — or says OK, and then the real strict build succeeds, the PDF included."""

from __future__ import annotations

import itertools
import random
import shutil

import pytest

from conftest import FIXTURE_DATA, mkdocs_build
from macros import cli, handbook, loading
from macros.errors import DataError
from mutations import mutate, write

EDITS = 100  # checked per municipality (fast: no build)
BUILDS = 2  # of the edits check calls OK, built strictly per municipality (one with the PDF)


@pytest.mark.long
@pytest.mark.parametrize("kommune", ["bjergby", "aaby"])
def test_check_ok_means_the_build_succeeds(kommune, tmp_path):
    raw = loading.read_kommune(FIXTURE_DATA, kommune)
    book = handbook.load(FIXTURE_DATA, kommune)
    ids = {kind: sorted(found) for kind, found in book.index.definitions.items()}
    rng = random.Random(f"ssp-{kommune}")
    crashes, accepted = [], []
    for n in range(EDITS):
        root = tmp_path / f"edit-{n}" / "data"
        shutil.copytree(FIXTURE_DATA / kommune, root / kommune)
        path, new, data = mutate(raw, rng, ids)
        write(raw, data, root / kommune)
        try:
            handbook.load(root, kommune)
        except DataError as error:
            unlocated = [p for p in error.problems if not p.file.startswith(f"data/{kommune}")]
            assert not unlocated, (path, new, unlocated)
            shutil.rmtree(root)
            continue
        except Exception as error:  # a traceback an editor would see
            crashes.append((path, repr(new)[:80], repr(error)[:200]))
            continue
        accepted.append((root, path, new))
    assert not crashes, "\n".join(map(str, crashes))
    assert len(accepted) >= BUILDS, "too few edits were accepted to test the build"
    # The edits that are built go through the whole of check, the pixi guide's layout too
    # (the loop above leaves out that second or two per edit).
    built = ((root, path, new) for root, path, new in accepted if _check_says_ok(root, kommune))
    for i, (root, path, new) in enumerate(itertools.islice(built, BUILDS)):
        result = mkdocs_build(tmp_path / f"site-{i}", kommune, root, pdf=(i == 0))
        assert result.returncode == 0, (path, new, result.stdout[-3000:] + result.stderr[-3000:])


def _check_says_ok(root, kommune) -> bool:
    try:
        cli.checked(root, kommune)
    except DataError:
        return False
    return True
