"""Search: the index schema, clinical analysis, the outbox that keeps it current, and queries.

The rest of the app calls `search`, `similar_cases` and (for maintenance) `reindex`,
`verify` and `apply_pending`; Whoosh is used only inside this package.
"""

from __future__ import annotations

from flask import Flask

from app.search.applier import Indexer, apply_pending
from app.search.operations import SearchRequest, SearchResults, search
from app.search.outbox import install_events
from app.search.similar import similar_cases
from app.search.snapshots import EXTENSION
from app.search.upkeep import reindex
from app.search.verification import verify

__all__ = [
    "SearchRequest",
    "SearchResults",
    "apply_pending",
    "init_app",
    "reindex",
    "search",
    "similar_cases",
    "start",
    "verify",
]


def init_app(app: Flask) -> None:
    """Outbox events, the per-process applier, and catch-up on the first request."""
    install_events()
    indexer = Indexer(app)
    app.extensions[EXTENSION] = indexer

    @app.before_request
    def _start_applier() -> None:
        indexer.start()


def start(app: Flask) -> None:
    """Start the applier (and so warm the searcher) before the first request: for servers."""
    indexer = app.extensions.get(EXTENSION)
    if indexer is not None:
        indexer.start()
