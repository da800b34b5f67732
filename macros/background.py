"""Work a build does in a forked process: the pixi guide, laid out on the second core while
the build reads the site's pages on the first (the guide's 0.4 s come off a full build), and
the handbook PDF, which the build waits for (``pdf_cache.CachedPdf``: the child exits without
freeing the layout).

The child's MkDocs and WeasyPrint log records are not printed by the child: they are sent
back with its result and logged again in the parent, in order, when the result is collected,
so a strict build counts the child's warnings as its own, and mkdocs-to-pdf counts
WeasyPrint's errors. The function's return value or exception comes back the same way (an
exception that cannot be pickled comes back as a ``RuntimeError`` with the child's
traceback). Without ``os.fork`` (Windows), or with ``fork=False`` (``mkdocs serve``, whose
server threads a forked copy must not inherit), the function runs when its result is asked
for, as it did before there was a second process.
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
import traceback
from typing import Any, Callable

LOGS = ("mkdocs", "weasyprint")  # the loggers whose records the parent logs again


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


class Background:
    """``fn(*args)`` in a forked child (``pid``, None once it is collected or where there is
    no fork); ``result()`` waits for it, ``cancel()`` stops it."""

    def __init__(self, fn: Callable[..., Any], *args: Any, fork: bool = True):
        self._call = (fn, args)
        self._outcome: tuple[bool, Any] | None = None
        self.pid: int | None = None
        if not fork or not hasattr(os, "fork"):
            return
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            _run_child(fn, args, write)  # never returns
        os.close(write)
        self.pid, self._read = pid, read

    def result(self) -> Any:
        if self._outcome is None:
            self._outcome = self._collect() if self.pid is not None else self._run_here()
        ok, value = self._outcome
        if not ok:
            raise value
        return value

    def _run_here(self) -> tuple[bool, Any]:
        fn, args = self._call
        try:
            return True, fn(*args)
        except Exception as error:  # noqa: BLE001 - raised by result(), as from a child
            return False, error

    def _collect(self) -> tuple[bool, Any]:
        with os.fdopen(self._read, "rb") as pipe:
            payload = pipe.read()
        os.waitpid(self.pid, 0)
        self.pid = None
        if not payload:
            return False, RuntimeError("baggrundsprocessen stoppede uden svar")
        records, ok, value = pickle.loads(payload)
        for name, level, message in records:
            logging.getLogger(name).log(level, "%s", message)
        return ok, value

    def cancel(self) -> None:
        """Stop the child (the build failed and will not ask for its result)."""
        if self.pid is None:
            return
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        os.close(self._read)
        self.pid = None
        self._outcome = (False, RuntimeError("baggrundsarbejdet blev stoppet"))


def _run_child(fn: Callable[..., Any], args: tuple, write: int) -> None:
    code = 0
    try:
        recorder = _Recorder()
        for name in LOGS:
            log = logging.getLogger(name)
            log.handlers[:] = [recorder]
            log.propagate = False
        try:
            ok, value = True, fn(*args)
        except BaseException as error:  # noqa: BLE001 - sent to the parent, which raises it
            ok, value = False, error
        try:
            payload = pickle.dumps((recorder.records, ok, value))
            pickle.loads(payload)  # what the parent will do: an exception may not rebuild
        except Exception as problem:  # noqa: BLE001
            text = ("".join(traceback.format_exception(value)) if not ok
                    else f"svaret kunne ikke sendes tilbage: {problem!r}")
            payload = pickle.dumps((recorder.records, False, RuntimeError(text)))
        with os.fdopen(write, "wb") as pipe:
            pipe.write(payload)
    except BaseException:  # noqa: BLE001 - nothing may run on in the forked copy of the build
        code = 1
    finally:
        os._exit(code)
