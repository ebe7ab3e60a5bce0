"""The lock order between a case's writers and its purge (PostgreSQL; SQLite's writers take
turns anyway): a purge takes the case's row FOR UPDATE and then writes its items; a writer
of text under the case holds the row in share mode BEFORE it writes any of its items, so the
two queue on the case row and never each hold what the other waits for."""

from __future__ import annotations

from sqlalchemy import select

from app.cases.models import Case
from app.extensions import db


def hold_case(case: Case) -> None:
    """Hold the case's row in share mode until commit: a purge of its text waits for this
    write and then sees it. Other writers are not kept waiting."""
    db.session.execute(
        select(Case.id).where(Case.id == case.id).with_for_update(read=True, key_share=True)
    )
