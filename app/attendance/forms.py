"""The forms of attendance: the tick list, the program's credit rule, an evaluation.

They parse what was typed and carry it back to a refused page; the rules are the
operations'. Field names are the page's since before these classes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask_wtf import FlaskForm
from flask_wtf.file import FileField

from app.attendance.operations import CREDIT_TEXTS, printed_text
from app.auth.models import User
from app.cases.forms import ChoicesField
from app.deid.forms import GatedForm, Text, as_given, stripped
from app.inputs import id_value


class AttendanceForm(FlaskForm):
    """The participants ticked present (`present`, by id) and the minutes typed for each
    (`minutes.<id>`, blank: the whole session); `attendance_form` adds a box per person."""

    present = ChoicesField()

    def present_minutes(self) -> dict[int, str]:
        """Minutes typed by ticked id; an id not on the list is kept for the operation to
        refuse, naming it."""
        out: dict[int, str] = {}
        for raw in self.present.data:
            user_id = id_value(raw)
            if user_id is not None:
                box = self._fields.get(f"minutes.{user_id}")
                out[user_id] = box.data if box is not None else ""
        return out


def attendance_form(people: Iterable[User]) -> AttendanceForm:
    """The tick list's form, a minutes box per participant."""
    boxes: dict[str, Any] = {f"minutes.{p.id}": Text(filters=[stripped]) for p in people}
    return type("AttendanceForm", (AttendanceForm,), boxes)()


class ImportForm(FlaskForm):
    """A meeting tool's participant report (CSV) for the tick list."""

    file = FileField()

    def upload(self) -> tuple[str, bytes]:
        """(the file's name, or "the file"; its content, empty when none was sent)."""
        upload = self.file.data
        if upload is None or not hasattr(upload, "read"):
            return "the file", b""
        return upload.filename or "the file", upload.read()


class CreditRuleForm(GatedForm):
    """The credit a program's sessions give; the operation checks each value, naming it,
    and passes what the certificate prints through the gate."""

    gated = CREDIT_TEXTS

    credit_type = Text(filters=[stripped])
    credits_per_session = Text(filters=[stripped])
    minimum_minutes = Text(filters=[stripped])
    evaluation_required = Text(filters=[stripped])
    accreditation_statement = Text(filters=[stripped])
    signer_name = Text(filters=[stripped])
    signer_title = Text(filters=[stripped])

    def typed(self) -> dict[str, str]:
        return {name: self[name].data for name in self._fields if name != "csrf_token"}

    def gate_texts(self) -> dict[str, str]:
        return self.gated.texts(
            **{name: printed_text(name, self[name].data or "") for name in self.gated.labels}
        )


class EvaluationForm(FlaskForm):
    """A participant's rating of a session and whether it will change their practice."""

    rating = Text(filters=[as_given])
    will_change_practice = Text(filters=[as_given])

    def will_change(self) -> bool | str:
        """ "yes" or "no" as a yes/no; anything else as typed, for the operation to refuse."""
        answer = self.will_change_practice.data
        return {"yes": True, "no": False}.get(answer, answer)
