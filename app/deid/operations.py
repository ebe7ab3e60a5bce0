"""Keeping the overrides that authors give at the gate, and reading them back for review."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select

from app.audit.operations import record
from app.auth import policy
from app.auth.policy import Actor, Permission, Viewer, write_operation
from app.deid.gate import (
    Acceptance,
    Cues,
    FieldFinding,
    MarkingRule,
    Preview,
    Words,
    check,
    preview,
)
from app.deid.models import DeidOverride
from app.deid.risk import assess
from app.extensions import db

if TYPE_CHECKING:
    from app.programs.models import Program


def marking_rule(actor: Viewer, program: Program | None) -> MarkingRule:
    """Which findings `actor` may mark "not an identifier" in what `program` holds (None:
    what belongs to no program), by `policy.can_mark_firm_findings`."""
    rule = MarkingRule(
        policy.unmarkable_categories(actor, program), policy.firm_finding_markers(program)
    )
    if program is None:
        return rule
    # A new topic's name joins the vocabulary, which belongs to no program.
    return replace(
        rule,
        topic_firm=policy.unmarkable_categories(actor, None),
        topic_who=policy.firm_finding_markers(None),
    )


def guard(
    values: Mapping[str, str | None],
    accepted: Iterable[Acceptance] = (),
    cues: Cues | None = None,
    *,
    actor: Viewer,
    program: Program | None = None,
    words: Words = (),
) -> list[tuple[FieldFinding, str]]:
    """The gate for an operation: raises IdentifiersFound, or returns the accepted findings
    (`cues`: the words each text is read after, see `app.deid.gate.Cues`; `words`: the
    fields holding a search's few words, see `app.deid.gate.Words`). `actor` may mark
    only the findings `marking_rule` lets them mark in `program` (the text's)."""
    return check(values, accepted, cues, marking_rule(actor, program), words)


def preview_for(
    values: Mapping[str, str | None],
    cues: Cues | None = None,
    *,
    actor: Viewer,
    program: Program | None = None,
) -> Preview:
    """What `guard` would refuse in `values` for `actor` in `program`, nothing stored: each
    finding says whether `actor` may mark it, and what only the text as shown holds is read
    with `actor`'s rule, as the save reads it."""
    return preview(values, cues, marking_rule(actor, program))


def remember_overrides(
    entity: Any,
    overridden: list[tuple[FieldFinding, str]],
    *,
    actor: Actor,
    fields: Iterable[str] | None = None,
    new: bool = False,
) -> None:
    """Replace the overrides kept for `entity` (for the fields just saved) with these;
    `new`: the entity was just created, so it has none to replace."""
    if new and not overridden:
        return
    db.session.flush()
    stmt = delete(DeidOverride).where(
        DeidOverride.entity_type == entity.__tablename__, DeidOverride.entity_id == entity.id
    )
    if fields is not None:
        stmt = stmt.where(DeidOverride.field.in_(list(fields)))
    if not new:
        db.session.execute(stmt)
    for finding, reason in overridden:
        db.session.add(
            DeidOverride(
                entity_type=entity.__tablename__,
                entity_id=entity.id,
                field=finding.field,
                start=finding.start,
                end=finding.end,
                category=finding.category,
                reason=reason,
                created_by_id=actor.id if actor else None,
            )
        )
        record(
            actor,
            "deid.finding_overridden",
            entity,
            field=finding.field,
            category=finding.category,
            reason=reason,
        )


def overrides_for(entity_type: str, entity_id: int) -> list[DeidOverride]:
    stmt = (
        select(DeidOverride)
        .where(DeidOverride.entity_type == entity_type, DeidOverride.entity_id == entity_id)
        .order_by(DeidOverride.field, DeidOverride.start)
    )
    return list(db.session.scalars(stmt))


def overrides_for_each(
    entity_type: str, entity_ids: Iterable[int]
) -> dict[int, list[DeidOverride]]:
    """`overrides_for` for several entities at once, by id (every id present)."""
    ids = list(entity_ids)
    found: dict[int, list[DeidOverride]] = {i: [] for i in ids}
    if ids:
        stmt = (
            select(DeidOverride)
            .where(DeidOverride.entity_type == entity_type, DeidOverride.entity_id.in_(ids))
            .order_by(DeidOverride.field, DeidOverride.start)
        )
        for override in db.session.scalars(stmt):
            found[override.entity_id].append(override)
    return found


@write_operation
def confirm_risk(
    entity: Any,
    texts: Mapping[str, str | None],
    cues: Mapping[str, str] | None = None,
    *,
    actor: Actor,
) -> None:
    """A reviewer passes content that carries a re-identification warning: audit that they
    did, with the kinds of quasi-identifier and how many (never the phrases)."""
    policy.require(actor, Permission.REVIEW_CASE, entity)
    warning = assess(texts, cues)
    if warning is None:
        return
    record(
        actor,
        "deid.risk_confirmed",
        entity,
        kinds=",".join(warning.kinds),
        signals=len(warning.signals),
        level=warning.level,
    )
