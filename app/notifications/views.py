"""The notifications page and the unread count in the header."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from app.extensions import db, writes_on_get
from app.notifications.models import Notification
from app.notifications.operations import as_read_by, mark_all_read, shown_to, unread_count
from app.pagination import page_number, paginate

notifications_blueprint = Blueprint("notifications", __name__, template_folder="templates")


@notifications_blueprint.app_context_processor
def _unread() -> dict[str, Any]:
    def unread_notifications() -> int:
        if not current_user.is_authenticated:
            return 0
        return unread_count(current_user._get_current_object())

    return {"unread_notifications": unread_notifications}


@notifications_blueprint.route("/notifications")
@writes_on_get  # seen is read
@login_required
def index() -> Any:
    user = current_user._get_current_object()
    stmt = (
        select(Notification)
        .where(shown_to(user))
        .order_by(Notification.created_at.desc(), Notification.id.desc())
    )
    page = page_number(request.args.get("page"))
    pager = paginate(stmt, page, int(current_app.config.get("CASEBOOK_PAGE_SIZE", 20)))
    unread_ids = {n.id for n in pager.items if n.read_at is None}
    html = render_template(
        "notifications/index.html",
        pager=pager,
        unread_ids=unread_ids,
        notices=as_read_by(user, pager.items),
    )
    # Seen is read: the header count clears once the list has been shown.
    mark_all_read(user)
    db.session.commit()
    return html


@notifications_blueprint.route("/notifications/read", methods=["POST"])
@login_required
def read_all() -> Any:
    mark_all_read(current_user._get_current_object())
    db.session.commit()
    flash("All notifications marked as read.", "success")
    return redirect(url_for("notifications.index"), 303)
