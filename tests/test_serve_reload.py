"""`mkdocs serve` rebuilds with the latest data and generator code.

MkDocs reloads the configuration for every rebuild but loads hook files only once per
process; this runs two builds in one process, as `serve` does, with an edit in between.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURE_DATA, ROOT

SCRIPT = """
import os, sys
from mkdocs.config import load_config
from mkdocs.commands import build

def page():
    cfg = load_config("mkdocs.yml", site_dir="site")
    build.build(cfg)
    return open("site/fora/styregruppe/index.html", encoding="utf-8").read()

first = page()
with open("macros/pages/base.py", encoding="utf-8") as f:
    code = f.read()
with open("macros/pages/base.py", "w", encoding="utf-8") as f:
    f.write(code.replace('"Oplysning", "Indhold"', '"Oplysning", "Kodeændring"'))
path = "data/bjergby/fora/styregruppe.yml"
with open(path, encoding="utf-8") as f:
    data = f.read()
with open(path, "w", encoding="utf-8") as f:
    f.write(data.replace("navn: SSP-styregruppe", "navn: Dataændring"))
second = page()
print("kode" if "Kodeændring" in second and "Kodeændring" not in first else "-")
print("data" if "Dataændring" in second and "Dataændring" not in first else "-")
"""


def _project_copy(target: Path) -> dict:
    """A copy of the project with the invented municipalities as its data, and the
    environment that builds Bjergby's HTML in it."""
    for folder in ("macros", "docs", "overrides", "pdf-templates"):
        shutil.copytree(ROOT / folder, target / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(FIXTURE_DATA, target / "data")
    return {"PATH": "/usr/bin:/bin", "SSP_KOMMUNE": "bjergby", "PDF": "false",
            "NO_MKDOCS_2_WARNING": "1"}


def test_a_second_build_in_the_same_process_sees_edits_to_data_and_code(tmp_path):
    env = _project_copy(tmp_path)
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["kode", "data"]


PREVIEW = """
import sys
from mkdocs.config import load_config
from mkdocs.commands import build

def site(folder, serving):
    cfg = load_config("mkdocs.yml", site_dir=folder)
    cfg.site_url = "http://127.0.0.1:8000/"
    if serving:
        cfg.plugins.on_startup(command="serve", dirty=False)
    build.build(cfg, serve_url="http://127.0.0.1:8000/")

if sys.argv[1] == "serve":
    site("preview", True)
    for path, old, new in (("data/bjergby/fora/styregruppe.yml", "navn: SSP-styregruppe",
                            "navn: Styregruppen"),
                           ("data/bjergby/roller/ssp-laerer.yml", "Holder øje med trivslen",
                            "Taler med klasserne")):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new))
        site("preview", True)
        print(sys.modules["macros.preview"].CACHE.reused)
else:
    site("fresh", False)
"""


def test_a_preview_rebuild_gives_the_same_site_as_a_fresh_build(tmp_path):
    """`serve` reuses pages whose input did not change (macros/preview.py): after edits that
    rename a forum (navigation, other pages' tables) and change a task, every file of the
    preview equals a fresh build of the edited data."""
    env = _project_copy(tmp_path)
    reused = []
    for mode in ("serve", "fresh"):
        result = subprocess.run([sys.executable, "-c", PREVIEW, mode], cwd=tmp_path, env=env,
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        reused += [int(n) for n in result.stdout.split()]
    # Both rebuilds reused pages: the rename changes the navigation, so every page template
    # ran again, but Markdown and search entries of untouched pages were reused.
    assert len(reused) == 2 and all(n > 10 for n in reused), reused

    def files(folder):
        return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*"))
                if p.is_file()}

    preview, fresh = files(tmp_path / "preview"), files(tmp_path / "fresh")
    assert preview.keys() == fresh.keys()
    assert [p for p in preview if preview[p] != fresh[p]] == []
    role = (tmp_path / "preview" / "roller" / "ssp-laerer" / "index.html").read_text("utf-8")
    assert "Styregruppen" in role and "Taler med klasserne" in role
