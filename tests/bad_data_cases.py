"""The bad-data corpus: one folder per case under tests/bad_data/, each with a case.yml.

A case edits a copy of the invented municipality (tests/fixtures/data/bjergby) and lists
the exact problem lines `check` must print. A new case is a new folder, not new code.

case.yml:
    beskrivelse: what an editor did wrong
    aendringer:                       # applied in order to data/bjergby/
      - fil: fora/styregruppe.yml     # replace the first occurrence of a text
        erstat: "navn: SSP-styregruppe"
        med: "navne: SSP-styregruppe"
      - fil: roller/ny.yml            # or write a whole file
        indhold: "..."
        kodning: latin-1              # optional: save it in another encoding than UTF-8
      - slet: niveauer.yml            # or delete a file
      - fil: sider/x.md               # or make a symbolic link (relative: to the copy's
        genvej: /etc/hostname         #   municipality folder; absolute: anywhere)
    kommune: bjergbi                  # optional: the SSP_KOMMUNE to check (default bjergby)
    fejl: [ "data/bjergby/...: ..." ] # the exact lines, in the order printed
    skema: fora/styregruppe.yml       # optional: the JSON Schema must reject this file too
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path
from unittest import mock

import yaml

HERE = Path(__file__).resolve().parent
CASES = HERE / "bad_data"
ROOT = HERE.parent
FIXTURE = HERE / "fixtures" / "data"


def load_case(folder: Path) -> dict:
    return yaml.safe_load((folder / "case.yml").read_text(encoding="utf-8"))


def apply_case(case: dict, data_root: Path) -> Path:
    """Copy the fixture to data_root and apply the case's edits; return the municipality."""
    shutil.copytree(FIXTURE, data_root)
    folder = data_root / "bjergby"
    for edit in case.get("aendringer", []):
        if "slet" in edit:
            (folder / edit["slet"]).unlink()
            continue
        path = folder / edit["fil"]
        if "genvej" in edit:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.symlink_to(folder / edit["genvej"])
            continue
        encoding = edit.get("kodning", "utf-8")
        if "indhold" in edit:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(edit["indhold"], encoding=encoding, newline="")
        else:
            text = path.read_text(encoding="utf-8")
            assert edit["erstat"] in text, (edit, path)
            path.write_text(text.replace(edit["erstat"], edit["med"], 1), encoding=encoding,
                            newline="")
    return folder


def check_command(case: dict, data_root: Path) -> subprocess.CompletedProcess:
    """`check` as an editor runs it: its own process, exit code and output."""
    env = dict(os.environ, SSP_KOMMUNE=case.get("kommune", "bjergby"))
    return subprocess.run([sys.executable, "-m", "macros.cli", "check", "--data", str(data_root)],
                          cwd=ROOT, env=env, capture_output=True, text=True)


def run_check(case: dict, data_root: Path) -> subprocess.CompletedProcess:
    """`check`'s entry point (``cli.main``) called in this process, with the same
    environment, exit code and output as ``check_command``: a case costs a few milliseconds
    instead of starting Python and importing the model again. An exception would fail the
    test as a traceback fails the command; test_bad_data runs the command itself too."""
    from macros import cli

    out, err = io.StringIO(), io.StringIO()
    with (mock.patch.dict(os.environ, SSP_KOMMUNE=case.get("kommune", "bjergby")),
          contextlib.redirect_stdout(out), contextlib.redirect_stderr(err)):
        code = cli.main(["check", "--data", str(data_root)])
    return subprocess.CompletedProcess(["check", str(data_root)], code, out.getvalue(),
                                       err.getvalue())


def problem_lines(stderr: str) -> list[str]:
    """The problem lines of `check`'s output (without the 'N fejl i data' header)."""
    return [line.strip() for line in stderr.splitlines() if line.startswith("  ")]


def all_cases() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if (p / "case.yml").exists())
