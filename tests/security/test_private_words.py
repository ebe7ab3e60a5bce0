"""Words and figures that only a private program's content holds, asked for by outsiders.

Each test places a marker only in a private program (a topic its case proposed, a
recommendation of its case) and shows that what an outsider gets back (a respelling, a
figure of a group) does not change with it: an answer that changes tells the outsider the
private program holds it."""

from __future__ import annotations

from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.extensions import db
from app.programs.operations import resolve_topics
from app.search import SearchRequest, search
from tests.search.conftest import Library, library  # noqa: F401 (a fixture)
from tests.support.builders import add_case


def _respelled(who, q: str) -> str | None:
    results = search(who, SearchRequest(q=q))
    return results.corrected_query or results.suggestion


def test_a_topic_a_private_case_proposed_does_not_change_an_outsiders_respelling(
    library: Library, make_user, client
) -> None:
    outsider = make_user("provider", programs=["hcv", "oud"])
    token = create_token(outsider, "test", actor=SYSTEM)
    db.session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    typed = ("hepatitus", "cirrhosys retreatment")
    before = {q: _respelled(outsider, q) for q in typed}
    assert before == {"hepatitus": "hepatitis", "cirrhosys retreatment": "cirrhosis retreatment"}
    # A member's case proposes topics spelled so: proposed topics are not the shared
    # vocabulary, an outsider may not see them (policy.can_see_topic).
    add_case(
        library.secret,
        library.presenter,
        "Closed pilot case",
        question="Anything to add?",
        topics=resolve_topics(["Hepatitus", "Cirrhosys"]),
    )
    db.session.commit()
    assert {q: _respelled(outsider, q) for q in typed} == before
    data = client.get("/api/v1/search?q=hepatitus", headers=headers).get_json()
    assert data["corrected_query"] == "hepatitis" and data["total"] >= 1
    out = client.application.test_cli_runner().invoke(
        args=["search", "--as", outsider.email, "--json", "hepatitus"]
    )
    assert '"corrected_query": "hepatitis"' in out.output, out.output
