"""Property: whatever text an editor types into a text field is shown literally.

Hypothesis feeds arbitrary strings, weighted towards HTML, Jinja and Markdown syntax, into a
forum's name and a participant's wording, runs the real build and checks the built HTML:
the text is there as typed, and no element, attribute, link or template result came of it.
"""

from __future__ import annotations

import re
import shutil

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import FIXTURE_DATA, mkdocs_build
from html_util import article, soup
from macros.model import CPR_PATTERN

NASTY = ["<script>alert(1)</script>", "</title><script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
         "{{ 7*7 }}", "{% if true %}JA{% endif %}", "{# k #}", "*em*", "**b**", "`c`", "# h",
         "- l", "1. n", "> q", "| t |", "&amp;", "&lt;b&gt;", "\\", "{: .x onclick=y }",
         "![i](http://e/x.png)", "<!-- c -->", "--8<-- 'f'", "æøå ÆØÅ §", "[[rolle:ssp-leder]]"]
TEXT = st.lists(st.one_of(st.sampled_from(NASTY),
                          st.text(alphabet=st.characters(categories=["L", "N", "P", "S", "Zs"]),
                                  min_size=1, max_size=12)),
                min_size=1, max_size=5).map(" ".join)


def _norm(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=TEXT, wording=TEXT)
def test_any_text_is_shown_literally(name, wording, tmp_path_factory):
    assume(_norm(name) and _norm(wording))
    assume(not re.search(CPR_PATTERN, name + " " + wording))
    work = tmp_path_factory.mktemp("prop")
    data = work / "data"
    shutil.copytree(FIXTURE_DATA, data)
    path = data / "bjergby" / "fora" / "styregruppe.yml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["navn"] = name
    record["deltagere"][0]["betegnelse"] = wording
    path.write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")

    result = mkdocs_build(work / "site", "bjergby", data, pdf=False)
    assert result.returncode == 0, result.stdout + result.stderr

    page = soup(work / "site" / "fora" / "styregruppe" / "index.html")
    body = article(page)
    # Only the page's own six scripts (Material's five and javascripts/ssp.js), none of the
    # injected ones (they all call alert).
    scripts = page.find_all("script")
    assert len(scripts) == 6 and not [s for s in scripts if "alert" in s.get_text()]
    assert body.find(["script", "img", "iframe", "style"]) is None
    assert not [el for el in page.find_all(True) for attr in el.attrs if attr.startswith("on")]
    assert not page.find_all("a", href=re.compile(r"^\s*javascript", re.I))
    text = _norm(body.get_text(" "))
    assert _norm(name) in text and _norm(wording) in text
    if "{{ 7*7 }}" not in name + wording:
        assert "49" not in text
    titles = page.find_all("title")
    assert len(titles) == 1 and _norm(name) in _norm(titles[0].get_text())
