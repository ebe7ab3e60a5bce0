"""The day each case counts on in the curriculum figures (`Case.counts_on`), kept in step.

A case counts on the date of the first session whose agenda it is on, else on the day it
was created (`created_at`, UTC). What can move that day: a case created or its creation
time set (as an import does), a case put on or taken off an agenda, a session's date
changed, a session deleted (the ORM deletes its agenda rows with it). Session events
recompute the day of the cases such a flush touches, whichever operation wrote it; rows
inserted with Core (app/cases/bulk.py) carry their day from `first_day`. The figures then
read a range of one indexed column instead of deriving every case's first session again.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm.util import identity_key

from app.cases.models import Case, CasePresentation
from app.common import utcnow

_REFRESHED = "counts_on_refreshed"  # session.info: cases whose day a flush recomputed
_CHUNK = 500  # ids per statement, well under every driver's parameter limit


def first_day(created_at: datetime, session_dates: Iterable[date]) -> date:
    """The day a case counts on, from what is known of it in Python."""
    return min(session_dates, default=created_at.date())


def created_day(created_at: Any, dialect: str) -> Any:
    """The day of a stored creation time, in SQL."""
    if dialect == "sqlite":
        return sa.type_coerce(func.date(created_at), sa.Date)
    return sa.cast(created_at, sa.Date)


def derived_day(dialect: str) -> Any:
    """The day each case counts on, derived from the agendas (what the column keeps)."""
    from app.programs.models import Session

    first_session = (
        select(func.min(Session.date))
        .join(CasePresentation, CasePresentation.session_id == Session.id)
        .where(CasePresentation.case_id == Case.id)
        .scalar_subquery()
    )
    return sa.type_coerce(
        func.coalesce(first_session, created_day(Case.created_at, dialect)), sa.Date
    )


def refresh(connection: sa.Connection, case_ids: Iterable[int]) -> None:
    """Recompute the stored day of these cases from their agendas."""
    ids = sorted({i for i in case_ids if i is not None})
    day = derived_day(connection.dialect.name)
    for start in range(0, len(ids), _CHUNK):
        connection.execute(
            sa.update(Case)
            .where(Case.id.in_(ids[start : start + _CHUNK]))
            # Not a change of the case (lists of the newest changes, re-imports): its
            # updated_at stays, where Core would set it (onupdate).
            .values(counts_on=day, updated_at=Case.updated_at)
            .execution_options(synchronize_session=False)
        )


# ---------------------------------------------------------------- session events


def _changed(obj: Any, *names: str) -> bool:
    attrs = sa.inspect(obj).attrs
    return any(attrs[name].history.has_changes() for name in names)


def _cases_on(session: OrmSession, session_ids: list[int]) -> set[int]:
    rows = session.connection().execute(
        select(CasePresentation.case_id).where(CasePresentation.session_id.in_(session_ids))
    )
    return set(rows.scalars())


@event.listens_for(OrmSession, "before_flush")
def _day_of_new_cases(session: OrmSession, _context: Any, _instances: Any) -> None:
    for obj in session.new:
        # Inserted with the day it was created; an agenda in the same flush moves it after.
        if isinstance(obj, Case) and obj.counts_on is None:
            if obj.created_at is None:
                obj.created_at = utcnow()
            obj.counts_on = obj.created_at.date()


@event.listens_for(OrmSession, "after_flush")
def _follow_agendas(session: OrmSession, _context: Any) -> None:
    from app.programs.models import Session

    moved: set[int] = set()
    redated = []
    for obj in (*session.new, *session.deleted):
        if isinstance(obj, CasePresentation):
            moved.add(obj.case_id)
    for obj in session.dirty:
        if isinstance(obj, CasePresentation) and _changed(obj, "case_id", "session_id"):
            history = sa.inspect(obj).attrs.case_id.history
            moved.update(i for i in (*history.deleted, *history.unchanged) if i is not None)
            moved.add(obj.case_id)
        elif isinstance(obj, Case) and _changed(obj, "created_at"):
            moved.add(obj.id)
        elif isinstance(obj, Session) and obj.id and _changed(obj, "date"):
            redated.append(obj.id)
    if redated:
        moved.update(_cases_on(session, redated))
    if moved:
        refresh(session.connection(), moved)
        session.info[_REFRESHED] = moved


@event.listens_for(OrmSession, "after_flush_postexec")
def _forget_stale_days(session: OrmSession, _context: Any) -> None:
    # The database has the new day; a loaded case reads it again when asked.
    for case_id in session.info.pop(_REFRESHED, ()):
        case = session.identity_map.get(identity_key(Case, case_id))
        if case is not None:
            session.expire(case, ["counts_on"])
