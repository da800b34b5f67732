"""The release on a real web server: Debian's nginx with the archive's own configuration,
started by the test on 127.0.0.1, serving the unpacked archive, read by chromium.

Every page loads with no Content-Security-Policy violation and no failed request, search
works, the PDFs download as PDFs, unknown paths get Material's 404 page, and the headers
(security, content types, caching) are there.
"""

from __future__ import annotations

import re
import shutil
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from browser_util import failed_request
from conftest import FIXTURE_DATA, build_once
from html_util import html_pages
from macros import webserver
from nginx_util import Nginx
from release_util import public_folder, release_once, unpack
from macros.links import page_url
from test_browser import SEARCHES, _search

# Records every CSP violation the page sees, from its first script on.
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
    e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '') + ':'
    + e.lineNumber + ' ' + (e.sample || '')));
"""
# Material's search says it is ready for a query once its worker has loaded the index and the
# language scripts: the page's last requests. (The text is the theme's Danish
# "search.result.placeholder", shown in place of "search.result.initializer".)
SEARCH_READY = "Indtast søgeord"
SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy")


class Served:
    def __init__(self, release, tmp_path, csp=None):
        self.book = release.built.book
        self.folder = public_folder("ssp-nginx-")
        self.top = unpack(release.web_zip, self.folder)
        self.site = self.top / "site"
        conf = (self.top / "nginx" / "ssp-haandbog.conf").read_text(encoding="utf-8")
        default_root = webserver.DEFAULT_ROOT.format(kommune=self.book.kommune.id)
        assert conf.count(default_root) == 1
        conf = conf.replace(default_root, f"{self.site}/")  # where this test unpacked it
        if csp is not None:
            conf = conf.replace(webserver.content_security_policy(self.site), csp)
        location = tmp_path / "ssp-haandbog.conf"
        location.write_text(conf, encoding="utf-8")
        self.path = webserver.url_path(self.book.kommune.adresse)
        self.nginx = Nginx(tmp_path / "nginx", location)
        self.base = f"http://{self.nginx.host}{self.path}"

    def url(self, html_file) -> str:
        relative = html_file.relative_to(self.site).as_posix()
        return self.base + relative.removesuffix("index.html")

    def close(self) -> None:
        self.nginx.close()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def served(built, tmp_path_factory, tmp_path):
    server = Served(release_once(built, tmp_path_factory), tmp_path)
    yield server
    server.close()



def _watched_page(browser, problems: list[str]):
    context = browser.new_context(accept_downloads=True)
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
            if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    page.on("requestfailed", lambda r: problems.append(failed_request(r))
            if failed_request(r) else None)
    page.on("response", lambda r: problems.append(f"{r.status}: {r.url}")
            if r.status >= 400 else None)
    return page


def _get(url: str):
    try:
        return urllib.request.urlopen(url, timeout=10)
    except urllib.error.HTTPError as error:
        return error


def test_every_page_loads_without_csp_violations_or_failed_requests(served, browser):
    problems: list[str] = []
    page = _watched_page(browser, problems)
    pages = [p for p in html_pages(served.site) if p.name != "404.html"]
    for html_file in pages:
        url = served.url(html_file)
        response = page.goto(url, wait_until="load")
        assert response.status == 200, url
        # the search worker's requests have ended (a page's last ones)
        expect(page.locator(".md-search-result__meta")).to_have_text(SEARCH_READY)
        problems += [f"{url}: CSP {v}" for v in page.evaluate("window.__cspViolations")]
        assert page.locator("[data-ssp-version]").count() == 1, url
    assert not problems, "\n".join(problems[:30])
    assert len(pages) > 10
    page.context.close()


def test_search_works_and_pdfs_download_as_pdf(served, browser):
    problems: list[str] = []
    page = _watched_page(browser, problems)
    page.goto(served.base, wait_until="networkidle")
    query, acceptable = SEARCHES[served.book.kommune.id][0]
    page.locator("label.md-search__icon, .md-search__input").first.click()
    found = {h.split("?")[0] for h in _search(page, query)[:3]}
    assert found & {served.base + page_url(src) for src in acceptable}, (query, found)
    page.keyboard.press("Escape")
    downloads = page.locator("a.ssp-pdf[download]")
    assert downloads.count() >= 1
    for i in range(downloads.count()):
        with page.expect_download() as event:
            downloads.nth(i).click()
        download = event.value
        name = urlsplit(download.url).path.rsplit("/", 1)[-1]
        assert (served.site / "pdf" / name).read_bytes() == open(download.path(), "rb").read()
        response = _get(download.url)
        assert response.headers["Content-Type"] == "application/pdf"
    problems += page.evaluate("window.__cspViolations")
    assert not problems, problems
    page.context.close()


def test_unknown_paths_get_the_404_page_with_headers(served, browser):
    for missing in ("findes-ikke/", "fora/findes-ikke/", "pdf/gammel.pdf"):
        response = _get(served.base + missing)
        assert response.status == 404, missing
        body = response.read().decode("utf-8")
        assert 'data-ssp-version' in body and served.book.kommune.navn in body, missing
        for header in SECURITY_HEADERS:
            assert response.headers[header], (missing, header)
    problems: list[str] = []
    page = _watched_page(browser, problems)
    url = served.base + "fora/findes-ikke/"
    page.goto(url, wait_until="networkidle")
    assert page.locator("h1").inner_text().strip() == "Siden findes ikke (404)"
    problems += page.evaluate("window.__cspViolations")
    # the page's own 404 (and chromium's console line for it) is the only complaint
    assert sorted(problems) == sorted([f"404: {url}", "console error: Failed to load resource: "
                                       "the server responded with a status of 404 (Not Found)"])
    page.context.close()


def test_headers_content_types_and_caching(served):
    home = _get(served.base)
    assert home.status == 200
    csp = home.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "http" not in csp
    assert home.headers["X-Content-Type-Options"] == "nosniff"
    assert home.headers["Referrer-Policy"] == "same-origin"
    assert home.headers["Content-Type"] == "text/html; charset=utf-8"
    assert home.headers["Cache-Control"] == "no-cache"
    (served.site / "logo.svg").write_text(  # e.g. a logo an editor adds under docs/
        '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', encoding="utf-8")
    types = {"search/search_index.json": "application/json",
             "logo.svg": "image/svg+xml",
             f"pdf/{served.book.kommune.id}-ssp-haandbog.pdf": "application/pdf",
             "stylesheets/ssp.css": "text/css"}
    for path, expected in types.items():
        response = _get(served.base + path)
        assert response.status == 200, path
        assert response.headers["Content-Type"].split(";")[0] == expected, path
        assert response.headers["Cache-Control"] == "no-cache", path  # same name each release
        for header in SECURITY_HEADERS:
            assert response.headers[header], (path, header)
    assets = [p for p in (served.site / "assets").rglob("*.min.*") if p.suffix in (".js", ".css")]
    hashed = [p for p in assets if re.search(r"\.[0-9a-f]{8}\.min\.(js|css)$", p.name)]
    assert len(hashed) >= 4  # bundle, search worker, main and palette stylesheets
    for asset in assets:  # the content-hashed ones for a year, the others (lunr) revalidated
        response = _get(served.base + asset.relative_to(served.site).as_posix())
        expected = "max-age=31536000" if asset in hashed else "no-cache"
        assert response.headers["Cache-Control"] == expected, asset
        assert response.headers["X-Content-Type-Options"] == "nosniff", asset
    folder = _get(served.base.rstrip("/"))  # "/ssp" → "/ssp/", without naming a host
    assert folder.status == 200 and folder.url == served.base


def test_the_violation_watch_sees_a_policy_without_the_builds_hashes(
        browser, tmp_path_factory, tmp_path):
    """The control: the same pages under a policy without the hashes do report violations,
    so the zero above is a real zero."""
    built = build_once(FIXTURE_DATA, "bjergby", tmp_path_factory)
    server = Served(release_once(built, tmp_path_factory), tmp_path,
                    csp="default-src 'self'; img-src 'self' data:")
    try:
        page = _watched_page(browser, [])
        page.goto(server.base, wait_until="networkidle")
        assert any("script-src" in v for v in page.evaluate("window.__cspViolations"))
        page.context.close()
    finally:
        server.close()
