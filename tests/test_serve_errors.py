"""`./run serve` keeps running when an edit breaks the handbook: the editor sees one Danish line
(no traceback, no exit), fixes the file, and the preview is back."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import FIXTURE_DATA, ROOT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return answer.read().decode("utf-8")
    except OSError:
        return None


def _wait(condition, seconds: float = 120) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.3)
    return False


def test_serve_survives_a_broken_edit_and_shows_the_fix(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA / "bjergby", data / "bjergby")
    forum = data / "bjergby" / "fora" / "styregruppe.yml"
    good = forum.read_text(encoding="utf-8")
    port = _free_port()
    log = tmp_path / "serve.log"
    env = dict(os.environ, SSP_KOMMUNE="bjergby", SSP_DATA=str(data), PDF="false",
               NO_MKDOCS_2_WARNING="1")
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a",
             f"127.0.0.1:{port}"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/fora/styregruppe/"
    try:
        assert _wait(lambda: "SSP-styregruppe" in (_get(url) or "")), log.read_text()
        forum.write_text(good.replace("pr_aar: 4", "pr_aar: 0").replace(
            "navn: SSP-styregruppe", "navn: " + "Ø" * 16000), encoding="utf-8")
        assert _wait(lambda: "'pr_aar' er for lille" in log.read_text()), log.read_text()
        time.sleep(1)
        assert server.poll() is None, log.read_text()  # still serving
        forum.write_text(good.replace("navn: SSP-styregruppe", "navn: Rettet styregruppe"),
                         encoding="utf-8")
        assert _wait(lambda: "Rettet styregruppe" in (_get(url) or "")), log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)
    output = log.read_text()
    assert "Traceback" not in output
    assert "'navn' er for lang" in output  # the 16 KB name: one line, cut short
    assert not [line for line in output.splitlines() if len(line) > 600]
