"""macros/background.py: work done in a forked process while the build goes on."""

from __future__ import annotations

import logging
import os
import threading
import time

import pytest
from mkdocs.utils import CountHandler

from macros import background, pixi
from macros.background import Background
from macros.errors import Problem


def _pid_and(value):
    return os.getpid(), value


def _logs_and_returns():
    log = logging.getLogger("mkdocs.ssp.test")
    log.info("først")
    log.warning("en advarsel fra %s", "barnet")
    log.info("sidst")
    return "svar"


def _raises(error):
    raise error


def test_the_result_comes_from_another_process_once():
    job = Background(_pid_and, {"a": [1, 2]})
    pid, value = job.result()
    assert pid != os.getpid()
    assert value == {"a": [1, 2]}
    assert job.result() == (pid, value)  # asked again: the same answer, not a second run


def test_the_childs_mkdocs_log_is_replayed_in_the_parent_in_order(caplog):
    """Logged again by the parent when the result is collected, so that a strict build's
    warning counter (MkDocs' CountHandler on the "mkdocs" logger) counts them."""
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        with caplog.at_level(logging.INFO, logger="mkdocs"):
            job = Background(_logs_and_returns)
            time.sleep(0.2)
            assert caplog.records == []  # nothing is logged before the result is asked for
            assert job.result() == "svar"
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)
    assert [(r.name, r.levelname, r.getMessage()) for r in caplog.records] == [
        ("mkdocs.ssp.test", "INFO", "først"),
        ("mkdocs.ssp.test", "WARNING", "en advarsel fra barnet"),
        ("mkdocs.ssp.test", "INFO", "sidst")]
    assert counter.get_counts() == [("WARNING", 1)]


def _weasyprint_error():
    logging.getLogger("weasyprint").error("Failed to load image at %r", "logo.png")
    return "tegnet"


def test_the_childs_weasyprint_errors_reach_the_parents_filters():
    """mkdocs-to-pdf counts WeasyPrint's errors with a filter on the "weasyprint" logger and
    fails a strict build on them: a PDF drawn in a child must be counted the same way."""
    seen = []

    class Counting(logging.Filter):
        def filter(self, record):
            seen.append((record.levelname, record.getMessage()))
            return True

    counting = Counting()
    logging.getLogger("weasyprint").addFilter(counting)
    try:
        assert Background(_weasyprint_error).result() == "tegnet"
    finally:
        logging.getLogger("weasyprint").removeFilter(counting)
    assert seen == [("ERROR", "Failed to load image at 'logo.png'")]


def test_an_exception_is_raised_in_the_parent():
    with pytest.raises(KeyError, match="mangler"):
        Background(_raises, KeyError("mangler")).result()


def test_a_too_long_pixi_guide_keeps_its_editor_line_across_processes():
    problem = Problem("data/x/pixi.yml", 0, 0, "pixi-guiden fylder 16 sider A5", "højst 12")
    with pytest.raises(pixi.PixiTooLong) as raised:
        Background(_raises, pixi.PixiTooLong(problem)).result()
    assert raised.value.problem == problem
    assert str(raised.value) == str(problem)


class _Unpicklable(Exception):
    def __init__(self, a, b):  # pickle rebuilds it as _Unpicklable(*args): one argument short
        super().__init__(f"{a} {b}")


def test_an_exception_that_cannot_travel_comes_back_as_the_childs_traceback():
    with pytest.raises(RuntimeError, match=r"(?s)Traceback.*_Unpicklable: to dele"):
        Background(_raises, _Unpicklable("to", "dele")).result()


def test_a_result_that_cannot_travel_is_named():
    with pytest.raises(RuntimeError, match="svaret kunne ikke sendes tilbage"):
        Background(lambda: (lambda: "en funktion kan ikke pickles")).result()


def test_cancel_stops_the_child_at_once():
    job = Background(time.sleep, 60)
    pid = job.pid
    started = time.monotonic()
    job.cancel()
    assert time.monotonic() - started < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # gone, and reaped
    assert job.pid is None


@pytest.mark.parametrize("how", ["no os.fork", "fork=False"])
def test_without_fork_the_work_is_done_when_the_result_is_asked_for(monkeypatch, how):
    if how == "no os.fork":
        monkeypatch.delattr(background.os, "fork")
    calls = []
    job = Background(lambda: calls.append(threading.get_ident()) or "inline",
                     fork=how != "fork=False")
    assert job.pid is None and calls == []
    assert job.result() == "inline"
    assert job.result() == "inline"
    assert calls == [threading.get_ident()]
