"""The outdated-advice queue: recommendations to review after a practice change."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app.auth import policy
from app.errors import ValidationError
from app.extensions import db
from app.outdated.forms import ResolveForm
from app.outdated.models import ReviewState
from app.outdated.operations import (
    NOTE_MAX,
    get_outdated,
    named_practice_ids,
    outdated_queue_page,
    resolve_outdated,
)
from app.pagination import page_number

outdated_blueprint = Blueprint("outdated", __name__, template_folder="templates")

CHOICES = [
    (ReviewState.STILL_VALID.value, "Still valid"),
    (ReviewState.UPDATED.value, "Annotate with an update"),
    (ReviewState.NO_LONGER_APPLIES.value, "No longer applies"),
]


def _user() -> Any:
    return current_user._get_current_object()


def _page(refused: dict[str, Any] | None = None, status: int = 200) -> tuple[str, int]:
    user = _user()
    resolved = request.args.get("show") == "resolved"
    pager = outdated_queue_page(user, resolved=resolved, page=page_number(request.args.get("page")))
    items = pager.items
    return render_template(
        "outdated/queue.html",
        items=items,
        pager=pager,
        # the practices and replacements the reader may see, in one statement for the queue
        shown_practices=policy.visible_practice_ids(user, named_practice_ids(items)),
        resolved=resolved,
        choices=CHOICES,
        refused=refused or {},
        note_max=NOTE_MAX,
        can_update=lambda item: policy.can_annotate(user, item.recommendation),
    ), status


@outdated_blueprint.route("/outdated")
@login_required
def queue() -> Any:
    return _page()


@outdated_blueprint.route("/outdated/<int:item_id>/resolve", methods=["POST"])
@login_required
def resolve(item_id: int) -> Any:
    user = _user()
    item = get_outdated(user, item_id)
    form = ResolveForm()
    try:
        resolve_outdated(
            item,
            form.resolution.data,
            note=form.note.data,
            actor=user,
            accepted=form.accepted(),
        )
        db.session.commit()
    except ValidationError as exc:
        form.show_refusal(exc)
        refused = {
            "id": item_id,
            "resolution": form.resolution.data,
            "note": form.note.data,
            "errors": form.problems,
            "message": form.message,
            "panels": form.panels,
        }
        return _page(refused, form.status)
    flash(f"Resolved: {item.state.label.lower()}.", "success")
    return redirect(url_for("outdated.queue"), 303)
