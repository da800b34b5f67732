"""The judge of what may be published (macros/safety.py), called on its own: links as a browser
reads them, elements and attributes a page of ours never has."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from macros import safety

REFUSED_URLS = ["javascript:alert(1)", " JavaScript:alert(1)", "\x0ejavascript:alert(1)",
                "java\nscript:alert(1)", "java\tscript:x", "\x00javascript:x", "data:text/html,x",
                "vbscript:x", "JAVASCRIPT:x", "file:///etc/passwd", "blob:x", "ftp://x"]
ALLOWED_URLS = ["https://www.retsinformation.dk/x", "http://x.dk", "mailto:ssp@x.dk",
                "tel:+4512345678", "HTTPS://X.DK"]


@pytest.mark.parametrize("url", REFUSED_URLS)
def test_links_that_run_code_or_load_from_elsewhere_are_refused(url):
    assert safety.url_problem(url)


@pytest.mark.parametrize("url", ALLOWED_URLS)
def test_web_mail_and_phone_links_are_allowed(url):
    assert safety.url_problem(url, relative_ok=False) is None


def test_relative_links_are_ours_on_pages_but_not_an_editors_in_markdown():
    assert safety.url_problem("../fora/x/") is None and safety.url_problem("#x") is None
    assert safety.url_problem("../fora/x/", relative_ok=False)


@pytest.mark.parametrize("html", [
    '<a href="&#106;avascript:alert(1)">x</a>', '<a href="java&#x0A;script:alert(1)">x</a>',
    '<a href="&Tab;javascript:alert(1)">x</a>', '<img src="x" onerror="alert(1)">',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<span style="background:url(javascript:x)">x</span>', '<div onclick="alert(1)">x</div>',
    "<iframe src='https://x'></iframe>", '<form action="https://x"><input></form>',
    "<script>alert(1)</script>", '<p><a href="data:text/html;base64,PHN2Zz4=">x</a></p>',
    '<svg><g onload="alert(1)"></g></svg>', "<style>*{}</style>", '<object data="x"></object>',
])
def test_hostile_html_is_named(html):
    assert safety.html_problems(html)


def test_our_own_html_passes():
    ours = ('<figure class="ssp-figur"><div class="ssp-figur-tegning"><svg class="ssp-diagram" '
            'width="10" height="10" viewBox="0 0 1 1"><g id="forum-x" class="node"><a href="../x/"'
            ' xlink:title="X" target="_top"><path fill="#fff" d="M0,0"/><text x="1">X</text>'
            '</a></g></svg></div><ul class="ssp-forklaring"><li><span class="ssp-sektor" '
            'style="background:#cfe2ff">Skole</span></li></ul></figure><table><tr><td>'
            '<span class="ssp-bjaelke-fyld" style="width:12.5%"></span></td></tr></table>'
            '<a class="md-button" href="../pdf/x.pdf" download>PDF</a>'
            '<a href="https://x.dk">x</a><h2 id="a">A<a class="headerlink" href="#a">¶</a></h2>')
    assert safety.html_problems(ours) == []


def test_markdown_is_judged_as_rendered():
    assert safety.markdown_problems("Se [her][v].\n\n[v]: javascript:alert(1)")
    assert safety.markdown_problems("> Se [her][v].\n>\n> [v]: javascript:alert(1)")
    assert safety.markdown_problems("[x](java\nscript:alert(1))")
    assert safety.markdown_problems("*fed* og [lov](https://www.retsinformation.dk)") == ()


def test_the_judge_renders_markdown_with_the_sites_extensions():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = config[config.index("markdown_extensions:"):config.index("# --- Validation")]
    names = set(re.findall(r"^  - (\w+)", block, re.MULTILINE))
    assert set(safety.EXTENSIONS) == names - {"toc"}  # toc adds only heading anchors
