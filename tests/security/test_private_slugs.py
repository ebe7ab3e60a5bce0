"""Whether a private program exists is its members' business: a signed-in outsider who names
one gets the answer a missing one gets, whatever else the request holds."""

from __future__ import annotations

import pytest

from tests.conftest import page_as
from tests.support.builders import build_world
from tests.support.clients import bearer

PRIVATE, MISSING = "perinatal-sud", "no-such-program"


@pytest.fixture
def world(worlds, make_user):
    def build():
        w = build_world(make_user)
        w.curriculum = make_user("curriculum", programs=["hcv"])
        return w

    return worlds(__name__, build)


def _answer(response) -> tuple[int, object]:
    return response.status_code, response.get_json()


def test_a_non_admin_filtering_accounts_by_program_is_refused_before_the_slug_is_read(
    client, world
) -> None:
    headers = bearer(world.provider)
    private = client.get(f"/api/v1/admin/accounts?program={PRIVATE}", headers=headers)
    missing = client.get(f"/api/v1/admin/accounts?program={MISSING}", headers=headers)
    assert private.status_code == missing.status_code == 403
    assert private.get_json() == missing.get_json()


def test_a_non_admin_asking_for_an_account_is_refused_before_the_id_is_read(client, world) -> None:
    headers = bearer(world.provider)
    existing = client.get(f"/api/v1/admin/accounts/{world.member.id}", headers=headers)
    missing = client.get("/api/v1/admin/accounts/987654", headers=headers)
    assert existing.status_code == missing.status_code == 403
    assert existing.get_json() == missing.get_json()


@pytest.mark.parametrize("query", ["", "&start=garbage", "&end=2020-13-01"])
def test_the_curriculum_api_answers_a_private_program_as_a_missing_one(
    client, world, query
) -> None:
    headers = bearer(world.curriculum)
    private = client.get(f"/api/v1/curriculum?program={PRIVATE}{query}", headers=headers)
    missing = client.get(f"/api/v1/curriculum?program={MISSING}{query}", headers=headers)
    assert private.status_code == missing.status_code == 404
    assert _answer(private) == _answer(missing)


@pytest.mark.parametrize("page", ["/curriculum", "/curriculum/topics.csv"])
@pytest.mark.parametrize("query", ["", "&start=garbage"])
def test_the_curriculum_pages_answer_a_private_program_as_a_missing_one(
    app, world, page, query
) -> None:
    private = page_as(app, world.curriculum, f"{page}?program={PRIVATE}{query}")
    missing = page_as(app, world.curriculum, f"{page}?program={MISSING}{query}")
    assert private.status_code == missing.status_code == 404
    assert PRIVATE not in private.get_data(as_text=True)
