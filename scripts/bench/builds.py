"""Timed builds in fresh processes: ours, the bare baseline, and one profiled in-process."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent.parent

# One build as `mkdocs build` runs it, reporting whether WeasyPrint loaded and the peak memory
# of its largest process: the PDFs are drawn in forked children (macros/background.py).
BUILD = """
import json, resource, sys
from mkdocs.config import load_config
from mkdocs.commands import build
cfg = load_config(sys.argv[1], site_dir=sys.argv[2])
cfg.plugins.on_startup(command="build", dirty=False)
try:
    build.build(cfg)
finally:
    cfg.plugins.on_shutdown()
print(json.dumps({"weasyprint": "weasyprint" in sys.modules,
                  "peak_kib": max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                                  resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)}))
"""


@dataclass
class Result:
    seconds: float
    peak_mib: float
    weasyprint: bool


def _run(config: Path, site: Path, env: dict, cwd: Path) -> Result:
    shutil.rmtree(site, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", BUILD, str(config), str(site)], cwd=cwd,
                          env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"build failed ({config}):\n{done.stderr[-3000:]}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return Result(seconds, report["peak_kib"] / 1024, report["weasyprint"])


def build(kommune: str, site: Path, pdf: bool, cache: Path | None = None,
          data: Path | None = None) -> Result:
    """Our build; ``cache=None`` switches the PDF cache off (every PDF is laid out)."""
    env = {"SSP_KOMMUNE": kommune, "PDF": "true" if pdf else "false",
           "SSP_PDF_CACHE": str(cache) if cache else "off"}
    if data is not None:
        env["SSP_DATA"] = str(data)
    return _run(ROOT / "mkdocs.yml", site, env, ROOT)


def build_bare(project: Path) -> Result:
    return _run(project / "mkdocs.yml", project / "site", {}, project)


# Our pages' Markdown after the macros ran, and the navigation, from one HTML-only build.
CAPTURE = """
import json, sys
from pathlib import Path
from mkdocs.config import load_config
from mkdocs.commands import build
out = Path(sys.argv[2])
cfg = load_config("mkdocs.yml", site_dir=sys.argv[1])
def capture(markdown, page, config, files):
    target = out / "docs" / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown, encoding="utf-8")
capture.mkdocs_priority = -1000
cfg.plugins._register_event("page_markdown", capture)
def keep(config):
    (out / "nav.json").write_text(json.dumps({"nav": config.nav, "site_name": config.site_name}))
