"""Whoosh's on-disk format: every private name of Whoosh 2.7 that Casebook reads or
replaces is in this module, behind a few functions the rest of app.search calls.

- Files: `open_storage` opens a generation's folder with files any number of threads
  read at once.
- Postings: `read_postings` reads a term's postings from a segment's files into arrays,
  falling back to Whoosh's own matchers for a layout it does not know.
- Columns: `term_pairs`, `term_codes`, `numeric_codes` and `length_bytes` read a
  segment's per-document values with one read each; `segment_key` names a segment;
  `LENGTHS` and `bm25f_parameters` are what BM25F scores those lengths with.
- Writing: `bulk_writer_options` for whole-index writes, and `install_patches`, a
  speed-up of Whoosh's segment writing.

Parts of Whoosh used through their documented interfaces (schemas, writers, searchers,
queries) are used where they are needed; bulk.py subclasses Whoosh's multi-process writer.
"""

from __future__ import annotations

import os
import pickle
import threading
import zlib
from array import array
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from struct import Struct
from typing import Any

import numpy as np
from whoosh.codec import base
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3PerDocReader
from whoosh.columns import NumericColumn
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile
from whoosh.util.numeric import byte_to_length

# ---------------------------------------------------------------- files
# Index files that any number of threads read at once.
#
# Whoosh opens each segment file once and every searcher thread reads it through that one
# handle as `seek` then `read`: two threads interleaving those calls read each other's bytes
# (garbled postings, failed unpickling). Here reads use `os.pread`, which takes its offset as
# an argument, and each thread keeps its own position, so one shared open file is safe.
# Files are still read, not mapped (see open_storage).


def open_storage(path: Path) -> FileStorage:
    # Plain reads, not mmap: a mapped index counts in full in every worker's resident
    # memory once touched (stored text included), and would grow with the corpus. The
    # reads are position-free (below), so the searcher's threads can share its files.
    return ThreadSafeFileStorage(str(path), supports_mmap=False)


class _Descriptor:
    """An open file descriptor, closed once by the file that opened it."""

    def __init__(self, path: str) -> None:
        self.fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        self.closed = False

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            os.close(self.fd)

    def __del__(self) -> None:
        # Replaced searchers are dropped, not closed (other threads may still be reading):
        # like a Python file object, the descriptor closes when nothing refers to it.
        self.close()


class PositionFreeFile:
    """A read-only file over bytes [start, start + length) of a descriptor, with a position
    per thread; `pread` reads at an offset without touching any position."""

    def __init__(self, descriptor: _Descriptor, start: int, length: int, *, owner: bool) -> None:
        self._descriptor = descriptor
        self._start = start
        self._length = length
        self._owner = owner  # the whole file closes the descriptor; its parts do not
        self._local = threading.local()
        self.closed = False

    @classmethod
    def open(cls, path: str) -> PositionFreeFile:
        descriptor = _Descriptor(path)
        return cls(descriptor, 0, os.fstat(descriptor.fd).st_size, owner=True)

    def part(self, offset: int, length: int) -> PositionFreeFile:
        return PositionFreeFile(self._descriptor, self._start + offset, length, owner=False)

    # -- reading at an offset

    def pread(self, offset: int, size: int) -> bytes:
        if self._descriptor.closed:  # its number may belong to another file by now
            raise ValueError("I/O operation on closed file.")
        size = max(0, min(size, self._length - offset))
        if size == 0:
            return b""
        chunks = []
        at = self._start + offset
        while size > 0:  # pread may return less than asked (rarely, for regular files)
            chunk = os.pread(self._descriptor.fd, size, at)
            if not chunk:
                break
            chunks.append(chunk)
            at += len(chunk)
            size -= len(chunk)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)

    # -- the file interface Whoosh and pickle use, with this thread's position

    def tell(self) -> int:
        return getattr(self._local, "pos", 0)

    def seek(self, where: int, whence: int = 0) -> int:
        if whence == 1:
            where += self.tell()
        elif whence == 2:
            where += self._length
        self._local.pos = max(0, where)
        return self._local.pos

    def read(self, size: int | None = -1) -> bytes:
        pos = self.tell()
        if size is None or size < 0:
            size = self._length - pos
        data = self.pread(pos, size)
        self._local.pos = pos + len(data)
        return data

    def readinto(self, buffer) -> int:
        view = memoryview(buffer).cast("B")
        data = self.read(len(view))
        view[: len(data)] = data
        return len(data)

    def readline(self, size: int | None = -1) -> bytes:
        pos = self.tell()
        limit = self._length - pos if size is None or size < 0 else size
        line = bytearray()
        while len(line) < limit:
            chunk = self.pread(pos + len(line), min(4096, limit - len(line)))
            if not chunk:
                break
            end = chunk.find(b"\n")
            if end >= 0:
                line += chunk[: end + 1]
                break
            line += chunk
        self._local.pos = pos + len(line)
        return bytes(line)

    def __iter__(self):
        while line := self.readline():
            yield line

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def close(self) -> None:
        self.closed = True
        if self._owner:
            self._descriptor.close()

    def __enter__(self) -> PositionFreeFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PositionFreeStructFile(StructFile):
    """Whoosh's StructFile over a PositionFreeFile: `get` reads at its offset directly, and
    the parts of a compound segment file share the descriptor, not a position."""

    def get(self, position: int, length: int) -> bytes:
        return self.file.pread(position, length)

    def subset(self, offset: int, length: int, name: str | None = None) -> StructFile:
        return PositionFreeStructFile(self.file.part(offset, length), name=name)


