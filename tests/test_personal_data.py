"""The CPR guard: a table of what it must catch and what it must let through.

The same table is run against the matcher `check` uses (macros/personal_data.py), against the
JSON Schema's pattern in Python (what the tests' jsonschema uses) and in Node (ECMAScript,
what an editor's VS Code uses), so the schema agrees with `check` as far as a regex can.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from bad_data_cases import FIXTURE, run_check, problem_lines
from conftest import DATA, ROOT
from macros import loading, personal_data

MUST_CATCH = [
    "010203-1234",
    "0102031234",
    "010203 1234",
    "Kontakt 311299-4321 i dag",
    # dashes and spaces pasted from Word and case systems
    "010203\u20131234",  # en dash
    "010203\u20141234",  # em dash
    "010203\u22121234",  # minus sign
    "010203\u20111234",  # non-breaking hyphen
    "010203\u20101234",  # hyphen
    "010203\u20121234",  # figure dash
    "010203\u20151234",  # horizontal bar
    "010203\uff0d1234",  # fullwidth hyphen-minus
    "010203\u00a01234",  # no-break space
    "010203\u202f1234",  # narrow no-break space
    "010203\u20091234",  # thin space
    "010203\u20071234",  # figure space
    "010203 - 1234",
    "010203 -1234",
    "010203\u00a0\u2013\u00a01234",
    "０１０２０３－１２３４",  # fullwidth digits (check only; see SCHEMA_ONLY_MISSES)
    # prefixes glued on, and what follows
    "cpr-010203-1234",
    "CPR:0102031234",
    "cpr.nr.010203-1234",
    "nr.010203-1234",
    "CPR-nr.: 010203-1234",
    "(010203-1234)",
    "010203-1234.",
    "010203-1234-notat",
    # inside ids and file names (ids become page addresses)
    "elev-0102031234",
    "elev-010203-1234",
    "sag-010203-1234.yml",
    "0102031234.yml",
    # numbers that do not satisfy modulus 11 are CPR numbers too (issued since 2007)
    "010203-1230",
    "290290-0000",
]

MUST_ALLOW = [
    # phone numbers
    "12 34 56 78",
    "12345678",
    "+45 12345678",
    "+4512345678",
    "+45 12 34 56 78",
    "tlf. 9999 1234",
    # dates
    "01-02-2023",
    "2023-01-02",
    "01.02.2023",
    "1. februar 2023",
    "010223",
    "mødet 010223 kl. 14",
    "2019-2023",
    # case and journal numbers
    "2023-012345",
    "sag 2023-012345",
    "27.03.00-A00-1-23",
    "00.01.00-G01-12-23",
    # paragraphs, years, times, other numbers
    "§ 115, stk. 2",
    "§§ 111-115",
    "lov nr. 1398 af 2024",
    "kl. 08.00-16.00",
    "0800-1600",
    "CVR 12345678",
    "EAN 5798000123456",
    "12345678901",  # eleven digits: not a CPR number
    "0102031234567",  # part of a longer number
    "4102031234",  # day 41
    "0113031234",  # month 13
    "0002031234",  # day 00
    "010203-12345",
    "1010203-1234",
]

# A regular expression cannot map digits in other scripts to 0-9; `check` does.
SCHEMA_ONLY_MISSES = {"０１０２０３－１２３４"}


@pytest.mark.parametrize("text", MUST_CATCH)
def test_the_guard_catches(text):
    assert personal_data.looks_like_cpr(text)


@pytest.mark.parametrize("text", MUST_ALLOW)
def test_the_guard_allows(text):
    assert not personal_data.looks_like_cpr(text)


def test_the_schema_pattern_agrees_in_python():
    pattern = re.compile(personal_data.SCHEMA_PATTERN)
    assert [t for t in MUST_CATCH if not pattern.search(t)] == sorted(SCHEMA_ONLY_MISSES)
    assert [t for t in MUST_ALLOW if pattern.search(t)] == []


def test_the_schema_pattern_agrees_in_ecmascript():
    """VS Code's YAML extension evaluates the schema's pattern as a JavaScript RegExp."""
    patterns = set()
    for path in (ROOT / "schema").glob("*.schema.json"):
        _collect_not_patterns(json.loads(path.read_text(encoding="utf-8")), patterns)
    assert patterns == {personal_data.SCHEMA_PATTERN}
    pattern = personal_data.SCHEMA_PATTERN
    script = ("const [p, texts] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "for (const flags of ['', 'u']) { const r = new RegExp(p, flags);"
              "console.log(JSON.stringify(texts.map(t => r.test(t)))); }")
    node = shutil.which("node")
    assert node, "Node.js is installed by ./run test (for axe-core)"
    texts = MUST_CATCH + MUST_ALLOW
    out = subprocess.run([node, "-e", script], input=json.dumps([pattern, texts]),
                         capture_output=True, text=True, check=True).stdout.splitlines()
    for line in out:
        found = dict(zip(texts, json.loads(line)))
        assert [t for t in MUST_CATCH if not found[t]] == sorted(SCHEMA_ONLY_MISSES)
        assert [t for t in MUST_ALLOW if found[t]] == []


def _collect_not_patterns(node, found: set) -> None:
    if isinstance(node, dict):
        if isinstance(node.get("not"), dict) and "pattern" in node["not"]:
            found.add(node["not"]["pattern"])
        for value in node.values():
            _collect_not_patterns(value, found)
    elif isinstance(node, list):
        for value in node:
            _collect_not_patterns(value, found)


def test_masking_keeps_the_shape_but_not_the_digits():
    assert personal_data.mask("ring 010203\u20131234 nu") == "ring XXXXXX\u2013XXXX nu"
    assert personal_data.mask("CPR:0102031234.yml") == "CPR:XXXXXXXXXX.yml"
    assert personal_data.mask("12 34 56 78") == "12 34 56 78"


def test_no_message_ever_prints_a_cpr_number(tmp_path):
    """Output of `check` may end in CI logs: the number is masked even where a message quotes
    the value or the file name."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    roller = data / "bjergby" / "roller"
    text = (roller / "ssp-leder.yml").read_text(encoding="utf-8")
    (roller / "0102031234.yml").write_text(text.replace("id: ssp-leder", "id: x-010203-1234"),
                                           encoding="utf-8")
    result = run_check({}, data)
    lines = problem_lines(result.stderr)
    assert any("filnavnet ligner et CPR-nummer" in line for line in lines), lines
    assert "1234" not in result.stderr and "010203" not in result.stderr, result.stderr


@pytest.mark.parametrize("kommune", loading.available_kommuner(DATA))
def test_the_real_data_has_no_false_alarm(kommune):
    raw = loading.read_kommune(DATA, kommune)
    assert personal_data.problems(raw) == []
