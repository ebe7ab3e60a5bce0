"""Evaluating queries over a Whoosh index with array operations instead of per-posting matchers.

Whoosh's matchers do Python work for every posting they step over (5-10 µs each here), and
intersections leapfrog posting by posting, so a broad query costs in proportion to the
postings it touches, twice over when facets are counted in a second pass. This module reads
each query term's postings from Whoosh's own segment files with one read, decodes them into
NumPy arrays, and evaluates the query tree that `query.py` builds (Whoosh query objects:
Term, And, Or, AndNot, Phrase, NumericRange, Every) as boolean masks over the index's
document numbers. The matching set comes out once, exact, and serves the total, the facet
counts (bincounts over per-document value codes) and the ranking. BM25F scores are computed
as arrays for the matching documents only, from per-document length bytes and the index's
global statistics (the same formula and parameters as Whoosh's BM25F), and the page is
picked with a partial sort.

Per-segment data (lengths, facet codes) is read once per segment (index.py); a `Corpus`
joins it for one searcher and lives as long as that searcher.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from math import log
from typing import Any

import numpy as np
from whoosh import query as wq

from app.search.analysis import CONCEPT_PREFIX, STOP_WORDS, SynonymTable, stem
from app.search.format import EMPTY, LENGTHS, bm25f_parameters, read_postings
from app.search.index import FACET_FIELDS, SCORED_FIELDS, SearchIndex, Snapshot

FILTER_CACHE = 64  # filter-term masks kept per searcher
SEEN_CACHE = 16  # readers' statistics (Seen) kept per searcher, by hidden set
SEEN_DF_CACHE = 50_000  # visible document counts of words kept per Seen
PHRASE_CHECK_LIMIT = 5_000  # candidates whose stored text is checked for a phrase
# Scoring more than 1/DENSE_SHARE of the corpus, a term's frequencies are looked up from an
# array over the whole corpus, not by binary search (3 ms against 0.3 ms a term for 100,000
# of 305,000 documents; the binary search is cheaper below a few thousand).
DENSE_SHARE = 64
NO_VALUE = -1  # facet code of a document without a value


# ---------------------------------------------------------------- the corpus of one searcher


@dataclass
class Facet:
    """One facet's value of every document, as codes into `values` (NO_VALUE: none)."""

    values: list
    codes: np.ndarray

    def counts(self, docs: np.ndarray) -> dict[Any, int]:
        found = np.bincount(self.codes[docs] + 1, minlength=len(self.values) + 1)[1:]
        return {self.values[i]: int(found[i]) for i in np.flatnonzero(found).tolist()}


def join_facets(parts: list[tuple[list, np.ndarray]]) -> Facet:
    """One facet over several segments: each segment's codes mapped to shared values."""
    if len(parts) == 1:
        return Facet(*parts[0])
    values: list = []
    where: dict = {}
    codes = []
    for seg_values, seg_codes in parts:
        lookup = []
        for value in seg_values:
            if value not in where:
                where[value] = len(values)
                values.append(value)
            lookup.append(where[value])
        lookup.append(NO_VALUE)  # a segment's NO_VALUE (-1) indexes this last entry
        codes.append(np.array(lookup, dtype=np.int32)[seg_codes])
    return Facet(values, np.concatenate(codes) if codes else np.zeros(0, np.int32))


