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

from whoosh import index as whoosh_index
from whoosh.analysis import LowercaseFilter, RegexTokenizer
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from app.search.analysis import ClinicalAnalyzer, SynonymTable

CURRENT = "CURRENT"
LOCK_FILE = "apply.lock"
WRITER_TIMEOUT = 30.0  # seconds a writer waits for another process's write lock
FACET_FIELDS = ("program", "type", "status", "year")


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
        title=TEXT(analyzer=clinical, stored=True),
        question=TEXT(analyzer=clinical, stored=True),
        # Everything searchable, title and question included; character offsets make
        # snippets cheap (no re-analysis at query time).
        content=TEXT(analyzer=clinical, stored=True, chars=True),
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
    # Short fields saturate sooner; the title and question carry boosts in the query.
    return BM25F(B=0.75, K1=1.2, title_B=0.3, question_B=0.5)


@dataclass
class SegmentFacets:
    """Per-document facet values of one segment, read once from its columns and postings."""

    columns: dict[str, list]
    topics: list[tuple[str, ...]]


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
        self._segment_facets: dict[tuple[str, int], SegmentFacets] = {}

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
        whoosh_index.create_in(str(path), make_schema(table))
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
                self._ix = whoosh_index.open_dir(str(self.root / generation))
                self._ix_generation = generation
            return self._ix

    def open_generation(self, generation: str):
        return whoosh_index.open_dir(str(self.root / generation))

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
            for key in list(self._segment_facets):
                if key not in live:
                    del self._segment_facets[key]
        return fresh

    @staticmethod
    def _segment_key(reader) -> str:
        segment = reader.segment() if hasattr(reader, "segment") else None
        return segment.segment_id() if segment is not None else str(id(reader))

    def segment_facets(self, generation: str, reader) -> SegmentFacets:
        key = (generation, self._segment_key(reader))
        found = self._segment_facets.get(key)
        if found is not None:
            return found
        n = reader.doc_count_all()
        columns = {}
        for name in FACET_FIELDS:
            if reader.has_column(name):
                columns[name] = list(reader.column_reader(name, translate=True))
            else:
                columns[name] = [None] * n
        topics: list[list[str]] = [[] for _ in range(n)]
        if "topics" in reader.indexed_field_names():
            for raw in reader.lexicon("topics"):
                text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
                for docnum in reader.postings("topics", raw).all_ids():
                    topics[docnum].append(text)
        facets = SegmentFacets(columns, [tuple(t) for t in topics])
        self._segment_facets[key] = facets
        return facets

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
