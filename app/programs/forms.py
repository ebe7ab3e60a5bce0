"""The forms of sessions: a session's details (new or edited), a case for its agenda.

They parse what was typed and carry it back to a refused page; the rules and the gate are
the operations'. Field names are the page's since before these classes. What is typed is
stripped, as the operations keep it, so the offsets the gate reports refer to the text the
panels show.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress
from typing import Any

from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import HiddenField

from app.auth.policy import Viewer
from app.deid.forms import GatedForm, LongText, Text, as_given, stripped
from app.deid.gate import GatedFields
from app.errors import ValidationError
from app.inputs import bounded_date, bounded_int, id_value
from app.programs.operations import SESSION_TEXTS, topic_texts


def form_topic_texts(names: list[str]) -> dict[str, str]:
    """`topic_texts` for the signed-in author, as the operation reads them: a topic hidden
    from them must not add a panel its absence would not."""
    reader: Viewer = current_user._get_current_object()
    return topic_texts(names, actor=reader)


_LIMITS = {"title": 200, "didactic_topic": 200, "didactic_presenter": 200}
NOTES_MAX = 100_000


def labels_with_topics(gated: GatedFields, texts: Mapping[str, str]) -> dict[str, str]:
    """The gate's labels of `texts`, a new topic's name (`topics[2]`) as "topic 2"."""
    labels = gated.labels_of(texts)
    for key in texts:
        if key.startswith("topics["):
            labels[key] = f"topic {key.removeprefix('topics[').removesuffix(']')}"
    return labels


class SessionForm(GatedForm):
    """A session's date, title, didactic topic and presenter, attendance, notes and topics
    (comma-separated; a new topic's name passes the gate too)."""

    gated = SESSION_TEXTS

    date = Text(filters=[stripped])
    title = Text(filters=[stripped])
    didactic_topic = Text(filters=[stripped])
    didactic_presenter = Text(filters=[stripped])
    attendance_count = Text(filters=[stripped])
    notes = LongText(filters=[stripped])
    topics = Text(filters=[stripped])

    def typed(self) -> dict[str, Any]:
        """What the page shows again, by box."""
        return {name: self[name].data for name in self._fields if name != "csrf_token"}

    def topic_names(self) -> list[str]:
        return [t.strip() for t in self.topics.data.split(",") if t.strip()]

    def changes(self) -> tuple[dict[str, Any], dict[str, str]]:
        """(the operation's input, errors by box): a date, a count and lengths the page can
        check before the operation, each message naming its box."""
        errors: dict[str, str] = {}
        changes: dict[str, Any] = {name: self[name].data for name in SESSION_TEXTS.labels}
        try:
            changes["date"] = bounded_date(self.date.data, "Date")
        except ValidationError as exc:
            errors["date"] = exc.message.replace("written YYYY-MM-DD", "like 2026-05-12")
        else:
            if changes["date"] is None:
                errors["date"] = "Date is required."
        changes["attendance_count"] = None
        if self.attendance_count.data:
            try:
                changes["attendance_count"] = bounded_int(
                    self.attendance_count.data, "Attendance", minimum=0, maximum=1_000_000
                )
            except ValidationError as exc:
                errors["attendance_count"] = exc.message
        for name, limit in _LIMITS.items():
            if len(self[name].data) > limit:
                label = name.replace("_", " ").capitalize()
                errors[name] = f"{label} must be at most {limit} characters."
        if len(self.notes.data) > NOTES_MAX:
            errors["notes"] = f"Notes must be at most {NOTES_MAX:,} characters."
        return changes, errors

    def gate_texts(self) -> dict[str, str]:
        texts = self.gated.texts(**{name: self[name].data for name in self.gated.labels})
        if not texts["title"]:  # a new session's default title is not the author's text
            texts.pop("title")
        with suppress(ValidationError):  # a bad name is reported as such, not as a panel
            texts.update(form_topic_texts(self.topic_names()))
        return texts

    def gate_labels(self, texts: Mapping[str, str]) -> dict[str, str]:
        return labels_with_topics(self.gated, texts)


class AgendaForm(FlaskForm):
    """An approved case to add to a session's agenda."""

    case_id = HiddenField(filters=[as_given])

    def case(self) -> int | None:
        return id_value(self.case_id.data)
