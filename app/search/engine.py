"""Evaluating queries over a Whoosh index with set operations instead of per-posting matchers.

Whoosh's matchers do Python work for every posting they step over (5-10 µs each here), and
intersections leapfrog posting by posting, so a broad query costs in proportion to the
postings it touches, twice over when facets are counted in a second pass. This module reads
each query term's postings from Whoosh's own segment files a block at a time (ids and
frequencies decode as whole arrays), and evaluates the query tree that `query.py` builds
(Whoosh query objects: Term, And, Or, AndNot, Phrase, NumericRange, Every) with C-level set
operations. The matching set comes out once, exact, and serves the total, the facet counts
and the ranking; BM25F scores are computed only for documents that match the whole query,
from per-document length bytes and the index's global statistics (the same formula and
parameters as Whoosh's BM25F).

Per-segment data (lengths, facet columns) is read once per segment (index.py); a `Corpus`
joins it for one searcher and lives as long as that searcher.
"""

from __future__ import annotations

import pickle
import re
import threading
import zlib
from array import array
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from io import BytesIO
from itertools import accumulate
from math import log
from struct import Struct
from typing import Any

from whoosh import query as wq
from whoosh.util.numeric import byte_to_length

from app.search.analysis import CONCEPT_PREFIX, STOP_WORDS, SynonymTable, stem
from app.search.index import COLUMN_FIELDS, SCORED_FIELDS, SearchIndex, Snapshot

FILTER_CACHE = 64  # filter-term document sets kept per searcher
PHRASE_CHECK_LIMIT = 5_000  # candidates whose stored text is checked for a phrase


# ---------------------------------------------------------------- postings


_BLOCK_LENGTH = Struct("!i")  # Whoosh's block header: signed length, negative on the last


def read_postings(reader, field: str, text: str) -> tuple[array, array]:
    """Document numbers and weights (term frequencies) of a term in one segment.

    Reads the term's whole posting list with one read and decodes it a block at a time
    (W3 codec layout: magic, then per block a length, a pickled info tuple and a pickled
    (ids, weights, values) tuple); ids are delta-decoded in C. Deleted documents are
    included (the caller removes them once, from the final set).
    """
    ids, weights = array("i"), array("f")
    terms = getattr(reader, "_terms", None)
    try:
        if terms is None:
            raise LookupError
        info = terms.term_info(field, reader._text_to_bytes(field, text))
    except LookupError:
        return _generic_postings(reader, field, text)
    except Exception:  # noqa: BLE001 - TermNotFound: no postings
        return ids, weights
    if info.is_inlined():
        inline_ids, inline_weights, _values = info.inlined_postings()
        ids.extend(inline_ids)
        if inline_weights is None:
            weights.extend([1.0] * len(inline_ids))
        else:
            weights.extend(inline_weights)
        return ids, weights
    offset, length = info.extent()
    if isinstance(length, tuple):  # W3TermInfo.from_bytes leaves it in a 1-tuple
        length = length[0]
    buf = terms._postfile.get(offset, length)
    stream = BytesIO(buf)
    pos = 4  # the posting list's magic header
    end = len(buf)
    while pos < end:
        (size,) = _BLOCK_LENGTH.unpack_from(buf, pos)
        pos += 4
        last = size < 0
        following = pos + abs(size)
        stream.seek(pos)
        # Whoosh's own index files, written by this application (not untrusted input).
        count, _maxid, _maxweight, compression, _mn, _mx = pickle.load(stream)  # noqa: S301
        raw = buf[stream.tell() : following]
        block = pickle.loads(zlib.decompress(raw) if compression else raw)  # noqa: S301
        ids.extend(accumulate(block[0]))
        if block[1] is None:
            weights.extend([1.0] * count)
        elif isinstance(block[1], float):
            weights.extend([block[1]] * count)
        else:
            weights.extend(block[1])
        pos = following
        if last:
            break
    return ids, weights


def _generic_postings(reader, field: str, text: str) -> tuple[array, array]:
    ids, weights = array("i"), array("f")
    try:
        matcher = reader.postings(field, text)
    except Exception:  # noqa: BLE001 - TermNotFound and friends: no postings
        return ids, weights
    while matcher.is_active():
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return ids, weights


