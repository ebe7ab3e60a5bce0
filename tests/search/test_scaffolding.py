"""Question scaffolding must not swallow a clinical word that shares its stem ("extremely"
and "extremity" both stem to `extrem`, "quite" and "quit" to `quit`)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import yaml

from app.search.abbreviations import abbreviations
from app.search.analysis import CLINICAL_SYNONYMS, STOP_WORDS, WORD, ClinicalAnalyzer, stem
from app.search.lay import VOCABULARY_FILE
from app.search.query import compile_query
from app.search.questions import SCAFFOLDING, SCAFFOLDING_WORDS

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "cases.jsonl"

# Corpus words that share a stem with a scaffolding word and are filler too (reviewed):
# inflections of the same verb or adverb ("asked", "recommended", "likely").
FILLER_FORMS = frozenset(
    """
    advised advises approached approaching asked cans clients concerns concerned concern
    current gets hads handled handles helped helpful helping helps keeping knows knowing
    likely likes liking liked personal personally looked looks managed manager manages managers
    manageable
    needing ours patiently pleased possibility possibilities recommended recommendations
    recommendation recommending recommends regards regard thinks thinking thought tries
    using used uses useful usefulness willing willful yours
    """.split()  # noqa: SIM905
)
# A corpus word sharing a scaffolding stem this often is vocabulary, not a slip.
CONTENT_USES = 10


def _terms(query) -> set[str]:
    return {t for _field, t in query.iter_all_terms()}


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("extremity pain", {"extrem", "pain"}),
        ("lower extremity edema", {"lower", "extrem", "edema"}),
        ("quit smoking", {"quit"}),
        ("borderline personality", {"borderlin", "person"}),
        ("right knee pain", {"right", "knee", "pain"}),
    ],
)
def test_a_clinical_word_sharing_a_scaffolding_stem_stays_required(
    text: str, content: set[str]
) -> None:
    compiled = compile_query(text, ClinicalAnalyzer())
    assert content <= _terms(compiled.query)


def _clinical_words() -> set[str]:
    """The words of the synonym table's forms, the clinical terms of the lay table, and
    what the abbreviations stand for."""
    texts = [form for _c, forms, _b in CLINICAL_SYNONYMS for form in forms]
    with VOCABULARY_FILE.open(encoding="utf-8") as fh:
        for entries in (yaml.safe_load(fh) or {}).values():
            for clinical in (entries or {}).values():
                texts.extend(str(t) for t in clinical or [])
    listed = abbreviations()
    for expansions in [*listed.any_case.values(), *listed.capitals.values()]:
        texts.extend(expansions)
    for entry in listed.ambiguous.values():
        for sense in entry.senses:
            texts.extend(sense.expansions)
    return {w for t in texts for w in WORD.findall(t.lower())} - STOP_WORDS


def test_no_scaffolding_stem_is_the_stem_of_a_clinical_word() -> None:
    # "up" of "follow up" (a lay phrase's clinical term): inside a phrase the word is kept
    # (`without_scaffolding`), and typed alone it is the "work up" of a question.
    clashes = sorted(w for w in _clinical_words() - {"up"} if stem(w) in SCAFFOLDING)
    assert clashes == []


@pytest.mark.skipif(not CORPUS.exists(), reason="the shared corpus is not present")
def test_no_scaffolding_stem_is_used_in_the_corpus_more_as_content_than_as_filler() -> None:
    counts: Counter[str] = Counter()
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            case = json.loads(line)
            text = " ".join(str(case.get(k) or "") for k in ("title", "summary", "body"))
            counts.update(WORD.findall(text.lower()))
    # A form used a few times ("doe" once, for DOE) does not outweigh the scaffolding word
    # ("does", 1,157 times); one used as often as a note's vocabulary word is content.
    listed = set(SCAFFOLDING_WORDS) | FILLER_FORMS | STOP_WORDS
    clashes = sorted(
        word
        for word, n in counts.items()
        if n >= CONTENT_USES and word not in listed and stem(word) in SCAFFOLDING
    )
    assert clashes == []
