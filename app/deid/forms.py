"""Forms whose text goes through the de-identification gate.

`GatedForm` is the one place a web form reads the "Not an identifier" ticks and, when an
operation refuses the save, shows the errors, the message and a panel per field with
findings. The form only parses and carries what was typed back to the page; the rules
(and the gate) stay in the operations. A view reads:

    form = SomeForm()
    if form.validate_on_submit():
        try:
            operation(..., accepted=form.accepted())
        except ValidationError as exc:
            form.show_refusal(exc)
    return render_template(...), form.status
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import FormField, StringField, TextAreaField

from app.deid.gate import (
    ANYONE_MARKS,
    Acceptance,
    GatedFields,
    IdentifiersFound,
    MarkingRule,
    hidden_messages,
)
from app.deid.web import (
    ACCEPT_INPUT,
    FIRM_HINT,
    REASON_PREFIX,
    Panel,
    acceptances_from_form,
    build_panels,
    read_key,
)
from app.errors import ValidationError
from app.extensions import db

Spans = Mapping[str, Mapping[str, tuple[int, int, str]]]

REASON_MISSING = "Choose a reason for each finding you mark “Not an identifier”."
SEE_BELOW = "Possible patient identifiers: see the highlighted text below."


def stripped(value: Any) -> str:
    """Text as the operations read it (their gate's offsets refer to the stripped text)."""
    return value.strip() if isinstance(value, str) else ""


def as_given(value: Any) -> str:
    return value if isinstance(value, str) else ""


def ticked_acceptances(formdata: Any) -> list[Acceptance]:
    """The ticked findings, even with a reason missing, to show them ticked again."""
    out = []
    for value in formdata.getlist(ACCEPT_INPUT):
        name, start, end, category, digest = read_key(str(value))
        if (
            category is not None
            and start.isascii()
            and end.isascii()
            and start.isdigit()
            and end.isdigit()
        ):
            reason = formdata.get(f"{REASON_PREFIX}{value}", "")
            out.append(Acceptance(name, int(start), int(end), reason, category, digest))
    return out


def refusal(
    exc: ValidationError,
    formdata: Any,
    texts: Mapping[str, str],
    labels: Mapping[str, str],
    *,
    spans: Spans | None = None,
    cues: Mapping[str, str] | None = None,
) -> tuple[dict[str, str], str, dict[str, Panel]]:
    """(errors by field, message, gate panels) for a refused form; never logs the text.
    A gate refusal's panels come from its findings; other texts are scanned only when the
    author ticked findings (to show them ticked again)."""
    panels: dict[str, Panel] = {}
    if isinstance(exc, IdentifiersFound) or formdata.getlist(ACCEPT_INPUT):
        panels = build_panels(
            texts,
            labels,
            ticked_acceptances(formdata),
            spans=spans,
            cues=cues,
            found=exc.scanned if isinstance(exc, IdentifiersFound) else None,
            hidden=hidden_messages(exc.hidden) if isinstance(exc, IdentifiersFound) else None,
            rule=exc.rule if isinstance(exc, IdentifiersFound) else _hinted_rule(formdata),
        )
    errors = dict(exc.errors) if exc.errors else ({exc.field: exc.message} if exc.field else {})
    message = exc.message
    for key in panels:
        errors.setdefault(key, SEE_BELOW)
        if key.startswith("topics["):
            errors.setdefault("topics", "Possible patient identifiers in a new topic name.")
    if (exc.field or "").startswith("accept_findings"):
        message = REASON_MISSING
        errors = {"accept_findings": message}
    return errors, message, panels


def _hinted_rule(formdata: Any) -> MarkingRule | None:
    """The rule a page's earlier refusal showed (`FIRM_HINT`), when this refusal is not the
    gate's (a reason left out): None, when it showed none, holds firm findings back."""
    return ANYONE_MARKS if formdata.get(FIRM_HINT) == "markable" else None


class Text(StringField):
    """A one-line box whose data is always text (its filters make it so)."""

    data: str


class LongText(TextAreaField):
    """A multi-line box whose data is always text (its filters make it so)."""

    data: str


class GatedForm(FlaskForm):
    """A form whose text the operation passes through the gate. Subclasses name the gate's
    declaration (`gated`) and give the texts as the operation will check them."""

    gated: ClassVar[GatedFields]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.problems: dict[str, str] = {}
        self.message = ""
        self.panels: dict[str, Panel] = {}

    def process(self, formdata: Any = None, *args: Any, **kwargs: Any) -> None:
        super().process(formdata, *args, **kwargs)
        # The ticks and their reasons are named per finding (`reason|<finding>`), which no
        # declared field can name: they are read from what was posted.
        self.posted: Any = self.meta.wrap_formdata(self, formdata) or MultiDict()

    def gate_texts(self) -> dict[str, str]:
        """The texts as the operation's gate sees them, by its field names."""
        raise NotImplementedError

    def gate_labels(self, texts: Mapping[str, str]) -> dict[str, str]:
        return self.gated.labels_of(texts)

    def gate_cues(self) -> Mapping[str, str] | None:
        """The words the operation's gate reads a text after (see `app.deid.gate.Cues`)."""
        return None

    def gate_spans(self) -> Spans | None:
        """Boxes of the form that one gate field is split over (see `build_panels`)."""
        return None

    def accepted(self) -> list[Acceptance]:
        """The findings marked "Not an identifier"; a ValidationError when one lacks a reason."""
        return acceptances_from_form(self.posted)

    def show_refusal(self, exc: ValidationError) -> None:
        """Undo the refused save and keep what to show: errors, message, panels."""
        db.session.rollback()
        texts = self.gate_texts()
        self.problems, self.message, self.panels = refusal(
            exc,
            self.posted,
            texts,
            self.gate_labels(texts),
            spans=self.gate_spans(),
            cues=self.gate_cues(),
        )

    def values(self) -> dict[str, Any]:
        """What the page shows in its boxes, by the boxes' names."""
        out: dict[str, Any] = {}
        for field in self:
            if isinstance(field, FormField):
                out.update({sub.name: sub.data for sub in field})
            else:
                out[field.name] = field.data
        return out

    @property
    def status(self) -> int:
        return 422 if self.problems or self.message else 200
