"""Invitations by e-mail in the JSON API (admins): invite, list, send again, revoke."""

from __future__ import annotations

from typing import Any

from flask import jsonify

from app import mail
from app.api.admin import ACCOUNT, account_json
from app.api.base import SPEC, api_blueprint, api_user, one_page
from app.api.schemas import PLAIN
from app.api.tokens import _iso
from app.auth import invitations as ops
from app.auth import policy
from app.auth.models import Role
from app.auth.policy import Permission
from app.common import utcnow
from app.errors import NotFound
from app.extensions import db
from app.programs.operations import find_program

# As app.auth.operations checks it (one @, a dot in the domain, no white space), and no
# control character, spelled so that JSON Schema's (ECMA) and Python's \s agree.
_PART = "[^@\\s\\u0000-\\u001f\\u007f-\\u009f\\ufeff]+"
EMAIL_PATTERN = f"^{_PART}@{_PART}\\.{_PART}$"

INVITATION = SPEC.schema(
    "Invitation",
    {
        "type": "object",
        "required": ["id", "account", "status", "created_at", "expires_at"],
        "properties": {
            "id": {"type": "integer"},
            "account": ACCOUNT,
            "status": {"type": "string", "enum": ["pending", "expired", "revoked", "accepted"]},
            "created_at": {"type": "string", "format": "date-time"},
            "expires_at": {"type": "string", "format": "date-time"},
            "sent_at": {"type": ["string", "null"], "format": "date-time"},
        },
    },
)
ISSUED = {
    "type": "object",
    "required": ["invitation", "delivery"],
    "properties": {
        "invitation": INVITATION,
        "delivery": {
            "type": "string",
            "enum": [d.value for d in mail.Delivery],
            "description": "sent: mailed; off: no SMTP server is configured; failed: the "
            "mail server refused or did not answer (send again later).",
        },
        "link": {
            "type": "string",
            "description": "Only when the mail was not sent: pass it on yourself. Shown once.",
        },
    },
}
SPEC.schema(
    "NewInvitation",
    {
        "type": "object",
        "required": ["email", "role"],
        "additionalProperties": False,
        "properties": {
            "email": {
                "type": "string",
                "maxLength": 254,
                "pattern": EMAIL_PATTERN,
                "description": "An address: something@somewhere.tld",
            },
            "display_name": {
                "type": "string",
                "maxLength": 120,
                "pattern": PLAIN,
                "description": "Blank: the start of the email address.",
            },
            "role": {"type": "string", "enum": [r.value for r in Role]},
            "programs": {
                "type": "array",
                "maxItems": 100,
                "items": {"type": "string", "maxLength": 64, "pattern": PLAIN},
            },
        },
    },
)


def invitation_json(invitation: ops.Invitation) -> dict[str, Any]:
    return {
        "id": invitation.id,
        "account": account_json(invitation.user),
        "status": invitation.status(utcnow()),
        "created_at": _iso(invitation.created_at),
        "expires_at": _iso(invitation.expires_at),
        "sent_at": _iso(invitation.sent_at),
    }


def _delivered(issued: ops.Issued, status: int) -> Any:
    """Commit, then mail; the answer carries the link only when it was not mailed."""
    invitation = issued.invitation
    db.session.commit()
    outcome = mail.send(issued.message)
    if outcome is mail.Delivery.SENT:
        ops.mark_sent(invitation.id)
        db.session.commit()
    body: dict[str, Any] = {"invitation": invitation_json(invitation), "delivery": outcome.value}
    if outcome is not mail.Delivery.SENT:
        body["link"] = issued.link
    return jsonify(body), status


@SPEC.operation(
    api_blueprint,
    "/admin/invitations",
    "POST",
    summary="Invite someone by email: a new account whose holder chooses the password",
    tag="admin",
    body="NewInvitation",
    response=ISSUED,
    status=201,
)
def admin_invite(payload: dict[str, Any]) -> Any:
    # Before any lookup, so a refused caller learns nothing of which program slugs exist.
    policy.require(api_user(), Permission.MANAGE_USERS)
    for slug in payload.get("programs", []):
        if find_program(slug) is None:
            raise NotFound(f"No program with slug '{slug}'.")
    issued = ops.invite(
        api_user(),
        payload["email"],
        payload.get("display_name", ""),
        payload["role"],
        program_slugs=payload.get("programs", []),
    )
    return _delivered(issued, 201)


@SPEC.operation(
    api_blueprint,
    "/admin/invitations",
    "GET",
    summary="Invitations not accepted yet, newest first (admins)",
    tag="admin",
    response={
        "type": "object",
        "properties": {"results": {"type": "array", "items": INVITATION}},
    },
)
def admin_list_invitations() -> Any:
    return jsonify(one_page([invitation_json(i) for i in ops.pending_invitations(api_user())]))


@SPEC.operation(
    api_blueprint,
    "/admin/invitations/<int:invitation_id>/resend",
    "POST",
    summary="A fresh invitation link for 7 more days (the previous link stops working)",
    tag="admin",
    response=ISSUED,
)
def admin_resend_invitation(invitation_id: int) -> Any:
    user = api_user()
    issued = ops.resend(user, ops.get_invitation(user, invitation_id))
    return _delivered(issued, 200)


@SPEC.operation(
    api_blueprint,
    "/admin/invitations/<int:invitation_id>",
    "DELETE",
    summary="Revoke a pending invitation: its link stops working",
    tag="admin",
    response=INVITATION,
)
def admin_revoke_invitation(invitation_id: int) -> Any:
    user = api_user()
    invitation = ops.get_invitation(user, invitation_id)
    ops.revoke(user, invitation)
    db.session.commit()
    return jsonify(invitation_json(invitation))
