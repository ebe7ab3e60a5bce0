"""The audit trail of a case, a recommendation or a session, for coordinators and admins."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, url_for
from flask_login import current_user

from app.audit.operations import trail as audit_trail
from app.auth import policy
from app.auth.policy import Permission, permission_required
from app.cases.models import Case
from app.errors import NotFound
from app.extensions import db
from app.programs.models import Session
from app.recommendations.models import Recommendation

audit_blueprint = Blueprint("audit", __name__, template_folder="templates")

# kind in the URL → (model, table name in the trail)
KINDS: dict[str, tuple[Any, str]] = {
    "case": (Case, "cases"),
    "recommendation": (Recommendation, "recommendations"),
    "session": (Session, "sessions"),
}


@audit_blueprint.route("/audit/<kind>/<int:entity_id>")
@permission_required(Permission.VIEW_AUDIT)
def trail(kind: str, entity_id: int) -> Any:
    user = current_user._get_current_object()
    if kind not in KINDS:
        raise NotFound("No such record.")
    model, table = KINDS[kind]
    entity = db.session.get(model, entity_id)
    # The trail of something the reader may not see is as absent as the thing itself, and
    # answers exactly as a missing one does.
    if entity is None or not _may_see(user, entity):
        raise NotFound("No such record.")
    if isinstance(entity, Case):
        title, back = entity.title, url_for("cases.case", case_id=entity.id)
    elif isinstance(entity, Recommendation):
        title = f"Recommendation {entity.position} on “{entity.case.title}”"
        back = url_for("cases.case", case_id=entity.case_id) + f"#rec-{entity.id}"
    else:
        title = f"{entity.program.name}, session {entity.number}"
        back = url_for("programs.session", slug=entity.program.slug, number=entity.number)
    return render_template(
        "audit/trail.html",
        events=audit_trail(table, entity_id),
        kind=kind,
        title=title,
        back=back,
    )


def _may_see(user: Any, entity: Any) -> bool:
    """The same rule as the object's own page: a draft recommendation only to its author."""
    if isinstance(entity, Case):
        return policy.can_view_case(user, entity)
    if isinstance(entity, Recommendation):
        return policy.can_view_recommendation(user, entity)
    return policy.can_view_program(user, entity.program)
