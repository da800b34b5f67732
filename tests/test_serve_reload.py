"""`mkdocs serve` rebuilds with the latest data and generator code.

MkDocs reloads the configuration for every rebuild but loads hook files only once per
process; this runs two builds in one process, as `serve` does, with an edit in between.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

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


def test_a_second_build_in_the_same_process_sees_edits_to_data_and_code(tmp_path):
    for folder in ("macros", "docs", "overrides", "pdf-templates"):
        shutil.copytree(ROOT / folder, tmp_path / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    env = {"PATH": "/usr/bin:/bin", "SSP_KOMMUNE": "bjergby", "PDF": "false",
           "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["kode", "data"]
