"""Search: the index schema, clinical analysis, the outbox that keeps it current, and queries.

The rest of the app calls `search`, `similar_cases` and (for maintenance) `reindex`,
`verify` and `apply_pending`; Whoosh is used only inside this package.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from flask import Flask

if TYPE_CHECKING:
    from app.search.applier import apply_pending
    from app.search.operations import SearchRequest, SearchResults, search
    from app.search.similar import similar_cases
    from app.search.upkeep import reindex
    from app.search.verification import verify

# Imported on first use: a rebuild's indexing processes (bulk.py, a fresh interpreter each)
# import this package to reach their own module, and the query side pulled in the
# de-identification rules with it, about a second of each process's start.
_LAZY = {
    "SearchRequest": "app.search.operations",
    "SearchResults": "app.search.operations",
    "search": "app.search.operations",
    "apply_pending": "app.search.applier",
    "similar_cases": "app.search.similar",
    "reindex": "app.search.upkeep",
    "verify": "app.search.verification",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


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
    from app.search.applier import Indexer
    from app.search.outbox import install_events
    from app.search.snapshots import EXTENSION

    install_events()
    indexer = Indexer(app)
    app.extensions[EXTENSION] = indexer

    @app.before_request
    def _start_applier() -> None:
        indexer.start()


def start(app: Flask) -> None:
    """Start the applier (and so warm the searcher) before the first request: for servers."""
    from app.search.snapshots import EXTENSION

    indexer = app.extensions.get(EXTENSION)
    if indexer is not None:
        indexer.start()
