"""The desk's form: send a case's recommendations to its presenter."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField

from app.deid.forms import as_given


class SendForm(FlaskForm):
    """`publish_drafts` publishes the drafts on the hub's behalf; `conflicts_seen` says the
    checker's warning was shown (the button under it sends both)."""

    publish_drafts = HiddenField(filters=[as_given])
    conflicts_seen = HiddenField(filters=[as_given])

    def publishing(self) -> bool:
        return self.publish_drafts.data == "yes"

    def warned(self) -> bool:
        return self.conflicts_seen.data == "yes"
