"""Finding topics by name or synonym with one indexed query: the `topic_terms` table.

Every topic has a row for the text_key of its name and one for each of its synonyms.
Session events keep the rows in step whenever a topic is added, renamed or given other
synonyms through the ORM; `_get_or_add_topic` writes them itself for the rows it inserts
with Core. Looking names up then costs one query however large the vocabulary.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy import event, select
from sqlalchemy.orm import Session as OrmSession

from app.common import text_key
from app.extensions import db
from app.programs.models import Topic, TopicStatus, TopicTerm

# Keys longer than a column holds cannot be typed as a topic name (names are at most 120
# characters, whose key is at most 360): such a synonym is kept, but never looked up.
KEY_MAX = 360
_CHUNK = 500  # keys per query, well under every driver's parameter limit


def term_rows(topic_id: int, name: str, synonyms: Iterable[Any]) -> list[dict[str, Any]]:
    """The rows of one topic: its name's key, then each distinct synonym key."""
    name_key = text_key(name)
    rows = [{"term_key": name_key, "topic_id": topic_id, "is_name": True}]
    seen = {name_key}
    for synonym in synonyms or []:
        if not isinstance(synonym, str):
            continue
        key = text_key(synonym)
        if key and key not in seen and len(key) <= KEY_MAX:
            seen.add(key)
            rows.append({"term_key": key, "topic_id": topic_id, "is_name": False})
    return rows


def write_terms(
    connection: sa.Connection, topics: Iterable[tuple[int, str, Any]], *, fresh: bool = False
) -> None:
    """Replace the rows of these (id, name, synonyms) topics (`fresh`: just inserted, so
    they have none yet)."""
    topics = list(topics)
    if not topics:
        return
    table = cast(sa.Table, TopicTerm.__table__)
    if not fresh:
        ids = [topic_id for topic_id, _, _ in topics]
        connection.execute(sa.delete(table).where(table.c.topic_id.in_(ids)))
    rows = [row for topic in topics for row in term_rows(*topic)]
    connection.execute(sa.insert(table), rows)


def _rank(is_name: bool, accepted: bool, topic_id: int) -> tuple[bool, bool, int]:
    # A name before a synonym; of topics sharing a name (none accepted but one), the
    # accepted one; then the oldest.
    return (not is_name, not accepted, topic_id)


def topics_by_key(
    keys: Iterable[str], among: sa.ColumnElement[bool] | None = None
) -> dict[str, Topic]:
    """The topic each text key names: the topic with that name, else the oldest topic with
    that synonym, of the topics `among` admits (`policy.knowable_topic_clause`: those the
    reader may know). Keys no such topic has are left out."""
    wanted = sorted({key for key in keys if key and len(key) <= KEY_MAX})
    best: dict[str, tuple[tuple[bool, bool, int], Topic]] = {}
    for start in range(0, len(wanted), _CHUNK):
        stmt = (
            select(TopicTerm.term_key, TopicTerm.is_name, Topic)
            .join(Topic, Topic.id == TopicTerm.topic_id)
            .where(TopicTerm.term_key.in_(wanted[start : start + _CHUNK]))
        )
        if among is not None:
            stmt = stmt.where(among)
        for key, is_name, topic in db.session.execute(stmt):
            rank = _rank(is_name, topic.status is TopicStatus.ACCEPTED, topic.id)
            if key not in best or rank < best[key][0]:
                best[key] = (rank, topic)
    return {key: topic for key, (_, topic) in best.items()}


def topic_ids_by_key(
    keys: Iterable[str], among: sa.ColumnElement[bool] | None = None
) -> dict[str, int]:
    """`topics_by_key` by id, without loading the topics: the same topic for each key."""
    wanted = sorted({key for key in keys if key and len(key) <= KEY_MAX})
    best: dict[str, tuple[bool, bool, int]] = {}
    for start in range(0, len(wanted), _CHUNK):
        stmt = (
            select(TopicTerm.term_key, TopicTerm.is_name, Topic.status, TopicTerm.topic_id)
            .join(Topic, Topic.id == TopicTerm.topic_id)
            .where(TopicTerm.term_key.in_(wanted[start : start + _CHUNK]))
        )
        if among is not None:
            stmt = stmt.where(among)
        for key, is_name, status, topic_id in db.session.execute(stmt):
            rank = _rank(is_name, status is TopicStatus.ACCEPTED, topic_id)
            if key not in best or rank < best[key]:
                best[key] = rank
    return {key: topic_id for key, (_, _, topic_id) in best.items()}


# ---------------------------------------------------------------- session events


def _changed(topic: Topic, *names: str) -> bool:
    state = sa.inspect(topic)
    return any(state.attrs[name].history.has_changes() for name in names)


@event.listens_for(OrmSession, "before_flush")
def _key_renamed_topics(session: OrmSession, _context: Any, _instances: Any) -> None:
    # name_key follows the name, so a renamed topic is found by its new name.
    for obj in (*session.new, *session.dirty):
        renamed = isinstance(obj, Topic) and (obj in session.new or _changed(obj, "name"))
        if renamed and isinstance(obj.name, str):
            obj.name_key = text_key(obj.name)


@event.listens_for(OrmSession, "after_flush")
def _follow_topic_changes(session: OrmSession, _context: Any) -> None:
    changed = [
        obj
        for obj in (*session.new, *session.dirty)
        if isinstance(obj, Topic)
        and obj.id is not None
        and (obj in session.new or _changed(obj, "name", "synonyms"))
    ]
    if changed:
        write_terms(session.connection(), [(t.id, t.name, t.synonyms) for t in changed])


def known_keys(keys: Iterable[str], among: sa.ColumnElement[bool] | None = None) -> set[str]:
    """The keys among `keys` that some topic `among` admits has as its name or a synonym:
    those `topics_by_key` finds, without loading the topics (an import asks for thousands)."""
    wanted = sorted({key for key in keys if key and len(key) <= KEY_MAX})
    found: set[str] = set()
    for start in range(0, len(wanted), _CHUNK):
        stmt = select(TopicTerm.term_key).where(
            TopicTerm.term_key.in_(wanted[start : start + _CHUNK])
        )
        if among is not None:
            stmt = stmt.join(Topic, Topic.id == TopicTerm.topic_id).where(among).distinct()
        found.update(db.session.scalars(stmt))
    return found
