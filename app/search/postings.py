"""Reading a term's postings straight from Whoosh's segment files into NumPy arrays.

Whoosh's matchers do Python work for every posting (5-10 µs each here); a broad term has
hundreds of thousands. Here the posting list is read with one read and each block is
unpickled whole, so the per-posting work happens in C.
"""

from __future__ import annotations

import pickle
import zlib
from io import BytesIO
from struct import Struct

import numpy as np

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
    deltas: list[int] = []
    weights: list[float] = []
    counts: list[int] = []
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
        deltas.extend(block[0])
        if block[1] is None:
            weights.extend([1.0] * count)
        elif isinstance(block[1], float):
            weights.extend([block[1]] * count)
        else:
            weights.extend(block[1])
        counts.append(count)
        pos = following
        if size < 0:
            break
    sums = np.cumsum(np.fromiter(deltas, dtype=np.int64, count=len(deltas)))
    if len(counts) > 1:
        # Every block restarts from zero: subtract the running total before each block.
        starts = np.cumsum(counts)[:-1]
        sums -= np.repeat(np.concatenate(([0], sums[starts - 1])), counts)
    return sums.astype(np.int32), np.fromiter(weights, dtype=np.float32, count=len(weights))


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
