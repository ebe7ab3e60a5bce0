"""Separate processes for the tests that need them (several writers at once, a crash),
forked from a server process that has imported the app once.

A fresh interpreter per child paid about 2 CPU s to import the app before doing anything.
These children come from multiprocessing's forkserver, which imported
tests/support/workers.py (and with it the app) when it started: each child is still its own
process, with its own app, database connections and threads, and a SIGKILL kills it alone.
The forkserver itself runs no test code and holds no connection, so nothing a test opened
is shared with a child.
"""

from __future__ import annotations

import atexit
import importlib
import multiprocessing
import os
import sys
import tempfile
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[2]
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["tests.support.workers"])


@dataclass(frozen=True)
class Finished:
    """What a child left: its exit status (negative: the signal that ended it) and output."""

    returncode: int
    stdout: str
    stderr: str


def _run(module: str, args: list[str], stdout: str, stderr: str, talk: Connection | None) -> None:
    """In the child: `python -m module args…`, its output in the files named, or its
    standard input and output on `talk` (a socket the test holds the other end of)."""
    os.chdir(ROOT)
    for stream, path in ((sys.stdout, stdout), (sys.stderr, stderr)):
        stream.flush()
        target = os.open(path, os.O_WRONLY | os.O_TRUNC)
        os.dup2(target, stream.fileno())
        os.close(target)
    if talk is not None:
        os.dup2(talk.fileno(), 0)
        os.dup2(talk.fileno(), 1)
        talk.close()
        # multiprocessing gave the child devnull; this one lives as long as the process
        sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.argv = [module, *args]
    try:
        importlib.import_module(module).main()
    finally:
        atexit._run_exitfuncs()  # as an interpreter's exit would (the search applier drains)


class Child:
    """`python -m module args…` (the module has a `main()` reading sys.argv), started.

    With `talk=True` its standard input stays open and its output is read by line
    (`readline`), as with a pipe to a subprocess: a child that reads its input waits until
    the test ends it, or until the test process is gone (the input then ends)."""

    def __init__(self, module: str, *args: str, talk: bool = False) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="casebook-child-")
        self._out = Path(self._folder.name) / "stdout"
        self._err = Path(self._folder.name) / "stderr"
        self._out.touch()
        self._err.touch()
        ours, theirs = _CONTEXT.Pipe(duplex=True) if talk else (None, None)
        self._process = _CONTEXT.Process(
            target=_run, args=(module, list(args), str(self._out), str(self._err), theirs)
        )
        self._process.start()
        self._talk: IO[str] | None = None
        if ours is not None and theirs is not None:
            theirs.close()  # the child's end is the child's alone: its death ends the stream
            self._talk = open(ours.fileno(), encoding="utf-8", closefd=False)  # noqa: SIM115
            self._ours = ours

    def readline(self) -> str:
        """The child's next line of output ('' once it has ended)."""
        assert self._talk is not None, "started without talk=True"
        return self._talk.readline()

    def errors_so_far(self) -> str:
        return self._err.read_text()

    def kill(self) -> None:
        """SIGKILL, as a crash or the out-of-memory killer would end it."""
        self._process.kill()

    @property
    def pid(self) -> int:
        assert self._process.pid is not None
        return self._process.pid

    def finish(self, timeout: float) -> Finished:
        """Its exit and output; killed if it has not exited within `timeout` seconds (a
        bound for a hung child, not a speed check)."""
        self._process.join(timeout)
        if self._process.exitcode is None:
            self._process.kill()
            self._process.join()
            raise TimeoutError(f"the child process was still running after {timeout} s")
        code = self._process.exitcode
        self._process.close()
        if self._talk is not None:
            self._talk.close()
            self._ours.close()
        done = Finished(code, self._out.read_text(), self._err.read_text())
        self._folder.cleanup()
        return done


def stop() -> None:
    """End the forkserver, if this process started one, and wait for it: nothing outlives
    the run, and the children's CPU time is counted with the test process's (a forkserver
    left to exit on its own is reaped by init)."""
    from multiprocessing import forkserver

    forkserver._forkserver._stop()  # type: ignore[attr-defined]


def run(module: str, *args: str, timeout: float) -> Finished:
    """`python -m module args…` run to its end."""
    return Child(module, *args).finish(timeout)
