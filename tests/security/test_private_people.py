"""Someone only a private program knows is not named to an outsider where they acted on
something shared (as on audit trails, policy.can_see_person): a best practice's proposer,
endorsers and editors."""

from __future__ import annotations

from app.auth.policy import SYSTEM
from app.extensions import db
from app.practices.operations import add_evidence, edit_practice, propose_practice, take_stance
from tests.conftest import sign_in
from tests.support.builders import build_world
from tests.support.clients import bearer, fresh_client

NAME = "Pia Privata"


def test_a_practices_pages_do_not_name_a_private_programs_expert_to_outsiders(
    app, client, make_user
) -> None:
    w = build_world(make_user)
    private_expert = make_user("expert", email="pia@example.org", programs=["perinatal-sud"])
    private_expert.display_name = NAME
    db.session.commit()
    practice = propose_practice(
        "Check HBV serologies before every DAA start",
        "Check HBsAg and anti-HBc before starting DAAs.",
        author=private_expert,
        actor=private_expert,
    )
    add_evidence(practice, w.case, added_by=w.expert, actor=SYSTEM)
    edit_practice(
        practice,
        title=practice.title,
        statement="Check HBsAg, anti-HBc and anti-HBs before starting DAAs.",
        reason="Anti-HBs too.",
        editor=private_expert,
        actor=private_expert,
    )
    take_stance(practice, "endorse", expert=private_expert, actor=private_expert)
    db.session.commit()
    pages = [f"/practices/{practice.id}", f"/practices/{practice.id}/versions"]
    for reader, named in ((w.provider, False), (w.expert, False), (w.member, True)):
        browser = fresh_client(app)
        sign_in(browser, reader)
        for url in pages:
            page = browser.get(url)
            assert page.status_code == 200
            assert (NAME in page.get_data(as_text=True)) is named, (reader.email, url)
        api = client.get(f"/api/v1/practices/{practice.id}", headers=bearer(reader))
        assert (NAME in api.get_data(as_text=True)) is named, reader.email
