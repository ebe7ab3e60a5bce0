"""Invitations by e-mail in the JSON API (admins): invite, list, send again, revoke."""

from __future__ import annotations

from app import mail
from app.api import schemas
from app.api.admin import account_answer
from app.api.base import SPEC, api_blueprint, api_user
from app.auth import invitations as ops
from app.auth import policy
from app.auth.policy import Permission
from app.common import utcnow
from app.errors import NotFound
from app.extensions import db
from app.programs.operations import find_program


def invitation_answer(invitation: ops.Invitation) -> schemas.Invitation:
    return schemas.Invitation(
        id=invitation.id,
        account=account_answer(invitation.user),
        status=invitation.status(utcnow()),
        created_at=invitation.created_at,
        expires_at=invitation.expires_at,
        sent_at=invitation.sent_at,
    )


def _delivered(issued: ops.Issued) -> schemas.IssuedInvitation:
    """Commit, then mail; the answer carries the link only when it was not mailed."""
    invitation = issued.invitation
    db.session.commit()
    outcome = mail.send(issued.message)
    if outcome is mail.Delivery.SENT:
        ops.mark_sent(invitation.id)
        db.session.commit()
    answer = schemas.IssuedInvitation(invitation=invitation_answer(invitation), delivery=outcome)
    if outcome is not mail.Delivery.SENT:
        answer.link = issued.link
    return answer


@SPEC.operation(
    api_blueprint,
    "/admin/invitations",
    "POST",
    summary="Invite someone by email: a new account whose holder chooses the password",
    tag="admin",
    body=schemas.NewInvitation,
    response=schemas.IssuedInvitation,
    status=201,
)
def admin_invite(payload: schemas.NewInvitation) -> schemas.IssuedInvitation:
    # Before any lookup, so a refused caller learns nothing of which program slugs exist.
    policy.require(api_user(), Permission.MANAGE_USERS)
    slugs = payload.programs or []
    for slug in slugs:
        if find_program(slug) is None:
            raise NotFound("No such program.", field="programs")
    issued = ops.invite(
        api_user(), payload.email, payload.display_name or "", payload.role, program_slugs=slugs
    )
    return _delivered(issued)


@SPEC.operation(
    api_blueprint,
    "/admin/invitations",
    "GET",
    summary="Invitations not accepted yet, newest first (admins)",
    tag="admin",
    response=schemas.InvitationPage,
)
def admin_list_invitations() -> schemas.InvitationPage:
    pending = ops.pending_invitations(api_user())
    return schemas.InvitationPage.of([invitation_answer(i) for i in pending])


@SPEC.operation(
    api_blueprint,
    "/admin/invitations/<int:invitation_id>/resend",
    "POST",
    summary="A fresh invitation link for 7 more days (the previous link stops working)",
    tag="admin",
    response=schemas.IssuedInvitation,
)
def admin_resend_invitation(invitation_id: int) -> schemas.IssuedInvitation:
    user = api_user()
    issued = ops.resend(user, ops.get_invitation(user, invitation_id))
    return _delivered(issued)


@SPEC.operation(
    api_blueprint,
    "/admin/invitations/<int:invitation_id>",
    "DELETE",
    summary="Revoke a pending invitation: its link stops working",
    tag="admin",
    response=schemas.Invitation,
)
def admin_revoke_invitation(invitation_id: int) -> schemas.Invitation:
    user = api_user()
    invitation = ops.get_invitation(user, invitation_id)
    ops.revoke(user, invitation)
    db.session.commit()
    return invitation_answer(invitation)
