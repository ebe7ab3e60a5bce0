"""Rebuilding a whole index fast: several processes, each writing bounded segments.

Whoosh's `MpWriter(multisegment=True)` gives each process one segment for everything it is
sent. A big segment costs more per document to write (its posting pool outgrows memory,
spills to disk and is merged back posting by posting), so here each process closes its
segment every `docs_per_segment` documents and starts another. Once the processes are
done the rebuild merges those segments into one (`format.merge_segments`, called by
`upkeep.reindex`), far faster than Whoosh's own merge; the outbox's ordinary writes merge
small segments as usual.

The processes stop with their parent: killed or failed, a rebuild leaves no indexing
process behind (each holds hundreds of MB), and a cancelled one terminates them. The parent
watches them in turn: an indexing process that dies (killed, out of memory, a crash) fails
the rebuild at once with `IndexingProcessFailed`, naming how it ended, where the parent
would otherwise wait for it forever (a full job queue) or for an hour (its result).

They are started with "spawn" (a fresh interpreter), not Whoosh's default "fork": a forked
copy of the rebuilding process would inherit its database connection in the middle of a
query, its threads and their locks, none of which it may use or release safely.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
import time

from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.util import random_name
from whoosh.writing import SegmentWriter

from app.batch import lower_priority

DOCS_PER_SEGMENT = 8_000
PARENT_POLL_SECONDS = 1.0
CHILD_POLL_SECONDS = 1.0  # how often the parent checks its indexing processes while waiting
# Alive but handing back nothing (stopped, stuck) this long after the end of work or the
# last result: the rebuild fails rather than waiting for ever.
RESULT_WAIT_SECONDS = 3600.0
# How long a process asked to stop (SIGTERM) may take before it is killed (SIGKILL).
TERMINATE_WAIT_SECONDS = 10.0
PR_SET_PDEATHSIG = 1  # linux/prctl.h
# A direct child (unlike "forkserver"), so that it can stop with its parent.
START = multiprocessing.get_context("spawn")


class IndexingProcessFailed(RuntimeError):
    """An indexing process of a rebuild ended before handing back its segments."""


def how_it_ended(exitcode: int | None) -> str:
    """`killed by signal 11 (SIGSEGV)`, `exited with status 1`."""
    if exitcode is None:
        return "is still running"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            return f"was killed by signal {-exitcode}"
        return f"was killed by signal {-exitcode} ({name})"
    return f"exited with status {exitcode}"


def stop_with_parent(parent_pid: int) -> None:
    """End this process when `parent_pid` is gone.

    On Linux the kernel sends SIGKILL when the parent dies (prctl PR_SET_PDEATHSIG);
    everywhere, a daemon thread also checks every second whether the parent changed
    (an orphan is re-parented), which covers other systems and the death of the parent's
    creating thread without the process.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent_pid:  # died before the line above took effect
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(PARENT_POLL_SECONDS)
            if os.getppid() != parent_pid:
                os._exit(1)

    threading.Thread(target=watch, name="casebook-parent-watch", daemon=True).start()


class _ChunkTask(SubWriterTask):
    # Started in the START context whatever the default is (Whoosh's tasks use the default).
    @staticmethod
    def _Popen(process_obj):
        return START.Process._Popen(process_obj)

    @staticmethod
    def _after_fork():
        return START.Process._after_fork()  # type: ignore[attr-defined]

    def __init__(self, *args, docs_per_segment: int, nice: int = 0) -> None:
        super().__init__(*args)
        self.docs_per_segment = docs_per_segment
        self.nice = nice
        self.parent_pid = os.getpid()

    def run(self) -> None:
        stop_with_parent(self.parent_pid)
        lower_priority(self.nice)  # this process holds no lock anyone waits for
        ix = self.storage.open_index(self.indexname)
        segments = []
        self.writer = SegmentWriter(ix, _lk=False, **self.kwargs)
        while self.running:
            jobinfo = self.jobqueue.get()
            if jobinfo is None:
                break
            self._process_file(*jobinfo)
            if self.writer.docnum >= self.docs_per_segment:
                segments.append(self.writer._finalize_segment())
                self.writer = SegmentWriter(ix, _lk=False, **self.kwargs)
        if not self.running:
            self.writer.cancel()
            return
        if self.writer.docnum:
            segments.append(self.writer._finalize_segment())
        else:
            self.writer._close_segment()
        self.resultqueue.put((None, None, segments), timeout=60)

    def _process_file(self, filename: str, doc_count: int) -> None:
        tempstorage = self.writer.temp_storage()
        with tempstorage.open_file(filename).raw_file() as fh:
            for _ in range(doc_count):
                code, args = pickle.load(fh)  # noqa: S301 - our own job file
                assert code == 0
                self.writer.add_document(**args)
        tempstorage.delete_file(filename)


