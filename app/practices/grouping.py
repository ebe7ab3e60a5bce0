"""Grouping similar texts: recommendations that say the same thing, case questions that ask it.

Method (docs/practices.md has the measurements):

1. Each text is analysed with the search package's clinical analyzer (stems, stop words, and
   concept tokens for synonyms and abbreviations, the Topic vocabulary included), so
   "Narcan" and "naloxone", "HBsAg" and "hepatitis B" meet.
2. Terms are weighted TF-IDF over the texts being grouped (sublinear tf, smoothed idf;
   concept tokens count 1.5 times, as in `similar_cases`), and each vector is L2-normalised.
3. Similar pairs come from one sparse product of the TF-IDF matrix (scikit-learn builds it):
   every pair for a few thousand texts, and beyond that each text's nearest neighbours,
   found through its less common terms, so the cost grows about linearly with the texts.
4. Average-linkage agglomerative clustering over those pairs (a pair not found counts as 0)
   merges the two closest groups while their average similarity is at least the threshold.
   Two texts sharing a "cannot link" key (the same case) never join: an expert does not
   repeat a recommendation within one case, so two of a case's recommendations are two
   different ideas.

Everything here is pure: callers pass texts and keys in, and get groups of indexes out.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from app.search.analysis import CONCEPT_PREFIX, ClinicalAnalyzer, default_table

# Thresholds chosen on the demo corpus (docs/practices.md shows the sweep).
RECOMMENDATION_THRESHOLD = 0.20
QUESTION_THRESHOLD = 0.25
RELATED_THRESHOLD = 0.12
CONCEPT_WEIGHT = 1.5
LEAD_WEIGHT = 1
BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)
MARKUP = re.compile(r"[*_#>|`]+")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
FIRST_SENTENCE = re.compile(r".+?(?:[.!?](?=\s)|$)", re.S)
MAX_CHARS = 20_000
# Up to this many texts every pair is compared (one sparse product); beyond, each text keeps
# its NEIGHBOURS nearest among the texts sharing one of its CANDIDATE_TERMS heaviest terms
# (those in at most CANDIDATE_DF_MAX texts), so the cost grows about linearly.
EXACT_BELOW = 3_000
NEIGHBOURS = 10
CANDIDATE_TERMS = 8
CANDIDATE_DF_MAX = 500
CANDIDATE_FLOOR = 0.02  # a shared heavy term weighs more; below this, nothing is shared
CHUNK = 2_000
SIM_FLOOR = 1e-9


def analyzer_for(topics: Sequence[tuple[str, str, Sequence[str]]] = ()) -> ClinicalAnalyzer:
    """The clinical analyzer, knowing the Topic vocabulary: (slug, name, synonyms) each.

    Without the broader concepts search adds for recall (methadone and buprenorphine are
    both MOUD, apixaban is a DOAC and an anticoagulant): two texts say the same thing when
    they share the specific concept, and a shared class made a methadone benzodiazepine
    taper look like a low-dose buprenorphine start (docs/practices.md). Nor the drug names'
    groups, which the grouping was not tuned with (with them, the labelled set's inverse
    purity fell under its floor of 0.80, to 0.78)."""
    return ClinicalAnalyzer(default_table(topics, broader=False, drugs=False))


def lead(text: str) -> str:
    """What a text stresses: its bold phrases and its first sentence."""
    bold = " ".join(BOLD.findall(text))
    first = FIRST_SENTENCE.match(MARKUP.sub(" ", text).strip())
    return f"{bold} {first.group(0) if first else ''}"


def headline(text: str, length: int = 110) -> str:
    """A short name for a text: its first bold phrase, or else its first sentence."""
    bold = BOLD.search(text)
    first = FIRST_SENTENCE.match(MARKUP.sub(" ", text).strip())
    words = " ".join((bold.group(1) if bold else first.group(0) if first else text).split())
    if len(words) <= length:
        return words.rstrip(".:")
    return words[:length].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


def terms(text: str, analyzer: ClinicalAnalyzer) -> Counter[str]:
    """Stems and concept tokens of Markdown or plain text, the lead counted once more.

    Markdown is not rendered: the analyzer reads words only, so markup characters fall away
    (and rendering a few thousand recommendations would cost seconds)."""
    text = LINK_TARGET.sub("", text[:MAX_CHARS])
    bag = Counter(token.text for token in analyzer(text))
    stressed = lead(text)
    if stressed.strip() == text.strip():  # one plain sentence: its lead is all of it
        lead_bag = bag.copy()
    else:
        lead_bag = Counter(token.text for token in analyzer(stressed))
    for _ in range(LEAD_WEIGHT):
        bag.update(lead_bag)
    return bag


def vectorise(bags: Sequence[Counter[str]]) -> sparse.csr_matrix:
    """TF-IDF rows (sublinear tf, smoothed idf over `bags` themselves), L2-normalised.

    Concept tokens count CONCEPT_WEIGHT times: a shared concept says more than a shared stem."""
    counts, concept = term_counts(bags)
    return weigh(counts, concept)


def term_counts(bags: Sequence[Counter[str]]) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Each bag's term counts as a row, and which columns are concept tokens."""
    # Imported here: scikit-learn costs every process that imports the app about half a
    # second of start-up, and only the grouping refresh needs it.
    from sklearn.feature_extraction import DictVectorizer

    vectorizer = DictVectorizer(dtype=np.float64, sort=False)
    if not any(bags):
        return sparse.csr_matrix((len(bags), 0)), np.zeros(0, dtype=bool)
    matrix = sparse.csr_matrix(vectorizer.fit_transform(bags))
    matrix.eliminate_zeros()
    names = np.asarray(getattr(vectorizer, "feature_names_", []), dtype=str)
    return matrix, np.char.startswith(names, CONCEPT_PREFIX)


