"""The admin console's forms: programs, their members and staff, topics, case-form templates.

They parse what was typed and carry it back to a refused page; the rules and the gate are
the operations'. Field names are the page's since before these classes. Texts reach the
gate as the operations pass them, so the offsets of the findings refer to the text the
panels show. Accounts use `AccountForm` (app/auth/forms.py), shared with invitations.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from flask_wtf import FlaskForm
from wtforms import HiddenField

from app.deid.forms import GatedForm, LongText, Text, as_given, stripped
from app.errors import ValidationError
from app.programs.operations import (
    PROGRAM_TEXTS,
    TOPIC_TEXTS,
    template_text_labels,
    template_texts,
    validate_template,
)


class ProgramForm(GatedForm):
    """A program's slug (new programs only), name, description and privacy."""

    gated = PROGRAM_TEXTS

    slug = Text(filters=[stripped])
    name = Text(filters=[as_given])
    description = LongText(filters=[as_given])
    private = HiddenField(filters=[as_given])

    def is_private(self) -> bool:
        return self.private.data == "yes"

    def typed(self) -> dict[str, Any]:
        return {
            "slug": self.slug.data,
            "name": self.name.data,
            "description": self.description.data,
            "private": self.is_private(),
        }

    def gate_texts(self) -> dict[str, str]:
        return self.gated.texts(
            name=self.name.data.strip(), description=self.description.data.strip()
        )


def synonym_list(text: str) -> list[str]:
    """Synonyms typed comma-separated, each as the operation keeps it (spaces collapsed)."""
    return [" ".join(s.split()) for s in text.split(",") if s.strip()]


class TopicForm(GatedForm):
    """A topic's synonyms (comma-separated), description and parent (by name)."""

    gated = TOPIC_TEXTS

    synonyms = Text(filters=[as_given])
    description = LongText(filters=[as_given])
    parent = Text(filters=[as_given])

    def synonym_list(self) -> list[str]:
        return synonym_list(self.synonyms.data)

    def typed(self) -> dict[str, Any]:
        return {
            "synonyms": self.synonyms.data,
            "description": self.description.data,
            "parent": self.parent.data,
            "target": "",
        }

    def gate_texts(self) -> dict[str, str]:
        texts = self.gated.texts(description=self.description.data, synonyms=self.synonym_list())
        texts.pop("name")  # not edited here
        return texts

    def show_refusal(self, exc: ValidationError) -> None:
        super().show_refusal(exc)
        if any(k.startswith("synonyms[") for k in self.problems):
            self.problems.setdefault("synonyms", "Possible patient identifiers in a synonym.")


class TopicStatusForm(FlaskForm):
    """Accept, retire or restore a topic; `back` "list" returns to the list."""

    action = HiddenField(filters=[as_given])
    back = HiddenField(filters=[as_given])

    def to_list(self) -> bool:
        return self.back.data == "list"


class MergeForm(FlaskForm):
    """The topic (by name) to merge this one into."""

    target = Text(filters=[as_given])


_ROW = re.compile(r"template\.(sections|fields)\[(\d+)\]\.(\w+)")
_MOVE = re.compile(r"(sections|fields)\[(\d+)\]:(up|down)")

Move = tuple[str, int, str]


class TemplateForm(GatedForm):
    """The case-form template editor: rows of sections and fields, each box named
    `template.sections[3].label` and so on; a row is removed by ticking its `remove`, and
    blank rows (the empty ones the page offers) are left out. `move` ("fields[2]:up")
    swaps a row with its neighbour; `action` "preview" checks without saving. A refused
    page numbers its rows as the template it was given, so the gate's names
    (`template.fields[2].choices[3]`) are those of its boxes."""

    move = HiddenField(filters=[as_given])
    action = HiddenField(filters=[as_given])

    def process(self, formdata: Any = None, *args: Any, **kwargs: Any) -> None:
        super().process(formdata, *args, **kwargs)
        # The rows are numbered by the page, and their count varies: read them by name.
        data = self.meta.wrap_formdata(self, formdata)
        self._rows: dict[tuple[str, int], dict[str, str]] = {}
        for name in data or ():
            match = _ROW.fullmatch(name)
            if match:
                part, index, attr = match.group(1), int(match.group(2)), match.group(3)
                value = data.get(name, "")
                self._rows.setdefault((part, index), {})[attr] = value.strip()

    def gate_texts(self) -> dict[str, str]:
        typed, _ = self.template()
        try:
            # As the operation passes them: help left blank and choices of a field that
            # takes none are not checked.
            return template_texts(validate_template(typed))
        except ValidationError:
            return template_texts(typed)

    def gate_labels(self, texts: Mapping[str, str]) -> dict[str, str]:
        return template_text_labels(texts)

    def previewing(self) -> bool:
        return self.action.data == "preview"

    def move_asked(self) -> Move | None:
        """(part, row number in the form, "up" or "down"), when a move button was pressed."""
        match = _MOVE.fullmatch(self.move.data or "")
        return (match.group(1), int(match.group(2)), match.group(3)) if match else None

    def template(
        self, move: Move | None = None
    ) -> tuple[dict[str, list[dict[str, Any]]], Move | None]:
        """The rows as typed, in the order asked for, without removed or blank rows; with
        `move` one row swaps with its neighbour. Also returns where the moved row now is
        (part, position from 1, direction)."""
        out: dict[str, list[dict[str, Any]]] = {"sections": [], "fields": []}
        for (part, index), typed in sorted(self._rows.items()):
            row: dict[str, Any] = dict(typed)
            if row.pop("remove", "") or not (row.get("key") or row.get("label")):
                continue
            try:
                order = float(row.pop("order", "") or index)
            except ValueError:
                order = index
            row["required"] = row.get("required") == "yes"
            if part == "fields":
                row["choices"] = [
                    c.strip() for c in row.get("choices", "").splitlines() if c.strip()
                ]
                for bound in ("min", "max"):
                    row[bound] = _number(row.get(bound, ""))
            out[part].append({**row, "_order": (order, index), "_row": index})
        moved = None
        for part in out:
            out[part].sort(key=lambda r: r.pop("_order"))
            rows_in_order = [r.pop("_row") for r in out[part]]
            if move is not None and move[0] == part and move[1] in rows_in_order:
                at = rows_in_order.index(move[1])
                to = at - 1 if move[2] == "up" else at + 1
                if 0 <= to < len(out[part]):
                    out[part][at], out[part][to] = out[part][to], out[part][at]
                    at = to
                moved = (part, at + 1, move[2])
        return out, moved


def _number(text: str) -> Any:
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return text  # refused by the check, naming the box
    return int(number) if number.is_integer() else number  # inf and nan are refused there
