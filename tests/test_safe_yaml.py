"""Hostile YAML is refused with one Danish line, before anything is built from it.

The bad-data corpus (tests/bad_data/) holds one case per kind of mistake with its exact
message; these tests cover what a case file cannot hold (inputs of many kilobytes, every
code point of a character class) and the promise that no PyYAML message reaches an editor.
Build times belong in scripts/benchmark.py: the alias bomb and the deep nesting are refused
at their first line by construction (nothing is expanded or recursed into), which is what is
asserted here.
"""

from __future__ import annotations

import shutil
import sys
import unicodedata

import pytest
import yaml

from bad_data_cases import FIXTURE, apply_case, load_case, problem_lines, run_check
from conftest import ROOT, mkdocs_build
from macros import loading, safe_yaml
from macros.errors import Problem

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [{', '.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi"))


def _read(tmp_path, relative: str, content: bytes | str) -> list[Problem]:
    """The problems `check` finds when one file of the invented municipality is replaced."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    path = data / "bjergby" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return loading.read_kommune(data, "bjergby").problems


def test_an_alias_bomb_is_refused_at_its_first_anchor(tmp_path):
    problems = _read(tmp_path, "fora/bombe.yml", BOMB)
    assert [str(p) for p in problems] == [
        "data/bjergby/fora/bombe.yml:1:4: YAML-fejl: '&a' er et YAML-anker, som ikke er tilladt "
        "i linjen «a: &a [x, x, x, x, x, x, x, x, x]» (forventet: værdien skrevet ud hvert sted; "
        "sæt teksten i anførselstegn, hvis den skal begynde med '&')"]


def test_an_alias_bomb_does_not_reach_the_composer():
    """The refusal comes while composing: PyYAML never builds the 9^9 values."""
    with pytest.raises(safe_yaml.Refusal) as refused:
        safe_yaml.compose(BOMB)
    assert refused.value.line == 1 and "YAML-anker" in refused.value.message


@pytest.mark.parametrize("text", [
    "a: " + "[" * 10_000 + "]" * 10_000,
    "a: " + "{a: " * 10_000 + "1" + "}" * 10_000,
    "a:\n  " + "- " * 10_000 + "x\n",
    "- " * 10_000 + "x\n",
    "[" * (safe_yaml.MAX_BYTES - 1),
], ids=["flow-lists", "flow-sections", "block-lists", "block-lists-at-root", "flow-lists-1-mb"])
def test_ten_thousand_levels_are_refused_at_the_limit(tmp_path, text):
    limit = sys.getrecursionlimit()
    problems = _read(tmp_path, "fora/dyb.yml", text)
    assert sys.getrecursionlimit() == limit
    assert len(problems) == 1, problems
    assert problems[0].message.startswith(
        f"YAML-fejl: lister og afsnit står mere end {safe_yaml.MAX_DEPTH} niveauer inde i "
        "hinanden")
    assert problems[0].line in (1, 2)


def test_the_real_data_stays_well_inside_the_depth_limit():
    def depth(node) -> int:
        children = [v for pair in node.value for v in pair] if isinstance(
            node, yaml.MappingNode) else node.value if isinstance(node, yaml.SequenceNode) else []
        return 1 + max((depth(c) for c in children), default=0)

    deepest = max(depth(safe_yaml.compose(p.read_text(encoding="utf-8")))
                  for p in (ROOT / "data").rglob("*.yml"))
    assert deepest <= safe_yaml.MAX_DEPTH - 5


def test_a_file_over_the_size_limit_is_refused_without_parsing(tmp_path):
    problems = _read(tmp_path, "love.yml", "- id: x\n" + "# fyld\n" * 100_000)
    assert [str(p) for p in problems] == [
        "data/bjergby/love.yml: filen er for stor (700 kB) (forventet: højst 500 kB) — del "
        "indholdet op eller fjern det, der ikke hører til"]


@pytest.mark.parametrize("text", [
    "- x\n" * 20_000,
    "a: [" + "x, " * 20_000 + "x]\n",
    "".join(f"k{i}: v\n" for i in range(20_000)),
], ids=["block-list", "flow-list", "keys"])
def test_a_file_with_too_many_values_is_refused_part_way(tmp_path, text):
    """Pure-Python PyYAML needs seconds for a few hundred kilobytes of tiny values; the
    loader stops counting at MAX_NODES (the largest real file has about 400)."""
    problems = _read(tmp_path, "enheder.yml", text)
    assert len(problems) == 1, problems
    assert problems[0].message.startswith(
        f"YAML-fejl: filen har mere end {safe_yaml.MAX_NODES} værdier")
    assert problems[0].line <= safe_yaml.MAX_NODES


def test_a_byte_order_mark_and_windows_line_ends_are_fine(tmp_path):
    text = (FIXTURE / "bjergby" / "fora" / "styregruppe.yml").read_text(encoding="utf-8")
    bad = text.replace("navn: SSP-styregruppe", "navn: SSP\u202estyregruppe")
    content = b"\xef\xbb\xbf" + bad.replace("\n", "\r\n").encode("utf-8")
    problems = _read(tmp_path, "fora/styregruppe.yml", content)
    line = text.splitlines().index("navn: SSP-styregruppe") + 1
    assert [(p.line, p.column) for p in problems] == [(line, 10)]  # as for the file in UTF-8
    content = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    assert _read(tmp_path / "2", "fora/styregruppe.yml", content) == []


def test_every_invisible_or_control_character_python_knows_is_refused():
    """The class in safe_yaml is written out as ranges; prove it covers every code point of
    the categories it stands for, in the Unicode version of this Python."""
    missed = [f"U+{code:04X}" for code in range(sys.maxunicode + 1)
              if unicodedata.category(chr(code)) in {"Cc", "Cf", "Co", "Zl", "Zp"}
              and chr(code) not in "\t\n\r" and not safe_yaml._HAZARD.match(chr(code))]
    assert missed == []


@pytest.mark.parametrize("text", ["Sø-æble å", "§ 115, stk. 2", "a\u00a0b", "2019\u20132023",
                                  "SSP — skole", "“citat” «citat»", "🙂 👍🏽", "é (e\u0301)",
                                  "tab\tind", "€ 10", "½ time"])
def test_ordinary_text_is_not_a_hazard(text):
    assert safe_yaml.hazards(text) == []


BROKEN_YAML = [
    "a: b: c", "a:\n  b\n c: d", "- a\nb: c", "a: [b, c", "a: {b: c", "a: 'b", 'a: "b',
    'a: "b\\q"', 'a: "\\x4"', "a: |0\n x", "a: |x\n x", "a: >-+\n x", "%YAML 1.1\n%YAML 1.1\n---\na",
    "%FOO bar\na: b", "%YAML 2.0\n---\na: b", "%TAG ! !a\n%TAG ! !b\n---\na: b",
    "a: !<foo b", "a: !a!b c", "a: &", "a: *", "a: @b", "a: `b", "? a\n? b\n- c", "a:\n\t- b",
    "a: b\n---\nc: d", "a:\n  - b\n - c", "- a\n- b\n  c: d", "[a]: [", "a: b\n...\nc", "{a: b}}",
    "a: 'b'c", "a:\n  - b\n  c: d", "&a a: b\n*a : c", "!!str &a\n- b",
]


@pytest.mark.parametrize("text", BROKEN_YAML)
def test_no_pyyaml_message_reaches_an_editor(text):
    """Whatever is wrong, the message is PyYAML's problem in Danish, never its own words."""
    with pytest.raises(safe_yaml.Refusal) as refused:
        safe_yaml.compose(text)
    message = refused.value.message + refused.value.expected
    assert "ugyldig YAML-syntaks" not in message, "a PyYAML message without a Danish wording"
    for english in ("expected", "found", "while", "scanning", "parsing", "could not",
                    "mapping", "sequence", "document", "character", "unacceptable"):
        assert english not in message.lower(), message


def test_a_forum_file_of_only_dashes_stops_the_build_with_the_same_message(tmp_path):
    case = load_case(ROOT / "tests" / "bad_data" / "tom-fil-kun-streger")
    apply_case(case, tmp_path / "data")
    assert problem_lines(run_check(case, tmp_path / "data").stderr) == case["fejl"]
    result = mkdocs_build(tmp_path / "site", "bjergby", tmp_path / "data", pdf=False)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert case["fejl"][0] in output
    assert "Traceback" not in output and "KeyError" not in output
    assert not (tmp_path / "site").exists()
