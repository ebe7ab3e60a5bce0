"""The Whoosh index on disk: schema, generations, one searcher per process, the apply lock.

Layout of CASEBOOK_INDEX_DIR:

    CURRENT          name of the live generation (replaced atomically by `reindex`)
    g-<stamp>/       a complete Whoosh index; `reindex` builds the next one beside it
    g-<stamp>/FORMAT the index format it was built with (INDEX_FORMAT)
    g-<stamp>/BUILDING  present (and flock-held by the builder) until the generation is
                     swapped in: one whose builder died is partial, removed at the next
                     start or rebuild (see partial_generations)
    .g-<stamp>.tmp/  a generation for the instant before its BUILDING marker is locked;
                     one left by a killed build is removed like a partial generation
    apply.lock       held (flock) by the one process applying the outbox at a time
    rebuild.lock     held by the one process rebuilding an index of an older format

`state()` tells a usable index from a missing one (no folder, no CURRENT, or CURRENT naming
a generation that is not there) and from a folder that holds something else ("foreign":
never written into, deleted or searched until an operator repairs it).

Searchers are expensive to open (hundreds of ms at 100k documents), so each process keeps
one and opens a new one only when the generation or the index's commit changes (a new
searcher, not `refresh()`, which can show an edited document twice).
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import os
import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from whoosh.analysis import LowercaseFilter, RegexTokenizer
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.scoring import BM25F
from whoosh.searching import Searcher
from whoosh.writing import MERGE_SMALL

from app.search.analysis import (
    CLINICAL_SYNONYMS,
    ClinicalAnalyzer,
    ClinicalFrequency,
    SynonymTable,
)
from app.search.format import (
    install_patches,
    length_bytes,
    numeric_codes,
    open_storage,
    segment_key,
    term_codes,
    term_pairs,
)
from app.search.spelling import SpellingFrequency

install_patches()

CURRENT = "CURRENT"
LOCK_FILE = "apply.lock"
REBUILD_LOCK_FILE = "rebuild.lock"
FORMAT_FILE = "FORMAT"
BUILDING_FILE = "BUILDING"
# Raised whenever the schema, the analysis or the way engine.py reads segments changes:
# a generation of another format is not searched or written, but rebuilt (see
# upkeep.upgrade_index). Generations without a FORMAT file predate it. A change to the
# built-in synonym groups changes the format too (see index_format).
# 3: evidence notes are documents of their own (practice_id, session_id fields).
# 4: results grouped by case (case_group, category); labelled stored text; "a fib" glued,
#    abbreviations kept from stemming; documents carry their topics' broader topics.
# 5: NOWS, METS and AIDS really kept from stemming (UNSTEMMED was left empty in 4); the
#    spelling field holds every word of a document's text (spelling.py).
# 6: a best practice whose evidence all lies in private programs carries private_program.
# 7: private_program is a comma-separated keyword: such a practice carries every program
#    it cites, and is seen by the members of any.
INDEX_FORMAT = 7
# seconds after which a build folder still under its hidden name is taken as left by a
# killed build (it keeps that name only until its marker is locked, an instant)
STAGING_GRACE = 60.0
WRITER_TIMEOUT = 30.0  # seconds a writer waits for another process's write lock
FACET_FIELDS = ("program", "type", "status", "year")
SCORED_FIELDS = ("title", "content")
# Per segment, terms the segment holds (about 200 bytes each: 10 MB at most); words found in
# no document are never kept, so text typed into a form cannot fill it.
DOC_FREQUENCIES_KEPT = 50_000


@functools.cache
def index_format() -> str:
    """What a generation is stamped with: INDEX_FORMAT and the built-in vocabulary's digest."""
    return f"{INDEX_FORMAT}.{SynonymTable.build(CLINICAL_SYNONYMS).digest()}"


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
        # The case a case, recommendation or annotation belongs to, as a number column:
        # results are grouped by it (engine.Corpus.groups), read with one read a segment.
        case_group=NUMERIC(int, sortable=True),
        category=STORED,  # a recommendation's category, shown with it
        recommendation_id=ID,
        practice_id=ID,  # a practice and its evidence notes
        session_id=ID,  # evidence notes citing a session
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
        private_program=KEYWORD(commas=True, scorable=False),
        restrict=KEYWORD(commas=True, scorable=False),
        owner=ID,
        # Plain lower-cased words of the whole text, for spelling correction.
        spell=_spelling_text(),
    )


