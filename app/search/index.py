"""The Whoosh index on disk: schema, generations, one searcher per process, the apply lock.

Layout of CASEBOOK_INDEX_DIR:

    CURRENT          name of the live generation (replaced atomically by `reindex`)
    g-<stamp>/       a complete Whoosh index; `reindex` builds the next one beside it
    apply.lock       held (flock) by the one process applying the outbox at a time

Searchers are expensive to open (hundreds of ms at 100k documents), so each process keeps
one and opens a new one only when the generation or the index's commit changes (a new
searcher, not `refresh()`, which can show an edited document twice).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from whoosh.analysis import LowercaseFilter, RegexTokenizer
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.scoring import BM25F
from whoosh.searching import Searcher
from whoosh.writing import MERGE_SMALL

from app.search import whoosh_patches
from app.search.analysis import ClinicalAnalyzer, ClinicalFrequency, SynonymTable

whoosh_patches.install()

CURRENT = "CURRENT"
LOCK_FILE = "apply.lock"
WRITER_TIMEOUT = 30.0  # seconds a writer waits for another process's write lock
FACET_FIELDS = ("program", "type", "status", "year")
COLUMN_FIELDS = (*FACET_FIELDS, "date")
SCORED_FIELDS = ("title", "content")


def _storage(path: Path) -> FileStorage:
    # Plain reads, not mmap: a mapped index counts in full in every worker's resident
    # memory once touched (stored text included), and would grow with the corpus.
    return FileStorage(str(path), supports_mmap=False)


def _clinical_text(analyzer: ClinicalAnalyzer) -> TEXT:
    field = TEXT(analyzer=analyzer, stored=True, phrase=False)
    field.format = ClinicalFrequency(field_boost=1.0)
    return field


def make_schema(table: SynonymTable) -> Schema:
    clinical = ClinicalAnalyzer(table)
    return Schema(
        key=ID(stored=True, unique=True, sortable=True),  # "case:12"
        digest=ID(stored=True, sortable=True),  # of the document's fields, for `verify`
        type=ID(stored=True, sortable=True),
        entity_id=STORED,
        case_id=ID(stored=True),
        recommendation_id=ID,
        ref=STORED,
        url=STORED,
        # Frequencies only, no positions or characters: less to write, postings that read
        # back fast. Phrases are checked against the stored text of the candidates
        # (engine.py), snippets found in it (operations.py).
        title=_clinical_text(clinical),
        # Everything searchable, title and question included.
        content=_clinical_text(clinical),
        topics=KEYWORD(stored=True, commas=True, scorable=False),
        topic_names=STORED,
        program=ID(stored=True, sortable=True),
        program_name=STORED,
        status=ID(stored=True, sortable=True),
        year=NUMERIC(int, stored=True, sortable=True),
        date=NUMERIC(int, stored=True, sortable=True),  # yyyymmdd
        # Permissions (see permissions.py): who may see the document.
        private_program=ID,
        restrict=KEYWORD(commas=True, scorable=False),
        owner=ID,
        # Plain lower-cased words for "did you mean".
        spell=TEXT(analyzer=RegexTokenizer() | LowercaseFilter(), phrase=False),
    )


def weighting() -> BM25F:
    # The short title saturates sooner; it carries its own boost in the query.
    return BM25F(B=0.75, K1=1.2, title_B=0.3)


@dataclass
class SegmentData:
    """Per-document values of one segment, read once from its columns and postings.

    Segments never change once written (only their deletions do), so this is cached per
    segment and shared by every searcher that contains it.
    """

    columns: dict[str, list]  # facet/sort columns: type, program, status, year, date
    topics: list[tuple[str, ...]]
    lengths: dict[str, bytes]  # scored field -> one length byte per document


@dataclass
class Snapshot:
    """One open searcher and what has been computed for it (valid until it is replaced)."""

    searcher: Searcher
    generation: str
    opened_at: float
    cache: dict = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


class SearchIndex:
    """The index under one directory, as seen by this process."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._lock = threading.Lock()
        self._ix = None
        self._ix_generation: str | None = None
        self._snapshot: Snapshot | None = None
        self._segments: dict[tuple[str, str], SegmentData] = {}

    # ------------------------------------------------------------------ generations

    def current_generation(self) -> str | None:
        try:
            name = (self.root / CURRENT).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return name if name and (self.root / name).is_dir() else None

    def new_generation(self, table: SynonymTable) -> str:
        """Create an empty index generation beside the live one; not live until `swap`."""
        self.root.mkdir(parents=True, exist_ok=True)
        name = f"g-{time.strftime('%Y%m%d%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
        path = self.root / name
        path.mkdir()
        _storage(path).create_index(make_schema(table))
        return name

    def swap(self, generation: str) -> None:
        """Make `generation` live for every process; remove generations older than the last."""
        previous = self.current_generation()
        tmp = self.root / f"{CURRENT}.{os.getpid()}.tmp"
        tmp.write_text(generation, encoding="utf-8")
        os.replace(tmp, self.root / CURRENT)
        for child in self.root.iterdir():
            stale = child.name.startswith("g-") and child.name not in (generation, previous)
            if stale and child.is_dir():
                shutil.rmtree(child, ignore_errors=True)

    def ensure(self, table_factory) -> str:
        """The live generation, created (empty) on first use."""
        generation = self.current_generation()
        if generation is None:
            with self.apply_lock():
                generation = self.current_generation()
                if generation is None:
                    generation = self.new_generation(table_factory())
                    self.swap(generation)
        return generation

    def open(self, generation: str | None = None):
        generation = generation or self.current_generation()
        if generation is None:
            return None
        with self._lock:
            if self._ix is None or self._ix_generation != generation:
                self._ix = _storage(self.root / generation).open_index()
                self._ix_generation = generation
            return self._ix

    def open_generation(self, generation: str):
        return _storage(self.root / generation).open_index()

    def exists(self) -> bool:
        return self.current_generation() is not None

    # ------------------------------------------------------------------ searching

    def snapshot(self) -> Snapshot | None:
        """The process's searcher, replaced when the index has changed since it was opened."""
        generation = self.current_generation()
        if generation is None:
            return None
        snap = self._snapshot
        if snap is not None and snap.generation == generation:
            try:
                if snap.searcher.up_to_date():
                    return snap
            except (OSError, ValueError):
                pass
        with self._lock:
            snap = self._snapshot
            if snap is not None and snap.generation == generation:
                with contextlib.suppress(OSError, ValueError):
                    if snap.searcher.up_to_date():
                        return snap
        ix = self.open(generation)
        searcher = ix.searcher(weighting=weighting())
        fresh = Snapshot(searcher, generation, time.monotonic())
        with self._lock:
            self._snapshot = fresh
            live = {(generation, self._segment_key(r)) for r, _ in searcher.reader().leaf_readers()}
            for key in list(self._segments):
                if key not in live:
                    del self._segments[key]
        return fresh

    @staticmethod
    def _segment_key(reader) -> str:
        segment = reader.segment() if hasattr(reader, "segment") else None
        return segment.segment_id() if segment is not None else str(id(reader))

    def segment_data(self, generation: str, reader) -> SegmentData:
        key = (generation, self._segment_key(reader))
        found = self._segments.get(key)
        if found is not None:
            return found
        n = reader.doc_count_all()
        interned: dict = {}
        columns = {}
        for name in COLUMN_FIELDS:
            if reader.has_column(name):
                values = reader.column_reader(name, translate=True)
                columns[name] = [interned.setdefault(v, v) for v in values]
            else:
                columns[name] = [None] * n
        topics: list[list[str]] = [[] for _ in range(n)]
        if "topics" in reader.indexed_field_names():
            for raw in reader.lexicon("topics"):
                text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
                for docnum in reader.postings("topics", raw).all_ids():
                    topics[docnum].append(text)
        lengths = {}
        for name in SCORED_FIELDS:
            perdoc = getattr(reader, "_perdoc", None)  # None: an empty index
            column = perdoc._cached_reader(f"_{name}_len", LENGTHS_COLUMN) if perdoc else None
            lengths[name] = bytes(column) if column is not None else bytes(n)
        tuples: dict = {}
        data = SegmentData(
            columns, [tuples.setdefault(tuple(t), tuple(t)) for t in topics], lengths
        )
        with self._lock:
            self._segments[key] = data
        return data

    # ------------------------------------------------------------------ writing

    @contextlib.contextmanager
    def apply_lock(self, blocking: bool = True) -> Iterator[bool]:
        """One process at a time applies changes; yields False if not blocking and busy."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / LOCK_FILE, "a+b") as fh:
            flags = fcntl.LOCK_EX if blocking else fcntl.LOCK_EX | fcntl.LOCK_NB
            try:
                fcntl.flock(fh.fileno(), flags)
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

    def writer(self, generation: str | None = None, **kwargs):
        generation = generation or self.current_generation()
        ix = self.open_generation(generation) if generation else None
        if ix is None:
            raise RuntimeError("No search index yet.")
        return ix.writer(timeout=WRITER_TIMEOUT, **kwargs)


SMALL_SEGMENT = 4_000  # documents; bigger segments are never merged by ordinary writes


def merge_small_segments(writer, segments):
    """Whoosh's MERGE_SMALL, applied to the small segments only.

    A rebuild leaves many segments of 8,000 documents (bulk.py). Whoosh's policy compares
    the running total of the smallest segments with a Fibonacci bound, which at 100,000
    cases picks nearly all of them: one saved case would merge the whole index, posting by
    posting, for minutes. Here the outbox's small segments are merged among themselves;
    the rebuild's are left alone (their deleted documents go at the next rebuild).
    """
    small = [s for s in segments if s.doc_count_all() < SMALL_SEGMENT]
    large = [s for s in segments if s.doc_count_all() >= SMALL_SEGMENT]
    return large + MERGE_SMALL(writer, small)


_indexes: dict[str, SearchIndex] = {}
_indexes_lock = threading.Lock()


def index_at(root: str | Path) -> SearchIndex:
    """The process-wide SearchIndex for a directory."""
    key = str(Path(root).resolve())
    with _indexes_lock:
        found = _indexes.get(key)
        if found is None:
            found = _indexes[key] = SearchIndex(Path(key))
        return found
