"""The forms of recommendations: write and edit, annotate.

They parse what was typed and carry it back to a refused page; the checks (body, category,
references, the gate) are the operations'. Field names are the page's since before these
classes, which tests and the browser post."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import HiddenField

from app.deid.forms import GatedForm, LongText, Text, as_given, stripped
from app.errors import ValidationError
from app.inputs import id_value
from app.practices.operations import DISSENT_TEXTS
from app.recommendations.operations import ANNOTATION_TEXTS, RECOMMENDATION_TEXTS


class AdviceForm(GatedForm):
    """A text with references, one citation per line, each checked by the gate on its own."""

    gated = RECOMMENDATION_TEXTS

    body = LongText(filters=[stripped])
    references = LongText(filters=[stripped])

    def reference_list(self) -> list[str]:
        return [line.strip() for line in self.references.data.splitlines() if line.strip()]

    def gate_texts(self) -> dict[str, str]:
        return self.gated.texts(body=self.body.data, references=self.reference_list())

    def show_refusal(self, exc: ValidationError) -> None:
        super().show_refusal(exc)
        # The form has one references box; point every reference's problem at it.
        for name in list(self.problems):
            if name.startswith("references["):
                self.problems.setdefault("references", self.problems[name])


class RecommendationForm(AdviceForm):
    category = Text(filters=[as_given])
    # "publish" from the "Save and publish" button
    action = HiddenField(filters=[as_given])
    # "yes" once the page showed the best practices the text may contradict
    conflicts_seen = HiddenField(filters=[as_given])
    # The version the edit started from: a save over a newer one is refused.
    version = HiddenField(filters=[as_given])

    def base_version(self) -> int | None:
        return id_value(self.version.data)


class AnnotationForm(AdviceForm):
    gated = ANNOTATION_TEXTS

    kind = Text(filters=[as_given])


class DissentForm(GatedForm):
    """ "Intentional, because …" under one best practice the recommendation may contradict."""

    gated = DISSENT_TEXTS

    practice_id = HiddenField(filters=[as_given])
    reason = LongText(filters=[as_given])

    def practice(self) -> int:
        return id_value(self.practice_id.data) or 0

    def gate_texts(self) -> dict[str, str]:
        # the operation checks the reason stripped; the box shows it as typed
        return self.gated.texts(reason=self.reason.data.strip())


class PreviewForm(FlaskForm):
    """Markdown to show as the page will (the editors' preview)."""

    text = LongText(filters=[as_given])
