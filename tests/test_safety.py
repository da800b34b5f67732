"""Data text is shown literally: HTML, Markdown link tricks and template syntax never act."""

from __future__ import annotations

import re

import yaml
from pypdf import PdfReader

from conftest import mkdocs_build
from html_util import article, soup
from macros import pages

NASTY = '<script>alert(1)</script> <img src=x onerror=alert(2)> [klik](javascript:alert(3)) ' \
        '{{ 7*7 }} {% if true %}JA{% endif %} *ikke kursiv* & § 115'


def _edit(path, change):
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0]
    data = yaml.safe_load("\n".join(lines[1:]))
    change(data)
    path.write_text(header + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")


def test_text_fields_are_shown_as_typed(fixture_copy, tmp_path):
    folder = fixture_copy / "bjergby"
    _edit(folder / "fora" / "styregruppe.yml", lambda d: d.update(navn=NASTY))
    _edit(folder / "roller" / "ssp-leder.yml",
          lambda d: d["afsnit"][0].update(punkter=[NASTY, "Anden opgave"]))
    site = tmp_path / "site"
    result = mkdocs_build(site, "bjergby", fixture_copy, pdf=True)
    assert result.returncode == 0, result.stdout + result.stderr

    pdf_text = re.sub(r"\s+", " ", " ".join(
        p.extract_text() for p in PdfReader(site / "pdf" / "bjergby-ssp-haandbog.pdf").pages))
    for typed in ("<script>alert(1)</script>", "{{ 7*7 }}", "[klik](javascript:alert(3))",
                  "*ikke kursiv*"):
        assert typed in pdf_text, typed

    for src in (pages.path("forum", "styregruppe"), pages.path("rolle", "ssp-leder"),
                pages.path("rolle", "ssp-laerer"), pages.path("fora")):
        stem = src[:-3]
        html_file = site / (stem[:-5] if stem.endswith("index") else stem + "/") / "index.html"
        page = soup(html_file)
        body = article(page)
        assert body.find("script") is None
        assert body.find("img") is None
        assert not body.find_all("a", href=re.compile("^javascript", re.I))
        assert not body.find_all("em", string="ikke kursiv")
        text = body.get_text(" ")
        assert "49" not in text
        assert "{% if true %}JA{% endif %}" in text and "{{ 7*7 }}" in text and "<script>alert(1)</script>" in text
        assert "[klik](javascript:alert(3))" in text
    # The forum's own page lists it in the navigation (pages carry only their part of it).
    nav = soup(site / "fora" / "styregruppe" / "index.html").select_one("nav.md-nav--primary")
    assert nav.find("script") is None and "<script>alert(1)</script>" in nav.get_text(" ")


def _tree(folder):
    import hashlib

    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_failing_build_leaves_the_last_good_site_untouched(fixture_copy, tmp_path):
    """Good build, then two bad ones (bad data; a broken link found only after the pages are
    written): the site folder stays byte for byte the same, with no staging left behind."""
    site = tmp_path / "out" / "site"
    assert mkdocs_build(site, "bjergby", fixture_copy, pdf=True).returncode == 0
    before = _tree(site)
    assert any(name.endswith(".pdf") for name in before)
    forum = fixture_copy / "bjergby" / "fora" / "styregruppe.yml"
    good = forum.read_text(encoding="utf-8")

    forum.write_text(good.replace("pr_aar: 4", "pr_aar: 0"), encoding="utf-8")
    result = mkdocs_build(site, "bjergby", fixture_copy, pdf=True)
    assert result.returncode != 0 and "'pr_aar' er for lille: 0" in result.stdout + result.stderr
    assert _tree(site) == before

    forum.write_text(good.replace("formaal: Styrer SSP-samarbejdet.",
                                  "formaal: Se [siden](findes-ikke.md)."), encoding="utf-8")
    result = mkdocs_build(site, "bjergby", fixture_copy, pdf=False)
    assert result.returncode != 0 and "findes-ikke.md" in result.stdout + result.stderr
    assert _tree(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]
