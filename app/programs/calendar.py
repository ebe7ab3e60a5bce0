"""A session's day: when its cases may be marked presented and when it is over.

Cases, attendance and the session pages all ask these questions; they live with the
session so that none of those packages has to import another's operations to ask them."""

from __future__ import annotations

from datetime import timedelta

from app.common import today
from app.programs.models import Session

# A day's grace either way: the server's date may run ahead of or behind the program's time
# zone.
GRACE = timedelta(days=1)


def session_over(session: Session) -> bool:
    """Whether the session's day has passed (with the same day's grace as `presentable`)."""
    return session.date < today() - GRACE


def presentable(session: Session) -> bool:
    """Whether cases can be marked presented in `session` yet: not before its day."""
    return session.date <= today() + GRACE
