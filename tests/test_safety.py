"""Data text is shown literally: HTML, Markdown link tricks and template syntax never act."""

from __future__ import annotations

import re
import shutil

import yaml

from conftest import ROOT, mkdocs_build
from html_util import article, soup
from pdf_util import pdf_pages, pdf_text
from macros import pages
from macros.links import page_url

NASTY = '<script>alert(1)</script> <img src=x onerror=alert(2)> [klik](javascript:alert(3)) ' \
        '{{ 7*7 }} {% if true %}JA{% endif %} *ikke kursiv* & § 115'


def _edit(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_text_fields_are_shown_as_typed(fixture_copy, tmp_path):
    folder = fixture_copy / "bjergby"
    _edit(folder / "fora" / "styregruppe.yml", lambda d: d.update(navn=NASTY))
    _edit(folder / "roller" / "ssp-leder.yml",
          lambda d: d["afsnit"][0].update(punkter=[NASTY, "Anden opgave"]))
    site = tmp_path / "site"
    result = mkdocs_build(site, "bjergby", fixture_copy, pdf=True)
    assert result.returncode == 0, result.stdout + result.stderr

    text = re.sub(r"\s+", " ", pdf_text(site / "pdf" / "bjergby-ssp-haandbog.pdf"))
    for typed in ("<script>alert(1)</script>", "{{ 7*7 }}", "[klik](javascript:alert(3))",
                  "*ikke kursiv*"):
        assert typed in text, typed

    for src in (pages.path("forum", "styregruppe"), pages.path("rolle", "ssp-leder"),
                pages.path("rolle", "ssp-laerer"), pages.path("fora")):
        html_file = site / page_url(src) / "index.html"
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

    # A failure found only after the pages are written: `check` refuses every broken link in
    # the data, so the broken link is in a hand-written page of a copy of the project.
    forum.write_text(good, encoding="utf-8")
    project = tmp_path / "project"
    for folder in ("macros", "docs", "overrides", "pdf-templates"):
        shutil.copytree(ROOT / folder, project / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "data").mkdir()  # mkdocs.yml watches it; the data is fixture_copy
    (project / "docs" / "ekstra.md").write_text("# Ekstra\n\nSe [siden](findes-ikke.md).\n",
                                                encoding="utf-8")
    result = mkdocs_build(site, "bjergby", fixture_copy, pdf=False,
                          config=project / "mkdocs.yml", cwd=project)
    assert result.returncode != 0 and "findes-ikke.md" in result.stdout + result.stderr
    assert _tree(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]


def test_a_title_with_quotes_stays_inside_its_attributes(fixture_copy, tmp_path):
    """A title that would end an attribute ('" onmouseover=...') is text in every place the
    theme puts it: <title>, the logo's aria-label and tooltip, the navigation, the PDF."""
    title = 'SSP "i" Bjergby\' onmouseover="alert(1)" x=" & <b>'
    name = 'Styre"gruppe\' onfocus="alert(2)" & co'
    folder = fixture_copy / "bjergby"
    _edit(folder / "kommune.yml", lambda d: d.update(titel=title))
    _edit(folder / "fora" / "styregruppe.yml", lambda d: d.update(navn=name))
    site = tmp_path / "site"
    result = mkdocs_build(site, "bjergby", fixture_copy, pdf=True)
    assert result.returncode == 0, result.stdout + result.stderr
    for html_file in (site / "index.html", site / page_url(pages.path("forum", "styregruppe"))
                      / "index.html"):
        page = soup(html_file)
        handlers = [(el.name, a) for el in page.find_all(True) for a in el.attrs
                    if a.startswith("on")]
        assert not handlers, handlers
        logo = page.select_one("a.md-logo")
        assert logo["aria-label"] == title and logo["title"] == title
        assert page.title.get_text().endswith(title)
    # navigation.prune: the forum's own page carries its section's part of the menu
    forum_page = site / page_url(pages.path("forum", "styregruppe")) / "index.html"
    nav = [a.get_text(" ", strip=True) for a in soup(forum_page).select("nav a")]
    assert name in nav
    cover = re.sub(r"\s+", " ", pdf_pages(site / "pdf" / "bjergby-ssp-haandbog.pdf")[0])
    assert re.sub(r"\s+", " ", title) in cover