class ChunkedMpWriter(MpWriter):
    """`MpWriter(multisegment=True)` whose processes write segments of bounded size."""

    def __init__(
        self, ix, procs: int, docs_per_segment: int = DOCS_PER_SEGMENT, nice: int = 0, **kwargs
    ):
        super().__init__(ix, procs=procs, multisegment=True, **kwargs)
        self.docs_per_segment = docs_per_segment
        self.nice = nice  # the processes' priority is lowered by this much (see app.batch)
        # Queues of the processes' own context (Whoosh's are the default context's).
        self.jobqueue = START.Queue(self.procs * 4)
        self.resultqueue = START.Queue()

    def _new_task(self):
        task = _ChunkTask(
            self.storage,
            self.indexname,
            self.jobqueue,
            self.resultqueue,
            self.subargs,
            True,
            docs_per_segment=self.docs_per_segment,
            nice=self.nice,
        )
        self.tasks.append(task)
        task.start()
        return task

    def cancel(self) -> None:
        """Stop the processes (Whoosh's cancel only flags its own copy of each task, so
        they would wait for work forever), then discard what this writer wrote."""
        try:
            for task in self.tasks:
                if task.is_alive():
                    task.terminate()
            for task in self.tasks:
                task.join(TERMINATE_WAIT_SECONDS)
                if task.is_alive():
                    task.kill()
                    task.join(5)
        finally:
            super().cancel()

    def _enqueue(self) -> None:
        # Whoosh's, but the job is queued without blocking on a process that has died.
        docs: list[tuple[int, dict]] = self.docbuffer
        filename = f"{random_name()}.doclist"
        with self.temp_storage().create_file(filename).raw_file() as fh:
            for item in docs:
                pickle.dump(item, fh, 2)
        if len(self.tasks) < self.procs:
            self._new_task()
        self._put((filename, len(docs)))
        self.docbuffer: list[tuple[int, dict]] = []

    def _put(self, job) -> None:
        """Queue a job, or the end of work (None), while the processes are alive."""
        while True:
            # Before the end of work is sent, a process has no reason to exit at all.
            self._check_processes(any_exit=job is not None)
            try:
                self.jobqueue.put(job, timeout=CHILD_POLL_SECONDS)
                return
            except queue.Full:
                continue

    def _check_processes(self, *, any_exit: bool) -> None:
        for number, task in enumerate(self.tasks, 1):
            if task.exitcode is not None and (task.exitcode != 0 or any_exit):
                raise IndexingProcessFailed(
                    f"Search indexing process {number} of {len(self.tasks)} (pid {task.pid})"
                    f" {how_it_ended(task.exitcode)}; the rebuild was cancelled."
                )

    def _commit(self, mergetype, optimize, merge):
        if self.docbuffer:
            self._enqueue()
        for _task in self.tasks:
            self._put(None)
        finalsegments = self._merge_segments(mergetype, optimize, merge)
        results: list = []
        waiting_since = time.monotonic()
        while len(results) < len(self.tasks):
            # Read before joining: a process cannot exit while its result is unread.
            try:
                results.append(self.resultqueue.get(timeout=CHILD_POLL_SECONDS))
                waiting_since = time.monotonic()
            except queue.Empty:
                self._check_processes(any_exit=False)
                if time.monotonic() - waiting_since > RESULT_WAIT_SECONDS:
                    raise IndexingProcessFailed(
                        f"{len(self.tasks) - len(results)} of {len(self.tasks)} search"
                        " indexing processes handed back nothing in"
                        f" {RESULT_WAIT_SECONDS:,.0f} s; the rebuild was cancelled."
                    ) from None
                if all(t.exitcode is not None for t in self.tasks):
                    # All have exited: whatever they sent is in the queue by now.
                    try:
                        results.append(self.resultqueue.get(timeout=CHILD_POLL_SECONDS))
                    except queue.Empty:
                        raise IndexingProcessFailed(
                            f"{len(self.tasks) - len(results)} of {len(self.tasks)} search"
                            " indexing processes ended without handing back their segments;"
                            " the rebuild was cancelled."
                        ) from None
        for task in self.tasks:
            task.join()
        self._check_processes(any_exit=False)
        for _run, _fields, segments in results:
            finalsegments.extend(segments)
        if self._added:
            finalsegments.append(self._finalize_segment())
        else:
            self._close_segment()
        self._commit_toc(finalsegments)
        self._finish()
