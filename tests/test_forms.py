"""Web forms are WTForms classes (each capability's forms.py): views never read the posted
form by hand, so every form parses, shows again what was typed and reads the gate's ticks
the same way."""

from __future__ import annotations

from pathlib import Path

import app

APP = Path(app.__file__).parent
# The one reader of every posted value: it checks each field's text before any view runs.
READS_EVERY_FIELD = {"web.py"}


def test_no_view_reads_the_posted_form_by_hand():
    readers = set()
    for path in APP.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if "request.form" in source or "request.files" in source:
            readers.add(str(path.relative_to(APP)))
    assert readers == READS_EVERY_FIELD
