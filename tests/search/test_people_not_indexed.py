"""Accounts' display names are staff names, not patient text, and no gate reads them: they
are kept out of the index altogether, so a name typed there (or a patient's, by mistake)
is never a search word nor a snippet. The documents name their people by id only."""

from __future__ import annotations

from app.auth.policy import SYSTEM
from app.extensions import db
from app.search import SearchRequest, apply_pending, search
from app.search.snapshots import prepare
from app.search.upkeep import reindex
from tests.search.conftest import Library

MARKER = "Quillonbrae"


def test_no_display_name_reaches_the_index(library: Library) -> None:
    library.presenter.display_name = f"Dr {MARKER} Presenter"
    library.expert.display_name = f"{MARKER} Expert"
    db.session.commit()
    apply_pending()
    reindex()
    snap = prepare()
    assert snap is not None
    stored = list(snap.searcher.all_stored_fields())
    assert len(stored) >= 8  # cases, recommendations, an annotation, a session
    assert not [fields["key"] for fields in stored if MARKER.lower() in repr(fields).lower()]
    results = search(SYSTEM, SearchRequest(q=MARKER.lower(), correct=False))
    assert results.total == 0