def _spelling_text() -> TEXT:
    field = TEXT(analyzer=RegexTokenizer() | LowercaseFilter(), phrase=False)
    field.format = SpellingFrequency(field_boost=1.0)
    return field


def weighting() -> BM25F:
    # The short title saturates sooner; it carries its own boost in the query.
    return BM25F(B=0.75, K1=1.2, title_B=0.3)


@dataclass
class IndexState:
    """What is on disk under the index folder, for start-up, `verify` and /healthz."""

    status: str  # "ready" | "missing" | "foreign" | "outdated"
    generation: str | None
    format: str | None
    problem: str  # one sentence naming the folder; "" when ready

    @property
    def ready(self) -> bool:
        return self.status == "ready"


def _ours(name: str) -> bool:
    """A name the index may hold; a hidden file (the repository's `.gitkeep`) is left alone."""
    return (
        name.startswith(".")
        or name in (CURRENT, LOCK_FILE, REBUILD_LOCK_FILE)
        or name.startswith("g-")
        or (name.startswith(f"{CURRENT}.") and name.endswith(".tmp"))
    )


def _has_toc(path: Path) -> bool:
    try:
        return any(n.startswith("_MAIN_") and n.endswith(".toc") for n in os.listdir(path))
    except OSError:
        return False


@dataclass
class SegmentData:
    """Per-document values of one segment, read once from its columns and postings.

    Segments never change once written (only their deletions do), so this is cached per
    segment and shared by every searcher that contains it.
    """

    facets: dict[str, tuple[list, np.ndarray]]  # field -> (values, each document's code)
    topics: tuple[list, np.ndarray]  # topic values, and the code of each (doc, topic) pair
    topic_docs: np.ndarray  # the document of each (doc, topic) pair
    dates: np.ndarray  # yyyymmdd, 0 when unknown
    lengths: dict[str, np.ndarray]  # scored field -> one length byte per document
    # (field, term) -> documents of this segment with the term, filled as terms are asked
    # for (a segment's term statistics never change, deletions included).
    doc_frequencies: dict[tuple[str, str], int] = field(default_factory=dict)

    def doc_frequency(self, reader, name: str, text: str) -> int:
        key = (name, text)
        found = self.doc_frequencies.get(key)
        if found is None:
            found = reader.doc_frequency(name, text)
            if found and len(self.doc_frequencies) < DOC_FREQUENCIES_KEPT:
                self.doc_frequencies[key] = found
        return found


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
        self._formats: dict[str, str] = {}  # generation names are never reused

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
        open_storage(path).create_index(make_schema(table))
        (path / FORMAT_FILE).write_text(index_format(), encoding="utf-8")
        return name

    def generation_format(self, generation: str) -> str:
        """The format a generation was built with ("": older than FORMAT files)."""
        found = self._formats.get(generation)
        if found is None:
            try:
                found = (self.root / generation / FORMAT_FILE).read_text().strip()
            except OSError:
                found = ""
            self._formats[generation] = found
        return found

    def outdated(self, generation: str | None = None) -> bool:
        """True when the live generation was built with another index format."""
        generation = generation or self.current_generation()
        return generation is not None and self.generation_format(generation) != index_format()

    def swap(self, generation: str) -> None:
        """Make `generation` live for every process; remove generations older than the last,
        but not one another rebuild is still writing (its swap comes later)."""
        previous = self.current_generation()
        tmp = self.root / f"{CURRENT}.{os.getpid()}.tmp"
        tmp.write_text(generation, encoding="utf-8")
        os.replace(tmp, self.root / CURRENT)
        kept = {generation, previous, *self.live_builds()}
        for child in self.root.iterdir():
            stale = child.name.startswith("g-") and child.name not in kept
            if stale and child.is_dir():
                shutil.rmtree(child, ignore_errors=True)

    def state(self) -> IndexState:
        """Whether the live generation is there and searchable; a few stat calls."""
        root = self.root
        if not root.exists():
            return IndexState("missing", None, None, f"there is no index folder at {root}")
        if not root.is_dir():
            return IndexState("foreign", None, None, f"{root} is not a folder")
        try:
            name = (root / CURRENT).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            strangers = sorted(p.name for p in root.iterdir() if not _ours(p.name))
            if strangers:
                shown = ", ".join(strangers[:3]) + (" …" if len(strangers) > 3 else "")
                return IndexState(
                    "foreign",
                    None,
                    None,
                    f"{root} holds files that are not a Casebook search index ({shown})",
                )
            return IndexState("missing", None, None, f"{root} holds no search index")
        except OSError as exc:
            return IndexState("foreign", None, None, f"{root}/{CURRENT} cannot be read ({exc})")
        if not name.startswith("g-") or not _has_toc(root / name):
            return IndexState(
                "missing", None, None, f"{root}/{CURRENT} names {name!r}, which is not there"
            )
        found = self.generation_format(name)
        if found != index_format():
            return IndexState(
                "outdated", name, found, f"{root}/{name} was built by an older Casebook"
            )
        return IndexState("ready", name, found, "")

    # ------------------------------------------------------------------ rebuilding

    @contextlib.contextmanager
    def building(self, table: SynonymTable) -> Iterator[str]:
        """A new generation under construction, marked BUILDING (held locked) until
        `finish_building`; removed at once if the build fails."""
        self.root.mkdir(parents=True, exist_ok=True)
        name = f"g-{time.strftime('%Y%m%d%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
        path = self.root / name
        # Made under a hidden name and renamed once its marker is locked: a process looking
        # for dead builds meanwhile never finds the folder with its marker not yet held.
        staging = self.root / f".{name}.tmp"
        staging.mkdir()
        with open(staging / BUILDING_FILE, "a+b") as marker:
            fcntl.flock(marker.fileno(), fcntl.LOCK_EX)
            try:
                staging.rename(path)
                open_storage(path).create_index(make_schema(table))
                (path / FORMAT_FILE).write_text(index_format(), encoding="utf-8")
                yield name
            except BaseException:
                shutil.rmtree(path, ignore_errors=True)
                shutil.rmtree(staging, ignore_errors=True)
                raise

    def finish_building(self, generation: str) -> None:
        """The build is complete: no longer partial (call before `swap`)."""
        (self.root / generation / BUILDING_FILE).unlink(missing_ok=True)

    def _builds(self) -> Iterator[tuple[Path, bool]]:
        """Every generation still marked as building, and whether its builder is alive (it
        holds the BUILDING lock, in this process or another)."""
        if not self.root.is_dir():
            return
        for child in sorted(self.root.iterdir()):
            if _staging(child.name):
                # A hidden name lasts an instant (until its marker is locked): one that
                # stays was left by a build killed then. A fresh one may be one in the making.
                if _held(child / BUILDING_FILE):
                    yield child, True
                else:
                    yield child, _age(child) < STAGING_GRACE
                continue
            if not child.name.startswith("g-"):
                continue
            alive = _held(child / BUILDING_FILE)
            if alive is not None:
                yield child, alive

    def partial_generations(self) -> list[tuple[str, int]]:
        """Generations whose builder died before finishing, with their size in bytes."""
        return [(c.name, _folder_size(c)) for c, alive in self._builds() if not alive]

    def live_builds(self) -> list[str]:
        """Generations being built right now (their builder holds the BUILDING lock)."""
        return [c.name for c, alive in self._builds() if alive]

    def remove_other_generations(self) -> list[str]:
        """Delete every generation but the live one and those being built (a purge must
        not leave old text in the previous generation that `swap` keeps)."""
        current = self.current_generation()
        building = set(self.live_builds())
        removed = []
        for child in sorted(self.root.iterdir()):
            stale = child.name.startswith("g-") and child.name not in (current, *building)
            if stale and child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
                removed.append(child.name)
        return removed

    def remove_partial_generations(self) -> list[tuple[str, int]]:
        """Delete what `partial_generations` finds; returns what was removed."""
        removed = self.partial_generations()
        current = self.current_generation()
        for name, _size in removed:
            if name != current:
                shutil.rmtree(self.root / name, ignore_errors=True)
        return removed

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
                self._ix = open_storage(self.root / generation).open_index()
                self._ix_generation = generation
            return self._ix

    def open_generation(self, generation: str):
        return open_storage(self.root / generation).open_index()

    def exists(self) -> bool:
        return self.current_generation() is not None

    # ------------------------------------------------------------------ searching

    def snapshot(self) -> Snapshot | None:
        """The process's searcher, replaced when the index has changed since it was opened."""
        generation = self.current_generation()
        if generation is None or self.outdated(generation):
            return None  # not searchable until rebuilt
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
            live = {(generation, segment_key(r)) for r, _ in searcher.reader().leaf_readers()}
            for key in list(self._segments):
                if key not in live:
                    del self._segments[key]
        return fresh

    def segment_data(self, generation: str, reader) -> SegmentData:
        key = (generation, segment_key(reader))
        found = self._segments.get(key)
        if found is not None:
            return found
        n = reader.doc_count_all()
        facets: dict[str, tuple[list, np.ndarray]] = {
            name: term_codes(reader, name, n) for name in ("program", "type", "status")
        }
        facets["year"] = numeric_codes(reader, "year", n)
        facets["case_group"] = numeric_codes(reader, "case_group", n)
        date_values, date_codes = numeric_codes(reader, "date", n)
        dates = np.array([*date_values, 0], dtype=np.int64)[date_codes]  # code -1: 0
        topic_values, topic_codes, topic_docs = term_pairs(reader, "topics")
        lengths = {name: length_bytes(reader, name, n) for name in SCORED_FIELDS}
        data = SegmentData(facets, (topic_values, topic_codes), topic_docs, dates, lengths)
        with self._lock:
            self._segments[key] = data
        return data

    # ------------------------------------------------------------------ writing

    def apply_lock(self, blocking: bool = True) -> contextlib.AbstractContextManager[bool]:
        """One process at a time applies changes; yields False if not blocking and busy."""
        return self._flock(LOCK_FILE, blocking)

    def rebuild_lock(self) -> contextlib.AbstractContextManager[bool]:
        """Taken without waiting by a process rebuilding an outdated index; False if busy."""
        return self._flock(REBUILD_LOCK_FILE, False)

    @contextlib.contextmanager
    def _flock(self, name: str, blocking: bool) -> Iterator[bool]:
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / name, "a+b") as fh:
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


def _staging(name: str) -> bool:
    return name.startswith(".g-") and name.endswith(".tmp")


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def _held(marker: Path) -> bool | None:
    """Whether a build's marker is locked by its builder; None when it is gone (the build
    just finished). Opened, never created: a finished generation must not get one back."""
    try:
        fd = os.open(marker, os.O_RDONLY)
    except FileNotFoundError:
        return None
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(fd, fcntl.LOCK_UN)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)
    return False


def _folder_size(path: Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            with contextlib.suppress(OSError):
                total += os.stat(os.path.join(dirpath, name)).st_size
    return total


SMALL_SEGMENT = 4_000  # documents; bigger segments are never merged by ordinary writes


def merge_small_segments(writer, segments):
    """Whoosh's MERGE_SMALL, applied to the small segments only.

    A rebuild leaves one large segment (its bulk segments merged by upkeep.reindex), or
    many of 8,000 documents when that merge failed (bulk.py). Whoosh's policy compares
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
