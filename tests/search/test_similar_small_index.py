"""Similar cases from an index that holds almost nothing yet (a new hub, or the moments of
a rebuild): a word in every document tells nothing, so nothing is similar, without an
error."""

from __future__ import annotations

from app.auth.policy import SYSTEM
from app.extensions import db
from app.search import apply_pending, similar_cases
from app.search.similar import _weighted_terms
from app.search.snapshots import prepare
from tests.support.builders import add_case

WORDS = "Tenofovir nephrotoxicity"


def test_a_word_in_every_document_gives_no_similar_cases_and_no_error(program, make_user):
    presenter = make_user("provider", programs=["hcv"])
    first = add_case(program, presenter, WORDS, question=f"{WORDS}?", presentation=WORDS)
    db.session.commit()
    apply_pending()
    snap = prepare()
    assert snap is not None and snap.searcher.reader().doc_count() == 1
    # each word of the text is in every document of the index: none weighs anything
    assert _weighted_terms(snap, WORDS, min_df=1) == []
    assert similar_cases(presenter, text=WORDS) == []
    second = add_case(program, presenter, WORDS, question=f"{WORDS}?", presentation=WORDS)
    db.session.commit()
    apply_pending()
    for reader in (presenter, SYSTEM):
        assert similar_cases(reader, case_id=first.id) == []
        assert similar_cases(reader, case_id=second.id) == []