# ---------------------------------------------------------------- the corpus of one searcher


class Corpus:
    """What one searcher's queries need: segments, lengths, columns, global statistics."""

    def __init__(self, snap: Snapshot, idx: SearchIndex) -> None:
        searcher = snap.searcher
        self.searcher = searcher
        self.schema = searcher.schema
        self.weighting = searcher.weighting
        leaves = searcher.reader().leaf_readers()
        self.segments = []
        lengths: dict[str, list[bytes]] = {name: [] for name in SCORED_FIELDS}
        columns: dict[str, list] = {name: [] for name in COLUMN_FIELDS}
        topics: list = []
        deleted: set[int] = set()
        for reader, offset in leaves:
            data = idx.segment_data(snap.generation, reader)
            self.segments.append((reader, offset))
            if len(leaves) == 1:  # the usual case after a rebuild: share the lists
                columns, topics = dict(data.columns), data.topics
            else:
                for name in COLUMN_FIELDS:
                    columns[name].extend(data.columns[name])
                topics.extend(data.topics)
            for name in SCORED_FIELDS:
                lengths[name].append(data.lengths[name])
            if reader.has_deletions():
                segment = reader.segment()
                deleted.update(d + offset for d in segment.deleted_docs())
        self.columns = columns
        self.topics = topics
        self.lengths = {name: b"".join(parts) for name, parts in lengths.items()}
        self.deleted = deleted
        self.size = searcher.doc_count_all()
        self._all: frozenset[int] | None = None
        self._years: dict[Any, set[int]] | None = None
        self._norms: dict[str, tuple[float, list[float]]] = {}
        # Filter terms (type, program, status, topic...) recur: their sets are kept.
        self._filters: OrderedDict[tuple[str, str], frozenset[int]] = OrderedDict()
        self._filters_lock = threading.Lock()
        table = self.schema["content"].analyzer.table
        self.concept_forms = concept_forms(table)

    # -------------------------------------------------------------- statistics

    def all_docs(self) -> frozenset[int]:
        if self._all is None:
            self._all = frozenset(range(self.size)) - self.deleted
        return self._all

    def norm(self, field: str) -> tuple[float, list[float]]:
        """K1 and the BM25 length normalisation for each of the 256 length bytes."""
        found = self._norms.get(field)
        if found is None:
            weighting = self.weighting
            b = getattr(weighting, "_field_B", {}).get(field, getattr(weighting, "B", 0.75))
            k1 = getattr(weighting, "K1", 1.2)
            avg = self.searcher.avg_field_length(field) or 1.0
            table = [k1 * ((1 - b) + b * byte_to_length(i) / avg) for i in range(256)]
            found = self._norms[field] = (k1, table)
        return found

    def idf(self, field: str, text: str) -> float:
        df = self.searcher.doc_frequency(field, text)
        return log(self.size / (df + 1)) + 1

    def years(self) -> dict[Any, set[int]]:
        if self._years is None:
            index: dict[Any, set[int]] = {}
            for docnum, year in enumerate(self.columns["year"]):
                index.setdefault(year, set()).add(docnum)
            self._years = index
        return self._years

    # -------------------------------------------------------------- evaluation

    def match(self, q: wq.Query) -> Match:
        """The documents matching `q` (deleted ones included until `final`), lazily scored."""
        if isinstance(q, wq.Term):
            return self.term(q.fieldname, q.text, q.boost)
        if isinstance(q, wq.And):
            return AndMatch([self.match(s) for s in q.subqueries])
        if isinstance(q, wq.Or):
            return OrMatch([self.match(s) for s in q.subqueries], q.boost)
        if isinstance(q, wq.AndNot):
            return AndNotMatch(self.match(q.a), self.match(q.b))
        if isinstance(q, wq.Every):
            return Match(self.all_docs())
        if isinstance(q, wq.NumericRange) and q.fieldname == "year":
            low = q.start if q.start is not None else float("-inf")
            high = q.end if q.end is not None else float("inf")
            docs: set[int] = set()
            for year, members in self.years().items():
                if year is not None and low <= year <= high:
                    docs |= members
            return Match(docs)
        if isinstance(q, wq.Phrase):
            return self.phrase(q)
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            return Match(set())
        # Anything else (not built by query.py today): Whoosh's own matching, unscored.
        return Match(set(q.docs(self.searcher)))

    def term(self, field: str, text: str, boost: float = 1.0) -> Match:
        if field in SCORED_FIELDS:
            tf: dict[int, float] = {}
            for reader, offset in self.segments:
                ids, weights = read_postings(reader, field, text)
                tf.update(zip(map(offset.__add__, ids) if offset else ids, weights, strict=True))
            return TermMatch(self, field, text, boost, tf)
        key = (field, text)
        docs = self._filters.get(key)
        if docs is None:
            docs = set()
            for reader, offset in self.segments:
                ids, _weights = read_postings(reader, field, text)
                docs.update(map(offset.__add__, ids) if offset else ids)
            docs = frozenset(docs)
            with self._filters_lock:
                self._filters[key] = docs
                while len(self._filters) > FILTER_CACHE:
                    self._filters.popitem(last=False)
        return Match(docs)

    def phrase(self, q: wq.Phrase) -> Match:
        """Documents with all the words, checked against their stored text for the phrase."""
        terms = [self.term(q.fieldname, w, q.boost) for w in q.words]
        both = AndMatch(terms)
        docs = both.docs
        pattern = phrase_pattern(q.words, q.slop)
        if pattern is None:
            return both
        kept: set[int] = set()
        stored = self.searcher.stored_fields
        for n, docnum in enumerate(sorted(docs)):
            if n >= PHRASE_CHECK_LIMIT:
                kept.update(d for d in docs if d >= docnum)  # beyond the check: all words
                break
            text = stored(docnum).get(q.fieldname) or ""
            if pattern.search(text):
                kept.add(docnum)
        return AndMatch(terms, kept)

    def final(self, match: Match, mask: Iterable[int] | None) -> set[int]:
        """The documents a reader gets: matched, not deleted, not masked."""
        docs = match.docs
        own = False
        if mask:
            docs, own = set(docs).difference(mask), True  # one pass: copy the unmasked
        if self.deleted:
            if own:
                docs -= self.deleted
            else:
                docs, own = set(docs).difference(self.deleted), True
        return docs if own or isinstance(docs, set) else set(docs)


