"""The forms of teaching sets and saved searches.

They parse what was typed and carry it back to a refused page; the rules and the gate are
the operations'. Field names are the page's since before these classes, which tests and the
browser post. The operations check their texts stripped, so the gate's texts here are too
(the offsets of the findings refer to them), while the boxes show what was typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress

from flask import request
from flask_wtf import FlaskForm
from wtforms import HiddenField

from app.cases.forms import ChoicesField
from app.deid.forms import GatedForm, LongText, Text, as_given, stripped
from app.errors import ValidationError
from app.inputs import id_value
from app.teaching.operations import (
    NOTE_TEXTS,
    SEARCH_NAME_TEXTS,
    SEARCH_TEXTS,
    SET_TEXTS,
    normalise_query,
    search_texts,
)


class SearchForm(GatedForm):
    """Keep the search: a name and the search page's query string."""

    gated = SEARCH_TEXTS

    name = Text(filters=[as_given])
    query = Text(filters=[as_given])

    def gate_texts(self) -> dict[str, str]:
        query = ""
        with suppress(ValidationError):  # a query with nothing to save is reported as such
            query = normalise_query(self.query.data)
        return search_texts(self.name.data.strip(), query)


class RenameForm(GatedForm):
    gated = SEARCH_NAME_TEXTS

    name = Text(filters=[as_given])

    def gate_texts(self) -> dict[str, str]:
        return self.gated.texts(name=self.name.data.strip())


class SetForm(GatedForm):
    """A teaching set's title and description (new or edited)."""

    gated = SET_TEXTS

    title = Text(filters=[as_given])
    description = LongText(filters=[as_given])

    def gate_texts(self) -> dict[str, str]:
        return self.gated.texts(
            title=self.title.data.strip(), description=self.description.data.strip()
        )


class NoteForm(GatedForm):
    """The note on an item of a set."""

    gated = NOTE_TEXTS

    note = LongText(filters=[as_given])

    def gate_texts(self) -> dict[str, str]:
        return self.gated.texts(note=self.note.data.strip())


class SubjectForm(FlaskForm):
    """The case or recommendation to add to a set: in the link to the add page, then in its
    form."""

    class Meta:
        csrf = False  # only names what to add; the add form checks the token

    recommendation = HiddenField(filters=[as_given])
    case = HiddenField(filters=[as_given])

    @classmethod
    def read(cls) -> SubjectForm:
        return cls() if request.method == "POST" else cls(formdata=request.args)

    def recommendation_id(self) -> int | None:
        return id_value(self.recommendation.data)

    def case_id(self) -> int | None:
        return id_value(self.case.data)


class AddForm(NoteForm):
    """Add a case or recommendation to one of the user's sets (`set_id`) or to a new one
    ("new", titled `new_title`), with a note."""

    set_id = Text(filters=[stripped])
    new_title = Text(filters=[as_given])

    def gate_texts(self) -> dict[str, str]:
        return {"new_title": self.new_title.data.strip(), **super().gate_texts()}

    def gate_labels(self, texts: Mapping[str, str]) -> dict[str, str]:
        # the new set's title is the set form's title, under the box's name
        labels = NOTE_TEXTS.labels_of(n for n in texts if n != "new_title")
        return {"new_title": SET_TEXTS.label("title"), **labels}


class ShareForm(FlaskForm):
    """The program to share a set with; none to keep it to oneself."""

    program = Text(filters=[stripped])


class MoveForm(FlaskForm):
    position = Text(filters=[as_given])

    def place(self) -> int:
        return id_value(self.position.data) or 0


class GroupForm(FlaskForm):
    """The cases of a curriculum group, to open as a new set."""

    case_id = ChoicesField()

    def case_ids(self) -> list[int]:
        return [i for i in (id_value(v) for v in self.case_id.data) if i]
