"""Debian's nginx, started by a test as an ordinary process: its own prefix and temporary
folders, a generated nginx.conf (-p, -c), 127.0.0.1 on a free port, stopped by its pid;
``Served`` is a release's web archive unpacked and served by it with the archive's own
configuration, and ``watched_page`` a chromium tab that records everything that goes wrong.

The `location` comes from the release (nginx/ssp-haandbog.conf in the archive). When the tests
run as root, nginx's workers drop to `nobody`, as on a server: they can then read the site
only if the unpacked tree is world-readable.
"""

from __future__ import annotations

import grp
import os
import pwd
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from browser_util import watch_failed_requests
from macros import webserver
from release_util import public_folder, unpack

MIME_TYPES = Path("/etc/nginx/mime.types")


def nginx_path() -> str:
    path = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/sbin/nginx") if os.access(p, os.X_OK)), None)
    assert path, "Debian's nginx mangler: apt-get install nginx (./run test gør det)"
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _user_line() -> str:
    if os.geteuid() != 0:
        return ""  # an ordinary user: nginx keeps running as that user
    nobody = pwd.getpwnam("nobody")
    return f"user nobody {grp.getgrgid(nobody.pw_gid).gr_name};"


def main_conf(prefix: Path, port: int, location_conf: Path) -> str:
    temp = {name: prefix / "tmp" / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for folder in temp.values():
        folder.mkdir(parents=True, exist_ok=True)
    return f"""
{_user_line()}
daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    access_log {prefix}/access.log;
    client_body_temp_path {temp['body']};
    proxy_temp_path {temp['proxy']};
    fastcgi_temp_path {temp['fastcgi']};
    uwsgi_temp_path {temp['uwsgi']};
    scgi_temp_path {temp['scgi']};
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        include {location_conf};
    }}
}}
"""


class Nginx:
    """nginx serving one location config on 127.0.0.1 until close()."""

    def __init__(self, prefix: Path, location_conf: Path):
        prefix.mkdir(parents=True, exist_ok=True)
        self.prefix = prefix
        self.port = free_port()
        self.host = f"127.0.0.1:{self.port}"
        conf = prefix / "nginx.conf"
        conf.write_text(main_conf(prefix, self.port, location_conf), encoding="utf-8")
        test = subprocess.run([nginx_path(), "-t", "-p", str(prefix), "-c", str(conf),
                               "-e", str(prefix / "error.log")], capture_output=True, text=True)
        assert test.returncode == 0, test.stderr
        self.process = subprocess.Popen(
            [nginx_path(), "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self._wait_until_listening()

    def _wait_until_listening(self) -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.process.stderr.read().decode()
            try:
                urllib.request.urlopen(f"http://{self.host}/", timeout=2)
                return
            except urllib.error.HTTPError:
                return  # it answers (404 outside the handbook's path)
            except OSError:
                time.sleep(0.1)
        raise AssertionError("nginx svarede ikke")

    def error_log(self) -> str:
        log = self.prefix / "error.log"
        return log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # graceful stop of master and workers
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


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


class Served:
    """A release's web archive, unpacked as `unzip` would and served by nginx with the
    archive's own nginx/ssp-haandbog.conf (its root pointed at where it was unpacked)."""

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
        self.host = self.nginx.host
        self.base = f"http://{self.host}{self.path}"

    def url(self, html_file) -> str:
        relative = html_file.relative_to(self.site).as_posix()
        return self.base + relative.removesuffix("index.html")

    def close(self) -> None:
        self.nginx.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def watched_page(browser, problems: list[str], init_scripts: tuple = (), **options):
    """A page in a new context (``options``) that appends to ``problems`` every console error
    or warning, script error, failed request and 4xx/5xx response, and records CSP
    violations in ``window.__cspViolations``; ``init_scripts`` (a file's Path, or the
    script's text) run in every page before its own scripts."""
    context = browser.new_context(accept_downloads=True, **options)
    context.add_init_script(WATCH_CSP)
    for script in init_scripts:
        if isinstance(script, Path):
            context.add_init_script(path=str(script))
        else:
            context.add_init_script(script=script)
    page = context.new_page()
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
            if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
    watch_failed_requests(page, problems)
    page.on("response", lambda r: problems.append(f"{r.status}: {r.url}")
            if r.status >= 400 else None)
    return page
