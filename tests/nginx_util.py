"""Debian's nginx, started by a test as an ordinary process: its own prefix and temporary
folders, a generated nginx.conf (-p, -c), 127.0.0.1 on a free port, stopped by its pid.

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
