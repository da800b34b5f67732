"""Where people wait, measured against a bare build of the same pages, as ratios in one run.

    .venv/bin/python scripts/benchmark.py [--runs 3] [--kommune herning holstebro]
                                          [--scale 2 5 10] [--only build rebuild html serve
                                          scale profile]

Every figure is the median of ``--runs`` runs, interleaved with its baseline in the same run
(the machine's load changes less between neighbours), and printed as a ratio:

- **build**: a full build (HTML + PDFs, cold PDF cache) against a *bare* build of the same
  generated Markdown — mkdocs-material and mkdocs-to-pdf as they come, with the same theme
  settings, Markdown extensions and navigation (``bare_project``).
- **rebuild**: a full build again with nothing changed (warm PDF cache) against the first.
- **html**: an HTML-only build (``PDF=false``) against the full build; whether WeasyPrint
  was imported; peak memory.
- **serve**: with ``mkdocs serve`` running, seconds from saving a YAML file under data/ to
  the changed page being served (the edit changes one role's task).
- **scale**: synthetic municipalities with 2×/5×/10× Herning's forums and roles, HTML-only and
  full builds against Herning's, with peak memory.
- **profile**: where a full build's time goes (timing hooks in one in-process build).

Figures for reports; not a test (timings vary by machine). The README states the latest.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import builds, scale, serve  # noqa: E402

SECTIONS = ("build", "rebuild", "html", "serve", "scale", "profile")


def median(values: list[float]) -> float:
    return statistics.median(values)


def line(what: str, value: str, how: str) -> None:
    print(f"| {what} | {value} | {how} |", flush=True)


def section_build(kommuner: list[str], runs: int, work: Path) -> None:
    for kommune in kommuner:
        bare = builds.bare_project(kommune, work / f"bare-{kommune}")
        ours, theirs = [], []
        for _ in range(runs):
            ours.append(builds.build(kommune, work / "site", pdf=True, cache=None).seconds)
            theirs.append(builds.build_bare(bare).seconds)
        line(f"full build {kommune}, project vs bare", f"{median(ours) / median(theirs):.2f}×",
             f"{median(ours):.1f} s vs {median(theirs):.1f} s, median of {runs}")


def section_rebuild(kommune: str, runs: int, work: Path) -> None:
    first, again = [], []
    for i in range(runs):
        cache = work / f"pdf-cache-{i}"
        first.append(builds.build(kommune, work / "site", pdf=True, cache=cache).seconds)
        again.append(builds.build(kommune, work / "site", pdf=True, cache=cache).seconds)
    line(f"full rebuild with nothing changed ({kommune})",
         f"{median(again) / median(first):.2f}× the first",
         f"{median(again):.1f} s vs {median(first):.1f} s, median of {runs}")


def section_html(kommune: str, runs: int, work: Path) -> None:
    html, full = [], []
    for _ in range(runs):
        html.append(builds.build(kommune, work / "site", pdf=False))
        full.append(builds.build(kommune, work / "site", pdf=True, cache=None))
    seconds = median([r.seconds for r in html])
    line(f"HTML-only build ({kommune})",
         f"{seconds / median([r.seconds for r in full]):.2f}× the full build",
         f"{seconds:.1f} s; {median([r.peak_mib for r in html]):.0f} MiB peak "
         f"(full: {median([r.peak_mib for r in full]):.0f} MiB); WeasyPrint imported: "
         f"{'yes' if any(r.weasyprint for r in html) else 'no'}; median of {runs}")


def section_serve(kommune: str, runs: int, work: Path) -> None:
    cold = median([builds.build(kommune, work / "site", pdf=False).seconds for _ in range(runs)])
    waits = serve.saved_to_served(kommune, max(runs, 5), work)
    line("serve: YAML saved → changed page served", f"{median(waits):.2f} s",
         f"{median(waits) / cold:.2f}× a cold HTML-only build ({cold:.1f} s); "
         f"median of {len(waits)}, max {max(waits):.2f} s")


def section_scale(kommune: str, factors: list[int], runs: int, work: Path) -> None:
    base = {pdf: median([builds.build(kommune, work / "site", pdf=pdf, cache=None).seconds
                         for _ in range(runs)]) for pdf in (False, True)}
    for factor in factors:
        data = scale.synthetic(kommune, factor, work / f"scale-{factor}")
        for pdf in (False, True):
            results = [builds.build(kommune, work / "site", pdf=pdf, cache=None, data=data)
                       for _ in range(runs)]
            seconds = median([r.seconds for r in results])
            line(f"scale {factor}× records, {'full' if pdf else 'HTML-only'}",
                 f"{seconds / base[pdf]:.1f}×",
                 f"{seconds:.1f} s vs {base[pdf]:.1f} s, {median([r.peak_mib for r in results]):.0f}"
                 f" MiB peak, {scale.records(data, kommune)} forums and roles, median of {runs}")


def section_profile(kommune: str, work: Path) -> None:
    shares = builds.profile(kommune, work / "site")
    total = shares.pop("total")
    line(f"where a full build's time goes ({kommune}, {total:.1f} s)",
         ", ".join(f"{k} {v / total:.0%}" for k, v in shares.items()), "timing hooks, 1 run")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--kommune", nargs="+", default=["herning", "holstebro"])
    parser.add_argument("--scale", nargs="+", type=int, default=[2, 5, 10])
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS))
    args = parser.parse_args()
    first = args.kommune[0]
    print(f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, load {os.getloadavg()[0]:.1f}, "
          f"{time.strftime('%Y-%m-%d')}\n")
    print("| what | figure | how |\n|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="ssp-benchmark-") as tmp:
        work = Path(tmp)
        if "build" in args.only:
            section_build(args.kommune, args.runs, work)
        if "rebuild" in args.only:
            section_rebuild(first, args.runs, work)
        if "html" in args.only:
            section_html(first, args.runs, work)
        if "serve" in args.only:
            section_serve(first, args.runs, work)
        if "profile" in args.only:
            section_profile(first, work)
        if "scale" in args.only:
            section_scale(first, args.scale, args.runs, work)


if __name__ == "__main__":
    main()
