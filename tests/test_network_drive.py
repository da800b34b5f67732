"""The network-drive archive opened from disk: file://…/index.html in chromium, no server.

A reader opens the folder, goes through the menu to a forum, searches and opens a PDF; every
link the generator or MkDocs wrote points at a file that exists (no folder URLs), and no
request fails or leaves the disk.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pytest

from browser_util import watch_failed_requests
from html_util import html_pages, soup
from macros import pages
from macros.links import page_url
from release_util import release_once, unpack
from test_browser import SEARCHES, _search


@pytest.fixture
def drive(built, tmp_path_factory, tmp_path):
    release = release_once(built, tmp_path_factory)
    return built, unpack(release.drive_zip, tmp_path)



def _file_path(url: str) -> str:
    return unquote(urlsplit(url).path)


def test_menu_search_and_pdf_work_from_disk(drive, full_browser):
    built, top = drive
    site = top / "site"
    problems: list[str] = []
    page = full_browser.new_page(accept_downloads=True)  # its PDF viewer opens the PDFs
    watch_failed_requests(page, problems, wanted=lambda r: r.url.startswith("file:"))
    page.on("request", lambda r: problems.append(f"not from disk: {r.url}")
            if urlsplit(r.url).scheme not in ("file", "data", "blob", "about", "chrome",
                                              "chrome-extension") else None)
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))

    page.goto((top / "index.html").as_uri())  # the archive's own entry point
    page.wait_for_url("**/site/index.html")
    assert built.book.revision_label in page.locator("article").inner_text()

    # through the menu: the forums' section, the forum's group, the forum in it
    forum = next(iter(built.book.fora.values()))
    menu = page.locator(".md-sidebar--primary")
    menu.locator("a.md-nav__link", has_text="Samarbejdsfora").first.click()
    page.wait_for_url("**/site/fora/index.html")
    group = "Interne mødefora" if forum.type == "intern" else "Eksterne mødefora"
    # navigation.prune: a group not yet open is a link to its first page
    menu.locator("a.md-nav__link", has_text=group).first.click()
    page.wait_for_url("**/site/fora/*.html")
    menu.locator(f'a.md-nav__link[href$="{forum.id}.html"]').first.click()
    page.wait_for_url(f"**/site/fora/{forum.id}.html")
    assert page.locator("article h1").inner_text().strip().rstrip("¶").strip() == forum.navn

    # search without a server (Material's offline plugin, the worker in an iframe)
    query, acceptable = SEARCHES[built.kommune][0]
    page.locator("label.md-search__icon, .md-search__input").first.click()
    found = {_file_path(h.split("?")[0].split("#")[0]) for h in _search(page, query)[:3]}
    wanted = {str(site / page_url(src, directory_urls=False)) for src in acceptable}
    assert found & wanted, (query, found)
    page.keyboard.press("Escape")

    # the footer's PDF link opens the handbook PDF from the disk in the browser's viewer
    pdf = site / "pdf" / f"{built.kommune}-ssp-haandbog.pdf"
    with page.expect_response(lambda r: r.url == pdf.as_uri()) as opened:
        page.locator("footer a", has_text="Håndbogen som PDF").click()
    assert opened.value.ok and opened.value.headers["content-type"] == "application/pdf"
    page.wait_for_url(pdf.as_uri())  # the viewer shows it (its body is the viewer's page)

    # the front page's buttons open the PDFs too (from file:// chromium ignores `download`)
    targets = soup(site / "index.html").select("a.ssp-pdf[href]")
    assert targets
    for target in targets:
        page.goto((site / "index.html").as_uri())
        pdf = (site / target["href"]).resolve()
        assert pdf.is_file() and pdf.parent == site / "pdf", target["href"]
        page.locator(f'a.ssp-pdf[href="{target["href"]}"]').first.click()
        page.wait_for_url(pdf.as_uri())
    assert not problems, "\n".join(problems[:20])
    page.close()


def test_every_link_points_at_a_file_on_disk(drive):
    """From a disk a folder URL opens no index.html: every internal link (pages, figures,
    PDF buttons, assets) names an existing file."""
    built, top = drive
    site = top / "site"
    checked = 0
    for page in html_pages(site):
        if page.name == "404.html":  # written for a server (absolute paths); not linked
            continue
        doc = soup(page)
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for el in doc.find_all(tag, attrs={attr: True}):
                parsed = urlsplit(el[attr])
                if parsed.scheme or parsed.netloc or not parsed.path:
                    continue  # another host (canonical address, law texts) or this page
                target = (page.parent / unquote(parsed.path)).resolve()
                assert target.is_file(), f"{page.relative_to(site)} → {el[attr]}"
                checked += 1
    assert checked > 100
    forum = next(iter(built.book.fora))
    organisation = soup(site / page_url(pages.path("organisering"), directory_urls=False))
    diagram_links = [a["href"] for a in organisation.select("svg a[href]")]
    assert f"fora/{forum}.html" in diagram_links
    assert (site / "search" / "search_index.js").is_file()
