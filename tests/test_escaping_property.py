"""Property: whatever an editor types into any text field of any record is shown literally.

Every plain (*navn*, *tekst*) and Markdown field of the invented municipalities gets text
drawn by Hypothesis, weighted towards HTML, template and Markdown syntax, with a marker of its
own; the real build runs (with the PDFs) and the result is read back: no element, attribute,
link or template result came of the text, every plain value is on the site as typed, and
every field's marker is on the site and in the handbook PDF too (no field goes unpublished).
"""

from __future__ import annotations

import re
import shutil

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from conftest import FIXTURE_DATA, mkdocs_build
from html_util import article, html_pages, soup
from macros import glyphs, loading
from macros.fields import CPR_PATTERN, TextKind
from mutations import positions, set_at, write
from pdf_util import pdf_text

NASTY = ["<script>alert(1)</script>", "</title><script>alert(1)</script>",
         "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "{{ 7*7 }}",
         "{% if true %}JA{% endif %}", "{# k #}", "*em*", "**b**", "`c`", "# h", "- l", "1. n",
         "> q", "| t |", "&amp;", "&lt;b&gt;", "\\", "{: .x onclick=y }", "![i](http://e/x.png)",
         "<!-- c -->", "--8<-- 'f'", "æøå ÆØÅ §", "\" onmouseover=\"alert(1)", "' x='"]
# In every plain field, whatever else is drawn: what HTML, attributes, entities, regular
# expressions' replacement strings, printf and format strings and Markdown treat specially.
DENSE = "<b>\"'&amp; \\1 \\g<0> \\A %s %(x)s {0} *x* `x` \\"
# Markdown fields refuse HTML, braces and images; what they allow must still not act.
NASTY_MARKDOWN = ["*em*", "**b**", "`c`", "> q", "& §", "æøå", "[lov](https://example.org/x)",
                  "<https://example.org>", "1. n", "\\*"]
# Characters the PDFs' font can draw (check refuses the others: macros/glyphs.py).
DRAWABLE = st.characters(categories=["L", "N", "P", "S", "Zs"], exclude_characters="[]{}").filter(
    lambda c: ord(c) in glyphs.drawable())
PLAIN = st.lists(st.one_of(st.sampled_from(NASTY), st.text(
    alphabet=DRAWABLE,
    min_size=1, max_size=8)), min_size=1, max_size=3).map(" ".join)
MARKDOWN = st.lists(st.sampled_from(NASTY_MARKDOWN), min_size=1, max_size=3).map(" ".join)


def _norm(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


def _text_fields(raw: loading.RawData):
    """(path, kind of text) of every plain or Markdown text in the data."""
    for path, annotation, value in positions(loading_model(), raw.data):
        marks = getattr(annotation, "__metadata__", ())
        kind = next((m for m in marks if isinstance(m, TextKind)), None)
        if isinstance(value, str) and kind and kind.words in ("navn", "tekst", "Markdown"):
            yield path, kind.words


def loading_model():
    from macros.model import RawHandbook

    return RawHandbook


@pytest.mark.parametrize("kommune", ["aaby", "bjergby"])
@settings(max_examples=1, deadline=None, derandomize=True, phases=[Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_every_text_field_is_shown_literally(kommune, data, tmp_path_factory):
    work = tmp_path_factory.mktemp(f"prop-{kommune}")
    root = work / "data"
    shutil.copytree(FIXTURE_DATA / kommune, root / kommune)
    raw = loading.read_kommune(FIXTURE_DATA, kommune)
    typed: dict[str, str] = {}  # marker → the plain value, shown exactly as typed
    markers: set[str] = set()  # every field's marker, Markdown fields' too
    for n, (path, kind) in enumerate(_text_fields(raw)):
        marker = f"Qz{n}x"
        drawn = data.draw(MARKDOWN if kind == "Markdown" else PLAIN, label=str(path))
        value = f"{marker} {drawn}" if kind == "Markdown" else f"{marker} {DENSE} {drawn}"
        if re.search(CPR_PATTERN, value):  # a CPR-like draw is refused, rightly; not this test
            value = marker
        set_at(raw.data, path, value)
        markers.add(marker)
        if kind != "Markdown":
            typed[marker] = value
    write(raw, raw.data, root / kommune)
    result = mkdocs_build(work / "site", kommune, root, pdf=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    site_text = []
    for page in html_pages(work / "site"):
        doc = soup(page)
        body = article(doc)
        assert body.find(["script", "img", "iframe", "style", "object", "form"]) is None, page
        assert not [el for el in doc.find_all(True) for a in el.attrs if a.startswith("on")]
        assert not doc.find_all(href=re.compile(r"^\s*(javascript|data|vbscript):", re.I))
        site_text.append(_norm(body.get_text(" ")) + " " + _norm(doc.title.get_text()))
    everything = " ".join(site_text)
    missing = [v for v in typed.values() if _norm(v) not in everything]
    assert not missing, missing[:5]
    assert not markers - set(re.findall(r"Qz\d+x", everything))
    pdf = pdf_text(work / "site" / "pdf" / f"{kommune}-ssp-haandbog.pdf")
    in_pdf = set(re.findall(r"Qz\d+x", re.sub(r"\s+", "", pdf)))
    assert not markers - in_pdf, sorted(markers - in_pdf)[:10]
