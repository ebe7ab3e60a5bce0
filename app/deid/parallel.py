"""Scanning an import's texts for identifiers on several cores.

The scan is pure (a text's findings depend on the text alone) and is most of an import's
CPU, so `casebook import --jobs N` scans every file's texts in N worker processes before
each file's transaction, and the gate then finds them scanned (`gate.remember`). Only
findings (offsets and categories) come back from the workers, never log lines.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from app.batch import lower_priority
from app.deid.detector import Finding
from app.deid.gate import redacted_text, scan_text, text_variants
from app.deid.shown import shown_text, typed_text

Scans = tuple[dict[str, list[Finding]], dict[str, str | None]]

# Characters of text per task: big enough that sending a task costs little beside scanning
# it, small enough that one file's texts spread over every worker.
CHUNK_CHARS = 200_000


def default_jobs() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def scan_texts(items: Sequence[tuple[str, bool]]) -> dict[str, list[Finding]]:
    """Findings of each text; for a text to be redacted (True) also of what the gate will
    check after redaction (its placeholders in place of the findings, then stripped); and
    of each checked text as shown, when that differs."""
    return scan_and_show(items)[0]


def scan_and_show(items: Sequence[tuple[str, bool]]) -> Scans:
    """`scan_texts`, and each checked text as shown (None: it reads as stored), which the
    gate reads too (`gate.remember` takes both)."""
    found: dict[str, list[Finding]] = {}
    shown_as: dict[str, str | None] = {}
    for text, redacting in items:
        if text not in found:
            found[text] = scan_text(text)
        after = redacted_text(text, found[text]) if redacting else None
        checked = list(text_variants(after)) if after is not None else [text]
        for variant in checked:
            if variant not in found:
                found[variant] = scan_text(variant)
            # The gate also reads each text as shown (`hidden_findings`).
            shown = shown_as[variant] = shown_text(variant)
            for reading in (shown, typed_text(variant)):
                if reading is not None and reading not in found:
                    found[reading] = scan_text(reading)
    return found, shown_as


class ScanPool:
    """Worker processes scanning files' texts ahead of the importing process.

    Every file is handed over at once (`submit`), so the workers keep scanning the next
    files while the importer writes the current one; `results` waits for one file."""

    def __init__(self, jobs: int, *, nice: int = 0) -> None:
        # forkserver: the workers do not inherit the importer's database connections or
        # threads; the detector and its word lists are loaded once per worker. They run
        # below the importer's priority (`nice`), so that requests served meanwhile go first.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["app.deid.detector"])
        self.executor = ProcessPoolExecutor(
            max_workers=jobs, mp_context=context, initializer=lower_priority, initargs=(nice,)
        )
        self.jobs = jobs
        self.pending: dict[int, list[Future[Scans]]] = {}

    def submit(self, key: int, items: Iterable[tuple[str, bool]]) -> None:
        chunks: list[list[tuple[str, bool]]] = [[]]
        size = 0
        redacting: dict[str, bool] = {}
        for text, flag in items:
            redacting[text] = redacting.get(text, False) or flag
        for text, flag in redacting.items():
            if size >= CHUNK_CHARS:
                chunks.append([])
                size = 0
            chunks[-1].append((text, flag))
            size += len(text)
        # Small files still spread over every worker.
        if len(chunks) < self.jobs:
            flat = chunks[0]
            step = max(1, -(-len(flat) // self.jobs))
            chunks = [flat[i : i + step] for i in range(0, len(flat), step)]
        self.pending[key] = [self.executor.submit(scan_and_show, c) for c in chunks if c]

    def results(self, key: int) -> Scans:
        """The findings of one file's texts, and its checked texts as shown."""
        found: dict[str, list[Finding]] = {}
        shown: dict[str, str | None] = {}
        for future in self.pending.pop(key, []):
            more, more_shown = future.result()
            found.update(more)
            shown.update(more_shown)
        return found, shown

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ScanPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
