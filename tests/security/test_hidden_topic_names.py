"""A topic name typed in one program that only a hidden proposal of another program has.

The private program's case proposes "Woodworm" (its topic is seen by that program's readers
alone). An outsider typing the same name, in any case, on the case form, over the API or in
an import file, gets a topic of their own spelt as they typed it: nothing they are shown
tells them that the private program proposed it, or how it spelt it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.admin.operations import accept_topic, restore_topic, retire_topic
from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.cases.models import Case
from app.errors import Conflict
from app.extensions import db
from app.programs.models import Topic, TopicStatus
from app.programs.operations import find_topic, resolve_topics
from tests.conftest import sign_in
from tests.search.conftest import Library, _library
from tests.support.builders import add_case


@pytest.fixture
def library(worlds, make_user) -> Library:
    return worlds(__name__, lambda: _library(make_user))


def _hidden_woodworm(library: Library) -> Topic:
    add_case(
        library.secret,
        library.presenter,
        "Closed pilot case",
        question="Anything to add?",
        topics=resolve_topics(["Woodworm"]),
    )
    db.session.commit()
    topic = find_topic("Woodworm")
    assert topic is not None and topic.status is TopicStatus.PROPOSED
    return topic


def _woodworm_on_both_sides(library: Library, make_user) -> tuple[Topic, Any, Topic]:
    """The hidden "Woodworm" on two of the secret program's cases, and an outsider's own
    topic of that name from typing it."""
    hidden = _hidden_woodworm(library)
    add_case(library.secret, library.presenter, "Second pilot case", topics=[hidden])
    outsider = make_user("provider", programs=["hcv", "oud"])
    [mine] = resolve_topics(["Woodworm"], actor=outsider, program=library.hcv)
    return hidden, outsider, mine


def test_an_outsider_typing_a_hidden_proposals_name_gets_a_topic_of_their_own(
    library: Library, make_user
) -> None:
    hidden = _hidden_woodworm(library)
    outsider = make_user("provider", programs=["hcv", "oud"])
    [mine] = resolve_topics(["woodworm"], actor=outsider, program=library.hcv)
    assert mine.id != hidden.id and mine.name == "woodworm"
    assert mine.status is TopicStatus.PROPOSED
    add_case(library.hcv, outsider, "Beetles in the wood", topics=[mine])
    db.session.commit()
    # The private program's readers still get theirs by any spelling, the outsider theirs.
    member = make_user("provider", programs=["secret-pilot"])
    assert resolve_topics(["WOODWORM"], actor=member, program=library.secret) == [hidden]
    assert resolve_topics(["Woodworm"], actor=outsider, program=library.hcv) == [mine]


def test_over_the_api_the_outsiders_case_shows_nothing_of_the_hidden_spelling(
    library: Library, make_user, client
) -> None:
    hidden = _hidden_woodworm(library)
    outsider = make_user("provider", programs=["hcv", "oud"])
    headers = {"Authorization": f"Bearer {create_token(outsider, 'test', actor=SYSTEM)}"}
    db.session.commit()
    body = {"program": "hcv", "title": "Beetles in the wood", "question": "Treat?"}
    made = client.post("/api/v1/cases", headers=headers, json={**body, "topics": ["WOODWORM"]})
    assert made.status_code == 201, made.get_json()
    assert made.get_json()["topics"] == ["WOODWORM"]
    assert "Woodworm" not in made.get_data(as_text=True)
    case = db.session.get(Case, made.get_json()["id"])
    assert case is not None and [t.id for t in case.topics] != [hidden.id]


def test_on_the_case_form_the_outsiders_case_shows_nothing_of_the_hidden_spelling(
    library: Library, make_user, client
) -> None:
    hidden = _hidden_woodworm(library)
    outsider = make_user("provider", programs=["hcv", "oud"])
    db.session.commit()
    sign_in(client, outsider)
    form = {"title": "Beetles in the wood", "question": "Treat?", "topics": "woodworm"}
    response = client.post("/programs/hcv/cases/new", data=form)
    assert response.status_code in (302, 303), response.get_data(as_text=True)[:2000]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "woodworm" in page and "Woodworm" not in page
    db.session.rollback()
    case = db.session.scalar(select(Case).where(Case.title == "Beetles in the wood"))
    assert case is not None and [t.name for t in case.topics] == ["woodworm"]
    assert case.topics[0].id != hidden.id


def test_an_import_by_an_outsider_gets_topics_of_its_own(
    library: Library, make_user, app, tmp_path: Path
) -> None:
    hidden = _hidden_woodworm(library)
    importer = make_user("coordinator", email="imp@example.org", programs=["hcv"])
    db.session.commit()
    source = tmp_path / "cases.jsonl"
    record = {
        "ref": "imp-001",
        "program": "hcv",
        "session_date": "2025-03-04",
        "title": "Beetles in the wood",
        "question": "Treat?",
        "presentation": "Seen at the clinic.",
        "topics": ["woodworm"],
        "status": "presented",
    }
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = app.test_cli_runner().invoke(
        args=["import", "--as", importer.email, "--index-timeout", "0", str(source)]
    )
    assert result.exit_code == 0, result.output
    assert "Woodworm" not in result.output
    db.session.rollback()
    case = db.session.scalar(select(Case).where(Case.ref == "imp-001"))
    assert case is not None
    assert [t.name for t in case.topics] == ["woodworm"] and case.topics[0].id != hidden.id


def test_accepting_a_name_an_accepted_topic_has_is_a_conflict_not_a_crash(
    library: Library, make_user
) -> None:
    hidden = _hidden_woodworm(library)
    outsider = make_user("provider", programs=["hcv", "oud"])
    [mine] = resolve_topics(["woodworm"], actor=outsider, program=library.hcv)
    assert accept_topic(SYSTEM, mine)
    db.session.commit()
    with pytest.raises(Conflict, match="merge 'Woodworm' into it") as refused:
        accept_topic(SYSTEM, hidden)
    assert refused.value.field == "status"
    db.session.rollback()
    assert hidden.status is TopicStatus.PROPOSED
    # A retired topic whose name was accepted since is merged, not restored, alike.
    retire_topic(SYSTEM, mine)
    db.session.commit()
    assert accept_topic(SYSTEM, hidden)
    db.session.commit()
    with pytest.raises(Conflict):
        restore_topic(SYSTEM, mine)
    db.session.rollback()
    assert mine.status is TopicStatus.RETIRED


def test_an_outsider_reaches_the_accepted_topic_once_a_name_is_accepted(
    library: Library, make_user
) -> None:
    hidden = _hidden_woodworm(library)
    assert accept_topic(SYSTEM, hidden)
    db.session.commit()
    outsider = make_user("provider", programs=["hcv", "oud"])
    assert resolve_topics(["WOODWORM"], actor=outsider, program=library.hcv) == [hidden]
    assert re.fullmatch(r"woodworm", hidden.slug)


def test_the_curriculum_figures_tell_two_topics_spelt_alike_apart_for_one_who_sees_both(
    library: Library, make_user
) -> None:
    from datetime import date, timedelta

    from app.curriculum import operations as figures

    hidden, outsider, mine = _woodworm_on_both_sides(library, make_user)
    assert mine.id != hidden.id and mine.name == hidden.name
    add_case(library.hcv, outsider, "Beetles in the wood", topics=[mine])
    db.session.commit()
    today = date.today()

    def totals(user) -> dict[str, int]:
        scope = figures.make_scope(user, start=today - timedelta(days=60), end=today)
        found = figures.Figures(user, scope).topic_frequency().totals
        return {name: n for name, n in found.items() if "oodworm" in name}

    admin = make_user("admin", email="root@example.org")
    assert totals(admin) == {f"Woodworm (#{hidden.id})": 2, f"Woodworm (#{mine.id})": 1}
    # One who sees the open program only is shown its topic under its name alone.
    lead = make_user("curriculum", email="lead@example.org", programs=["hcv"])
    assert totals(lead) == {"Woodworm": 1}


def test_an_imports_prescan_reads_a_hidden_proposals_name_as_new(
    library: Library, make_user
) -> None:
    from app.auth import policy
    from app.programs.terms import known_keys

    _hidden_woodworm(library)
    outsider = make_user("coordinator", email="imp@example.org", programs=["hcv"])
    member = make_user("provider", email="pia@example.org", programs=["secret-pilot"])
    keys = ["woodworm", "hepatitis c"]
    assert known_keys(keys, policy.knowable_topic_clause(outsider)) == {"hepatitis c"}
    assert known_keys(keys, policy.knowable_topic_clause(member)) == set(keys)


def test_following_a_topic_by_name_finds_the_followers_own_not_the_hidden_one(
    library: Library, make_user
) -> None:
    from app.errors import NotFound
    from app.subscriptions.operations import follow

    hidden = _hidden_woodworm(library)
    outsider = make_user("provider", programs=["hcv", "oud"])
    with pytest.raises(NotFound):  # as for a name no topic has
        follow(outsider, topic="Woodworm")
    [mine] = resolve_topics(["woodworm"], actor=outsider, program=library.hcv)
    add_case(library.hcv, outsider, "Beetles in the wood", topics=[mine])
    db.session.commit()
    assert follow(outsider, topic="WOODWORM").topic_id == mine.id
    member = make_user("provider", email="pia@example.org", programs=["secret-pilot"])
    assert follow(member, topic="woodworm").topic_id == hidden.id


def test_over_the_api_accepting_a_name_taken_by_an_accepted_topic_is_a_409(
    library: Library, make_user, client
) -> None:
    hidden = _hidden_woodworm(library)
    outsider = make_user("provider", programs=["hcv", "oud"])
    [mine] = resolve_topics(["WOODWORM"], actor=outsider, program=library.hcv)
    admin = make_user("admin", email="root@example.org")
    headers = {"Authorization": f"Bearer {create_token(admin, 'test', actor=SYSTEM)}"}
    db.session.commit()
    url = "/api/v1/admin/topics/{}/actions"
    first = client.post(url.format(mine.id), headers=headers, json={"action": "accept"})
    assert first.status_code == 200, first.get_json()
    second = client.post(url.format(hidden.id), headers=headers, json={"action": "accept"})
    assert second.status_code == 409, second.get_json()
    assert second.get_json()["field"] == "status"
    assert "merge 'Woodworm' into it" in second.get_json()["message"]
    db.session.rollback()
    assert db.session.get(Topic, hidden.id).status is TopicStatus.PROPOSED


def test_a_name_an_accepted_topic_has_as_synonym_is_not_gated_for_an_outsider_whatever_is_hidden(
    library: Library, make_user, client
) -> None:
    """The gate of a case reads the topics as the author may know them: a hidden proposal
    with the name an accepted topic has as a synonym must not make the outsider's save a
    refusal it would not be without it (that would tell them the proposal exists)."""
    from app.programs.operations import add_topics

    accepted = add_topics(["Kowalczyk syndrome"], synonyms=["Tomasz Kowalczyk cluster"])
    hidden = add_topics(["Tomasz Kowalczyk cluster"], status=TopicStatus.PROPOSED)
    add_case(library.secret, library.presenter, "Closed case", topics=list(hidden.values()))
    outsider = make_user("provider", programs=["hcv", "oud"])
    headers = {"Authorization": f"Bearer {create_token(outsider, 'test', actor=SYSTEM)}"}
    db.session.commit()
    body = {"program": "hcv", "title": "Clustered", "question": "Treat?"}
    made = client.post(
        "/api/v1/cases", headers=headers, json={**body, "topics": ["Tomasz Kowalczyk cluster"]}
    )
    assert made.status_code == 201, made.get_json()
    case = db.session.get(Case, made.get_json()["id"])
    assert case is not None
    assert [t.id for t in case.topics] == [accepted["kowalczyk syndrome"].id]


def test_an_expert_typing_their_practices_proposed_topic_again_gets_the_same_topic(
    library: Library, make_user
) -> None:
    """A proposal only a best practice carries is one whose name its readers may read: the
    same name typed again on another practice is that topic, not one more of the name."""
    from app.practices.operations import propose_practice

    expert = make_user("expert", programs=["hcv"])
    first = propose_practice(
        "Stripe care", "Do it.", topics=["Zebra stripes"], author=expert, actor=expert
    )
    db.session.commit()
    second = propose_practice(
        "More stripe care", "Do it too.", topics=["zebra STRIPES"], author=expert, actor=expert
    )
    db.session.commit()
    assert [t.id for t in second.topics] == [t.id for t in first.topics]
    assert first.topics[0].slug == "zebra-stripes"


def test_merging_a_proposal_by_its_own_name_means_the_other_topic_of_that_name(
    library: Library, make_user
) -> None:
    """Two proposals spelt alike (each program typing it got its own): merging the older by
    that name merges it into the other, not "into itself"."""
    from app.admin.operations import merge_topics

    older = _hidden_woodworm(library)
    outsider = make_user("provider", programs=["hcv", "oud"])
    [newer] = resolve_topics(["woodworm"], actor=outsider, program=library.hcv)
    add_case(library.hcv, outsider, "Beetles in the wood", topics=[newer])
    db.session.commit()
    result = merge_topics(SYSTEM, older, "Woodworm")
    db.session.commit()
    assert result.target.id == newer.id and result.cases == 1
    assert db.session.get(Topic, older.id) is None


def test_rising_topics_tell_two_topics_spelt_alike_apart_as_the_frequency_does(
    library: Library, make_user
) -> None:
    from datetime import date, timedelta

    from app.curriculum import operations as figures

    hidden, outsider, mine = _woodworm_on_both_sides(library, make_user)
    add_case(library.hcv, outsider, "Beetles in the wood", topics=[mine])
    add_case(library.hcv, outsider, "More beetles", topics=[mine])
    db.session.commit()
    today = date.today()
    admin = make_user("admin", email="root@example.org")
    scope = figures.make_scope(admin, start=today - timedelta(days=60), end=today)
    rising = {t.topic: t.current for t in figures.Figures(admin, scope).rising_topics()}
    assert {k: v for k, v in rising.items() if "oodworm" in k} == {
        f"Woodworm (#{hidden.id})": 2,
        f"Woodworm (#{mine.id})": 2,
    }
