"""The matching recommendations found by the stem lookup are always those the full reading
finds, and the lookup reads only those that can match."""

from __future__ import annotations

import random
from datetime import datetime

import pytest
from sqlalchemy import delete, event, select

from app.auth.policy import SYSTEM
from app.extensions import db
from app.outdated.operations import _matching, _matching_by_reading_all
from app.practices import conflicts
from app.practices.claim_terms import VERSION, stems
from app.practices.models import RecommendationTerm
from app.programs.operations import create_topic, find_topic, update_topic
from app.recommendations.operations import edit_recommendation
from tests.outdated.conftest import current_practice
from tests.support.builders import add_case, add_recommendation, build_world

CUES = [
    "Check",
    "Do not check",
    "Skip",
    "Avoid",
    "Start",
    "Never stop",
    "No need to repeat",
    "Continue",
    "Hold",
    "Screen for",
    "Offer",
    "Without requiring",
]
THINGS = [
    "HBV serologies",
    "HBsAg",
    "hepatitis B",
    "DAAs",
    "direct acting antivirals",
    "alcohol",
    "EtOH",
    "liver scarring",
    "fibroscan",
    "kidney injury",
    "AKI",
    "renal failure",
    "naloxone",
    "Narcan",
    "the patient",
    "care plan",
    "COVID 19",
    "b.i.d. dosing",
    "statins",
    "a-fib",
    "atrial fibrillation",
    "metformin",
    "3.5 mg doses",
]
TAILS = ["", " before starting", " until the results are back", " because of the risk", " daily"]
SEPARATORS = [". ", "; ", " - ", "\n", ", and "]


def _text(rng: random.Random, clauses: int) -> str:
    parts = []
    for _ in range(clauses):
        things = " and ".join(rng.sample(THINGS, rng.randint(1, 2)))
        if rng.random() < 0.15:
            parts.append(f"{things} is not needed{rng.choice(TAILS)}")
        else:
            parts.append(f"{rng.choice(CUES)} {things}{rng.choice(TAILS)}")
    out = parts[0]
    for part in parts[1:]:
        out += rng.choice(SEPARATORS) + part
    return out + "."


def _vocabulary() -> list:
    liver = create_topic("Liver disease", synonyms=["hepatic disease"], actor=SYSTEM)
    fibrosis = create_topic(
        "Liver fibrosis", synonyms=["liver scarring", "fibroscan"], parent=liver, actor=SYSTEM
    )
    kidney = create_topic("Kidney injury", synonyms=["AKI", "renal failure"], actor=SYSTEM)
    # Forms made of generic words or numbers only: the lookup cannot use them.
    planning = create_topic("Care planning", synonyms=["care plan", "19"], actor=SYSTEM)
    covid = create_topic("COVID 19", synonyms=["sars cov 2"], parent=kidney, actor=SYSTEM)
    hep_c = find_topic("Hepatitis C")
    assert hep_c is not None
    hep_c.parent = liver
    return [liver, fibrosis, kidney, planning, covid, hep_c]


def _compare(practices) -> list[int]:
    matched = []
    for practice in practices:
        full = [r.id for r in _matching_by_reading_all(practice)]
        assert [r.id for r in _matching(practice)] == full, practice.title
        matched += full
    return matched


@pytest.mark.parametrize("seed", range(4))
def test_the_lookup_finds_what_reading_everything_finds(app, make_user, seed):
    rng = random.Random(seed)
    w = build_world(make_user)
    topics = _vocabulary()
    recs = []
    for n in range(14):
        case = add_case(
            w.hcv, w.provider, f"Case {n}", topics=rng.sample(topics, rng.randint(1, 2))
        )
        if rng.random() < 0.15:
            case.withdrawn_at = datetime(2025, 3, 1)
        for _ in range(rng.randint(1, 4)):
            body = _text(rng, rng.randint(1, 4))
            recs.append(add_recommendation(case, w.expert, body, published=rng.random() < 0.8))
    practices = [
        current_practice(
            _text(rng, 1).rstrip("."),
            _text(rng, rng.randint(1, 2)),
            topics=[t.name for t in rng.sample(topics, rng.randint(1, 2))],
            author=w.expert,
        )
        for _ in range(6)
    ]
    db.session.commit()
    matched = _compare(practices)

    # Edits, a new synonym (new concept tokens for texts already written) and a
    # recommendation whose rows were never written: still the same answers.
    for rec in rng.sample(recs, 5):
        edit_recommendation(
            rec,
            body=_text(rng, rng.randint(1, 3)),
            category=rec.category.value,
            references=rec.references,
            editor=w.expert,
            actor=SYSTEM,
        )
    update_topic(topics[2], synonyms=["AKI", "renal failure", "metformin"], actor=SYSTEM)
    assert matched  # the worlds exercise the matching, not only its absence
    unwritten = rng.choice(matched)
    db.session.execute(
        delete(RecommendationTerm).where(RecommendationTerm.recommendation_id == unwritten)
    )
    db.session.commit()
    assert unwritten in _compare(practices)


def test_a_specialty_practice_reads_only_the_recommendations_that_can_match(
    app, make_user, monkeypatch
):
    w = build_world(make_user)
    hep_c = find_topic("Hepatitis C")
    practice = current_practice(
        "Check HBV serologies before every DAA start",
        "Check HBsAg and anti-HBc before starting DAAs.",
        topics=["Hepatitis C"],
        author=w.expert,
    )
    case = add_case(w.hcv, w.provider, "Man starting DAAs", topics=[hep_c])
    follows = add_recommendation(case, w.expert, "Check HBsAg before the first dose.")
    read: list[str] = []
    real = conflicts.agreement

    def counted(body, asked, analyzer):
        read.append(body)
        return real(body, asked, analyzer)

    monkeypatch.setattr(conflicts, "agreement", counted)
    statements: list[int] = []

    def run() -> list[int]:
        read.clear()
        seen = [0]

        def count(*_args):
            seen[0] += 1

        event.listen(db.engine, "before_cursor_execute", count)
        try:
            found = [r.id for r in _matching(practice)]
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
        statements.append(seen[0])
        return found

    for size in (10, 40):
        while len(case.recommendations) < size:
            add_recommendation(case, w.expert, "Repeat the ultrasound every six months.")
        db.session.commit()
        assert run() == [follows.id]
        assert read == [follows.body]  # the others share no term with the practice
    assert statements[0] == statements[1]


def test_rows_follow_the_text(app, make_user):
    w = build_world(make_user)
    rec = w.rec

    def held() -> set[str]:
        return set(
            db.session.scalars(
                select(RecommendationTerm.stem).where(
                    RecommendationTerm.recommendation_id == rec.id
                )
            )
        )

    assert held() == {VERSION, *stems(rec.body)}
    edit_recommendation(
        rec,
        body="Skip the fibroscan; check HBsAg.",
        category=rec.category.value,
        references=rec.references,
        editor=rec.author,
        actor=SYSTEM,
    )
    db.session.commit()
    assert held() == {VERSION, *stems("Skip the fibroscan; check HBsAg.")}
    assert "hbsag" in held() and "sofosbuvir" not in held()
