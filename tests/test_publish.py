"""Publishing the staged build (macros/publish.py) when the file system says no: one Danish
line, no staging folder left behind, and the last good site as it was."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from macros.publish import StagedSite


def _tree(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _staged(site: Path) -> tuple[StagedSite, SimpleNamespace]:
    config = SimpleNamespace(site_dir=str(site), strict=False)
    staged = StagedSite()
    staged.start(config)
    (Path(config.site_dir) / "index.html").write_text("ny", encoding="utf-8")
    return staged, config


def test_a_swap_the_file_system_refuses_keeps_the_last_site(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("gammel", encoding="utf-8")
    before = _tree(site)
    staged, config = _staged(site)
    real = Path.rename

    def refuse(self, target):
        if self.name.startswith(".site-bygger-"):
            raise PermissionError(13, "Adgang nægtet")
        return real(self, target)

    monkeypatch.setattr(Path, "rename", refuse)
    with pytest.raises(PluginError) as error:
        staged.finish(config)
    assert str(error.value).startswith(f"SSP-håndbogen kunne ikke lægges i {site}: Adgang nægtet")
    assert "\n" not in str(error.value)
    assert _tree(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_read_only_last_site_is_replaced_and_cleared_away(tmp_path):
    site = tmp_path / "site"
    (site / "pdf").mkdir(parents=True)
    (site / "pdf" / "x.pdf").write_text("gammel", encoding="utf-8")
    for path in (site / "pdf" / "x.pdf", site / "pdf", site):
        os.chmod(path, 0o555 if path.is_dir() else 0o444)
    staged, config = _staged(site)
    staged.finish(config)
    assert _tree(site) == {"index.html": b"ny"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_build_folder_that_cannot_be_made_is_one_danish_line(tmp_path):
    blocker = tmp_path / "fil"
    blocker.write_text("ikke en mappe", encoding="utf-8")
    with pytest.raises(PluginError) as error:
        StagedSite().start(SimpleNamespace(site_dir=str(blocker / "site"), strict=False))
    assert str(error.value).startswith("SSP-håndbogen kan ikke bygges i")
