"""Who may see a search document, expressed as index terms, and the mask for one reader.

A document carries `private_program` (its program's id when that program is private; for a
best practice drawn from private programs alone, every program it cites: it is seen by the
members of any of them, as its page is),
`restrict` (why its audience is narrower: "draft", "review", "hidden") and `owner` (the
case's presenter). The rules mirror app.auth.policy (can_view_program, can_view_case, and
published-only recommendations as on the case page); tests check they agree. The mask is
computed inside the search, before ranking and pagination, so counts and pages are right.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from whoosh import query as wq

from app.auth import policy
from app.auth.models import User
from app.auth.policy import Permission, Viewer
from app.extensions import db
from app.programs.models import Program

DRAFT = "draft"  # only the presenter (and admins) see drafts
REVIEW = "review"  # submitted or returned: the presenter and the review team
HIDDEN = "hidden"  # unpublished recommendations and their annotations: nobody in search


def case_restrictions(status: Any) -> list[str]:
    status = str(status)
    if status == "draft":
        return [DRAFT]
    if status in ("submitted", "returned"):
        return [REVIEW]
    return []


def audience_key(user: Viewer) -> tuple | None:
    """What decides the mask for `user`; None means nothing is masked (the operator)."""
    if policy.is_system(user):
        return None
    programs = db.session.scalars(select(Program).where(Program.private.is_(True))).all()
    seen = {p.id for p in programs if policy.can_view_program(user, p)}
    hidden_programs = tuple(sorted(p.id for p in programs if p.id not in seen))
    if not (isinstance(user, User) and user.is_active):
        return ("nobody",)
    restricts = [HIDDEN]
    if not policy.can_see_every_draft(user):
        restricts.append(DRAFT)
    reviewed: tuple[str, ...] | None = None  # None: every program's cases in review
    if not policy.has_permission(user, Permission.REVIEW_CASE):
        restricts.append(REVIEW)
    elif not policy.reviews_every_program(user):
        # the review team of the programs they run (policy.can_view_case)
        every = db.session.scalars(select(Program)).all()
        reviewed = tuple(sorted(p.slug for p in every if policy.runs_program(user, p)))
    return (hidden_programs, tuple(sorted(seen)), tuple(restricts), str(user.id), reviewed)


def mask_docs(searcher, key: tuple) -> set[int]:
    """Document numbers `key`'s reader must not see, in this searcher."""
    if key == ("nobody",):
        return set(range(searcher.doc_count_all()))
    hidden_programs, seen_programs, restricts, own, reviewed = key
    masked: set[int] = set()
    for program_id in hidden_programs:
        masked.update(searcher.docs_for_query(wq.Term("private_program", str(program_id))))
    if masked:
        # a document of several private programs (a practice drawn from them) is seen by
        # the members of any of them
        for program_id in seen_programs:
            masked.difference_update(
                searcher.docs_for_query(wq.Term("private_program", str(program_id)))
            )
    owned: set[int] | None = None
    for reason in restricts:
        docs = set(searcher.docs_for_query(wq.Term("restrict", reason)))
        if reason != HIDDEN and docs:
            if owned is None:
                owned = set(searcher.docs_for_query(wq.Term("owner", own)))
            docs -= owned
        masked |= docs
    if reviewed is not None:
        in_review = set(searcher.docs_for_query(wq.Term("restrict", REVIEW)))
        if in_review:
            for slug in reviewed:
                in_review.difference_update(searcher.docs_for_query(wq.Term("program", slug)))
            if owned is None:
                owned = set(searcher.docs_for_query(wq.Term("owner", own)))
            masked |= in_review - owned
    return masked
