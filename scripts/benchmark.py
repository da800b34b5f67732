"""Build-time benchmark: median wall time of `mkdocs build` with and without the PDF, and of
the data check, per municipality. Figures for reports; not a test (timings vary by machine).

    .venv/bin/python scripts/benchmark.py [--runs 3] [kommune ...]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros import loading  # noqa: E402


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("kommuner", nargs="*")
    args = parser.parse_args()
    kommuner = args.kommuner or loading.available_kommuner(ROOT / "data")
    print(f"| kommune | check (s) | build uden PDF (s) | build med PDF (s) |  (median af {args.runs})")
    print("|---|---|---|---|")
    for kommune in kommuner:
        env = dict(os.environ, SSP_KOMMUNE=kommune, NO_MKDOCS_2_WARNING="1")
        check = [timed([sys.executable, "-m", "macros.cli", "check", kommune], env)
                 for _ in range(args.runs)]
        figures = {}
        for pdf in ("false", "true"):
            runs = []
            for _ in range(args.runs):
                with tempfile.TemporaryDirectory() as site:
                    runs.append(timed([sys.executable, "-m", "mkdocs", "build", "-q", "-d", site],
                                      dict(env, PDF=pdf)))
            figures[pdf] = statistics.median(runs)
        print(f"| {kommune} | {statistics.median(check):.2f} | {figures['false']:.1f} | "
              f"{figures['true']:.1f} |", flush=True)


if __name__ == "__main__":
    main()
