"""The forms of following: follow a topic or a program, stop following, the daily digest.

They parse what was typed; the rules are the operations'. `next` is where a follow button
on another page returns to (checked by `safe_redirect_target`).
"""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField

from app.deid.forms import Text, as_given, stripped


class NextForm(FlaskForm):
    next = HiddenField(filters=[as_given])


class FollowForm(NextForm):
    """A topic by name or a program by slug, whichever is given."""

    topic = Text(filters=[stripped])
    program = Text(filters=[stripped])


class DigestForm(FlaskForm):
    daily_email = HiddenField(filters=[as_given])

    def wanted(self) -> bool:
        return self.daily_email.data in ("1", "on", "true")
