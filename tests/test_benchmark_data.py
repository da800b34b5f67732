"""The benchmark's synthetic municipalities (scripts/bench/scale.py) are valid data: its
scale figures measure a real handbook, not a failed load."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT
from macros import handbook

sys.path.insert(0, str(ROOT / "scripts"))
from bench import scale  # noqa: E402


@pytest.mark.parametrize("kommune", ["herning", "holstebro"])
def test_a_synthetic_municipality_checks_with_every_record_copied(kommune, tmp_path):
    original = handbook.load(ROOT / "data", kommune)
    data = scale.synthetic(kommune, 3, tmp_path / "data")
    book = handbook.load(data, kommune)  # raises DataError with the problems otherwise
    assert len(book.fora) == 3 * len(original.fora)
    assert len(book.roller) == 3 * len(original.roller)
    assert scale.records(data, kommune) == len(book.fora) + len(book.roller)