class Match:
    """A set of documents; `scores` gives the BM25F score of any of them (0: unscored)."""

    scored = False

    def __init__(self, docs) -> None:
        self.docs = docs

    def scores(self, docs: Iterable[int]) -> dict[int, float]:
        return dict.fromkeys(docs, 0.0)


class TermMatch(Match):
    scored = True

    def __init__(self, corpus: Corpus, field: str, text: str, boost: float, tf: dict) -> None:
        super().__init__(tf.keys())
        self.corpus, self.field, self.text, self.boost, self.tf = corpus, field, text, boost, tf

    def scores(self, docs: Iterable[int]) -> dict[int, float]:
        tf = self.tf
        if not tf:
            return {}
        k1, norm = self.corpus.norm(self.field)
        lengths = self.corpus.lengths[self.field]
        c = self.corpus.idf(self.field, self.text) * (k1 + 1) * self.boost
        return {d: c * (t := tf[d]) / (t + norm[lengths[d]]) for d in docs}


def _sum_scores(children: list[Match], docs: set | frozenset) -> dict[int, float]:
    """Sum of the children's scores over `docs` (each child scores the docs it matches)."""
    scored = sorted((c for c in children if c.scored), key=lambda c: len(c.docs), reverse=True)
    if not scored:
        return dict.fromkeys(docs, 0.0)
    first = scored[0]
    mine = docs if first.docs is docs else docs & first.docs
    out = first.scores(mine)
    if len(mine) < len(docs):
        for d in docs - mine:
            out[d] = 0.0
    for child in scored[1:]:
        part = docs & child.docs
        for d, s in child.scores(part).items():
            out[d] += s
    return out


