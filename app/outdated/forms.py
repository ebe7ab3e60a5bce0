"""The form that resolves an item of the outdated-advice queue.

It parses what was typed and carries it back to a refused page; the rules and the gate are
the operation's. The note reaches the gate stripped, as the operation passes it.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.deid.forms import GatedForm, LongText, Text, as_given, stripped
from app.errors import ValidationError
from app.outdated.models import ReviewState
from app.outdated.operations import RESOLUTION_TEXTS


class ResolveForm(GatedForm):
    """A resolution and its note; an update's note becomes an annotation's body."""

    gated = RESOLUTION_TEXTS

    resolution = Text(filters=[as_given])
    note = LongText(filters=[as_given])

    def _gate_field(self) -> str:
        # an update is checked as the annotation it becomes
        return "body" if self.resolution.data == ReviewState.UPDATED.value else "note"

    def gate_texts(self) -> dict[str, str]:
        return {self._gate_field(): stripped(self.note.data)}

    def gate_labels(self, texts: Mapping[str, str]) -> dict[str, str]:
        return dict.fromkeys(texts, RESOLUTION_TEXTS.label("note"))

    def show_refusal(self, exc: ValidationError) -> None:
        """As a `GatedForm`, with the annotation's findings shown on the note box."""
        super().show_refusal(exc)
        field = self._gate_field()
        if field != "note":
            if field in self.problems:
                self.problems["note"] = self.problems.pop(field)
            if field in self.panels:
                self.panels["note"] = self.panels.pop(field)