def weigh(
    counts: sparse.csr_matrix, concept: np.ndarray, statistics: sparse.csr_matrix | None = None
) -> sparse.csr_matrix:
    """TF-IDF rows of `counts`: sublinear tf, smoothed idf over the rows of `statistics`
    (by default `counts` itself), concept columns CONCEPT_WEIGHT times, L2-normalised.

    The idf of scikit-learn's TfidfVectorizer (smooth_idf): ln((1 + n) / (1 + df)) + 1."""
    from sklearn.preprocessing import normalize

    if not counts.shape[1]:
        return sparse.csr_matrix(counts.shape, dtype=np.float64)
    statistics = counts if statistics is None else statistics
    df = np.bincount(statistics.indices, minlength=counts.shape[1])
    idf = np.log((1 + statistics.shape[0]) / (1 + df)) + 1
    tf = counts.copy()
    tf.data = 1 + np.log(tf.data)
    scale = idf * np.where(concept, CONCEPT_WEIGHT, 1.0)
    return normalize(tf @ sparse.diags(scale), norm="l2").tocsr()


def cosine(a: sparse.csr_matrix, b: sparse.csr_matrix) -> float:
    """Cosine of two L2-normalised rows."""
    return float(a.multiply(b).sum())


@dataclass(frozen=True)
class Edges:
    """Pairs of texts (i < j) with their cosine similarity, as three parallel arrays."""

    left: np.ndarray
    right: np.ndarray
    sims: np.ndarray


def neighbours(
    vectors: sparse.csr_matrix,
    *,
    k: int = NEIGHBOURS,
    exact_below: int = EXACT_BELOW,
    chunk: int = CHUNK,
) -> Edges:
    """Similar pairs: every pair with a positive cosine for up to `exact_below` texts; beyond,
    each text's `k` nearest neighbours.

    Candidates are the texts sharing one of a text's heaviest terms, leaving out terms in more
    than CANDIDATE_DF_MAX texts (a term in thousands of texts pairs everything with
    everything: the cost would grow with the square of the texts); their cosines are then
    computed on the whole vectors."""
    n = vectors.shape[0]
    if n < 2:
        empty = np.zeros(0, dtype=np.int64)
        return Edges(empty, empty, np.zeros(0))
    if n <= exact_below:
        sims = sparse.triu(vectors @ vectors.T, k=1).tocoo()
        keep = sims.data > SIM_FLOOR
        return Edges(sims.row[keep], sims.col[keep], sims.data[keep])
    df = np.bincount(vectors.indices, minlength=vectors.shape[1])
    candidates = _strongest_terms(vectors, df <= CANDIDATE_DF_MAX, CANDIDATE_TERMS)
    transposed = candidates.T.tocsr()
    left, right = [], []
    for start in range(0, n, chunk):
        block = (candidates[start : start + chunk] @ transposed).tocsr()
        rows = np.repeat(np.arange(block.shape[0]), np.diff(block.indptr)) + start
        cols, scores = block.indices, block.data
        other = (cols != rows) & (scores >= CANDIDATE_FLOOR)
        rows, cols, scores = rows[other], cols[other], scores[other]
        # One float key, row first then best score first: much faster than a two-key sort.
        order = np.argsort((rows - start) * 4.0 - np.minimum(scores, 2.0), kind="stable")
        rows, cols = rows[order], cols[order]
        counts = np.bincount(rows - start, minlength=block.shape[0])
        firsts = np.concatenate(([0], np.cumsum(counts)[:-1]))
        rank = np.arange(len(rows)) - firsts[rows - start]
        top = rank < k
        left.append(rows[top])
        right.append(cols[top])
    i = np.concatenate(left)
    j = np.concatenate(right)
    keys = np.unique(np.minimum(i, j) * n + np.maximum(i, j))
    i, j = keys // n, keys % n
    sims = np.zeros(len(i))
    for start in range(0, len(i), chunk * 10):
        a = vectors[i[start : start + chunk * 10]]
        b = vectors[j[start : start + chunk * 10]]
        sims[start : start + chunk * 10] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    keep = sims > SIM_FLOOR
    return Edges(i[keep], j[keep], sims[keep])


