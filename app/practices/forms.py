"""The forms of best practices: propose from recommendations, edit, change status, take a
stance, cite evidence.

They parse what was typed and carry it back to a refused page; the rules and the gate are
the operations'. Field names are the page's since before these classes, which tests and the
browser post. Each text reaches the gate as its operation passes it (stripped or as typed),
so the offsets of the findings refer to the text the panels show.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from contextlib import suppress
from typing import Any, ClassVar

from flask import request
from flask_wtf import FlaskForm
from wtforms import HiddenField

from app.cases.forms import ChoicesField
from app.deid.forms import GatedForm, LongText, Text, as_given, stripped
from app.errors import ValidationError
from app.inputs import id_value
from app.practices.operations import (
    EDIT_TEXTS,
    EVIDENCE_TEXTS,
    PROPOSAL_TEXTS,
    STANCE_TEXTS,
    STATUS_TEXTS,
)
from app.programs.forms import form_topic_texts, labels_with_topics


def topic_list(text: str) -> list[str]:
    """Topic names typed comma- or line-separated."""
    return [t.strip() for t in text.replace("\n", ",").split(",") if t.strip()]


class TopicsForm(GatedForm):
    """A practice's wording with its topics: a new topic name is checked by the gate too."""

    title = Text(filters=[stripped])
    statement = LongText(filters=[stripped])
    topics = Text(filters=[as_given])
    reason = LongText(filters=[stripped])

    def topic_names(self) -> list[str]:
        return topic_list(self.topics.data)

    def gate_texts(self) -> dict[str, str]:
        texts = self.wording()
        with suppress(ValidationError):  # a bad name is reported as such, not as a panel
            texts.update(form_topic_texts(self.topic_names()))
        return texts

    def gate_labels(self, texts: Mapping[str, str]) -> dict[str, str]:
        return labels_with_topics(self.gated, texts)

    def wording(self) -> dict[str, str]:
        raise NotImplementedError


class ChosenForm(FlaskForm):
    """The recommendations a proposal starts from: in the link to the page, then in its form."""

    class Meta:
        csrf = False  # read before the proposal form, which checks the token

    recommendation = ChoicesField()

    @classmethod
    def read(cls) -> list[str]:
        form = cls() if request.method == "POST" else cls(formdata=request.args)
        return list(dict.fromkeys(form.recommendation.data))


class ProposalForm(TopicsForm):
    """A practice proposed from recommendations, a note on each (`note-<id>`); `proposal_form`
    adds the note boxes of the chosen recommendations."""

    gated = PROPOSAL_TEXTS
    recommendation_ids: ClassVar[list[int]] = []

    # the box is named "status" on the page; `status` is the form's reply code
    start_as = Text(name="status", default="proposed", filters=[as_given])
    # "propose" from the button; without it the page only shows the related recommendations
    action = HiddenField(filters=[as_given])

    def notes(self) -> dict[int, str]:
        return {i: self[f"note-{i}"].data for i in self.recommendation_ids}

    def wording(self) -> dict[str, str]:
        texts = {"title": self.title.data, "statement": self.statement.data}
        texts.update({f"notes[{i}]": note for i, note in self.notes().items()})
        if self.reason.data:
            texts["reason"] = self.reason.data
        return texts


def proposal_form(recommendation_ids: Iterable[int], *, topics: str) -> ProposalForm:
    """The proposal form with a note box per chosen recommendation; `topics` fills an empty
    topics box (the chosen recommendations' topics)."""
    ids = list(recommendation_ids)
    boxes: dict[str, Any] = {"recommendation_ids": ids}
    for ident in ids:
        boxes[f"note-{ident}"] = LongText(filters=[stripped])
    form = type("ProposalForm", (ProposalForm,), boxes)()
    form.topics.data = form.topics.data.strip() or topics
    return form


class EditForm(TopicsForm):
    """A new version of the wording; the boxes start from the saved practice."""

    gated = EDIT_TEXTS

    def wording(self) -> dict[str, str]:
        return self.gated.texts(
            title=self.title.data, statement=self.statement.data, reason=self.reason.data
        )


class StatusForm(GatedForm):
    gated = STATUS_TEXTS

    # the box is named "status" on the page; `status` is the form's reply code
    new_status = Text(name="status", filters=[as_given])
    superseded_by = Text(filters=[as_given])
    # the operation checks the reason as typed (it strips it when keeping it)
    reason = LongText(filters=[as_given])

    def successor(self) -> int | None:
        """The successor's id when one is named (0 when the name is not an id)."""
        return (id_value(self.superseded_by.data) or 0) if self.superseded_by.data else None

    def gate_texts(self) -> dict[str, str]:
        return self.gated.texts(reason=self.reason.data)


class StanceForm(GatedForm):
    gated = STANCE_TEXTS

    # "endorse" or "dissent", from the button pressed
    stance = Text(filters=[as_given])
    note = LongText(filters=[as_given])

    def gate_texts(self) -> dict[str, str]:
        # the operation checks the note stripped; the box shows it as typed
        return self.gated.texts(note=self.note.data.strip())


class EvidenceForm(GatedForm):
    """Cite a session, a case or a recommendation (whichever box is filled) with a note; from
    the cite form on other pages, `practice_id` names the practice."""

    gated = EVIDENCE_TEXTS

    practice_id = HiddenField(filters=[as_given])
    recommendation = HiddenField(filters=[as_given])
    case = HiddenField(filters=[as_given])
    session = HiddenField(filters=[as_given])
    note = LongText(filters=[as_given])

    def practice(self) -> int:
        return id_value(self.practice_id.data) or 0

    def gate_texts(self) -> dict[str, str]:
        return self.gated.texts(note=self.note.data)
