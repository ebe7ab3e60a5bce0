"""Property-based run of schemathesis over the published OpenAPI document.

Every operation gets a fixed number of generated requests, valid ones and invalid ones,
with a valid bearer token and a small world to find: the hypothesis profile's
`max_examples` (tests/conftest.py: 15 in the CI, 5 in a developer's run). The run is seeded
(derandomized), so it asks the same questions each time, and bounded, so it stays within a
few minutes.
Every answer must be a non-5xx, carry a status the document lists, match the published
response schema, and valid requests must not be refused for their shape nor invalid ones
accepted."""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi import converter
from schemathesis.specs.openapi.checks import (
    negative_data_rejection,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.common import utcnow
from app.extensions import db
from app.programs.operations import create_program
from app.search.upkeep import reindex

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    response_schema_conformance,
    positive_data_acceptance,
    negative_data_rejection,
]


class _Rules:
    """Refusals of schema-valid requests that no schema can state: business rules, each an
    operation and a pattern of its message. `(label, message) in BUSINESS_RULES` (the check's
    own source stays as it was: hypothesis seeds a derandomized run from it)."""

    def __init__(self, *rules: tuple[str, str]) -> None:
        self.rules = [(label, re.compile(pattern)) for label, pattern in rules]

    def __contains__(self, item: object) -> bool:
        if not isinstance(item, tuple):
            return False
        label, message = item
        return isinstance(message, str) and any(
            rule in (label, "*") and pattern.fullmatch(message) is not None
            for rule, pattern in self.rules
        )


# A field's hidden finding, as the gate's refusal names it (app/deid/gate.py: hidden_message).
_HIDDEN = (
    r"[a-z_.\[\]0-9]+: a possible [a-z ,]+ appears? once formatting is removed; write"
    r" (?:it|them) without hidden characters or formatting\."
)

# Anything else a valid request gets refused for is a failure. Generated requests run one
# after another on one world, so what an earlier one did (a case published, a session
# filled) decides what a later one may do.
BUSINESS_RULES = _Rules(
    ("GET /api/v1/curriculum", re.escape("Choose a range of five years or less.")),
    ("GET /api/v1/curriculum", re.escape("The start date must be before the end date.")),
    ("GET /api/v1/curriculum/{name}", re.escape("Choose a range of five years or less.")),
    ("GET /api/v1/curriculum/{name}", re.escape("The start date must be before the end date.")),
    # A case's next step depends on its status, which earlier requests moved.
    (
        "POST /api/v1/cases/{case_id}/actions",
        r"An? [a-z ]+ case cannot (?:be submitted|become [a-z ]+)\.",
    ),
    (
        "POST /api/v1/sessions/{session_id}/cases",
        re.escape("Only approved cases can be scheduled."),
    ),
    # A generated id of a recommendation no request created.
    ("POST /api/v1/cases/{case_id}/outcomes", r"No recommendation \d+\."),
    ("POST /api/v1/me/saved-searches", re.escape("Search for something before saving the search.")),
    ("POST /api/v1/teaching-sets/{set_id}/items", re.escape("This case is in the set already.")),
    (
        "POST /api/v1/teaching-sets/{set_id}/items",
        re.escape("This recommendation is in the set already."),
    ),
    # The gate reads generated text as shown: its control characters, digits and vulgar
    # fractions ("¼") run together there into what reads as a name or an identifying number.
    (
        "*",
        rf"{_HIDDEN}(?: {_HIDDEN})*",
    ),
)

CASE = {
    "program": "pain",
    "title": "62-year-old man on 120 MME with falls",
    "age": 62,
    "sex": "male",
    "question": "How fast can we taper?",
    "presentation": "## History of present illness\n\nLow back pain for ten years.",
    "topics": ["Opioid tapering"],
}