def _strongest_terms(vectors: sparse.csr_matrix, allowed: np.ndarray, m: int) -> sparse.csr_matrix:
    """Each row's `m` heaviest terms among the `allowed` ones (a text's rarest, most telling
    words): two texts alike share at least one of them."""
    matrix = vectors.tocoo()
    keep = allowed[matrix.col]
    rows, cols, data = matrix.row[keep], matrix.col[keep], matrix.data[keep]
    order = np.lexsort((-data, rows))
    rows, cols, data = rows[order], cols[order], data[order]
    counts = np.bincount(rows, minlength=vectors.shape[0])
    firsts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    top = (np.arange(len(rows)) - firsts[rows]) < m
    return sparse.csr_matrix((data[top], (rows[top], cols[top])), shape=vectors.shape)


def cluster(
    n: int,
    edges: Edges,
    threshold: float,
    cannot_link: Sequence[Hashable | None] | None = None,
) -> list[list[int]]:
    """Average-linkage clusters (lists of indexes, largest first) at `threshold`.

    Pairs absent from `edges` count as similarity 0. A merge needs a pair at or above the
    threshold, so each connected component of such pairs is clustered on its own, with a
    heap of candidate merges rebuilt lazily: the cost is near E log E for E edges, not n³."""
    from scipy.sparse.csgraph import connected_components

    keys = list(cannot_link) if cannot_link is not None else [None] * n
    strong = edges.sims >= threshold
    graph = sparse.coo_matrix(
        (np.ones(int(strong.sum())), (edges.left[strong], edges.right[strong])), shape=(n, n)
    )
    _, component = connected_components(graph, directed=False)
    inside = component[edges.left] == component[edges.right]
    left, right, sims = edges.left[inside], edges.right[inside], edges.sims[inside]
    order = np.argsort(component[left], kind="stable")
    left, right, sims = left[order], right[order], sims[order]
    bounds = np.flatnonzero(np.diff(component[left])) + 1
    result: list[list[int]] = []
    grouped = np.zeros(n, dtype=bool)
    for a, b, s in zip(
        np.split(left, bounds), np.split(right, bounds), np.split(sims, bounds), strict=True
    ):
        if not len(a) or not (s >= threshold).any():
            continue
        triples = list(zip(a.tolist(), b.tolist(), s.tolist(), strict=True))
        for group in _average_linkage(triples, threshold, keys):
            result.append(sorted(group))
            grouped[group] = True
    result.extend([i] for i in np.flatnonzero(~grouped).tolist())
    result.sort(key=lambda group: (-len(group), group[0]))
    return result


