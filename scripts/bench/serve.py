"""The editor's preview: seconds from saving a YAML file to the changed page being served."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _task_file(data: Path) -> tuple[Path, str]:
    """A role with a task list: its file and the first task's line."""
    for path in sorted((data / "roller").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        match = re.search(r"punkter:\n(\s+- )(?!tekst:)(\S.*)\n", text)
        if match:
            return path, match.group(0)
    raise SystemExit("no role with a task list")


def saved_to_served(kommune: str, runs: int, work: Path) -> list[float]:
    project = work / "serve-project"
    shutil.rmtree(project, ignore_errors=True)
    for folder in ("macros", "docs", "overrides", "pdf-templates"):
        shutil.copytree(ROOT / folder, project / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "data" / kommune, project / "data" / kommune)
    path, task = _task_file(project / "data" / kommune)
    url = f"http://127.0.0.1:{(port := _free_port())}/roller/{path.stem}/"
    env = dict(os.environ, SSP_KOMMUNE=kommune, PDF="false", NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a",
                               f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    waits = []
    try:
        deadline = time.time() + 300
        while "<html" not in _get(url):
            if time.time() > deadline or server.poll() is not None:
                raise SystemExit("mkdocs serve did not start")
            time.sleep(0.2)
        original = path.read_text(encoding="utf-8")
        for run in range(runs):
            time.sleep(1.5)  # let the previous rebuild settle
            marker = f"Ændret i kørsel {run}"
            start = time.perf_counter()
            path.write_text(original.replace(task, task.replace("- ", f"- {marker} – ", 1), 1),
                            encoding="utf-8")
            while marker not in _get(url):
                if time.perf_counter() - start > 60:
                    raise SystemExit("the change was never served")
                time.sleep(0.01)
            waits.append(time.perf_counter() - start)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return waits
