"""The audit trail of one record (a case, recommendation, session, best practice, program,
topic, account or API token), for coordinators and admins (accounts and tokens: admins)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, url_for
from flask_login import current_user

from app.audit.operations import visible_trail
from app.auth import policy
from app.auth.models import ApiToken, User
from app.auth.policy import Permission, permission_required
from app.cases.models import Case
from app.errors import NotFound
from app.extensions import db
from app.practices.models import BestPractice
from app.programs.models import Program, Session, Topic
from app.recommendations.models import Recommendation

audit_blueprint = Blueprint("audit", __name__, template_folder="templates")

# kind in the URL → (model, table name in the trail)
KINDS: dict[str, tuple[Any, str]] = {
    "case": (Case, "cases"),
    "recommendation": (Recommendation, "recommendations"),
    "session": (Session, "sessions"),
    "practice": (BestPractice, "best_practices"),
    "program": (Program, "programs"),
    "topic": (Topic, "topics"),
    "account": (User, "users"),
    "token": (ApiToken, "api_tokens"),
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
    if entity is None or not policy.can_see_trail(user, entity):
        raise NotFound("No such record.")
    if isinstance(entity, Case):
        title, back = entity.title, url_for("cases.case", case_id=entity.id)
    elif isinstance(entity, Recommendation):
        title = f"Recommendation {entity.position} on “{entity.case.title}”"
        back = url_for("cases.case", case_id=entity.case_id) + f"#rec-{entity.id}"
    elif isinstance(entity, Session):
        title = f"{entity.program.name}, session {entity.number}"
        back = url_for("programs.session", slug=entity.program.slug, number=entity.number)
    elif isinstance(entity, BestPractice):
        title, back = entity.title, url_for("practices.practice", practice_id=entity.id)
    elif isinstance(entity, Program):
        title, back = entity.name, url_for("programs.program", slug=entity.slug)
    elif isinstance(entity, Topic):
        title, back = entity.name, url_for("admin.topic", topic_id=entity.id)
    elif isinstance(entity, User):
        title, back = entity.display_name, url_for("admin.account", user_id=entity.id)
    else:
        title = f"API token {entity.prefix}… of {entity.user.display_name}"
        back = url_for("admin.account", user_id=entity.user_id) + "#tokens"
    return render_template(
        "audit/trail.html",
        events=visible_trail(user, table, entity_id),
        kind=kind,
        title=title,
        back=back,
    )