def _average_linkage(
    triples: list[tuple[int, int, float]], threshold: float, keys: Sequence[Hashable | None]
) -> list[list[int]]:
    """Average linkage over one component's (i, j, similarity) edges."""
    members: dict[int, list[int]] = {}
    group_keys: dict[int, set[Hashable]] = {}
    # Sum of pairwise similarities between two groups; average = sum / (|a| * |b|).
    links: dict[int, dict[int, float]] = {}
    for a, b, sim in triples:
        for node in (a, b):
            if node not in members:
                members[node] = [node]
                group_keys[node] = {keys[node]} if keys[node] is not None else set()
                links[node] = {}
        links[a][b] = sim
        links[b][a] = sim
    version = dict.fromkeys(members, 0)
    heap = [(-sim, a, b, 0, 0) for a, b, sim in triples if sim >= threshold]
    heapq.heapify(heap)
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if a not in members or b not in members or version[a] != va or version[b] != vb:
            continue
        if group_keys[a] & group_keys[b]:
            continue
        if len(links[a]) < len(links[b]):
            a, b = b, a
        members[a].extend(members.pop(b))
        group_keys[a] |= group_keys.pop(b)
        version[a] += 1
        mine = links[a]
        mine.pop(b, None)
        for other, total in links.pop(b).items():
            if other == a:
                continue
            mine[other] = mine.get(other, 0.0) + total
            theirs = links[other]
            theirs.pop(b, None)
            theirs[a] = mine[other]
        size = len(members[a])
        for other, total in mine.items():
            average = total / (size * len(members[other]))
            if average >= threshold:
                x, y = (a, other) if a < other else (other, a)
                heapq.heappush(heap, (-average, x, y, version[x], version[y]))
    return list(members.values())


@dataclass(frozen=True)
class Grouping:
    """Groups of indexes into the texts given, each with its cohesion and, per member, how
    like the others it is (its centrality: the most central member is the most typical)."""

    groups: list[list[int]]
    cohesions: list[float]
    centralities: list[list[float]]

    def medoid(self, number: int) -> int:
        """The most typical member of group `number`."""
        group, centrality = self.groups[number], self.centralities[number]
        return group[max(range(len(group)), key=lambda k: (centrality[k], -group[k]))]


def describe(vectors: sparse.csr_matrix, groups: list[list[int]]) -> Grouping:
    """Cohesion (average pairwise cosine) and member centralities of each group.

    With c the sum of a group's (unit) vectors, a member's summed similarity to the others
    is x·c - 1 and the group's summed pairwise similarity is (|c|² - size) / 2, so every
    group takes one sparse product, however large."""
    n = vectors.shape[0]
    owner = np.full(n, -1)
    for number, group in enumerate(groups):
        if len(group) >= 2:
            owner[group] = number
    members = np.flatnonzero(owner >= 0)
    membership = sparse.csr_matrix(
        (np.ones(len(members)), (owner[members], members)), shape=(len(groups), n)
    )
    sums = (membership @ vectors).tocsr()
    own = np.asarray(vectors[members].multiply(sums[owner[members]]).sum(axis=1)).ravel()
    self_sims = np.asarray(vectors[members].multiply(vectors[members]).sum(axis=1)).ravel()
    sizes = np.array([len(g) for g in groups])
    squared = np.asarray(sums.multiply(sums).sum(axis=1)).ravel()
    self_totals = np.bincount(owner[members], weights=self_sims, minlength=len(groups))
    central = np.zeros(n)
    central[members] = (own - self_sims) / (sizes[owner[members]] - 1)
    cohesions, centralities = [], []
    for number, group in enumerate(groups):
        size = len(group)
        if size < 2:
            cohesions.append(1.0)
            centralities.append([1.0] * size)
            continue
        cohesions.append(float((squared[number] - self_totals[number]) / (size * (size - 1))))
        centralities.append(central[group].tolist())
    return Grouping(groups, cohesions, centralities)


