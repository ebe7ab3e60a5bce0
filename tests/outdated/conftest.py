from __future__ import annotations

import pytest

from app.auth.policy import SYSTEM
from app.extensions import db
from app.practices.operations import add_evidence, change_status, propose_practice
from app.programs.operations import find_topic
from tests.support.builders import add_case, add_recommendation, build_world


def current_practice(title: str, statement: str, *, topics: list[str], author) -> object:
    practice = propose_practice(title, statement, topics=topics, author=author, actor=SYSTEM)
    change_status(practice, "emerging", reason="Raised twice.", editor=author, actor=SYSTEM)
    change_status(practice, "established", reason="Agreed.", editor=author, actor=SYSTEM)
    return practice


@pytest.fixture
def hub(app, make_user):
    """The world, a current practice on Hepatitis C that one recommendation gives (matches),
    another contradicts and the case's first one is cited by, and its successor."""
    w = build_world(make_user)
    w.coordinator = make_user("coordinator", email="coord@example.org", programs=["hcv"])
    w.other_expert = make_user("expert", email="ola@example.org", programs=["hcv"])
    w.private_expert = make_user("expert", email="pia@example.org", programs=["perinatal-sud"])
    hep_c = find_topic("Hepatitis C")
    w.hbv_case = add_case(w.hcv, w.provider, "Man starting DAAs", topics=[hep_c])
    w.follows_it = add_recommendation(
        w.hbv_case, w.other_expert, "Check HBV serologies before starting the DAAs."
    )
    w.contradicts_it = add_recommendation(
        w.hbv_case, w.other_expert, "Skip HBV serologies; they add nothing here."
    )
    w.unrelated = add_recommendation(w.hbv_case, w.other_expert, "Avoid alcohol.")
    w.draft_rec = add_recommendation(
        w.hbv_case, w.other_expert, "Check HBV serologies first.", published=False
    )
    w.practice = current_practice(
        "Check HBV serologies before every DAA start",
        "Check HBsAg and anti-HBc before starting DAAs.",
        topics=["Hepatitis C"],
        author=w.expert,
    )
    add_evidence(w.practice, w.rec, added_by=w.expert, actor=SYSTEM)
    w.successor = current_practice(
        "Check HBV serologies and HBV DNA before DAAs",
        "Check HBsAg, anti-HBc and HBV DNA before starting DAAs.",
        topics=["Hepatitis C"],
        author=w.expert,
    )
    db.session.commit()
    return w


def supersede(w, actor=SYSTEM) -> None:
    change_status(
        w.practice,
        "superseded",
        reason="HBV DNA is now checked too.",
        editor=w.expert,
        superseded_by=w.successor,
        actor=actor,
    )
    db.session.commit()
