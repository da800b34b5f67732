"""macros/pdf_plugin.py: how mkdocs-to-pdf is fed the handbook's pages."""

from __future__ import annotations

import pytest
from mkdocs_to_pdf import generator

from macros import pdf_plugin


def test_articles_are_kept_not_copied_while_a_page_is_collected_and_only_then():
    clone = generator.clone_element
    article = object()
    with pdf_plugin._articles_kept_not_copied():
        assert generator.clone_element(article) is article
    assert generator.clone_element is clone
    with pytest.raises(ValueError), pdf_plugin._articles_kept_not_copied():
        raise ValueError
    assert generator.clone_element is clone


def test_the_plugin_is_given_the_article_and_the_first_pages_head():
    page = ("<!doctype html><html><head><title>T</title></head><body><nav>menu</nav>"
            "<article class='md-content__inner'><h1>Forum</h1></article><footer/></body></html>")
    assert pdf_plugin._article_only(page, with_head=True) == (
        "<!doctype html><html><head><title>T</title></head><body>"
        "<article class='md-content__inner'><h1>Forum</h1></article></body></html>")
    assert "<title>" not in pdf_plugin._article_only(page, with_head=False)
    assert pdf_plugin._article_only("<p>no article</p>", with_head=True) == "<p>no article</p>"
