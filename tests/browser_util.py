"""A real browser for the tests: Debian's chromium driven by Playwright, and a local server.

Chromium comes from Debian (`./run test` installs it); Playwright's own browser download is
never used. The tests run Debian's ``chromium-headless-shell``: the same chromium (source
package, version, Blink and V8) built without the desktop browser around it, which is what
Playwright itself runs for headless tests. Over the whole suite its browsers used 273 s of
CPU where the full ``chromium`` used 408 s, with the same axe findings page by page. Only
the full browser has a PDF viewer, so a test of opening a PDF in the browser asks for it
(``chromium_path(pdf_viewer=True)``). axe-core comes from npm (tests/browser/), injected
into pages by the tests and never shipped in the site.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

AXE = Path(__file__).resolve().parent / "browser" / "node_modules" / "axe-core" / "axe.min.js"
# V8 without its optimising compiler and on one thread (``--js-flags``): a page's scripts, axe
# included, run once per load, and optimising them on background threads cost more CPU than it
# saved. Measured page by page, interleaved with a browser without flags (the walk's every
# step on Herning's pages), CPU per page: --no-opt 0.97 and 0.98 s against 1.06 and 1.12 s
# (24 pages), both flags 0.96 s against 1.11 s (40 pages); the Decap editor's tests took
# 53-55 s of CPU against 56-58 s. The headless build gains as much: 0.79 s against 0.93 s per
# page (40 pages). Scripts behave the same either way.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-dev-shm-usage",
                 "--js-flags=--no-opt --single-threaded"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def chromium_path(pdf_viewer: bool = False) -> str:
    """Debian's headless chromium, or the full one where its PDF viewer is tested."""
    package = "chromium" if pdf_viewer else "chromium-headless-shell"
    path = shutil.which(package)
    assert path, f"Debian's {package} mangler: apt-get install {package} (./run test gør det)"
    return path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class SiteServer:
    """Serves a built site on 127.0.0.1 (a free port) for the duration of the tests."""

    def __init__(self, root: Path):
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.host = f"127.0.0.1:{self.httpd.server_address[1]}"
        self.base = f"http://{self.host}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def watch_failed_requests(page, problems: list[str], wanted=lambda request: True) -> None:
    """Append to ``problems`` every request of ``page`` that fails (of those ``wanted``).

    ``net::ERR_ABORTED`` is chromium calling a request off itself: the page navigated on
    before the favicon came, or the PDF viewer reads the file itself. A file that is not there
    fails differently (``net::ERR_FILE_NOT_FOUND`` from a disk, a 4xx response from a
    server), and that the link targets exist is checked file by file elsewhere."""
    def record(request) -> None:
        if request.failure != "net::ERR_ABORTED" and wanted(request):
            problems.append(f"failed: {request.url} {request.failure}")

    page.on("requestfailed", record)


def run_axe(page) -> list[dict]:
    """WCAG 2.1 A/AA violations axe-core finds on the loaded page.

    axe is injected unless the page has it already (``context.add_init_script(path=AXE)``
    puts it in every page of a context once, without a request). Only violations are
    collected in full (``resultTypes``): the passes are not what the tests read.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})", WCAG_TAGS)
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "targets": [n["target"] for n in v["nodes"]][:3]} for v in result["violations"]]
