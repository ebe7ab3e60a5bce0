"""Export -> fresh instance -> import -> export gives the same file, for the demo data with
items written in the app and texts saved with "not an identifier" overrides; on SQLite and
PostgreSQL, and from the database under test into a fresh SQLite one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import select

from app.auth.operations import get_user_by_email
from app.auth.policy import SYSTEM
from app.cases.models import Case
from app.cases.operations import content_of, schedule, update_case
from app.cases.transfer import ImportOptions, export_cases, import_paths
from app.deid.gate import Acceptance, IdentifiersFound
from app.deid.models import DeidOverride
from app.demo import CORPUS_DIR
from app.extensions import db
from app.maintenance import initialise
from app.programs.catalog import load_catalog
from app.programs.models import Session
from app.recommendations.models import Recommendation
from app.recommendations.operations import (
    add_recommendation,
    annotate,
    edit_recommendation,
    publish,
    versions_seen_by,
)
from tests.conftest import make_app
from tests.support import pg

NAMED = "Refer to Dr. Alvarez at the liver clinic."  # a hub clinician, not the patient
DRAFT = "Draft: refer to hepatology first?"
PUBLISHED = "Retreat with sofosbuvir/velpatasvir/voxilaprevir for 12 weeks."
EDITED = "Retreat with sofosbuvir/velpatasvir/voxilaprevir for 12 weeks; recheck RNA at 4."


def _written_in_the_app() -> None:
    """What the demo corpus does not have: app items and texts saved with an override."""
    expert = get_user_by_email("expert@demo.casebook.example")
    case = db.session.scalar(select(Case).where(Case.ref == "hcv-001"))
    with pytest.raises(IdentifiersFound) as refused:
        add_recommendation(case, expert, NAMED, "referral", actor=expert)
    [finding] = refused.value.findings
    accepted = [Acceptance("body", finding.start, finding.end, "not_about_patient")]
    recommendation = add_recommendation(
        case, expert, NAMED, "referral", publish=True, actor=expert, accepted=accepted
    )
    annotate(recommendation, expert, "agree", NAMED, actor=expert, accepted=accepted)
    # A history of three versions, the second by another expert, kept through the trip.
    other = get_user_by_email("dana.whitfield@example.org")
    edit_recommendation(
        recommendation,
        body=f"{NAMED} Within two weeks.",
        category="referral",
        references=[],
        editor=other,
        actor=expert,
        accepted=accepted,
    )
    edit_recommendation(
        recommendation,
        body=f"{NAMED} Within a week.",
        category="referral",
        references=["AASLD-IDSA HCV Guidance, 2023."],
        editor=expert,
        actor=expert,
        accepted=accepted,
    )
    data = content_of(case)
    data.question = f"{data.question}\n{NAMED}"
    at = data.question.index("Alvarez")
    update_case(
        case,
        data,
        accepted=[Acceptance("question", at, at + len("Alvarez"), "not_about_patient")],
        actor=SYSTEM,
    )
    # On the agenda of a later session too, not yet presented there.
    later = db.session.scalars(
        select(Session)
        .where(Session.program_id == case.program_id, Session.date > case.first_session.date)
        .order_by(Session.date)
    ).first()
    schedule(case, later, presented=False, actor=SYSTEM)
    # Drafted, published, then edited: readers other than its author see it from the
    # published text, on this instance and on any the export is imported into.
    drafted = add_recommendation(case, expert, DRAFT, "referral", actor=expert)
    edit_recommendation(
        drafted, body=PUBLISHED, category="therapeutic", references=[], editor=expert, actor=expert
    )
    publish(drafted, actor=expert)
    edit_recommendation(
        drafted,
        body=EDITED,
        category="therapeutic",
        references=[],
        editor=expert,
        actor=expert,
    )
    db.session.commit()
    assert db.session.scalar(select(DeidOverride.id).where(DeidOverride.field == "question"))


@contextmanager
def fresh_instance(url: str, index: Path) -> Iterator[None]:
    """An empty instance at `url`: migrated, with the demo catalog (programs, sessions,
    topics, staff) that the case export names but does not carry."""
    instance = make_app(url, index)
    with instance.app_context():
        initialise()
        load_catalog(CORPUS_DIR / "catalog.yaml", actor=SYSTEM)
        try:
            yield
        finally:
            db.session.remove()
            db.engine.dispose()


def published_history_as_seen_by_the_presenter() -> list[str]:
    """The texts of the drafted-then-published recommendation its case's presenter reads."""
    drafted = db.session.scalar(select(Recommendation).where(Recommendation.body == EDITED))
    assert drafted is not None and drafted.case.presenter is not None
    return [v.body for v in versions_seen_by(drafted.case.presenter, drafted)]


def snapshot(out: Path, fmt: str) -> list[str]:
    """The export's content, sorted: lines of a .jsonl file, or files of a Markdown folder."""
    if fmt == "jsonl":
        return sorted(out.read_text(encoding="utf-8").splitlines())
    return sorted(
        f"{path.relative_to(out)}\n{path.read_text(encoding='utf-8')}" for path in out.rglob("*.md")
    )


def targets(tmp_path: Path) -> Iterator[tuple[str, str]]:
    yield "sqlite", f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    base = os.environ.get("CASEBOOK_TEST_DATABASE_URL")
    if base:
        url = pg.create_database(base, prefix="casebook_roundtrip")
        try:
            yield "postgresql", url
        finally:
            pg.drop_database(url)


@pytest.mark.parametrize("fmt", ["jsonl", "markdown"])
def test_demo_export_imports_into_a_fresh_instance_and_exports_the_same(
    app, tmp_path, fmt, demo_data
):
    _written_in_the_app()
    first = tmp_path / ("first.jsonl" if fmt == "jsonl" else "first")
    count = export_cases(first, fmt, actor=SYSTEM)
    assert count >= 40
    exported = snapshot(first, fmt)
    assert any("not_about_patient" in entry for entry in exported)
    assert any("presentations" in entry and "hcv-001" in entry for entry in exported)
    assert any('"version": 3' in entry or "version: 3" in entry for entry in exported)
    # The overrides carry offsets, never the words they accept.

    for name, url in targets(tmp_path):
        with fresh_instance(url, tmp_path / f"index-{name}"):
            results = import_paths([first], ImportOptions(create_authors=True), actor=SYSTEM)
            assert all(r.ok for r in results), [p for r in results for p in r.problems][:5]
            assert sum(r.created for r in results) == count
            assert published_history_as_seen_by_the_presenter() == [PUBLISHED, EDITED]
            again = tmp_path / (f"again-{name}.jsonl" if fmt == "jsonl" else f"again-{name}")
            assert export_cases(again, fmt, actor=SYSTEM) == count
            assert snapshot(again, fmt) == exported, name
            # And importing the export again changes nothing.
            results = import_paths([again], actor=SYSTEM)
            assert sum(r.unchanged for r in results) == count
            assert not [c for r in results for c in r.conflicts]
