"""What staff see, in a real browser: every page from the intranet's web server offline,
accessible (axe-core, WCAG 2.1 A/AA) in light and dark and in Danish, with the accessibility
statement; Danish search, a phone's width, printing, the diagram's links."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from browser_util import AXE, SiteServer, run_axe
from html_util import html_pages
from macros import pages
from nginx_util import SEARCH_READY, watched_page

# Queries a reader would type, and the pages (src_uri) of which one must be among the first
# results: the record itself, or the page that answers the question (the law, the year).
SEARCHES = {
    "herning": [
        ("tavshedspligt", ["lovgrundlag.md", "pixi.md"]),
        ("mandagsmøde", ["fora/mandagsmoede.md"]),
        ("mandagsmøder", ["fora/mandagsmoede.md"]),
        ("SSP-vejledermøde", ["fora/ssp-vejledermoede.md"]),
        ("§ 115", ["lovgrundlag.md", "fora/mandagsmoede.md"]),
        ("cyklistprøve", ["aarshjul.md", "roller/faerdselskontaktlaerer.md",
                          "bilag/faerdselskontaktlaerer.md"]),
        ("færdselssikkerhedsudvalget", ["fora/faerdselssikkerhedsudvalget.md"]),
        ("opsøgende team", ["roller/dot.md", "fora/dot-moeder.md", "bilag/opsoegende-team.md"]),
    ],
    "holstebro": [
        ("tavshedspligt", ["lovgrundlag.md", "pixi.md"]),
        ("§ 115", ["fora/paragraf-115-moeder.md", "lovgrundlag.md"]),
        ("Mejrup", ["distrikter.md"]),
        ("Vinderup Realskole", ["distrikter.md"]),
        ("lærermøder", ["fora/ssp-laerermoeder.md"]),
        ("trivselsdage", ["aarshjul.md", "bilag/formidling.md"]),
    ],
    "bjergby": [("styregruppe", ["fora/styregruppe.md"]), ("tavshedspligt", ["pixi.md"])],
    "aaby": [("kredsrådet", ["fora/kredsraad.md"]), ("lokalt SSP-udvalg", ["fora/lokaludvalg.md"]),
             ("Kriminalforsorgen", ["roller/kriminalforsorgschef.md", "organisering.md"]),
             ("samarbejdet i korte træk", ["samarbejdet.md"])],
}
TOP = 3
#: How the search splits words (mkdocs.yml's search `separator`, Material's default): a
#: hyphenated query ("SSP-udvalg") is marked as its parts.
SEPARATOR = r"[\s\-]+"


#: The every-page walk is split into this many tests per municipality, so that pytest-xdist's
#: workers share a large municipality's pages; together they cover every page.
WALK_PARTS = 3
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme → Material's scheme


def _url(server: SiteServer, built, html_file) -> str:
    return server.base + str(html_file.parent.relative_to(built.site)).replace(".", "") + "/"


def _show_scheme(page, scheme: str) -> None:
    """Switch the loaded page to ``scheme`` as Material does when the reader's preference
    changes: the media query answers ``scheme`` and the palette entry for it is chosen. Waits
    until the colours have settled, so axe measures the contrast of the finished page."""
    page.emulate_media(color_scheme=scheme)
    page.evaluate("media => [...document.querySelectorAll('input[name=__palette]')]"
                  ".find(i => i.dataset.mdColorMedia.includes(media)).click()", scheme)
    page.wait_for_function(
        "s => document.body.getAttribute('data-md-color-scheme') === s"
        " && document.getAnimations().every(a => a.playState !== 'running')",
        arg=SCHEMES[scheme])


# Tables (or their scroll boxes) that would need a sideways scroll bar.
WIDE_TABLES = """() => [...document.querySelectorAll('article table')]
    .filter(t => t.scrollWidth > t.clientWidth + 1
                 || t.parentElement.scrollWidth > t.parentElement.clientWidth + 1)
    .map(t => (t.previousElementSibling || t.parentElement.previousElementSibling
               || {textContent: t.rows[0].textContent}).textContent.trim().slice(0, 60))"""


@pytest.mark.long
@pytest.mark.parametrize("part", range(WALK_PARTS))
def test_every_page_on_the_intranet_server(intranet, browser, part):
    """Every page of the web release, read once from nginx (the archive's own configuration)
    for everything a page must be: it loads with 200 and its search worker ready, with no
    Content-Security-Policy violation, failed request, console error or request to another
    host; it is Danish with the accessibility statement in its footer; no table needs a
    sideways scroll at 1024 px (the narrowest laptop); and axe-core finds no WCAG 2.1 A/AA
    violation in light (the reader's preference, axe already in the page by an init script)
    nor after switching to dark in place."""
    statement = intranet.book.kommune.tilgaengelighedserklaering
    problems: list[str] = []
    # No palette remembered from the page before: each page starts from the preference.
    page = watched_page(browser, problems, (AXE, "try { localStorage.clear() } catch (e) {}"),
                        color_scheme="light", viewport={"width": 1024, "height": 768})
    page.on("request", lambda r: problems.append(f"another host: {r.url}")
            if urlparse(r.url).netloc not in (intranet.host, "") else None)
    files = [f for f in html_pages(intranet.site) if f.name != "404.html"]
    checked = []
    for html_file in files[part::WALK_PARTS]:
        url = intranet.url(html_file)
        page.emulate_media(color_scheme="light")
        response = page.goto(url, wait_until="load")
        assert response.status == 200, url
        # the search worker's requests have ended (a page's last ones)
        expect(page.locator(".md-search-result__meta")).to_have_text(SEARCH_READY)
        problems += [f"{url}: CSP {v}" for v in page.evaluate("window.__cspViolations")]
        assert page.locator("[data-ssp-version]").count() == 1, url
        assert page.get_attribute("body", "data-md-color-scheme") == "default", url
        assert page.get_attribute("html", "lang") == "da", url
        links = page.locator("footer a", has_text="Tilgængelighedserklæring")
        assert links.count() == 1 and links.get_attribute("href") == statement, url
        wide = page.evaluate(WIDE_TABLES)
        assert not wide, f"{url}: tables wider than the page at 1024 px: {wide}"
        for scheme in SCHEMES:
            if scheme != "light":
                _show_scheme(page, scheme)
            problems += [f"{scheme} {url.replace(intranet.base, '/')}: axe {violation}"
                         for violation in run_axe(page)]
        checked.append(url)
    page.context.close()
    assert checked and len(files) > 3
    assert not problems, "\n".join(problems[:30])


def test_danish_search_finds_the_right_page(served, browser):
    built, server = served
    page = browser.new_page()
    page.goto(server.base, wait_until="networkidle")
    for query, acceptable in SEARCHES[built.kommune]:
        page.locator("label.md-search__icon, .md-search__input").first.click()
        hrefs = _search(page, query)
        wanted = {_url(server, built, built.page(src)) for src in acceptable}
        found = [h.split("#")[0].split("?")[0] for h in hrefs[:TOP]]
        assert wanted & set(found), f"{query!r}: none of {acceptable} in the first {TOP}: {found}"
        page.keyboard.press("Escape")
    page.close()


def _answers(hrefs: list[str], query: str) -> bool:
    """Material marks result links with the searched terms (?h=...): are these for `query`?"""
    terms = set(re.split(SEPARATOR, query.lower())) - {""}
    for href in hrefs:
        marked = parse_qs(urlparse(href).query).get("h", [""])[0]
        if marked and set(re.split(SEPARATOR, marked.lower())) - {""} == terms:
            return True
    return False


def _search(page, query: str) -> list[str]:
    """Type a query and return the result links once the search worker answered it.

    Material fills the list asynchronously from a web worker and ignores input that arrives
    before its index is loaded, so the query is typed again until the list answers it.
    ``fill`` sends no key, and Material reads the box on ``keyup``: a key is pressed after it.
    """
    box = page.locator("input.md-search__input")
    read = ".md-search-result__item > a"
    box.fill(query)
    box.press("End")  # Material reads the box on a key's release, as a reader's typing gives
    for attempt in range(8):
        for _ in range(8):
            hrefs = page.eval_on_selector_all(read, "els => els.map(e => e.href)")
            if _answers(hrefs, query):
                page.wait_for_timeout(300)  # let the rest of the list render
                return page.eval_on_selector_all(read, "els => els.map(e => e.href)")
            page.wait_for_timeout(250)
        box.press("End")  # type again: a keystroke the worker sees once it is ready
        box.type(" ")
        box.press("Backspace")
    return []


@pytest.mark.parametrize("which", ["index", "forum", "rolle"])
def test_phone_width_has_no_sideways_scroll(served, browser, which, tmp_path):
    built, server = served
    src = {"index": "index.md",
           "forum": pages.path("forum", next(iter(built.book.fora))),
           "rolle": pages.path("rolle", next(iter(built.book.roller)))}[which]
    context = browser.new_context(viewport={"width": 375, "height": 812}, is_mobile=True)
    page = context.new_page()
    page.goto(_url(server, built, built.page(src)), wait_until="networkidle")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{src}: the page scrolls sideways by {overflow}px"
    wide = page.evaluate("""() => [...document.querySelectorAll('article table')]
        .filter(t => t.scrollWidth > t.parentElement.clientWidth + 1)
        .map(t => getComputedStyle(t.parentElement).overflowX)""")
    assert all(v in ("auto", "scroll") for v in wide), wide
    page.screenshot(path=str(tmp_path / f"{built.kommune}-{which}-375.png"), full_page=True)
    context.close()


def test_printing_leaves_out_the_navigation(served, browser):
    built, server = served
    page = browser.new_page()
    page.goto(_url(server, built, built.page(pages.path("forum", next(iter(built.book.fora))))))
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary',
        '.md-footer', '.md-search'].map(s => {
          const el = document.querySelector(s);
          return !el || getComputedStyle(el).display === 'none' || el.offsetParent === null;
        })""")
    assert all(hidden), hidden
    assert page.locator("article h1").is_visible()
    page.close()


def test_clicking_a_forum_in_the_diagram_opens_its_page(served, browser):
    built, server = served
    forum = next(iter(built.book.fora.values()))
    page = browser.new_page()
    page.goto(_url(server, built, built.page(pages.path("organisering"))),
              wait_until="networkidle")
    page.locator(f"#figur-organisationsdiagram g#forum-{forum.id} a").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url == _url(server, built, built.page(pages.path("forum", forum.id)))
    assert page.locator("article h1").inner_text().strip().rstrip("¶").strip() == forum.navn
    page.close()


def test_year_figures_fit_a_laptop_screen_without_sideways_scrolling(served, browser):
    """The bar charts are read side by side with their numbers: at 1280 px neither needs its
    own horizontal scroll bar (on a phone they may scroll in their box)."""
    built, server = served
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(_url(server, built, built.page(pages.path("aarshjul"))), wait_until="networkidle")
    for figure in ("figur-moeder-pr-forum", "figur-moeder-pr-rolle"):
        scroll, visible = page.evaluate(
            "id => { const t = document.querySelector('#' + id + ' table');"
            " return [t.scrollWidth, t.clientWidth]; }", figure)
        assert scroll <= visible, (figure, scroll, visible)
    page.close()
