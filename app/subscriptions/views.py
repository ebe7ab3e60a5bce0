"""Following topics and programs in the browser: /my/subscriptions, /my/digest, and the
follow buttons other pages show (through `follow_state`)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from app import mail
from app.auth import policy
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.programs.models import Program, Topic, TopicStatus
from app.programs.operations import find_topic, visible_programs
from app.subscriptions import operations as ops
from app.subscriptions.forms import DigestForm, FollowForm, NextForm
from app.web import safe_redirect_target

subscriptions_blueprint = Blueprint("subscriptions", __name__, template_folder="templates")


def _user() -> Any:
    return current_user._get_current_object()


@subscriptions_blueprint.app_context_processor
def _follow_helpers() -> dict[str, Any]:
    def follow_state(subject: Topic | Program) -> Any:
        """The signed-in user's subscription to a topic or program, or None."""
        if not current_user.is_authenticated:
            return None
        return ops.following(_user(), subject)

    def followable_topics(names: list[str]) -> list[Topic]:
        """The known topics among a search's topic filters that the user may see."""
        found: list[Topic] = []
        for name in names or []:
            topic = find_topic(name, actor=_user())
            if topic is not None and topic not in found and policy.can_see_topic(_user(), topic):
                found.append(topic)
        return found

    return {"follow_state": follow_state, "followable_topics": followable_topics}


def _page(typed_topic: str = "", errors: dict[str, str] | None = None, status: int = 200) -> Any:
    user = _user()
    subscriptions = ops.subscriptions_of(user)
    followed_programs = {s.program_id for s in subscriptions if s.program_id}
    topics = db.session.scalars(
        select(Topic.name).where(Topic.status == TopicStatus.ACCEPTED).order_by(Topic.name_key)
    ).all()
    return render_template(
        "subscriptions/subscriptions.html",
        subscriptions=subscriptions,
        programs=[p for p in visible_programs(user) if p.id not in followed_programs],
        topic_names=topics,
        typed_topic=typed_topic,
        errors=errors or {},
        daily_email=ops.digest_preference(user),
        delivery_on=mail.delivery_on(),
    ), status


@subscriptions_blueprint.route("/my/subscriptions")
@login_required
def my_subscriptions() -> Any:
    return _page()


@subscriptions_blueprint.route("/my/subscriptions", methods=["POST"])
@login_required
def follow() -> Any:
    form = FollowForm()
    topic, program = form.topic.data, form.program.data
    try:
        subscription = ops.follow(_user(), topic=topic or None, program=program or None)
        name = (subscription.topic or subscription.program).name  # type: ignore[union-attr]
        db.session.commit()
    except (ValidationError, NotFound) as exc:
        db.session.rollback()
        if form.next.data:
            flash(exc.message, "error")
            return redirect(safe_redirect_target(form.next.data, "/"), 303)
        return _page(topic, {"topic": exc.message}, 422)
    flash(f"You follow {name}: new cases, recommendations and practices reach you.", "success")
    return redirect(
        safe_redirect_target(form.next.data, url_for("subscriptions.my_subscriptions")),
        303,
    )


@subscriptions_blueprint.route("/my/subscriptions/<int:subscription_id>/remove", methods=["POST"])
@login_required
def unfollow(subscription_id: int) -> Any:
    form = NextForm()
    subscription = ops.unfollow(_user(), subscription_id)
    name = (subscription.topic or subscription.program).name  # type: ignore[union-attr]
    db.session.commit()
    flash(f"You no longer follow {name}.", "success")
    return redirect(
        safe_redirect_target(form.next.data, url_for("subscriptions.my_subscriptions")),
        303,
    )


@subscriptions_blueprint.route("/my/subscriptions/digest", methods=["POST"])
@login_required
def digest_preference() -> Any:
    wanted = DigestForm().wanted()
    ops.set_digest_preference(_user(), wanted)
    db.session.commit()
    flash(
        "The daily digest will be mailed to you." if wanted else "No more digest mail.",
        "success",
    )
    return redirect(url_for("subscriptions.my_subscriptions"), 303)


@subscriptions_blueprint.route("/my/digest")
@login_required
def digest() -> Any:
    period = request.args.get("period", "day")
    status = 200
    if period not in ops.PERIODS:
        period, status = "day", 422
        flash("Period must be day or week: showing the last 24 hours.", "error")
    return render_template(
        "subscriptions/digest.html",
        period=period,
        items=ops.digest(_user(), period),
        following=len(ops.subscriptions_of(_user())),
    ), status
