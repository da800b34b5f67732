"""Table widths measured with each line break asked once per drawing (macros/line_widths.py):
the PDF is byte for byte the same, and the two things the memo relies on hold for the
installed WeasyPrint."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import weasyprint
from weasyprint.layout import preferred

from macros import line_widths
from macros.line_widths import STYLE_PROPERTIES, Memo
from macros.pdf_cache import Drawing

WEASYPRINT = Path(weasyprint.__file__).parent

# The same words in tables that differ from the first in one style property (or the language)
# each, every table as narrow as its cell's min-content width or as wide as its max-content
# width: a key that left out a property would hand one cell the width measured for another,
# and its borders would move.
WORDS = ["Kriminalpræventive medarbejdere", "organisationsdiagrammet", "ikke oplyst",
         "Skole\tSocial  og  Politi", "0"]
STYLES = ["", "font-size: 11pt", "font-weight: bold", "font-style: italic",
          "letter-spacing: 1.5pt", "word-spacing: 6pt", "font-variant: small-caps",
          "font-family: 'DejaVu Sans Mono'", "white-space: pre", "white-space: pre; tab-size: 12",
          "white-space: pre-wrap", "hyphens: manual", "hyphenate-limit-chars: 6 2 2",
          "hyphenate-character: '=='", "word-break: break-all", "overflow-wrap: anywhere",
          "font-stretch: condensed", "font-kerning: none", "font-feature-settings: 'smcp'",
          "font-variant-numeric: oldstyle-nums", "font-variant-position: super",
          "font-variant-ligatures: none", "direction: rtl", "hyphenate-limit-zone: 50%"]
CELLS = [f'<td lang="da" style="{style}">' for style in STYLES] + ['<td lang="en">']


def _html() -> str:
    tables = "".join(f'<table class="{fit}"><tr>{cell}{word}</td></tr></table>'
                     for cell in CELLS for word in WORDS for fit in ("min", "max"))
    return ('<html lang="da"><head><title>T</title><style>'
            "@page { size: A4 } td { border: 0.5pt solid; hyphens: auto; font-size: 8pt }"
            "table { margin: 0; border-collapse: collapse } table.min { width: 1px }"
            "</style></head><body>" + tables + "</body></html>")


def _draw(path: Path) -> Memo:
    with Drawing() as drawing:
        document = weasyprint.HTML(string=_html(), url_fetcher=drawing.fetcher).render()
        document.write_pdf(path, pdf_tags=True)
        return drawing._memo


def test_the_pdf_is_the_same_with_and_without_the_memo(tmp_path, monkeypatch):
    memo = _draw(tmp_path / "memo.pdf")
    assert memo.asked > 2 * memo.answered > 0  # the second table was answered from memory
    assert preferred.split_first_line.__name__ == "split_first_line"  # put back
    monkeypatch.setattr(line_widths.Memo, "__enter__", lambda self: self)
    monkeypatch.setattr(line_widths.Memo, "__exit__", lambda self, *exc: None)
    assert _draw(tmp_path / "plain.pdf").asked == 0
    assert (tmp_path / "memo.pdf").read_bytes() == (tmp_path / "plain.pdf").read_bytes()


def test_the_key_has_every_style_property_line_breaking_reads():
    """What split_first_line reads of a style, in the installed WeasyPrint's own source."""
    read = set()
    for name in ("text/line_break.py", "text/fonts.py"):
        source = (WEASYPRINT / name).read_text(encoding="utf-8")
        read |= set(re.findall(r"style\[['\"](\w+)['\"]\]", source))
        assert not re.search(r"style\.get\(", source), name  # would escape the pattern above
    assert read == set(STYLE_PROPERTIES)


def test_width_calculation_uses_only_the_break_and_the_width():
    """The memo answers with (None, None, resume index, width, None, None): every call of the
    module-level split_first_line in layout/preferred.py unpacks just those two."""
    tree = ast.parse((WEASYPRINT / "layout" / "preferred.py").read_text(encoding="utf-8"))
    calls = 0
    for function in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
        local = any(isinstance(n, ast.ImportFrom) and any(
            alias.name == "split_first_line" for alias in n.names) for n in ast.walk(function))
        for node in ast.walk(function):
            if isinstance(node, ast.Name) and node.id == "split_first_line" and not local:
                calls += 1
                assigned = [a for a in ast.walk(function) if isinstance(a, ast.Assign)
                            and isinstance(a.value, ast.Call) and a.value.func is node]
                assert len(assigned) == 1, f"{function.name}: split_first_line used otherwise"
                names = [getattr(t, "id", None) for t in assigned[0].targets[0].elts]
                assert len(names) == 6 and names[:2] == names[4:] == ["_", "_"], names
                assert "_" not in names[2:4], names
    assert calls >= 1


@pytest.mark.parametrize("nested", [False, True])
def test_the_memo_puts_weasyprint_back(nested):
    original = preferred.split_first_line
    with Memo() as outer:
        if nested:
            with Memo():
                pass
            assert preferred.split_first_line is not original
    assert preferred.split_first_line is original
    assert not outer._answers  # forgotten when the drawing ends
