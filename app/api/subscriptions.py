"""The caller's subscriptions to topics and programs, and the digest, in the JSON API."""

from __future__ import annotations

from typing import Any

from flask import jsonify, request

from app.api.base import SPEC, api_blueprint, api_user, one_page
from app.api.schemas import PLAIN
from app.api.spec import Query
from app.api.tokens import _iso
from app.extensions import db
from app.subscriptions import operations as ops
from app.subscriptions.models import Subscription

SUBSCRIPTION = SPEC.schema(
    "Subscription",
    {
        "type": "object",
        "required": ["id", "kind", "name", "slug", "created_at"],
        "properties": {
            "id": {"type": "integer"},
            "kind": {"type": "string", "enum": ["topic", "program"]},
            "name": {"type": "string"},
            "slug": {"type": "string"},
            "created_at": {"type": "string", "format": "date-time"},
        },
    },
)
SUBSCRIPTIONS = {
    "type": "object",
    "required": ["results", "daily_email"],
    "properties": {
        "results": {"type": "array", "items": SUBSCRIPTION},
        "daily_email": {"type": "boolean"},
    },
}
SPEC.schema(
    "NewSubscription",
    {
        "type": "object",
        "additionalProperties": False,
        "description": "One of topic (a name, synonym or slug) or program (a slug).",
        "oneOf": [{"required": ["topic"]}, {"required": ["program"]}],
        "properties": {
            "topic": {"type": "string", "minLength": 1, "maxLength": 120, "pattern": PLAIN},
            "program": {"type": "string", "minLength": 1, "maxLength": 64, "pattern": PLAIN},
        },
    },
)
SPEC.schema(
    "DigestPreference",
    {
        "type": "object",
        "required": ["daily_email"],
        "additionalProperties": False,
        "properties": {"daily_email": {"type": "boolean"}},
    },
)
DIGEST_ITEM = {
    "type": "object",
    "properties": {
        "kind": {"type": "string"},
        "message": {"type": "string"},
        "url": {"type": "string"},
        "created_at": {"type": "string", "format": "date-time"},
    },
}


def subscription_json(subscription: Subscription) -> dict[str, Any]:
    subject = subscription.topic or subscription.program
    assert subject is not None  # a subscription follows a topic or a program (a constraint)
    return {
        "id": subscription.id,
        "kind": "topic" if subscription.topic_id else "program",
        "name": subject.name,
        "slug": subject.slug,
        "created_at": _iso(subscription.created_at),
    }


def _listing() -> dict[str, Any]:
    user = api_user()
    return {
        "results": [subscription_json(s) for s in ops.subscriptions_of(user)],
        "daily_email": ops.digest_preference(user),
    }


@SPEC.operation(
    api_blueprint,
    "/me/subscriptions",
    "GET",
    summary="The topics and programs you follow, and whether the digest is mailed to you",
    tag="subscriptions",
    response=SUBSCRIPTIONS,
)
def my_subscriptions() -> Any:
    return jsonify(_listing())


@SPEC.operation(
    api_blueprint,
    "/me/subscriptions",
    "POST",
    summary="Follow a topic or a program (following twice is following once)",
    tag="subscriptions",
    body="NewSubscription",
    response=SUBSCRIPTION,
    status=201,
)
def follow_subject(payload: dict[str, Any]) -> Any:
    subscription = ops.follow(
        api_user(), topic=payload.get("topic"), program=payload.get("program")
    )
    body = subscription_json(subscription)
    db.session.commit()
    return jsonify(body), 201


@SPEC.operation(
    api_blueprint,
    "/me/subscriptions/<int:subscription_id>",
    "DELETE",
    summary="Stop following",
    tag="subscriptions",
    response=SUBSCRIPTION,
)
def unfollow_subject(subscription_id: int) -> Any:
    subscription = ops.unfollow(api_user(), subscription_id)
    body = subscription_json(subscription)
    db.session.commit()
    return jsonify(body)


@SPEC.operation(
    api_blueprint,
    "/me/subscriptions/digest",
    "PUT",
    summary="Turn the daily digest mail on or off",
    tag="subscriptions",
    body="DigestPreference",
    response=SUBSCRIPTIONS,
)
def set_digest_mail(payload: dict[str, Any]) -> Any:
    ops.set_digest_preference(api_user(), payload["daily_email"])
    db.session.commit()
    return jsonify(_listing())


@SPEC.operation(
    api_blueprint,
    "/me/digest",
    "GET",
    summary="What followed topics and programs brought in the last day or week",
    tag="subscriptions",
    query=(Query("period", {"type": "string", "enum": ["day", "week"]}, "Default day."),),
    response={"type": "object", "properties": {"results": {"type": "array", "items": DIGEST_ITEM}}},
)
def my_digest() -> Any:
    items = ops.digest(api_user(), request.args.get("period", "day"))
    return jsonify(
        one_page(
            [
                {
                    "kind": n.kind,
                    "message": n.message,
                    "url": n.url,
                    "created_at": _iso(n.created_at),
                }
                for n in items
            ]
        )
    )
