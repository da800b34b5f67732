"""The change report, on small git repositories made by the tests from the invented
municipality: each kind of change reported once and in the handbook's words, a pure
reformatting reports nothing, and a kept id with a new name is a rename."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import yaml

from conftest import FIXTURE_DATA
from macros import changes


def git(repo, *args):
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.org",
                        "PATH": "/usr/bin:/bin"})


@pytest.fixture
def repo(tmp_path):
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "base")
    return tmp_path


def edit(repo, relative, change):
    path = repo / "data" / "bjergby" / relative
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data = change(data) or data
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, indent=4),
                    encoding="utf-8")


def report_lines(repo) -> list[str]:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "change")
    text = changes.report(repo, "HEAD~1", "HEAD")
    return [line[2:] for line in text.splitlines() if line.startswith("- ")]


def test_reformatting_and_moving_blocks_report_nothing(repo):
    def reorder(data):
        return dict(reversed(list(data.items())))  # other key order, other indentation
    edit(repo, "fora/styregruppe.yml", reorder)
    edit(repo, "roller/ssp-leder.yml", reorder)
    assert report_lines(repo) == []
    assert "Ingen ændringer" in changes.report(repo, "HEAD~1", "HEAD")


def test_a_kept_id_with_a_new_name_is_a_rename(repo):
    edit(repo, "fora/styregruppe.yml", lambda d: d.update(navn="Styregruppen for SSP"))
    assert report_lines(repo) == [
        "Forum omdøbt: **SSP-styregruppe** hedder nu **Styregruppen for SSP**"]


def test_participants_added_and_removed(repo):
    def change(d):
        d["deltagere"] = [p for p in d["deltagere"] if p["rolle"] != "ssp-laerer"]
    edit(repo, "fora/styregruppe.yml", change)
    assert report_lines(repo) == ["SSP-styregruppe: deltageren SSP-lærer er fjernet"]


def test_frequency_and_duration(repo):
    edit(repo, "fora/styregruppe.yml", lambda d: d.update(
        hyppighed={"tekst": "Hver anden uge", "interval_dage": 14, "varighed_minutter": 60}))
    assert report_lines(repo) == [
        "SSP-styregruppe: mødefrekvens ændret fra «4 gange årligt» (4 pr. år, 120 min.) "
        "til «Hver anden uge» (hver 14. dag, 60 min.)"]


def test_chair_and_responsibility(repo):
    def change(d):
        d["deltagere"][0]["funktion"] = []
        d["deltagere"][1]["funktion"] = ["formand"]
    edit(repo, "fora/styregruppe.yml", change)
    assert report_lines(repo) == [
        "SSP-styregruppe: SSP-lærer er nu formand (før: ingen særlig funktion)",
        "SSP-styregruppe: Leder af SSP er nu ansvarlig for dagsorden, ansvarlig for "
        "indkaldelse, ansvarlig for referat (før: formand, ansvarlig for dagsorden, ansvarlig "
        "for indkaldelse, ansvarlig for referat)"]


def test_tasks_added_removed_and_reworded(repo):
    def change(d):
        d["afsnit"][0]["punkter"] = ["Leder styregruppen og SSP-netværket",
                                     "Holder temadage for lærere"]
    edit(repo, "roller/ssp-leder.yml", change)
    assert report_lines(repo) == [
        "Leder af SSP: opgave omformuleret: «Leder styregruppen» → "
        "«Leder styregruppen og SSP-netværket»",
        "Leder af SSP: ny opgave: «Holder temadage for lærere»",
        "Leder af SSP: opgave fjernet: «Skriver referat»"]


def test_legal_reference_and_appendix_numbers(repo):
    edit(repo, "fora/styregruppe.yml", lambda d: d.update(
        lovgrundlag=[{"lov": "retsplejeloven", "paragraf": "§ 114"}]))

    def swap(items):
        items[0]["nummer"], items[1]["nummer"] = 2, 1
        return [items[1], items[0]]
    edit(repo, "bilag.yml", swap)
    assert report_lines(repo) == [
        "SSP-styregruppe: nyt lovgrundlag retsplejeloven § 114",
        "SSP-styregruppe: lovgrundlag fjernet retsplejeloven § 115",
        "Bilaget **Ledelse og fora** har nu nummer 2 (før 1)",
        "Bilaget **Skoler og distrikter** har nu nummer 1 (før 2)"]


def test_forum_and_role_added_and_removed(repo):
    folder = repo / "data" / "bjergby"
    text = (folder / "fora" / "styregruppe.yml").read_text(encoding="utf-8")
    (folder / "fora" / "netvaerk.yml").write_text(
        text.replace("id: styregruppe", "id: netvaerk").replace("navn: SSP-styregruppe",
                                                                "navn: SSP-netværk"),
        encoding="utf-8")
    assert report_lines(repo) == ["Nyt forum: **SSP-netværk**"]
    (folder / "fora" / "netvaerk.yml").unlink()
    assert report_lines(repo) == ["Forum fjernet: **SSP-netværk**"]


def test_a_new_revision_is_reported_with_its_summary(repo):
    def change(d):
        d["revisioner"].append({"dato": "2027-02-01", "tekst": "Revideret februar 2027",
                                "godkendt_af": "SSP-styregruppen", "resume": "Årlig revision."})
    edit(repo, "kommune.yml", change)
    assert report_lines(repo) == [
        "Ny revision 2027-02-01: Revideret februar 2027 — Årlig revision."]