class Corpus:
    """What one searcher's queries need: segments, lengths, facets, global statistics."""

    def __init__(self, snap: Snapshot, idx: SearchIndex) -> None:
        searcher = snap.searcher
        self.searcher = searcher
        self.schema = searcher.schema
        self.weighting = searcher.weighting
        leaves = searcher.reader().leaf_readers()
        self.segments = []
        self.size = searcher.doc_count_all()
        alive = np.ones(self.size, dtype=bool)
        parts: dict[str, list] = {name: [] for name in FACET_FIELDS}
        group_parts: list[tuple[list, np.ndarray]] = []
        topic_parts: list[tuple[list, np.ndarray]] = []
        topic_docs = []
        lengths: dict[str, list[np.ndarray]] = {name: [] for name in SCORED_FIELDS}
        dates = []
        for reader, offset in leaves:
            data = idx.segment_data(snap.generation, reader)
            self.segments.append((reader, offset))
            for name in FACET_FIELDS:
                parts[name].append(data.facets[name])
            group_parts.append(data.facets["case_group"])
            topic_parts.append(data.topics)
            topic_docs.append(data.topic_docs + offset)
            dates.append(data.dates)
            for name in SCORED_FIELDS:
                lengths[name].append(data.lengths[name])
            if reader.has_deletions():
                gone = np.fromiter(reader.segment().deleted_docs(), dtype=np.int64)
                alive[gone + offset] = False
        self.alive = alive
        self.facets = {name: join_facets(parts[name]) for name in FACET_FIELDS}
        # The case id of each document of a case (the case, its recommendations and their
        # annotations), 0 for the others: what results are grouped by.
        groups = join_facets(group_parts) if group_parts else Facet([], np.zeros(0, np.int32))
        self.groups = np.array([*groups.values, 0], dtype=np.int64)[groups.codes]
        self.topics = join_facets(topic_parts)
        self.topic_docs = np.concatenate(topic_docs) if topic_docs else np.zeros(0, np.int32)
        self.dates = np.concatenate(dates) if dates else np.zeros(0, np.int64)
        self.lengths = {
            name: np.concatenate(chunks) if chunks else np.zeros(0, np.uint8)
            for name, chunks in lengths.items()
        }
        self._norms: dict[str, np.ndarray] = {}
        self._years: np.ndarray | None = None
        self._lock = threading.Lock()
        # Filter terms (type, program, status, topic...) recur: their masks are kept.
        self._filters: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        self._seen: OrderedDict[bytes | None, Seen] = OrderedDict()
        table = self.schema["content"].analyzer.table
        self.concept_forms = concept_forms(table)

    # -------------------------------------------------------------- statistics

    def mask(self, docs: Iterable[int] | np.ndarray | None = None) -> np.ndarray:
        """A boolean mask over the corpus with `docs` set."""
        out = np.zeros(self.size, dtype=bool)
        if docs is not None:
            ids = docs if isinstance(docs, np.ndarray) else np.fromiter(docs, dtype=np.int64)
            out[ids] = True
        return out

    def norm(self, field: str) -> np.ndarray:
        """K1 times BM25's length normalisation, per document (from its length byte)."""
        found = self._norms.get(field)
        if found is None:
            avg = self.searcher.avg_field_length(field) or 1.0
            found = self._norms[field] = self.norm_by(field, avg)
        return found

    def norm_by(self, field: str, avg: float) -> np.ndarray:
        """`norm` for an average length of `avg`."""
        k1, b = bm25f_parameters(self.weighting, field)
        table = np.array(
            [k1 * ((1 - b) + b * LENGTHS[i] / avg) for i in range(256)],
            dtype=np.float32,
        )
        return table[self.lengths[field]]

    def k1(self) -> float:
        return float(getattr(self.weighting, "K1", 1.2))

    def idf(self, df: int, size: int | None = None) -> float:
        """Whoosh's BM25 idf; `df` counts deleted documents too, as Whoosh's does. `size`: of
        the documents the reader may see (the whole corpus by default)."""
        return log((self.size if size is None else size) / (df + 1)) + 1

    def years(self) -> np.ndarray:
        if self._years is None:
            facet = self.facets["year"]
            lookup = np.array([*(int(v) for v in facet.values), NO_VALUE], dtype=np.int64)
            self._years = lookup[facet.codes]
        return self._years

    # -------------------------------------------------------------- evaluation

    def match(self, q: wq.Query, hidden: np.ndarray | None = None) -> Match:
        """The documents matching `q` (deleted and hidden ones included until `final`),
        lazily scored. Whatever decides which documents match (the common words of a
        relaxed query, the candidates a phrase is checked in) is counted over the documents
        the reader may see only: `hidden` is what they may not."""
        return self._match(q, self.seen(hidden))

    def seen(self, hidden: np.ndarray | None) -> Seen:
        """The statistics of a reader who may not see `hidden`, kept per hidden set: the
        same readers ask again and again, and their average lengths and word counts take a
        pass over the whole corpus each."""
        key = seen_key(hidden)
        with self._lock:
            found = self._seen.get(key)
            if found is not None:
                self._seen.move_to_end(key)
                return found
        found = Seen(self, hidden if key is not None else None, key)
        with self._lock:
            self._seen[key] = found
            while len(self._seen) > SEEN_CACHE:
                self._seen.popitem(last=False)
        return found

    def _match(self, q: wq.Query, seen: Seen) -> Match:
        if isinstance(q, wq.Term):
            return self.term(q.fieldname, q.text, q.boost, seen)
        if isinstance(q, CoordOr):
            children = [self._match(s, seen) for s in q.subqueries]
            return CoordOrMatch(
                self,
                children,
                seen,
                q.boost,
                common_terms=q.common_terms,
                weights=q.weights,
                qualifiers=q.qualifiers,
            )
        if isinstance(q, wq.AndMaybe):
            return AndMaybeMatch(self._match(q.a, seen), self._match(q.b, seen))
        if isinstance(q, wq.And):
            return AndMatch(self, [self._match(s, seen) for s in q.subqueries])
        if isinstance(q, wq.Or):
            return OrMatch(self, [self._match(s, seen) for s in q.subqueries], q.boost)
        if isinstance(q, wq.AndNot):
            return AndNotMatch(self._match(q.a, seen), self._match(q.b, seen))
        if isinstance(q, wq.Every):
            return Match(np.ones(self.size, dtype=bool))
        if isinstance(q, wq.NumericRange) and q.fieldname == "year":
            years = self.years()
            docs = years != NO_VALUE
            if q.start is not None:
                docs &= years >= q.start
            if q.end is not None:
                docs &= years <= q.end
            return Match(docs)
        if isinstance(q, wq.Phrase):
            return self.phrase(q, seen)
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            return Match(self.mask())
        # Anything else (not built by query.py today): Whoosh's own matching, unscored.
        return Match(self.mask(list(q.docs(self.searcher))))

    def postings(self, field: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """A term's document numbers and frequencies across the segments."""
        ids, weights = [], []
        for reader, offset in self.segments:
            seg_ids, seg_weights = read_postings(reader, field, text)
            if len(seg_ids):
                ids.append(seg_ids + offset if offset else seg_ids)
                weights.append(seg_weights)
        if len(ids) == 1:
            return ids[0], weights[0]
        if not ids:
            return EMPTY
        return np.concatenate(ids), np.concatenate(weights)

    def term(self, field: str, text: str, boost: float = 1.0, seen: Seen | None = None) -> Match:
        if field in SCORED_FIELDS:
            ids, tf = self.postings(field, text)
            return TermMatch(self, field, text, boost, ids, tf, seen)
        key = (field, text)
        docs = self._filters.get(key)
        if docs is None:
            docs = self.mask(self.postings(field, text)[0])
            docs.flags.writeable = False  # shared by every query using the filter
            with self._lock:
                self._filters[key] = docs
                while len(self._filters) > FILTER_CACHE:
                    self._filters.popitem(last=False)
        return Match(docs)

    def phrase(self, q: wq.Phrase, seen: Seen) -> Match:
        """Documents with all the words, checked against their stored text for the phrase
        (the first PHRASE_CHECK_LIMIT visible ones: hidden ones must not use up the check)."""
        terms = [self.term(q.fieldname, w, q.boost, seen) for w in q.words]
        both = AndMatch(self, terms)
        pattern = phrase_pattern(q.words, q.slop)
        if pattern is None:
            return both
        candidates = np.flatnonzero(both.docs & seen.visible)
        kept = self.mask(candidates[PHRASE_CHECK_LIMIT:])  # beyond the check: all words
        stored = self.searcher.stored_fields
        for docnum in candidates[:PHRASE_CHECK_LIMIT].tolist():
            text = stored(docnum).get(q.fieldname) or ""
            if pattern.search(text):
                kept[docnum] = True
        return AndMatch(self, terms, kept)

    def final(self, match: Match, hidden: np.ndarray | None = None) -> np.ndarray:
        """The document numbers a reader gets, ascending: matched, not deleted, not hidden."""
        docs = match.docs & self.alive
        if hidden is not None:
            docs &= ~hidden
        return np.flatnonzero(docs)

    def facet_counts(self, docs: np.ndarray) -> dict[str, dict[Any, int]]:
        """Exact counts of each facet's values over `docs` (document numbers)."""
        counts = {name: facet.counts(docs) for name, facet in self.facets.items()}
        inside = self.mask(docs)[self.topic_docs]
        counts["topic"] = self.topics.counts(np.flatnonzero(inside))
        return counts

    def top(self, docs: np.ndarray, scores: np.ndarray, k: int) -> list[tuple[int, float]]:
        """The k best (document, score) pairs, best first; ties by document number."""
        if k < len(docs):
            part = _first_k(docs, -scores, k)
            docs, scores = docs[part], scores[part]
        order = np.lexsort((docs, -scores))
        return list(zip(docs[order].tolist(), scores[order].tolist(), strict=True))

    def by_date(self, docs: np.ndarray, k: int, newest: bool = True) -> list[int]:
        """The k newest (or oldest) documents; ties by document number."""
        dates = self.dates[docs]
        key = -dates if newest else dates
        if k < len(docs):
            part = _first_k(docs, key, k)
            docs, key = docs[part], key[part]
        return docs[np.lexsort((docs, key))].tolist()


def _first_k(docs: np.ndarray, key: np.ndarray, k: int) -> np.ndarray:
    """Positions of the k smallest keys, ties at the k-th key by document number. A bare
    partition takes any of the tied ones, and which depends on the other documents in the
    array, so an unrelated save could change the last result of a query."""
    kth = np.partition(key, k - 1)[k - 1]
    below = np.flatnonzero(key < kth)
    tied = np.flatnonzero(key == kth)
    tied = tied[np.argsort(docs[tied], kind="stable")[: k - len(below)]]
    return np.concatenate([below, tied])


def seen_key(hidden: np.ndarray | None) -> bytes | None:
    """What tells one hidden set from another (None: nothing hidden)."""
    if hidden is None or not hidden.any():
        return None
    return hashlib.blake2b(np.packbits(hidden).tobytes(), digest_size=16).digest()


class Seen:
    """What one reader's query counts over: the documents they may see. A word's weight
    (its idf) counts only those, so a private case holding it changes no one else's order.
    Get one from `Corpus.seen`, which keeps it for the next query of the same readers."""

    def __init__(self, corpus: Corpus, hidden: np.ndarray | None, key: bytes | None = None) -> None:
        if hidden is not None and not hidden.any():
            hidden = None  # nothing hidden: the whole corpus's statistics are the reader's
        self.corpus, self.hidden = corpus, hidden
        self.key = key if hidden is not None else None
        self.visible = corpus.alive if hidden is None else corpus.alive & ~hidden
        self.visible_count = int(np.count_nonzero(self.visible))
        # With nothing hidden, deleted documents count, as in Whoosh's statistics. Else only
        # live visible ones do: the deleted old versions of an edited private case are as
        # hidden as the case, until their segment merges.
        self.size = corpus.size if hidden is None else max(self.visible_count, 1)
        self._norms: dict[str, np.ndarray] = {}
        self._dfs: dict[tuple[str, str], int] = {}

    def norm(self, field: str) -> np.ndarray:
        """`Corpus.norm` with the average length of the documents the reader may see."""
        if self.hidden is None:
            return self.corpus.norm(field)
        found = self._norms.get(field)
        if found is None:
            lengths = LENGTHS[self.corpus.lengths[field][self.visible]]
            avg = float(lengths.mean()) if len(lengths) else 1.0
            found = self._norms[field] = self.corpus.norm_by(field, avg or 1.0)
        return found

    def df(self, ids: np.ndarray, term: tuple[str, str] | None = None) -> int:
        """Documents of a posting list the reader may see: all of them when nothing is
        hidden (deleted ones included, as Whoosh counts), else the live visible ones.
        `term` (field, text) keeps the count for the next query."""
        if self.hidden is None or not len(ids):
            return len(ids)
        if term is not None:
            found = self._dfs.get(term)
            if found is not None:
                return found
        found = int(np.count_nonzero(self.visible[ids]))
        if term is not None and len(self._dfs) < SEEN_DF_CACHE:
            self._dfs[term] = found
        return found

    def term_df(self, field: str, text: str) -> int:
        """`df` of a word, read from the index only when not kept."""
        found = self._dfs.get((field, text)) if self.hidden is not None else None
        if found is not None:
            return found
        return self.df(self.corpus.postings(field, text)[0], (field, text))


class Match:
    """A boolean mask of documents; `scores` gives the BM25F score of given documents."""

    scored = False

    def __init__(self, docs: np.ndarray) -> None:
        self.docs = docs

    def scores(self, docs: np.ndarray) -> np.ndarray:
        return np.zeros(len(docs), dtype=np.float32)


class TermMatch(Match):
    scored = True

    def __init__(
        self,
        corpus: Corpus,
        field: str,
        text: str,
        boost: float,
        ids: np.ndarray,
        tf,
        seen: Seen | None = None,
    ) -> None:
        super().__init__(corpus.mask(ids))
        self.corpus, self.field, self.text, self.boost = corpus, field, text, boost
        self.ids, self.tf, self.seen = ids, tf, seen

    def scores(self, docs: np.ndarray) -> np.ndarray:
        if not len(self.ids):
            return np.zeros(len(docs), dtype=np.float32)
        corpus = self.corpus
        if len(docs) * DENSE_SHARE > corpus.size:
            # Many documents (a broad query): spread the postings over the corpus and pick,
            # linear where a binary search per document costs its logarithm too.
            dense = np.zeros(corpus.size, dtype=np.float32)
            dense[self.ids] = self.tf
            tf = dense[docs]
        else:
            tf = np.zeros(len(docs), dtype=np.float32)
            # Postings are ascending, so each wanted document is found by binary search.
            at = np.searchsorted(self.ids, docs)
            np.minimum(at, len(self.ids) - 1, out=at)
            present = self.ids[at] == docs
            tf[present] = self.tf[at[present]]
        seen = self.seen
        idf = (
            corpus.idf(len(self.ids))
            if seen is None
            else corpus.idf(seen.df(self.ids, (self.field, self.text)), seen.size)
        )
        c = idf * (corpus.k1() + 1) * self.boost
        norm = corpus.norm(self.field) if seen is None else seen.norm(self.field)
        return c * tf / (tf + norm[docs])


def _sum_scores(children: list[Match], docs: np.ndarray) -> np.ndarray:
    out = np.zeros(len(docs), dtype=np.float32)
    for child in children:
        if child.scored:
            out += child.scores(docs)
    return out


class AndMatch(Match):
    def __init__(self, corpus: Corpus, children: list[Match], docs: np.ndarray | None = None):
        self.children = children
        self.scored = any(c.scored for c in children)
        if docs is None:
            docs = children[0].docs.copy() if children else corpus.mask()
            for child in children[1:]:
                docs &= child.docs
        super().__init__(docs)

    def scores(self, docs: np.ndarray) -> np.ndarray:
        return _sum_scores(self.children, docs)


class OrMatch(Match):
    def __init__(self, corpus: Corpus, children: list[Match], boost: float = 1.0) -> None:
        self.children = children
        self.boost = boost
        self.scored = any(c.scored for c in children)
        docs = corpus.mask()
        for child in children:
            docs |= child.docs
        super().__init__(docs)

    def scores(self, docs: np.ndarray) -> np.ndarray:
        out = _sum_scores(self.children, docs)
        return out * self.boost if self.boost != 1.0 else out


class CoordOr(wq.Or):
    """Any of the words, scored by how many of them a document holds (see CoordOrMatch).
    With `common_terms`, a common part matches only with a rarer one (COMMON_SHARE).
    `weights`: each part's share of the coordination beside its idf (1 when None).
    `qualifiers`: indexes of parts that match only beside another part (who the patient is,
    in a question: `questions.is_qualifier`)."""

    common_terms = False
    weights: tuple[float, ...] | None = None
    qualifiers: tuple[int, ...] = ()


# A relaxed query's parts weigh their idf; a document holding a share s of that weight
# scores s**COORD_POWER of its BM25F sum, so holding more of the query (its rarer words
# most) outranks repeating one common word ("repair" in a title above "retinal
# detachment" in the text). Chosen on eval/search/dev-hand (README).
COORD_POWER = 0.5
COORD_IDF = True
# In a relaxed keyword query (query.py says which), a part held by more than this share of
# the documents is common ("disease", "placement"): it adds to the score of a document
# holding one of the query's rarer parts but does not match on its own (the "common terms"
# rule of Lucene-based engines), so "parkinsons disease" relaxed ranks Parkinson's notes,
# not every note saying disease. Chosen on the development sets (docs/search.md).
COMMON_SHARE = 0.05


class CoordOrMatch(OrMatch):
    def __init__(
        self,
        corpus: Corpus,
        children: list[Match],
        seen: Seen,
        boost: float = 1.0,
        *,
        common_terms: bool = False,
        weights: tuple[float, ...] | None = None,
        qualifiers: tuple[int, ...] = (),
    ) -> None:
        super().__init__(corpus, children, boost)
        self.corpus, self.seen = corpus, seen
        self.part_weights = weights or (1.0,) * len(children)
        visible = seen.visible
        # Which parts are common, and what each weighs, over what the reader may see: a
        # word only hidden documents hold must neither make a part rare nor weigh.
        self.counts = [int(np.count_nonzero(c.docs & visible)) for c in children]
        cutoff = COMMON_SHARE * seen.visible_count
        rare = [c for c, n in zip(children, self.counts, strict=True) if 0 < n <= cutoff]
        if common_terms and rare and len(rare) < len(children):
            docs = corpus.mask()
            for child in rare:
                docs |= child.docs
            self.docs = docs
        if qualifiers and len(qualifiers) < len(children):
            # A qualifier scores and counts in the coordination, but a document holding
            # only qualifiers does not match.
            docs = corpus.mask()
            for n, child in enumerate(children):
                if n not in qualifiers:
                    docs |= child.docs
            self.docs = self.docs & docs

    def scores(self, docs: np.ndarray) -> np.ndarray:
        out = _sum_scores(self.children, docs)
        if COORD_IDF:
            weights = [self.corpus.idf(n, self.seen.size) for n in self.counts]
        else:
            weights = [1.0] * len(self.children)
        weights = [w * p for w, p in zip(weights, self.part_weights, strict=True)]
        held = np.zeros(len(docs), dtype=np.float32)
        for child, weight in zip(self.children, weights, strict=True):
            held += child.docs[docs] * np.float32(weight)
        out *= (held / max(sum(weights), 1e-9)) ** COORD_POWER
        return out * self.boost if self.boost != 1.0 else out


class AndMaybeMatch(Match):
    """The documents of `base`; `optional` adds to the score of those that also match it."""

    def __init__(self, base: Match, optional: Match) -> None:
        self.base, self.optional = base, optional
        self.scored = base.scored or optional.scored
        super().__init__(base.docs)

    def scores(self, docs: np.ndarray) -> np.ndarray:
        return _sum_scores([self.base, self.optional], docs)


class AndNotMatch(Match):
    def __init__(self, base: Match, exclude: Match) -> None:
        self.base = base
        self.scored = base.scored
        super().__init__(base.docs & ~exclude.docs)

    def scores(self, docs: np.ndarray) -> np.ndarray:
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
    if "_" in token:  # glued by analysis.glue ("a_fib"): written "a fib" or "a-fib"
        return r"[ -]".join(re.escape(part) for part in token.split("_")) + r"\b"
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
                    if len(form) == 1 and "_" not in form[0]:
                        singles.add(form[0])
                    else:
                        phrases.add((GAP % 1).join(stem_pattern(w) for w in form))
            elif "_" in term:
                phrases.add(stem_pattern(term))
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
