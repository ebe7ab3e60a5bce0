"""Where a presenter kept a possible identifier ("not an identifier": field, offsets, kind
and reason) is for the review team of the case's program (policy.can_see_kept_identifiers):
the case page shows it to them alone, and so does an export written as an account."""

from __future__ import annotations

import json

from app.auth.policy import SYSTEM
from app.cases.transfer import export_cases
from app.deid.models import DeidOverride
from app.extensions import db
from tests.support.builders import add_recommendation, build_world


def _kept(path) -> dict[str, list]:
    """Each exported case's marks (its own and its recommendations'), by title."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        marks = list(record.get("overrides", []))
        for rec in record.get("recommendations", []):
            marks += rec.get("overrides", [])
        out[record["title"]] = marks
    return out


def test_an_export_carries_kept_identifiers_for_the_cases_review_team_only(
    app, make_user, tmp_path
) -> None:
    w = build_world(make_user)
    coordinator = make_user("coordinator", email="coord@example.org", programs=["hcv"])
    elsewhere = make_user("coordinator", email="elsewhere@example.org", programs=["perinatal-sud"])
    analyst = make_user("curriculum", email="analyst@example.org")
    rec = add_recommendation(w.case, w.expert, "Refer to Dr. Alvarez at the liver clinic.")
    for entity_type, entity_id, field in (
        ("cases", w.case.id, "question"),
        ("recommendations", rec.id, "body"),
    ):
        db.session.add(
            DeidOverride(
                entity_type=entity_type,
                entity_id=entity_id,
                field=field,
                start=9,
                end=20,
                category="NAME",
                reason="not_about_patient",
            )
        )
    db.session.commit()

    def exported(actor, name: str) -> list:
        out = tmp_path / f"{name}.jsonl"
        export_cases(out, "jsonl", actor=actor, program_slugs=["hcv"])
        return _kept(out)[w.case.title]

    assert len(exported(SYSTEM, "operator")) == 2
    assert len(exported(w.admin, "admin")) == 2
    assert len(exported(coordinator, "coordinator")) == 2  # its review team
    # Those who read the case but do not review it: a coordinator of another program, the
    # curriculum staff (who export for teaching).
    assert exported(elsewhere, "elsewhere") == []
    assert exported(analyst, "analyst") == []