class ThreadSafeFileStorage(FileStorage):
    """A FileStorage whose files opened for reading may be shared by threads."""

    def open_file(self, name: str, **kwargs) -> StructFile:
        return PositionFreeStructFile(PositionFreeFile.open(self._fpath(name)), name=name, **kwargs)


# ---------------------------------------------------------------- postings
# Reading a term's postings straight from Whoosh's segment files into NumPy arrays.
#
# Whoosh's matchers do Python work for every posting (5-10 µs each here); a broad term has
# hundreds of thousands. Here the posting list is read with one read and each block is
# unpickled whole, so the per-posting work happens in C.

_BLOCK_LENGTH = Struct("!i")  # Whoosh's block header: signed length, negative on the last
EMPTY = (np.zeros(0, np.int32), np.zeros(0, np.float32))
for _empty in EMPTY:
    _empty.flags.writeable = False  # shared


def read_postings(reader, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
    """Document numbers and weights (term frequencies) of a term in one segment.

    Reads the term's whole posting list with one read and unpickles it a block at a time
    (W3 codec layout: magic, then per block a length, a pickled info tuple and a pickled
    (ids, weights, values) tuple); ids are delta-decoded as one array, each block's deltas
    starting again from zero. Deleted documents are included (`Corpus.final` drops them).
    """
    terms = getattr(reader, "_terms", None)
    try:
        if terms is None:
            raise LookupError
        info = terms.term_info(field, reader._text_to_bytes(field, text))
    except LookupError:
        return _generic_postings(reader, field, text)
    except Exception:  # noqa: BLE001 - TermNotFound: no postings
        return EMPTY
    if info.is_inlined():
        inline_ids, inline_weights, _values = info.inlined_postings()
        ids = np.asarray(inline_ids, dtype=np.int32)
        if inline_weights is None:
            return ids, np.ones(len(ids), np.float32)
        return ids, np.asarray(inline_weights, dtype=np.float32)
    offset, length = info.extent()
    if isinstance(length, tuple):  # W3TermInfo.from_bytes leaves it in a 1-tuple
        length = length[0]
    buf = terms._postfile.get(offset, length)
    deltas, weights, counts, _values = _decode_blocks(buf)
    return _absolute_ids(deltas, counts).astype(np.int32), weights


def _decode_blocks(buf: bytes) -> tuple[np.ndarray, np.ndarray, list[int], list]:
    """The blocks of one posting list (W3 layout): the id deltas (each block's restarting
    from zero), weights and posting count of each block, and each block's raw values
    (bytes, a tuple or None). Whoosh writes a block's ids and weights as tuples; a merged
    segment (`merge_into`) as arrays, read here without a Python object per posting."""
    ids: list = []
    weights: list = []
    counts: list[int] = []
    values: list = []
    stream = BytesIO(buf)
    pos = 4  # the posting list's magic header
    end = len(buf)
    while pos < end:
        (size,) = _BLOCK_LENGTH.unpack_from(buf, pos)
        pos += 4
        following = pos + abs(size)
        stream.seek(pos)
        # Whoosh's own index files, written by this application (not untrusted input).
        count, _maxid, _maxweight, compression, _mn, _mx = pickle.load(stream)  # noqa: S301
        raw = buf[stream.tell() : following]
        block = pickle.loads(zlib.decompress(raw) if compression else raw)  # noqa: S301
        ids.append(block[0])
        if block[1] is None:
            weights.append(np.ones(count, np.float32))
        elif isinstance(block[1], float):
            weights.append(np.full(count, block[1], np.float32))
        else:
            weights.append(block[1])
        counts.append(count)
        values.append(block[2])
        pos = following
        if size < 0:
            break
    return _joined(ids, np.int64), _joined(weights, np.float32), counts, values


def _joined(parts: list, dtype: Any) -> np.ndarray:
    """Blocks' tuples or arrays as one array."""
    if not parts:
        return np.zeros(0, dtype)
    if all(isinstance(p, tuple) for p in parts):  # one Python object per posting anyway
        flat = [x for p in parts for x in p]
        return np.fromiter(flat, dtype=dtype, count=len(flat))
    return np.concatenate([np.asarray(p) for p in parts]).astype(dtype, copy=False)


def _absolute_ids(deltas: np.ndarray, counts: list[int]) -> np.ndarray:
    sums = np.cumsum(deltas)
    if len(counts) > 1:
        # Every block restarts from zero: subtract the running total before each block.
        starts = np.cumsum(counts)[:-1]
        sums -= np.repeat(np.concatenate(([0], sums[starts - 1])), counts)
    return sums


def _generic_postings(reader, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
    try:
        matcher = reader.postings(field, text)
    except Exception:  # noqa: BLE001 - TermNotFound and friends: no postings
        return EMPTY
    ids: list[int] = []
    weights: list[float] = []
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return np.asarray(ids, dtype=np.int32), np.asarray(weights, dtype=np.float32)


# ---------------------------------------------------------------- columns


def term_pairs(reader, name: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    """A field's terms, and the (term code, document) pair of each posting."""
    values: list[str] = []
    codes, docs = [], []
    if name in reader.indexed_field_names():
        for raw in reader.lexicon(name):
            text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            ids, _weights = read_postings(reader, name, text)
            docs.append(ids)
            codes.append(np.full(len(ids), len(values), dtype=np.int32))
            values.append(text)
    empty = np.zeros(0, dtype=np.int32)
    return (
        values,
        np.concatenate(codes) if codes else empty,
        np.concatenate(docs) if docs else empty,
    )


def term_codes(reader, name: str, n: int) -> tuple[list[str], np.ndarray]:
    """A single-valued ID field's value per document, as codes (-1: none), from postings."""
    values, codes, docs = term_pairs(reader, name)
    out = np.full(n, -1, dtype=np.int32)
    out[docs] = codes
    return values, out


def _fixed_values(column: NumericColumn.Reader, n: int) -> np.ndarray:
    """A fixed-width numeric column's raw values with one read (its layout: big-endian
    values of its typecode, the trailing documents left out when they have the default)."""
    raw = np.full(n, column._default, dtype=np.int64)
    count = min(column._count, n)
    if count:
        data = column._dbfile.get(column._basepos, count * column._fixedlen)
        raw[:count] = np.frombuffer(data, dtype=">" + column._typecode)
    return raw


def numeric_codes(reader, name: str, n: int) -> tuple[list[int], np.ndarray]:
    """A NUMERIC column's value per document, as codes (-1: none).

    The fixed-width column is read with one read rather than value by value; each distinct
    raw value is translated by Whoosh's own field.
    """
    if not reader.has_column(name):
        return [], np.full(n, -1, dtype=np.int32)
    column = reader.column_reader(name, translate=False)
    field = reader.schema[name]
    if not isinstance(column, NumericColumn.Reader):  # not expected: the slow, generic way
        translated = list(reader.column_reader(name, translate=True))
        raw = np.array([v if v is not None else -1 for v in translated], dtype=np.int64)
        missing = -1
        translate: Callable[[int], int] = int
    else:
        missing = column._default  # documents without a value
        raw = _fixed_values(column, n)

        def translate(value: int) -> int:
            return field.from_column_value(value)

    uniques, inverse = np.unique(raw, return_inverse=True)
    values = [translate(int(u)) for u in uniques if u != missing]
    codes = inverse.astype(np.int32).reshape(-1)
    if len(values) < len(uniques):  # the missing value sorts somewhere among the others
        gap = int(np.searchsorted(uniques, missing))
        codes[codes == gap] = -1
        codes[codes > gap] -= 1
    return values, codes


def length_bytes(reader: Any, name: str, n: int) -> np.ndarray:
    """A scored field's length byte per document (Whoosh's lossy one-byte encoding; see
    `byte_to_length`), with one read."""
    perdoc = getattr(reader, "_perdoc", None)  # None: an empty index
    column = perdoc._cached_reader(f"_{name}_len", LENGTHS_COLUMN) if perdoc else None
    if isinstance(column, NumericColumn.Reader):
        return _fixed_values(column, n).astype(np.uint8)
    return np.frombuffer(bytes(column or bytes(n)), dtype=np.uint8)


# A length byte's value: the field lengths BM25F scores with.
LENGTHS = np.array([byte_to_length(i) for i in range(256)], dtype=np.float64)


def bm25f_parameters(weighting: Any, field: str) -> tuple[float, float]:
    """(K1, B) of a BM25F weighting for `field`: its per-field B if it was given one."""
    b = getattr(weighting, "_field_B", {}).get(field, getattr(weighting, "B", 0.75))
    return getattr(weighting, "K1", 1.2), b


def segment_key(reader: Any) -> str:
    segment = reader.segment() if hasattr(reader, "segment") else None
    return segment.segment_id() if segment is not None else str(id(reader))


# ---------------------------------------------------------------- writing
# Two narrow speed-ups of Whoosh 2.7.5's segment writing, applied when app.search loads.
#
# Writing a segment, Whoosh looks up the field length of every posting's document through the
# column reader (a seek and a read per posting: about a third of the commit time measured
# here). `DecodedLengths` decodes each field's length column once into a list and answers the
# same calls from it, with the same values. Nothing else about the index format changes;
# readers are untouched.

_LENGTH_OF_BYTE = [None] + [byte_to_length(i) for i in range(1, 256)]


class DecodedLengths:
    """A W3PerDocReader's doc_field_length from lists decoded once per field."""

    def __init__(self, reader: W3PerDocReader) -> None:
        self._reader = reader
        self._fields: dict[str, list | None] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0):
        values = self._fields.get(fieldname, False)
        if values is False:
            column = self._reader._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
            values = None if column is None else [_LENGTH_OF_BYTE[b] for b in column]
            self._fields[fieldname] = values
        if not isinstance(values, list):  # None: the field has no lengths
            return default
        return values[docnum]

    def __getattr__(self, name: str):
        return getattr(self._reader, name)


_original_add_postings = base.FieldWriter.add_postings


def _add_postings(self, schema, lengths, items):
    if isinstance(lengths, W3PerDocReader):
        lengths = DecodedLengths(lengths)
    return _original_add_postings(self, schema, lengths, items)


def install_patches() -> None:
    if base.FieldWriter.add_postings is not _add_postings:
        base.FieldWriter.add_postings = _add_postings


def bulk_writer_options(limitmb: int) -> dict[str, Any]:
    """Whole-index writes: uncompressed posting blocks (cheaper to write and to read back)
    and segment files left as they are rather than copied into one compound file."""
    return {"limitmb": limitmb, "codec": W3Codec(compression=0), "compound": False}


# ---------------------------------------------------------------- merging
# Merging a rebuild's segments into one, fast.
#
# Whoosh's own merge (`add_reader`) sends every posting of every segment through its
# posting pool one by one, to be sorted and written again: about as long as the rebuild.
# Segments hold disjoint ranges of document numbers, so a term's merged posting list is its
# lists in segment order, each shifted by its segment's offset: here each list is read with
# one read, shifted as an array and written back in large blocks. Stored fields, columns and
# lengths are copied a document at a time through Whoosh's own per-document writer, with
# lengths and column values read once per segment. The merged segment has the same
# documents in the same order, the same terms, frequencies, lengths and field totals.

MERGED_BLOCK = 2048  # postings per block of a merged segment (Whoosh writes 128)
_HEADER_MAGIC = b"W3Bl"


class _SegmentCopy:
    """What Whoosh's `write_per_doc` reads of a segment, read once rather than per value."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._lengths = DecodedLengths(reader._perdoc)

    def has_deletions(self) -> bool:
        return False

    def has_column(self, name: str) -> bool:
        return bool(self._reader.has_column(name))

    def column_reader(self, name: str, column: Any) -> list:
        values = list(self._reader.column_reader(name, column, translate=False))
        if len(values) != self._reader.doc_count_all():
            raise ValueError(f"column {name!r} holds {len(values)} values")
        return values

    def iter_docs(self):
        return self._reader.iter_docs()

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0):
        return self._lengths.doc_field_length(docnum, fieldname, default)


def _field_terms(reader: Any, field: str):
    """(term bytes, term info) of one field of a segment, in term order."""
    for (name, text), info in reader._terms.items_from(field, b""):
        if name != field:
            return
        yield text, info


def _numbered_terms(reader: Any, field: str, number: int):
    for text, info in _field_terms(reader, field):
        yield text, number, info


def _segment_postings(reader: Any, info: Any) -> tuple[np.ndarray, np.ndarray, Any]:
    """A term's postings in one segment: ids, weights, values (bytes, a list or None)."""
    if info.is_inlined():
        ids, weights, values = info.inlined_postings()
        inline = np.asarray(ids, np.int64), np.asarray(weights, np.float32)
        if values and isinstance(values[0], bytes):
            return *inline, b"".join(values)
        return *inline, list(values) if values else None
    offset, length = info.extent()
    if isinstance(length, tuple):
        length = length[0]
    deltas, weights, counts, blocks = _decode_blocks(reader._terms._postfile.get(offset, length))
    ids = _absolute_ids(deltas, counts)
    if all(v is None for v in blocks):
        return ids, weights, None
    if all(isinstance(v, bytes) for v in blocks):
        return ids, weights, b"".join(blocks)
    joined: list = []
    for v in blocks:
        joined.extend(v)
    return ids, weights, joined


def _write_postings(
    postfile: Any, ids: np.ndarray, weights: np.ndarray, values: Any, size: int, lengths: Any
) -> tuple[int, int]:
    """Write one merged posting list in MERGED_BLOCK blocks (Whoosh's W3 block layout);
    returns its extent in the postings file."""
    from whoosh.util.numeric import length_to_byte

    start = postfile.tell()
    postfile.write(_HEADER_MAGIC)
    n = len(ids)
    for at in range(0, n, MERGED_BLOCK):
        block_ids = ids[at : at + MERGED_BLOCK]
        block_weights = weights[at : at + MERGED_BLOCK]
        deltas = np.diff(block_ids, prepend=0).astype(np.uint32)
        first = block_weights[0]
        if (block_weights == 1.0).all():
            mini_weights: Any = None
        elif (block_weights == first).all():
            mini_weights = float(first)
        else:
            mini_weights = array("f", block_weights.astype(np.float32).tobytes())
        if values is None:
            mini_values: Any = None
        elif isinstance(values, bytes):
            mini_values = values[at * size : (at + len(block_ids)) * size]
        else:
            mini_values = tuple(values[at : at + len(block_ids)])
        # Arrays, not Whoosh's tuples: read back without a Python object per posting.
        mini_ids = array("I", deltas.tobytes())
        data = pickle.dumps((mini_ids, mini_weights, mini_values), pickle.HIGHEST_PROTOCOL)
        if lengths is None:
            low = high = 0
        else:
            block_lengths = lengths[block_ids]
            low = length_to_byte(int(block_lengths.min()))
            high = length_to_byte(int(block_lengths.max()))
        info = pickle.dumps(
            (len(block_ids), int(block_ids[-1]), float(block_weights.max()), 0, low, high), 2
        )
        blocklength = len(info) + len(data)
        postfile.write_int(-blocklength if at + MERGED_BLOCK >= n else blocklength)
        postfile.write(info)
        postfile.write(data)
    return start, postfile.tell() - start


def _merged_lengths(readers: list[Any], field: str) -> np.ndarray | None:
    """Each document's length in `field` across the merged segments (decoded from its byte,
    as Whoosh's blocks record them), or None when the field keeps no lengths."""
    parts = []
    for reader in readers:
        if not reader._perdoc.has_column(f"_{field}_len"):
            return None
        parts.append(LENGTHS[length_bytes(reader, field, reader.doc_count_all())])
    return np.concatenate(parts).astype(np.int64) if parts else None


def merge_into(writer: Any, segments: list, progress: Callable[[str], None] | None = None) -> list:
    """A Whoosh merge policy (`writer.commit(mergetype=...)`): the segments without
    deleted documents are merged into the writer's new segment, the others kept."""
    import heapq

    from whoosh.codec.whoosh3 import W3TermInfo
    from whoosh.reading import SegmentReader

    merged = [s for s in segments if not s.has_deletions()]
    kept = [s for s in segments if s.has_deletions()]
    if len(merged) < 2 or writer.docnum:
        return segments
    schema = writer.schema
    readers = [SegmentReader(writer.storage, schema, s) for s in merged]
    try:
        total = sum(r.doc_count_all() for r in readers)
        names = sorted({n for r in readers for n in r.indexed_field_names() if n in schema})
        fieldnames = set(schema.names())
        offsets = []
        for number, reader in enumerate(readers, 1):
            offsets.append(writer.docnum)
            writer.write_per_doc(fieldnames, _SegmentCopy(reader))
            if progress is not None:
                progress(f"copied the documents of segment {number} of {len(readers)}")
        assert writer.docnum == total
        # Field totals exactly as indexed (the copied length bytes are rounded).
        totals: dict[str, int] = {}
        for s in merged:
            for name, value in s._fieldlengths.items():
                totals[name] = totals.get(name, 0) + value
        writer.perdocwriter._fieldlengths.clear()
        writer.perdocwriter._fieldlengths.update(totals)

        fw = writer.fieldwriter
        for field in names:
            fieldobj = schema[field]
            size = fieldobj.format.fixed_value_size() or 0
            lengths = _merged_lengths(readers, field) if fieldobj.scorable else None
            fw.start_field(field, fieldobj)
            streams = [_numbered_terms(r, field, number) for number, r in enumerate(readers)]
            group: list = []
            for item in heapq.merge(*streams, key=lambda t: (t[0], t[1])):
                if group and item[0] != group[0][0]:
                    _write_term(fw, group, readers, offsets, size, lengths, W3TermInfo)
                    group = []
                group.append(item)
            if group:
                _write_term(fw, group, readers, offsets, size, lengths, W3TermInfo)
            fw.finish_field()
            if progress is not None:
                progress(f"merged the postings of field {field!r}")
    finally:
        for reader in readers:
            reader.close()
    writer._added = True
    return kept


def _write_term(fw: Any, group: list, readers: list, offsets: list, size: int, lengths, cls):
    ids_parts, weights, values_parts = [], [], []
    info = cls()
    info._weight, info._df, info._maxweight = 0.0, 0, 0.0
    for _text, number, seg_info in group:
        ids, seg_weights, seg_values = _segment_postings(readers[number], seg_info)
        ids_parts.append(ids + offsets[number])
        weights.append(seg_weights)
        values_parts.append(seg_values)
        info._weight += seg_info._weight
        info._df += seg_info._df
        info._maxweight = max(info._maxweight, seg_info._maxweight)
        if seg_info._minlength is not None:
            low = info._minlength
            info._minlength = seg_info._minlength if low is None else min(low, seg_info._minlength)
        info._maxlength = max(info._maxlength, seg_info._maxlength)
    ids = np.concatenate(ids_parts)
    if any(v is None for v in values_parts):
        values: Any = None
    elif all(isinstance(v, bytes) for v in values_parts):
        values = b"".join(values_parts)
    else:
        values = [x for part in values_parts for x in part]
    info._minid, info._maxid = int(ids[0]), int(ids[-1])
    offset, length = _write_postings(
        fw._postfile, ids, np.concatenate(weights), values, size, lengths
    )
    info.set_extent(offset, length)
    text = group[0][0]
    fw._tindex.add(pack_field(fw, text), info.to_bytes())


def pack_field(fw: Any, text: bytes) -> bytes:
    from whoosh.system import pack_ushort

    return pack_ushort(fw._fieldid) + text


def merge_segments(ix: Any, limitmb: int, progress: Callable[[str], None] | None = None) -> int:
    """Merge an index's segments (those without deletions) into one; returns how many
    segments it has after. On failure the index is left as it was."""
    import functools

    writer = ix.writer(**bulk_writer_options(limitmb))
    try:
        writer.commit(mergetype=functools.partial(merge_into, progress=progress))
    except BaseException:
        if not writer.is_closed:
            writer.cancel()
        raise
    return segment_count(ix.refresh())


def segment_count(ix: Any) -> int:
    return len(ix._segments())
