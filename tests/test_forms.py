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


def test_a_page_refuses_a_json_body_which_its_form_would_read_past_the_text_check(
    client, make_user
):
    from sqlalchemy import select

    from app.extensions import db
    from app.programs.models import Program
    from tests.cases.test_views import as_user

    as_user(client, make_user("admin"))
    response = client.post(
        "/admin/programs/new", json={"slug": "nul", "name": "A\u0000B", "private": "no"}
    )
    assert response.status_code == 415
    assert "form posts" in response.get_data(as_text=True)
    assert db.session.scalar(select(Program).where(Program.slug == "nul")) is None
    # The API takes JSON as before.
    assert client.post("/api/v1/programs", json={}).status_code != 415
