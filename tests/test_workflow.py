"""CI and editor tooling: the workflow, pre-commit and the revision warnings."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import FIXTURE_DATA, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BJERGBY = pytest.mark.parametrize("built", [(FIXTURE_DATA, "bjergby")], indirect=True,
                                  ids=["bjergby"])


def _commands(script: str) -> list[str]:
    return re.findall(r"(\./run \w+|\.venv/bin/python -m macros\.cli \w+)", script)


def test_the_workflow_is_valid_and_runs_the_documented_commands():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "handbog.yml").read_text())
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads 'on'
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    steps = workflow["jobs"]["haandbog"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    used = {c for run in runs for c in _commands(run)}
    assert {"./run check", "./run udgiv", "./run test"} <= used
    assert any("aendringer" in c for c in used)
    for command in used:
        short = command.replace(".venv/bin/python -m macros.cli ", "./run ")
        assert command in README or short in README, f"{command} is not in the README"
    assert any(s.get("uses", "").startswith("actions/upload-artifact") for s in steps)
    # The PDF cache survives between runs and the tests share it with the build step.
    cached = [s for s in steps if s.get("uses", "").startswith("actions/cache")]
    assert cached and cached[0]["with"]["path"] == ".cache/pdf"
    test_step = next(s for s in steps if s.get("run") == "./run test")
    assert test_step["env"]["SSP_TEST_PDF_CACHE"] == ".cache/pdf"
    assert "GITHUB_STEP_SUMMARY" in "\n".join(runs)


def test_pre_commit_runs_the_check_and_the_linter_passes():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hooks = [h for repo in config["repos"] for h in repo["hooks"]]
    assert any(h.get("entry") == "./run check" for h in hooks)
    assert any(h["id"] == "yamllint" for h in hooks)
    result = subprocess.run([sys.executable, "-m", "yamllint", "-c", ".yamllint.yml", "data",
                             "tests/fixtures"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_check_warns_when_the_latest_revision_is_over_a_year_old(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    kommune = data / "bjergby" / "kommune.yml"
    kommune.write_text(kommune.read_text(encoding="utf-8").replace(
        'dato: "2026-03-01"', 'dato: "2024-03-01"'), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros.cli", "check", "bjergby", "--data",
                             str(data)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0
    assert "ADVARSEL: seneste revision (2024-03-01" in result.stderr


@BJERGBY
def test_history_page_lists_revisions_and_unreviewed_records(built):
    from html_util import article, soup

    page = article(soup(built.page("historik.md")))
    text = page.get_text(" ")
    assert "Revideret marts 2026" in text and "Første udgave." in text
    stale = {r.id for _k, r in built.book.not_reviewed()}
    assert "ssp-laerer" in stale and "styregruppe" not in stale
    assert "SSP-lærer" in text


@BJERGBY
def test_every_page_shows_the_revision_and_records_show_owner_and_review(built):
    from html_util import article, soup

    pages = sorted(built.site.rglob("*.html"))
    assert pages
    for page in pages:
        if page.name == "404.html":
            continue
        footer = soup(page).find("div", class_="md-copyright")
        assert footer is not None, page
        assert "Revideret marts 2026" in footer.get_text(" "), page
    facts = article(soup(built.page("fora/styregruppe.md"))).get_text(" ")
    assert "Vedligeholdes af" in facts and "2026-03-01" in facts
    assert "Leder af SSP" in facts


def test_the_revision_is_labelled_as_the_data_writes_it():
    from types import SimpleNamespace

    from macros.handbook import Handbook

    for tekst in ("Revideret primo 2022", "Udkast", "Januar 2025"):
        book = SimpleNamespace(revision=SimpleNamespace(tekst=tekst))
        assert Handbook.revision_label.fget(book) == tekst
