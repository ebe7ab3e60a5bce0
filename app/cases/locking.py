"""The lock order between a case's writers and its purge (PostgreSQL; SQLite's writers take
turns anyway): a purge takes the case's row FOR UPDATE and then writes its items; a writer
of text under the case holds the row in share mode BEFORE it writes any of its items, so the
two queue on the case row and never each hold what the other waits for."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from app.cases.models import Case
from app.extensions import db


def hold_case(case: Case, *others: Case | None) -> None:
    """Hold the case's row (and the others': an outcome hangs on its follow-up and on the
    case it follows) in share mode until commit: a purge of their text waits for this write
    and then sees it. Other writers are not kept waiting."""
    hold_case_ids([case.id, *(c.id for c in others if c is not None)])


def hold_case_ids(case_ids: Iterable[int | None]) -> None:
    """`hold_case` by ids, in id order (several at once never wait for each other's order)."""
    ids = sorted({i for i in case_ids if i is not None})
    if ids:
        db.session.execute(
            select(Case.id)
            .where(Case.id.in_(ids))
            .order_by(Case.id)
            .with_for_update(read=True, key_share=True)
        )