keep.mkdocs_priority = -1000
cfg.plugins._register_event("config", keep)
build.build(cfg)
"""


def bare_project(kommune: str, folder: Path) -> Path:
    """A plain mkdocs-material + mkdocs-to-pdf project with our generated Markdown: the same
    theme settings (without our overrides and navigation.prune), Markdown extensions and
    navigation; the plugins with their defaults (PDF button on every page included)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    env = dict(os.environ, SSP_KOMMUNE=kommune, PDF="false", NO_MKDOCS_2_WARNING="1")
    subprocess.run([sys.executable, "-c", CAPTURE, str(folder / "_site"), str(folder)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    shutil.rmtree(folder / "_site")
    for asset in ("stylesheets", "javascripts"):
        shutil.copytree(ROOT / "docs" / asset, folder / "docs" / asset)
    ours = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    theme = re.search(r"^theme:\n(?:(?:  .*)?\n)+", ours, re.M).group(0)
    theme = theme.replace("  custom_dir: overrides\n", "").replace("    - navigation.prune\n", "")
    markdown = re.search(r"^markdown_extensions:\n(?:(?:  .*)?\n)+", ours, re.M).group(0)
    assets = re.search(r"^extra_css:\n(?:.*\n)+?extra_javascript:\n(?:  .*\n)+", ours,
                       re.M).group(0)
    captured = json.loads((folder / "nav.json").read_text())
    head = yaml.safe_dump({
        "site_name": captured["site_name"], "docs_dir": "docs", "use_directory_urls": True,
        "nav": captured["nav"],
        "plugins": [{"search": {"lang": "da"}},
                    {"to-pdf": {"toc_level": 1, "ordered_chapter_level": 0,
                                "heading_shift": False,
                                "output_path": f"pdf/{kommune}-bare.pdf"}}]},
        allow_unicode=True, sort_keys=False)
    (folder / "mkdocs.yml").write_text(head + theme + assets + markdown, encoding="utf-8")
    return folder


# One full build in-process with timing hooks, as shares of its wall time.
PROFILE = """
import collections, json, sys, time
from mkdocs import plugins
from mkdocs.commands import build as B
from mkdocs.config import load_config
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
T = collections.Counter()
def timed(owner, name, label):
    original = getattr(owner, name)
    def wrapper(*a, **k):
        start = time.perf_counter()
        try:
            return original(*a, **k)
        finally:
            T[label] += time.perf_counter() - start
    setattr(owner, name, wrapper)
timed(Page, "render", "markdown")
timed(B, "_build_page", "build_page")
timed(Files, "copy_static_files", "staging")
def run_event(self, name, item=None, **kwargs):
    for method in self.events[name]:
        self._current_plugin = self._event_origins.get(method, "?")
        renderer = getattr(getattr(getattr(method, "__self__", None), "_options", None),
                           "relaxed_js", None)  # the handbook's renderer, drawing in a child
        if name == "post_build" and renderer is not None and "write_pdf" not in vars(renderer):
            timed(renderer, "write_pdf", "weasyprint")
        start = time.perf_counter()
        result = method(item, **kwargs) if item is not None else method(**kwargs)
        T[(self._event_origins.get(method, "?"), name)] += time.perf_counter() - start
        item = result if result is not None else item
    self._current_plugin = None
    return item
plugins.PluginCollection.run_event = run_event
import macros.publish
timed(macros.publish.StagedSite, "finish", "staging")
cfg = load_config("mkdocs.yml", site_dir=sys.argv[1])
cfg.plugins.on_startup(command="build", dirty=False)
start = time.perf_counter()
B.build(cfg)
T["total"] = time.perf_counter() - start
print(json.dumps([[k if isinstance(k, str) else list(k), v] for k, v in T.items()]))
"""


def profile(kommune: str, site: Path) -> dict[str, float]:
    """Seconds by part of a full build (cold PDF cache)."""
    env = dict(os.environ, SSP_KOMMUNE=kommune, PDF="true", SSP_PDF_CACHE="off",
               NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-c", PROFILE, str(site)], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(done.stderr[-3000:])
    raw = {tuple(k) if isinstance(k, list) else k: v
           for k, v in json.loads(done.stdout.strip().splitlines()[-1])}

    def events(plugin=None, event=None):
        return sum(v for k, v in raw.items() if isinstance(k, tuple)
                   and (plugin is None or k[0] == plugin) and (event is None or k[1] == event))

    ours = events("macros/hooks.py") + events("macros")
    pdf_collect = events("to-pdf", "post_page")
    pdf_post = events("to-pdf", "post_build")
    weasy = raw.get("weasyprint", 0.0)
    search = events("material/search")
    templates = raw.get("build_page", 0.0) - events(event="post_page") - events(
        event="page_context")
    shares = {
        "WeasyPrint (the handbook PDF: parsing, layout, writing)": weasy,
        "mkdocs-to-pdf collection + assembly": pdf_collect + pdf_post - min(weasy, pdf_post),
        "page generation (data, macros, figures, pixi)": ours - max(0.0, weasy - pdf_post),
        "Markdown": raw.get("markdown", 0.0),
        "Material templates": templates,
        "search index": search,
        "staging copy": raw.get("staging", 0.0),
    }
    shares["other (MkDocs, config, file I/O)"] = raw["total"] - sum(shares.values())
    shares["total"] = raw["total"]
    return shares
