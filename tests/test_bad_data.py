"""Every bad edit gets one clear Danish line naming the file, the line and what was expected.

The cases live in tests/bad_data/<case>/case.yml (see bad_data_cases.py); each asserts the
exact lines `check` prints, and, where the JSON Schema can express the rule, that an
editor's schema-aware editor flags the same file.
"""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from bad_data_cases import (all_cases, apply_case, check_command, load_case, problem_lines,
                            run_check)
from conftest import ROOT, mkdocs_build
from macros import loading

CASES = all_cases()


def test_the_corpus_covers_at_least_25_kinds_of_mistake():
    assert len(CASES) >= 25


@pytest.mark.parametrize("folder", CASES, ids=[c.name for c in CASES])
def test_check_reports_exactly_the_expected_problems(folder, tmp_path):
    case = load_case(folder)
    apply_case(case, tmp_path / "data")
    result = run_check(case, tmp_path / "data")
    assert result.returncode == 1
    assert problem_lines(result.stderr) == case["fejl"]
    assert case["fejl"], "a case must expect at least one problem"


def test_the_check_command_prints_the_same_lines(tmp_path):
    """The cases call check's entry point in the test process; the command an editor runs
    gives the same lines and exit code, and no traceback."""
    for name in ("ukendt-rolle", "tom-fil-kun-streger"):
        case = load_case(ROOT / "tests" / "bad_data" / name)
        apply_case(case, tmp_path / name / "data")
        command = check_command(case, tmp_path / name / "data")
        assert command.returncode == 1
        assert problem_lines(command.stderr) == case["fejl"]
        assert "Traceback" not in command.stderr
        called = run_check(case, tmp_path / name / "data")
        assert (called.returncode, called.stderr) == (1, command.stderr)


def _schema_for(relative: str) -> dict:
    name = {v: k for k, v in loading.SINGLE_FILES.items()}.get(relative) or (
        "forum" if relative.startswith("fora/") else "rolle")
    return json.loads((ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))


SCHEMA_CASES = [c for c in CASES if "skema" in load_case(c)]


@pytest.mark.parametrize("folder", SCHEMA_CASES, ids=[c.name for c in SCHEMA_CASES])
def test_the_json_schema_rejects_the_same_mistake(folder, tmp_path):
    case = load_case(folder)
    municipality = apply_case(case, tmp_path / "data")
    data = yaml.load((municipality / case["skema"]).read_text(encoding="utf-8"),
                     Loader=loading._Loader)
    errors = list(jsonschema.Draft202012Validator(_schema_for(case["skema"])).iter_errors(data))
    assert errors, f"the schema accepts {case['skema']} in case {folder.name}"


def test_the_build_stops_with_the_same_message(tmp_path):
    case = load_case(ROOT / "tests" / "bad_data" / "ukendt-rolle")
    apply_case(case, tmp_path / "data")
    result = mkdocs_build(tmp_path / "site", "bjergby", tmp_path / "data", pdf=False)
    assert result.returncode != 0
    assert case["fejl"][0] in result.stdout + result.stderr
    assert not (tmp_path / "site").exists()
