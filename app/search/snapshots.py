"""The live index as searches read it: this process's snapshot, the caches kept per
snapshot, and the documents a reader may not see.

A snapshot is replaced only when the index changes, so whatever is cached on it (the
corpus arrays, hidden-document masks, highlighters, label names) is dropped with it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import numpy as np
from flask import current_app
from sqlalchemy import select

from app.auth.policy import Viewer
from app.extensions import db
from app.search import permissions, spelling
from app.search.engine import Corpus
from app.search.index import SearchIndex, Snapshot, index_at

CACHE_ENTRIES = 512
EXTENSION = "casebook_search"  # the app.extensions key of this process's applier


def search_index() -> SearchIndex:
    return index_at(current_app.config["CASEBOOK_INDEX_DIR"])


def prepare() -> Snapshot | None:
    indexer = current_app.extensions.get(EXTENSION)
    if indexer is not None:
        indexer.before_search()
    return search_index().snapshot()


def cached(snap: Snapshot, key: Any, compute: Callable[[], Any]) -> Any:
    cache: OrderedDict = snap.cache.setdefault("lru", OrderedDict())
    with snap.lock:
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
    value = compute()
    with snap.lock:
        cache[key] = value
        while len(cache) > CACHE_ENTRIES:
            cache.popitem(last=False)
    return value


def hidden_for(snap: Snapshot, corpus: Corpus, user: Viewer) -> tuple[Any, np.ndarray | None]:
    """The documents `user` may not see, as a mask (None: nothing hidden)."""
    key = permissions.audience_key(user)
    if key is None:
        return None, None
    return key, cached(
        snap, ("hidden", key), lambda: corpus.mask(permissions.mask_docs(snap.searcher, key))
    )


def corpus_of(snap: Snapshot) -> Corpus:
    corpus = snap.cache.get("corpus")
    if corpus is None:
        with snap.lock:
            corpus = snap.cache.get("corpus")
            if corpus is None:
                corpus = snap.cache["corpus"] = Corpus(snap, search_index())
    return corpus


def builtin_words(snap: Snapshot) -> set[str]:
    """The clinical vocabulary and the accepted Topics' names and synonyms, once per
    snapshot. A proposed topic may name what only a private program holds: its words are
    known from the documents that carry it, to those who may see them (a word known to
    everyone is never respelled, which would tell outsiders it exists)."""
    from app.programs.models import Topic, TopicStatus

    def load() -> set[str]:
        topics = db.session.execute(
            select(Topic.name, Topic.synonyms).where(Topic.status == TopicStatus.ACCEPTED)
        ).all()
        return spelling.builtin_words((name, synonyms or []) for name, synonyms in topics)

    return cached(snap, ("builtin words",), load)


def warm() -> None:
    """Open the searcher and read what queries need (segment data, the spelling
    dictionary), so the next search doesn't wait.

    Called by the applier thread when a process starts serving and after the index
    changes; a no-op when nothing changed.
    """
    snap = search_index().snapshot()
    if snap is not None:
        corpus_of(snap)
        # The spelling dictionary: built for a new generation, new segments' words added.
        spelling.dictionary(snap, str(search_index().root), builtin_words(snap))
