"""Grouping similar texts: recommendations that say the same thing, case questions that ask it.

Method (docs/practices.md has the measurements):

1. Each text is analysed with the search package's clinical analyzer (stems, stop words, and
   concept tokens for synonyms and abbreviations, the Topic vocabulary included), so
   "Narcan" and "naloxone", "HBsAg" and "hepatitis B" meet.
2. Terms are weighted TF-IDF over the texts being grouped (sublinear tf, smoothed idf;
   concept tokens count 1.5 times, as in `similar_cases`), and each vector is L2-normalised.
3. Average-linkage agglomerative clustering on cosine similarity merges the two closest groups
   while their average similarity is at least the threshold. Two texts sharing a "cannot
   link" key (the same case) never join: an expert does not repeat a recommendation within
   one case, so two of a case's recommendations are two different ideas.

Everything here is pure: callers pass texts and keys in, and get groups of indexes out.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

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

Vector = dict[str, float]


def analyzer_for(topics: Sequence[tuple[str, str, Sequence[str]]] = ()) -> ClinicalAnalyzer:
    """The clinical analyzer, knowing the Topic vocabulary: (slug, name, synonyms) each."""
    return ClinicalAnalyzer(default_table(topics))


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
    for _ in range(LEAD_WEIGHT):
        bag.update(token.text for token in analyzer(lead(text)))
    return bag


def vectorise(bags: Sequence[Counter[str]]) -> list[Vector]:
    """TF-IDF vectors, L2-normalised, with idf computed over `bags` themselves."""
    n = len(bags)
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    vectors = []
    for bag in bags:
        vector: Vector = {}
        for term, tf in bag.items():
            idf = math.log((1 + n) / (1 + df[term])) + 1
            weight = (1 + math.log(tf)) * idf
            if term.startswith(CONCEPT_PREFIX):
                weight *= CONCEPT_WEIGHT
            vector[term] = weight
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        vectors.append({t: w / norm for t, w in vector.items()})
    return vectors


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def similarity_matrix(vectors: Sequence[Vector]) -> list[list[float]]:
    n = len(vectors)
    sims = [[0.0] * n for _ in range(n)]
    for i in range(n):
        sims[i][i] = 1.0
        for j in range(i + 1, n):
            sims[i][j] = sims[j][i] = cosine(vectors[i], vectors[j])
    return sims


def cluster(
    sims: Sequence[Sequence[float]],
    threshold: float,
    cannot_link: Sequence[Hashable | None] | None = None,
) -> list[list[int]]:
    """Average-linkage clusters (lists of indexes, largest first) at `threshold`.

    O(n^3) in the worst case, which is fine for the few thousand texts of a program's history.
    """
    n = len(sims)
    keys = list(cannot_link) if cannot_link is not None else [None] * n
    groups: dict[int, list[int]] = {i: [i] for i in range(n)}
    group_keys: dict[int, set[Hashable]] = {
        i: ({keys[i]} if keys[i] is not None else set()) for i in range(n)
    }
    # Sum of pairwise similarities between two groups; average = sum / (|a| * |b|).
    link: dict[tuple[int, int], float] = {}
    for i in range(n):
        for j in range(i + 1, n):
            if sims[i][j] > 0:
                link[(i, j)] = sims[i][j]
    while True:
        best, pair = threshold, None
        for (a, b), total in link.items():
            if group_keys[a] & group_keys[b]:
                continue
            average = total / (len(groups[a]) * len(groups[b]))
            if average >= best:
                best, pair = average, (a, b)
        if pair is None:
            break
        a, b = pair
        groups[a].extend(groups.pop(b))
        group_keys[a] |= group_keys.pop(b)
        merged: dict[tuple[int, int], float] = {}
        for (x, y), total in link.items():
            if b in (x, y) or a in (x, y):
                other = y if x in (a, b) else x
                if other in (a, b):
                    continue
                key = (min(a, other), max(a, other))
                merged[key] = merged.get(key, 0.0) + total
            else:
                merged[(x, y)] = total
        link = merged
    result = [sorted(members) for members in groups.values()]
    result.sort(key=lambda members: (-len(members), members[0]))
    return result


@dataclass(frozen=True)
class Grouping:
    """Groups of indexes into the texts given, and the similarity matrix they came from."""

    groups: list[list[int]]
    sims: list[list[float]]

    def medoid(self, members: Sequence[int]) -> int:
        """The member most like the others: the group's most typical text."""
        return max(members, key=lambda i: sum(self.sims[i][j] for j in members))

    def cohesion(self, members: Sequence[int]) -> float:
        """Average pairwise similarity inside a group (1.0 for a single text)."""
        if len(members) < 2:
            return 1.0
        pairs = [(i, j) for k, i in enumerate(members) for j in members[k + 1 :]]
        return sum(self.sims[i][j] for i, j in pairs) / len(pairs)


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
    sims = similarity_matrix(vectors)
    return Grouping(cluster(sims, threshold, cannot_link), sims)


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