class AndMatch(Match):
    def __init__(self, children: list[Match], docs: set[int] | None = None) -> None:
        self.children = children
        self.scored = any(c.scored for c in children)
        if docs is None:
            ordered = sorted(children, key=lambda c: len(c.docs))
            if not ordered:
                docs = set()
            else:
                docs = set(ordered[0].docs)
                for child in ordered[1:]:
                    if not docs:
                        break
                    docs &= child.docs
        super().__init__(docs)

    def scores(self, docs: Iterable[int]) -> dict[int, float]:
        docs = docs if isinstance(docs, set | frozenset) else set(docs)
        return _sum_scores(self.children, docs)


class OrMatch(Match):
    def __init__(self, children: list[Match], boost: float = 1.0) -> None:
        self.children = children
        self.boost = boost
        self.scored = any(c.scored for c in children)
        docs: set[int] = set()
        for child in children:
            docs |= child.docs
        super().__init__(docs)

    def scores(self, docs: Iterable[int]) -> dict[int, float]:
        docs = docs if isinstance(docs, set | frozenset) else set(docs)
        out = _sum_scores(self.children, docs)
        if self.boost != 1.0:
            boost = self.boost
            out = {d: s * boost for d, s in out.items()}
        return out


class AndNotMatch(Match):
    def __init__(self, base: Match, exclude: Match) -> None:
        self.base = base
        self.scored = base.scored
        super().__init__(set(base.docs).difference(exclude.docs))

    def scores(self, docs: Iterable[int]) -> dict[int, float]:
        return self.base.scores(docs)


# ---------------------------------------------------------------- surface patterns


def concept_forms(table: SynonymTable) -> dict[str, list[tuple[str, ...]]]:
    """Concept token -> the stemmed word sequences that carry it (for highlighting)."""
    forms: dict[str, list[tuple[str, ...]]] = {}
    for key, tokens in table.phrases.items():
        for token in tokens:
            forms.setdefault(token, []).append(key)
    return forms


def stem_pattern(token: str) -> str:
    """A regex for the words that stem to `token` (a prefix, checked afterwards)."""
    if len(token) > 3 and token.isalpha():
        # Porter turns a final y into i ("arthroscopy" -> "arthroscopi") and drops an e.
        base = token[:-1] if token[-1] in "ie" and len(token) > 4 else token
        return re.escape(base) + r"\w*"
    return re.escape(token) + r"\b"


GAP = r"\W+(?:\w+\W+){0,%d}"


def phrase_pattern(words: Iterable[str], slop: int = 1) -> re.Pattern | None:
    parts = [stem_pattern(w) for w in words]
    if not parts:
        return None
    return re.compile(r"\b" + (GAP % max(slop, 1)).join(parts), re.IGNORECASE)


@dataclass
class Highlighter:
    """Finds the matched words of a query in stored text, without analysing it.

    One pattern per word or concept form, each starting with a literal (so the regex engine
    scans for it quickly), run over the lower-cased text; word boundaries and stems are
    checked on the few candidates found.
    """

    patterns: list[tuple[re.Pattern, re.Pattern, bool]]  # lower-case, any-case, check stem
    targets: frozenset[str]

    @classmethod
    def build(cls, terms: Iterable[str], corpus: Corpus) -> Highlighter:
        singles: set[str] = set()
        phrases: set[str] = set()
        for term in terms:
            if term.startswith(CONCEPT_PREFIX):
                for form in corpus.concept_forms.get(term, ()):
                    if len(form) == 1:
                        singles.add(form[0])
                    else:
                        phrases.add((GAP % 1).join(stem_pattern(w) for w in form))
            elif term and term not in STOP_WORDS:
                singles.add(term)
        patterns = [
            (re.compile(source), re.compile(source, re.IGNORECASE), check)
            for source, check in [
                *((stem_pattern(w), True) for w in sorted(singles)),
                *((p, False) for p in sorted(phrases)),
            ]
        ]
        return cls(patterns, frozenset(singles))

    def spans(self, text: str) -> list[tuple[int, int]]:
        lowered = text.lower()
        same = len(lowered) == len(text)  # lower-casing kept every offset
        found = []
        targets = self.targets
        for lower, anycase, check in self.patterns:
            matches = lower.finditer(lowered) if same else anycase.finditer(text)
            for m in matches:
                start = m.start()
                if start and text[start - 1].isalnum():
                    continue  # inside a word
                if check and stem(m.group().lower()) not in targets:
                    continue
                found.append(m.span())
        return found
