"""Every fact in the municipalities' source documents reaches their site.

The source is cut into lines, list items and table cells; each must appear in the text of the
built site, unless tests/source_exceptions/<kommune>.yml says why the site words it
differently. Stale exceptions fail too, so the list only holds what is really reworded.
"""

from __future__ import annotations

import pytest
import yaml

from conftest import DATA
from html_util import article, html_pages, soup
from source_coverage import SOURCE_FILES, SOURCES, missing_fragments, source_fragments


def site_text(site) -> str:
    texts = []
    for page in html_pages(site):
        if page.name == "404.html":
            continue
        body = article(soup(page))  # a shared parse: read without the headings' "¶" links
        texts.append(" ".join(text for text in body.strings
                              if "headerlink" not in text.parent.get("class", ())))
    return "\n".join(texts)


@pytest.mark.parametrize("built", [(DATA, k) for k in sorted(SOURCE_FILES)], indirect=True,
                         ids=sorted(SOURCE_FILES))
def test_every_source_fragment_reaches_the_site(built):
    kommune = built.kommune
    source_path = SOURCES / SOURCE_FILES[kommune]
    assert source_path.exists(), f"kildedokumentet mangler: {source_path}"
    source = source_path.read_text(encoding="utf-8")
    exceptions_file = DATA.parent / "tests" / "source_exceptions" / f"{kommune}.yml"
    exceptions = {e["tekst"]: e["grund"] for e in yaml.safe_load(exceptions_file.read_text())}
    assert all(reason.strip() for reason in exceptions.values())

    missing = missing_fragments(source, site_text(built.site))
    unexplained = [f for f in missing if f not in exceptions]
    stale = [f for f in exceptions if f not in missing]
    assert not unexplained, "kildetekst mangler på siden:\n" + "\n".join(unexplained)
    assert not stale, "undtagelser, som siden nu dækker:\n" + "\n".join(stale)
    assert len(source_fragments(source)) > 300