def _build_world(client: Any, headers: dict[str, str]) -> None:
    """Ids 1 exist for each kind, so the generator's smallest ids find something."""

    def call(method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        response = getattr(client, method)(f"/api/v1{path}", headers=headers, **kwargs)
        assert response.status_code < 300, response.get_json()
        return response.get_json()

    session = call(
        "post", "/programs/pain/sessions", json={"date": utcnow().date().isoformat(), "title": "T"}
    )
    case = call("post", "/cases", json=CASE)
    for action in ("submit", "approve"):
        call("post", f"/cases/{case['id']}/actions", json={"action": action})
    call("post", f"/sessions/{session['id']}/cases", json={"case_id": case["id"]})
    call("post", f"/sessions/{session['id']}/cases/{case['id']}/presented")
    rec = call(
        "post",
        f"/cases/{case['id']}/recommendations",
        json={"body": "Taper by 10% a month.", "category": "therapeutic", "publish": True},
    )
    teaching_set = call("post", "/teaching-sets", json={"title": "Tapers"})
    call("post", f"/teaching-sets/{teaching_set['id']}/items", json={"case_id": case["id"]})
    call("post", "/me/saved-searches", json={"name": "Tapers", "query": "q=taper"})
    call(
        "post",
        "/practices",
        json={
            "title": "Slow tapers",
            "statement": "Taper slowly.",
            "recommendations": [{"id": rec["id"]}],
        },
    )


# Slices of the API run side by side (tests/conftest.py spreads this file's tests over the
# workers): each slice starts from its own world and asks the same questions of its
# operations as one run over the whole document did. The slices hold about the same CPU
# time (the writes with long bodies cost most). The last slice takes whatever the others
# do not name, so a new operation is never left out.
SLICES = {
    "practices": ("practices", "search", "tokens"),
    "cases": ("cases", "recommendations"),
    "programs": ("programs", "curriculum", "deid"),
    "rest": (),  # admin, me, sessions, teaching sets, outdated advice
}


# Before generating, schemathesis folds a string's maxLength into its pattern's quantifier
# (`^[^\u0000]*$` with maxLength 100000 becomes `^[^\u0000]{0,100000}$`). Compiling and
# canonicalizing a quantifier that large costs about 0.9 CPU s each time, and the free-text
# fields made it most of a slice's time. Above this bound the pattern and maxLength stay
# apart, as the document states them; the generated values obey both either way.
LONGEST_FOLDED_BOUND = 2000
_fold_length_into_pattern = converter.update_pattern_in_schema


def _fold_short_bounds_only(schema: dict[str, Any]) -> None:
    if (schema.get("maxLength") or 0) <= LONGEST_FOLDED_BOUND:
        _fold_length_into_pattern(schema)


def _slice_of(operation: Any) -> str:
    first = operation.path.removeprefix("/api/v1/").split("/", 1)[0]
    return next((name for name, firsts in SLICES.items() if first in firsts), "rest")


def _schema(app: Any) -> Any:
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


def _operations(schema: Any, part: str) -> list[Any]:
    """The operations the run of slice `part` asks questions of."""
    operations = [result.ok() for result in schema.get_all_operations()]
    return [op for op in operations if _slice_of(op) == part]


def test_the_slices_together_cover_every_operation_once(app) -> None:
    schema = _schema(app)
    every = [result.ok().label for result in schema.get_all_operations()]
    run = [op.label for part in SLICES for op in _operations(schema, part)]
    assert sorted(run) == sorted(every)
    assert all(_operations(schema, part) for part in SLICES)  # "rest" too has operations


# The index is built once from the world; what the run writes is not indexed, which keeps
# Whoosh writers out of a run that is about the API's answers.
@pytest.mark.app_config(CASEBOOK_SEARCH_APPLY="off")
@pytest.mark.parametrize("part", list(SLICES))
def test_the_api_answers_every_generated_request_as_documented(
    app, client, make_user, part, monkeypatch
):
    monkeypatch.setattr(converter, "update_pattern_in_schema", _fold_short_bounds_only)
    create_program("pain", "Chronic Pain ECHO", actor=SYSTEM)
    admin = make_user("admin", programs=["pain"])
    headers = {"Authorization": f"Bearer {create_token(admin, actor=SYSTEM)}"}
    db.session.commit()
    _build_world(client, headers)
    reindex()
    db.session.remove()

    schema = _schema(app)
    tally: Counter[str] = Counter()
    failures: list[str] = []

    def check(case: Any) -> None:
        tally["cases"] += 1
        response = case.call()
        db.session.remove()  # each request in a fresh session, as in production
        if response.status_code >= 500:
            tally["server errors"] += 1
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except BaseExceptionGroup as group:  # one per failed check, tallied below
            for exc in group.exceptions:
                kind = getattr(exc, "title", type(exc).__name__)
                refusal = response.json().get("message") if response.status_code == 422 else None
                if (case.operation.label, refusal) in BUSINESS_RULES:
                    tally["business-rule refusals"] += 1
                    continue
                tally[kind] += 1
                failures.append(
                    f"{case.operation.label} [{case.meta.generation.mode.value}] "
                    f"{response.status_code} {kind}: "
                    + str(getattr(exc, "message", exc)).replace("\n", " | ")[:300]
                    + f" | sent {case.path_parameters} {case.query} {str(case.body)[:120]}"
                    + f" | answer {response.text[:160]}"
                )

    operations = _operations(schema, part)
    for op in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            run = settings(
                derandomize=True,
                database=None,
                deadline=None,
                phases=[Phase.explicit, Phase.generate],
                suppress_health_check=list(HealthCheck),
            )(given(case=op.as_strategy(generation_mode=mode, headers=headers))(check))
            # An operation without parameters or body has nothing to make invalid.
            with contextlib.suppress(Unsatisfiable):
                run()

    summary = ", ".join(f"{k}: {v}" for k, v in sorted(tally.items()))
    print(f"\nschemathesis {part}: {len(operations)} operations, {summary}")
    for line in sorted(set(failures)):
        print("  " + line)
    assert tally["server errors"] == 0, summary
    assert not failures, "\n".join(sorted(set(failures))[:40])
