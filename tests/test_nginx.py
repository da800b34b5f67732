"""The release on a real web server: Debian's nginx with the archive's own configuration,
started by the test on 127.0.0.1, serving the unpacked archive, read by chromium.

Search works, the PDFs download as PDFs, unknown paths get Material's 404 page, and the
headers (security, content types, caching) are there. That every page loads with no
Content-Security-Policy violation and no failed request is checked by the every-page walk in
test_browser.py, which reads each page from this server once for everything it checks.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from urllib.parse import urlsplit


from conftest import FIXTURE_DATA, build_once
from nginx_util import Served, watched_page
from release_util import release_once
from macros.links import page_url
from test_browser import SEARCHES, _search

SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy")





def _get(url: str):
    try:
        return urllib.request.urlopen(url, timeout=10)
    except urllib.error.HTTPError as error:
        return error


def test_search_works_and_pdfs_download_as_pdf(intranet, browser):
    problems: list[str] = []
    page = watched_page(browser, problems)
    page.goto(intranet.base, wait_until="networkidle")
    query, acceptable = SEARCHES[intranet.book.kommune.id][0]
    page.locator("label.md-search__icon, .md-search__input").first.click()
    found = {h.split("?")[0] for h in _search(page, query)[:3]}
    assert found & {intranet.base + page_url(src) for src in acceptable}, (query, found)
    page.keyboard.press("Escape")
    downloads = page.locator("a.ssp-pdf[download]")
    assert downloads.count() >= 1
    for i in range(downloads.count()):
        with page.expect_download() as event:
            downloads.nth(i).click()
        download = event.value
        name = urlsplit(download.url).path.rsplit("/", 1)[-1]
        assert (intranet.site / "pdf" / name).read_bytes() == open(download.path(), "rb").read()
        response = _get(download.url)
        assert response.headers["Content-Type"] == "application/pdf"
    problems += page.evaluate("window.__cspViolations")
    assert not problems, problems
    page.context.close()


def test_unknown_paths_get_the_404_page_with_headers(intranet, browser):
    for missing in ("findes-ikke/", "fora/findes-ikke/", "pdf/gammel.pdf"):
        response = _get(intranet.base + missing)
        assert response.status == 404, missing
        body = response.read().decode("utf-8")
        assert 'data-ssp-version' in body and intranet.book.kommune.navn in body, missing
        for header in SECURITY_HEADERS:
            assert response.headers[header], (missing, header)
    problems: list[str] = []
    page = watched_page(browser, problems)
    url = intranet.base + "fora/findes-ikke/"
    page.goto(url, wait_until="networkidle")
    assert page.locator("h1").inner_text().strip() == "Siden findes ikke (404)"
    problems += page.evaluate("window.__cspViolations")
    # the page's own 404 (and chromium's console line for it) is the only complaint
    assert sorted(problems) == sorted([f"404: {url}", "console error: Failed to load resource: "
                                       "the server responded with a status of 404 (Not Found)"])
    page.context.close()


def test_headers_content_types_and_caching(intranet):
    home = _get(intranet.base)
    assert home.status == 200
    csp = home.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "http" not in csp
    assert home.headers["X-Content-Type-Options"] == "nosniff"
    assert home.headers["Referrer-Policy"] == "same-origin"
    assert home.headers["Content-Type"] == "text/html; charset=utf-8"
    assert home.headers["Cache-Control"] == "no-cache"
    (intranet.site / "logo.svg").write_text(  # e.g. a logo an editor adds under docs/
        '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', encoding="utf-8")
    types = {"search/search_index.json": "application/json",
             "logo.svg": "image/svg+xml",
             f"pdf/{intranet.book.kommune.id}-ssp-haandbog.pdf": "application/pdf",
             "stylesheets/ssp.css": "text/css"}
    for path, expected in types.items():
        response = _get(intranet.base + path)
        assert response.status == 200, path
        assert response.headers["Content-Type"].split(";")[0] == expected, path
        assert response.headers["Cache-Control"] == "no-cache", path  # same name each release
        for header in SECURITY_HEADERS:
            assert response.headers[header], (path, header)
    assets = [p for p in (intranet.site / "assets").rglob("*.min.*") if p.suffix in (".js", ".css")]
    hashed = [p for p in assets if re.search(r"\.[0-9a-f]{8}\.min\.(js|css)$", p.name)]
    assert len(hashed) >= 4  # bundle, search worker, main and palette stylesheets
    for asset in assets:  # the content-hashed ones for a year, the others (lunr) revalidated
        response = _get(intranet.base + asset.relative_to(intranet.site).as_posix())
        expected = "max-age=31536000" if asset in hashed else "no-cache"
        assert response.headers["Cache-Control"] == expected, asset
        assert response.headers["X-Content-Type-Options"] == "nosniff", asset
    folder = _get(intranet.base.rstrip("/"))  # "/ssp" → "/ssp/", without naming a host
    assert folder.status == 200 and folder.url == intranet.base


def test_the_violation_watch_sees_a_policy_without_the_builds_hashes(
        browser, tmp_path_factory, tmp_path):
    """The control: the same pages under a policy without the hashes do report violations,
    so the zero above is a real zero."""
    built = build_once(FIXTURE_DATA, "bjergby", tmp_path_factory)
    server = Served(release_once(built, tmp_path_factory), tmp_path,
                    csp="default-src 'self'; img-src 'self' data:")
    try:
        page = watched_page(browser, [])
        page.goto(server.base, wait_until="networkidle")
        assert any("script-src" in v for v in page.evaluate("window.__cspViolations"))
        page.context.close()
    finally:
        server.close()