def describe_each(groups: Sequence[Sequence[Counter[str]]]) -> list[tuple[float, list[float]]]:
    """Each group's cohesion and member centralities with its terms weighed over its own
    members alone: `describe(vectorise(bags), [every row])` of each, in one pass.

    Each group's terms get columns of their own, in the order `vectorise` gives them, so
    every figure comes out of the same operations in the same order, bit for bit: a page
    describing fifty groups seen in part builds one matrix, not fifty vectorisers."""
    from sklearn.preprocessing import normalize

    indices: list[int] = []
    values: list[float] = []
    indptr = [0]
    concept: list[bool] = []
    rows_of_column: list[int] = []  # the size of the group owning each column
    spans: list[list[int]] = []
    for bags in groups:
        columns: dict[str, int] = {}
        first = len(indptr) - 1
        for bag in bags:
            for term, count in bag.items():
                column = columns.get(term)
                if column is None:
                    column = columns[term] = len(concept)
                    concept.append(term.startswith(CONCEPT_PREFIX))
                    rows_of_column.append(len(bags))
                indices.append(column)
                values.append(float(count))
            indptr.append(len(indices))
        spans.append(list(range(first, len(indptr) - 1)))
    shape = (len(indptr) - 1, len(concept))
    counts = sparse.csr_matrix(
        (np.asarray(values, dtype=np.float64), np.asarray(indices, dtype=np.intc), indptr),
        shape=shape,
    )
    counts.sort_indices()
    counts.eliminate_zeros()
    if shape[1]:
        # `weigh` with each column's idf over the rows of its own group
        df = np.bincount(counts.indices, minlength=shape[1])
        idf = np.log((1 + np.asarray(rows_of_column)) / (1 + df)) + 1
        tf = counts.copy()
        tf.data = 1 + np.log(tf.data)
        scale = idf * np.where(np.asarray(concept, dtype=bool), CONCEPT_WEIGHT, 1.0)
        vectors = normalize(tf @ sparse.diags(scale), norm="l2").tocsr()
    else:
        vectors = sparse.csr_matrix(shape, dtype=np.float64)
    described = describe(vectors, spans)
    return list(zip(described.cohesions, described.centralities, strict=True))


def group_vectors(
    vectors: sparse.csr_matrix,
    *,
    threshold: float,
    cannot_link: Sequence[Hashable | None] | None = None,
) -> Grouping:
    """Cluster TF-IDF rows; see the module docstring."""
    edges = neighbours(vectors)
    return describe(vectors, cluster(vectors.shape[0], edges, threshold, cannot_link))


def group_texts(
    texts: Sequence[str],
    *,
    threshold: float,
    cannot_link: Sequence[Hashable | None] | None = None,
    analyzer: ClinicalAnalyzer | None = None,
) -> Grouping:
    """Cluster `texts` (Markdown or plain) by meaning; see the module docstring."""
    analyzer = analyzer or analyzer_for()
    vectors = vectorise([terms(t, analyzer) for t in texts])
    return group_vectors(vectors, threshold=threshold, cannot_link=cannot_link)


def pair_scores(
    predicted: Sequence[Sequence[Hashable]], expected: Sequence[Sequence[Hashable]]
) -> tuple[float, float]:
    """(precision, recall) over pairs of items put together, against a hand grouping.

    A predicted pair counts as right only when the hand grouping has both in one group, so
    pairs involving texts the hand grouping left out are wrong.
    """

    def pairs(groups: Sequence[Sequence[Hashable]]) -> set[frozenset[Hashable]]:
        out = set()
        for group in groups:
            members = list(group)
            for k, a in enumerate(members):
                for b in members[k + 1 :]:
                    out.add(frozenset((a, b)))
        return out

    got, want = pairs(predicted), pairs(expected)
    precision = len(got & want) / len(got) if got else 1.0
    recall = len(got & want) / len(want) if want else 1.0
    return precision, recall


def purity_scores(
    predicted: Sequence[Sequence[Hashable]], expected: Sequence[Sequence[Hashable]]
) -> tuple[float, float, float]:
    """(purity, inverse purity, F) of a clustering against true groups.

    Purity: each predicted cluster counts the items of its largest true group (merging two
    questions lowers it). Inverse purity: each true group counts the items of its largest
    cluster (splitting a question lowers it). F is their harmonic mean. Both partitions must
    cover the same items, every item once (singletons included)."""
    owner = {item: number for number, group in enumerate(expected) for item in group}
    items = [item for group in predicted for item in group]
    if sorted(map(repr, items)) != sorted(map(repr, owner)) or len(set(items)) != len(items):
        raise ValueError("Both groupings must cover the same items, each once.")
    if not items:
        return 1.0, 1.0, 1.0
    cluster_of = {item: number for number, group in enumerate(predicted) for item in group}
    total = len(items)
    purity = sum(
        Counter(owner[i] for i in group).most_common(1)[0][1] for group in predicted if group
    )
    inverse = sum(
        Counter(cluster_of[i] for i in group).most_common(1)[0][1] for group in expected if group
    )
    p, ip = purity / total, inverse / total
    return p, ip, 2 * p * ip / (p + ip)
