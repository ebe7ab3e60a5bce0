"""The caller's subscriptions to topics and programs, and the digest, in the JSON API."""

from __future__ import annotations

from flask import request

from app.api import schemas
from app.api.base import SPEC, api_blueprint, api_user
from app.api.spec import Query
from app.extensions import db
from app.subscriptions import operations as ops
from app.subscriptions.models import Subscription


def subscription_answer(subscription: Subscription) -> schemas.Subscription:
    subject = subscription.topic or subscription.program
    assert subject is not None  # a subscription follows a topic or a program (a constraint)
    return schemas.Subscription(
        id=subscription.id,
        kind="topic" if subscription.topic_id else "program",
        name=subject.name,
        slug=subject.slug,
        created_at=subscription.created_at,
    )


def _listing() -> schemas.Subscriptions:
    user = api_user()
    return schemas.Subscriptions(
        results=[subscription_answer(s) for s in ops.subscriptions_of(user)],
        daily_email=ops.digest_preference(user),
    )


@SPEC.operation(
    api_blueprint,
    "/me/subscriptions",
    "GET",
    summary="The topics and programs you follow, and whether the digest is mailed to you",
    tag="subscriptions",
    response=schemas.Subscriptions,
)
def my_subscriptions() -> schemas.Subscriptions:
    return _listing()


@SPEC.operation(
    api_blueprint,
    "/me/subscriptions",
    "POST",
    summary="Follow a topic or a program (following twice is following once)",
    tag="subscriptions",
    body=schemas.NewSubscription,
    response=schemas.Subscription,
    status=201,
)
def follow_subject(payload: schemas.NewSubscription) -> schemas.Subscription:
    subscription = ops.follow(api_user(), topic=payload.topic, program=payload.program)
    answer = subscription_answer(subscription)
    db.session.commit()
    return answer


@SPEC.operation(
    api_blueprint,
    "/me/subscriptions/<int:subscription_id>",
    "DELETE",
    summary="Stop following",
    tag="subscriptions",
    response=schemas.Subscription,
)
def unfollow_subject(subscription_id: int) -> schemas.Subscription:
    subscription = ops.unfollow(api_user(), subscription_id)
    answer = subscription_answer(subscription)
    db.session.commit()
    return answer


@SPEC.operation(
    api_blueprint,
    "/me/subscriptions/digest",
    "PUT",
    summary="Turn the daily digest mail on or off",
    tag="subscriptions",
    body=schemas.DigestPreference,
    response=schemas.Subscriptions,
)
def set_digest_mail(payload: schemas.DigestPreference) -> schemas.Subscriptions:
    ops.set_digest_preference(api_user(), payload.daily_email)
    db.session.commit()
    return _listing()


@SPEC.operation(
    api_blueprint,
    "/me/digest",
    "GET",
    summary="What followed topics and programs brought in the last day or week",
    tag="subscriptions",
    query=(Query("period", {"type": "string", "enum": ["day", "week"]}, "Default day."),),
    response=schemas.DigestPage,
)
def my_digest() -> schemas.DigestPage:
    items = ops.digest(api_user(), request.args.get("period", "day"))
    return schemas.DigestPage.of(
        [
            schemas.DigestItem(kind=n.kind, message=n.message, url=n.url, created_at=n.created_at)
            for n in items
        ]
    )
