"""The curriculum page's "Recent changes are still being grouped" notice tells a reader when
texts changed. A private program's changes must not show to those outside it that way: the
notice shows a reader only changes of the audiences they read (the public programs, and
the private programs they belong to)."""

from __future__ import annotations

from datetime import date

import pytest

from app.auth.policy import SYSTEM
from app.extensions import db
from app.practices import groups
from app.programs.operations import create_program, create_session, resolve_topics
from tests.conftest import page_as
from tests.support.builders import add_case, add_recommendation

NOTICE = "Recent changes are still being grouped"
PAGE = "/curriculum?start=2026-01-01&end=2026-11-25"


@pytest.fixture
def hub(app, make_user):
    public = create_program("oud", "Opioid Use Disorder ECHO", actor=SYSTEM)
    private = create_program("perinatal-sud", "Perinatal ECHO", private=True, actor=SYSTEM)
    db.session.commit()
    presenter = make_user("provider", programs=["oud", "perinatal-sud"])
    expert = make_user("expert", programs=["oud", "perinatal-sud"])
    cases = {}
    for program, n in ((public, 1), (public, 2), (private, 3), (private, 4)):
        session = create_session(program, date(2026, 3, n), title=f"S{n}", actor=SYSTEM)
        cases[n] = add_case(
            program,
            presenter,
            f"Oxycodone taper {n}",
            question="How fast should we taper oxycodone after years of use?",
            session=session,
            topics=resolve_topics(["Opioid tapering"]),
        )
        add_recommendation(cases[n], expert, "Taper oxycodone by 10% a month.")
    db.session.commit()
    groups.refresh()
    return {
        "public": cases[1],
        "private": cases[3],
        "member": make_user("curriculum", programs=["perinatal-sud"]),
        "outsider": make_user("curriculum"),
        "admin": make_user("admin"),
    }


def _notice(app, user) -> bool:
    page = page_as(app, user, PAGE)
    assert page.status_code == 200
    return NOTICE in page.get_data(as_text=True)


# Off: nothing recomputes the groups on a read, so what the page says is what is marked.
@pytest.mark.app_config(CASEBOOK_GROUPS_REFRESH="off")
def test_an_outsider_is_not_told_when_a_private_programs_cases_change(app, hub):
    readers = ("member", "outsider", "admin")
    assert not any(_notice(app, hub[r]) for r in readers)

    hub["private"].question = "Can we taper oxycodone faster in pregnancy?"
    db.session.commit()
    assert _notice(app, hub["member"])
    assert _notice(app, hub["admin"])  # who sees every program
    assert not _notice(app, hub["outsider"])
    # The member's scope narrowed to a public program reads no private group either.
    page = page_as(app, hub["member"], f"{PAGE}&program=oud").get_data(as_text=True)
    assert NOTICE not in page

    groups.refresh()
    assert not any(_notice(app, hub[r]) for r in readers)


@pytest.mark.app_config(CASEBOOK_GROUPS_REFRESH="off")
def test_a_public_change_is_told_to_every_reader(app, hub):
    hub["public"].question = "How fast should we taper oxycodone after a fall?"
    db.session.commit()
    assert all(_notice(app, hub[r]) for r in ("member", "outsider", "admin"))
    # A private program's groups weigh the public texts: its scope is told too.
    page = page_as(app, hub["member"], f"{PAGE}&program=perinatal-sud").get_data(as_text=True)
    assert NOTICE in page


@pytest.mark.app_config(CASEBOOK_GROUPS_REFRESH="off")
def test_a_private_programs_new_advice_is_not_told_to_outsiders(app, hub, make_user):
    expert = make_user("expert", programs=["perinatal-sud"])
    add_recommendation(hub["private"], expert, "Add naloxone to the taper plan.")
    db.session.commit()
    assert groups.is_stale(groups.GroupKind.RECOMMENDATIONS)
    assert not groups.is_stale(groups.GroupKind.RECOMMENDATIONS, {groups.PUBLIC})
    assert groups.is_stale(groups.GroupKind.RECOMMENDATIONS, {hub["private"].program_id})
