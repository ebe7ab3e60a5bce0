"""Text that has not passed the gate (a preview of what is being typed, a refused form shown
again with its preview) is rendered for the page but not kept in the renderer's memory,
which keeps the texts pages show again and again: a stored text, once through the gate."""

from __future__ import annotations

import pytest

from app.cases.models import CaseStatus
from app.content.markdown import _sanitized_html
from app.extensions import db
from tests.cases.test_views import as_user, text
from tests.support.builders import add_case, build_world

TYPED = "Start **sofosbuvir** for Harriet Quenby, MRN 55512344, SSN 123-45-6789."


def kept(source: str) -> bool:
    """Whether the renderer's memory holds `source` (asking adds it, so ask last)."""
    before = _sanitized_html.cache_info().hits
    _sanitized_html(source)
    return _sanitized_html.cache_info().hits > before


@pytest.fixture
def world(worlds, make_user):
    def build():
        w = build_world(make_user)
        w.presented = add_case(w.hcv, w.provider, "Presented case", status=CaseStatus.PRESENTED)
        db.session.commit()
        return w

    return worlds(__name__, build)


def test_a_preview_is_rendered_but_not_kept(client, world):
    as_user(client, world.expert)
    response = client.post("/preview", data={"text": TYPED})
    assert response.status_code == 200
    assert "<strong>sofosbuvir</strong>" in text(response)
    assert not kept(TYPED)


def test_a_refused_form_shows_its_preview_but_the_text_is_not_kept(client, world):
    as_user(client, world.expert)
    body = f"{TYPED} (refused form)"
    response = client.post(
        f"/cases/{world.presented.id}/recommendations/new",
        data={"category": "therapeutic", "body": body, "action": "draft"},
    )
    assert response.status_code == 422
    assert "<strong>sofosbuvir</strong>" in text(response)  # the preview is shown
    assert not kept(body)


def test_a_stored_text_is_kept_for_the_pages_that_show_it_again(client, world):
    as_user(client, world.provider)
    assert client.get(f"/cases/{world.presented.id}").status_code == 200
    assert kept(world.presented.question)
