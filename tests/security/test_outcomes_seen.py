"""An outcome joins two cases: the follow-up it was recorded at and the earlier case whose
recommendation it judges. Each page shows it only where the reader may see the other side:
the earlier case's page lists what happened at the follow-ups the reader may see (not at
another presenter's draft, nor a withdrawn one), and the follow-up's page and the API list
the outcomes of recommendations the reader may see (not those of a withdrawn case)."""

from __future__ import annotations

import pytest

from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.cases.lifecycle import withdraw_case
from app.extensions import db
from tests.conftest import page_as
from tests.support.builders import add_case, add_outcome, build_world

ADVICE = "400/100 mg"  # in the earlier case's recommendation, nowhere on the follow-up


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: build_world(make_user))


def test_the_earlier_case_lists_no_outcome_of_a_follow_up_the_reader_may_not_see(
    app, world
) -> None:
    w = world
    draft = add_case(
        w.hcv,
        w.provider,
        "Follow-up: relapse after sofosbuvir/velpatasvir",
        status="draft",
        follows=w.case,
    )
    add_outcome(draft, w.rec, adoption="not_adopted", patient_status="worse")
    db.session.commit()
    own = page_as(app, w.provider, f"/cases/{w.case.id}").get_data(as_text=True)
    assert "Patient worse" in own and "Patient improved" in own  # the presenter's draft
    other = page_as(app, w.other_provider, f"/cases/{w.case.id}").get_data(as_text=True)
    assert "Patient improved" in other  # the presented follow-up's
    assert "Patient worse" not in other and "Not adopted" not in other
    withdraw_case(w.follow_up, "presented_in_error", actor=SYSTEM)
    db.session.commit()
    other = page_as(app, w.other_provider, f"/cases/{w.case.id}").get_data(as_text=True)
    assert "What happened" not in other


def test_a_follow_up_shows_no_recommendation_of_a_withdrawn_earlier_case(
    app, client, world
) -> None:
    w = world
    reader = w.other_provider
    url = f"/cases/{w.follow_up.id}"
    token = create_token(reader, actor=SYSTEM)
    db.session.commit()

    def listed() -> list[int]:
        answer = client.get(
            f"/api/v1/cases/{w.follow_up.id}/outcomes",
            headers={"Authorization": f"Bearer {token}"},
        ).get_json()
        return [o["recommendation_id"] for o in answer["results"]]

    assert ADVICE in page_as(app, reader, url).get_data(as_text=True)
    assert listed() == [w.rec.id]
    withdraw_case(w.case, "consent_withdrawn", actor=SYSTEM)
    db.session.commit()
    page = page_as(app, reader, url).get_data(as_text=True)
    assert "follow-up of an earlier presentation (withdrawn)" in page
    assert ADVICE not in page and "Outcomes recorded at this follow-up" not in page
    assert listed() == []
    # The program's review team, who may still open the withdrawn case, read them all.
    coordinator = page_as(app, w.admin, url).get_data(as_text=True)
    assert ADVICE in coordinator
