"""The gate on web forms: findings highlighted in place, fixed or accepted, never stored."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

from app.cases.models import Case, CaseStatus
from app.deid.models import DeidOverride
from app.extensions import db
from app.recommendations.models import Recommendation
from tests.cases.test_views import as_user, complete_form, text
from tests.support.builders import build_world

LEAKY = "Mr. John Smith, DOB 03/14/1952, seen at St. Mary's in Lebanon, NH, call 603-555-0142"
SECRETS = ("John Smith", "03/14/1952", "603-555-0142")


@pytest.fixture
def world(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    w = build_world(make_user)
    w.coordinator = make_user("coordinator", programs=["hcv"])
    return w


def files_under(path: Path) -> list[Path]:
    return [p for p in path.rglob("*") if p.is_file()] if path.exists() else []


def test_identifiers_are_refused_highlighted_fixed_and_never_stored(
    app, client, world, caplog, tmp_path
):
    caplog.set_level(logging.DEBUG)
    as_user(client, world.provider)
    typed = complete_form(action="submit", **{"sections.hpi": LEAKY})
    response = client.post("/programs/hcv/cases/new", data=typed)
    assert response.status_code == 422
    page = text(response)
    assert "Nothing was saved: the text may identify a patient." in page
    # each identifier highlighted in place, with its category
    marks = re.findall(r'<mark class="deid deid-(\w+)[^"]*"[^>]*>.*?</span>(.*?)<span', page)
    found = {category: body for category, body in marks}
    assert found["name"] == "John Smith"
    assert found["date"] == "03/14/1952"
    assert found["phone"] == "603-555-0142"
    assert "location" in found and "facility" in found
    # one "Not an identifier" box and reason per finding, with the offsets in the presentation
    boxes = re.findall(r'name="accept_finding" value="([^"]+)"', page)
    assert len(boxes) == len(marks)
    assert all(b.startswith("presentation|") for b in boxes)
    assert 'name="reason|' in page and "A clinical term, eponym, scale or test" in page
    # nothing typed is lost
    assert "Which DAA regimen is safest with eGFR 28?" in page
    assert "amlodipine 5 mg daily" in page
    assert (
        db.session.scalar(
            db.select(db.func.count(Case.id)).where(
                Case.presenter_id == world.provider.id, Case.title.like("61-year-old%")
            )
        )
        == 0
    )

    # The provider rewrites the history and submits again.
    fixed = complete_form(
        action="submit",
        **{"sections.hpi": "A man in his 70s, seen at a rural clinic in New Hampshire."},
    )
    response = client.post("/programs/hcv/cases/new", data=fixed)
    assert response.status_code == 303
    case = db.session.scalar(db.select(Case).order_by(Case.id.desc()))
    assert case.status is CaseStatus.SUBMITTED

    from app.search import apply_pending

    apply_pending(app)
    # Every row of every table, on any database …
    for table in db.metadata.sorted_tables:
        dumped = " ".join(str(row) for row in db.session.execute(db.select(table)))
        for secret in SECRETS:
            assert secret not in dumped, (secret, table.name)
    db.session.remove()
    db.engine.dispose()
    # … and, on SQLite, the bytes of the database file and its journal, and the index.
    stores = files_under(Path(app.config["CASEBOOK_INDEX_DIR"]))
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    if url.startswith("sqlite:///"):
        database = Path(url.removeprefix("sqlite:///"))
        stores += [database, *database.parent.glob(database.name + "-*")]
    assert files_under(Path(app.config["CASEBOOK_INDEX_DIR"])), "the index was written"
    for path in stores:
        data = path.read_bytes()
        for secret in SECRETS:
            assert secret.encode() not in data, (secret, path)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for secret in SECRETS:
        assert secret not in logged


def test_a_finding_marked_not_an_identifier_is_kept_with_its_reason(client, world):
    as_user(client, world.provider)
    typed = complete_form(action="draft", **{"sections.hpi": "Seen at St. Mary's for review."})
    page = text(client.post("/programs/hcv/cases/new", data=typed))
    (key,) = re.findall(r'name="accept_finding" value="([^"]+)"', page)
    # ticked without a reason: refused with a message, the tick kept
    response = client.post("/programs/hcv/cases/new", data={**typed, "accept_finding": key})
    assert response.status_code == 422
    assert "Choose a reason for each finding" in text(response)
    assert f'value="{key}" checked' in text(response)
    response = client.post(
        "/programs/hcv/cases/new",
        data={**typed, "accept_finding": key, f"reason|{key}": "not_about_patient"},
    )
    assert response.status_code == 303
    case = db.session.scalar(db.select(Case).order_by(Case.id.desc()))
    (override,) = db.session.scalars(
        db.select(DeidOverride).where(DeidOverride.entity_id == case.id)
    )
    assert (override.field, override.reason) == ("presentation", "not_about_patient")
    # the coordinator sees it in the review queue once submitted
    client.post(f"/cases/{case.id}/submit")
    as_user(client, world.coordinator)
    queue = text(client.get("/review"))
    assert "kept by the presenter" in queue and "FACILITY" in queue
    assert "Not about the patient" in queue


def test_edited_text_is_checked_again(client, world):
    """An acceptance is for the text as submitted: offsets that no longer match block again."""
    as_user(client, world.provider)
    typed = complete_form(action="draft", **{"sections.hpi": "Seen at St. Mary's for review."})
    page = text(client.post("/programs/hcv/cases/new", data=typed))
    (key,) = re.findall(r'name="accept_finding" value="([^"]+)"', page)
    moved = complete_form(action="draft", **{"sections.hpi": "Then seen at St. Mary's."})
    response = client.post(
        "/programs/hcv/cases/new",
        data={**moved, "accept_finding": key, f"reason|{key}": "other"},
    )
    assert response.status_code == 422
    assert "Nothing was saved" in text(response)


@pytest.mark.parametrize(
    "edited",
    [
        "Seen by MR#483920175 on review.",  # a record number where the name was marked
        "Seen by Mr Hargreave on review.",  # another name, of the same length
    ],
)
def test_a_tick_kept_on_does_not_accept_what_an_edit_put_in_its_place(client, world, edited):
    """The page keeps a tick while the text is edited: it accepts the finding it was given
    for, not whatever else now lies at the same offsets."""
    as_user(client, world.provider)
    typed = complete_form(action="draft", question="Seen by Mr Whitcombe on review.")
    page = text(client.post("/programs/hcv/cases/new", data=typed))
    (key,) = re.findall(r'name="accept_finding" value="([^"]+)"', page)
    changed = complete_form(action="draft", question=edited)
    response = client.post(
        "/programs/hcv/cases/new",
        data={**changed, "accept_finding": key, f"reason|{key}": "not_about_patient"},
    )
    assert response.status_code == 422
    assert f'value="{key}" checked' not in text(response)  # the stale tick is not shown kept
    stored = db.select(db.func.count(Case.id)).where(Case.question == edited)
    assert db.session.scalar(stored) == 0
    # the same text, ticked, is still saved
    response = client.post(
        "/programs/hcv/cases/new",
        data={**typed, "accept_finding": key, f"reason|{key}": "not_about_patient"},
    )
    assert response.status_code == 303


@pytest.mark.parametrize("where", ["title", "question", "sections.medications"])
def test_every_case_text_box_is_checked(client, world, where):
    as_user(client, world.provider)
    response = client.post(
        "/programs/hcv/cases/new", data=complete_form(action="draft", **{where: LEAKY})
    )
    assert response.status_code == 422
    assert '<mark class="deid deid-name' in text(response)


def test_recommendation_and_annotation_and_return_comment_are_checked(client, world):
    as_user(client, world.expert)
    response = client.post(
        f"/cases/{world.case.id}/recommendations/new",
        data={"category": "therapeutic", "body": LEAKY, "references": "", "action": "draft"},
    )
    assert response.status_code == 422
    assert "Possible identifiers in Recommendation" in text(response)
    assert db.session.scalar(db.select(db.func.count(Recommendation.id))) == 2
    response = client.post(
        f"/recommendations/{world.rec.id}/annotations/new",
        data={"kind": "agree", "body": LEAKY},
    )
    assert response.status_code == 422 and "Possible identifiers in Annotation" in text(response)
    as_user(client, world.provider)
    client.post("/programs/hcv/cases/new", data=complete_form(action="submit"))
    case = db.session.scalar(db.select(Case).order_by(Case.id.desc()))
    as_user(client, world.coordinator)
    response = client.post(f"/cases/{case.id}/return", data={"comment": LEAKY})
    assert response.status_code == 422 and "Possible identifiers in Comments" in text(response)
    response = client.post(
        f"/programs/hcv/sessions/{world.second.number}/edit",
        data={"date": "2025-06-10", "title": "Kidney disease", "notes": LEAKY},
    )
    assert response.status_code == 422 and "Possible identifiers in Notes" in text(response)


def test_outcome_notes_are_checked_per_recommendation(client, world):
    as_user(client, world.provider)
    rec = world.rec
    response = client.post(
        f"/cases/{world.follow_up.id}/outcomes",
        data={
            f"outcomes.{rec.id}.adoption": "adopted",
            f"outcomes.{rec.id}.patient_status": "improved",
            f"outcomes.{rec.id}.note": LEAKY,
        },
    )
    assert response.status_code == 422
    page = text(response)
    assert "Possible identifiers in Note on recommendation 1" in page
    assert f'value="outcomes.{rec.id}.note|' in page


def _counting_scans(monkeypatch):
    """Count the detector's scans by text, through the gate's own reference to it."""
    from collections import Counter

    from app.deid import gate

    counts: Counter[str] = Counter()
    real = gate.scan

    def counted(text):
        counts[text] += 1
        return real(text)

    monkeypatch.setattr(gate, "scan", counted)
    return counts


def test_a_refused_save_scans_each_text_once(client, world, monkeypatch):
    as_user(client, world.expert)
    counts = _counting_scans(monkeypatch)
    response = client.post(
        f"/cases/{world.case.id}/recommendations/new",
        data={
            "category": "therapeutic",
            "body": LEAKY,
            "references": "AASLD-IDSA HCV Guidance, 2023.",
            "action": "draft",
        },
    )
    assert response.status_code == 422
    assert "Possible identifiers in Recommendation" in text(response)
    assert counts[LEAKY] == 1
    assert counts["AASLD-IDSA HCV Guidance, 2023."] == 1

    as_user(client, world.provider)
    counts.clear()
    response = client.post(
        "/programs/hcv/cases/new", data=complete_form(action="draft", **{"sections.hpi": LEAKY})
    )
    assert response.status_code == 422
    assert '<mark class="deid deid-name' in text(response)
    assert counts and max(counts.values()) == 1, counts.most_common(3)


def test_a_tick_in_the_old_three_part_form_accepts_nothing(client, world):
    """`field|start|end` without category and digest is what the page wrote before ticks
    were bound to their text: sent now, it must not bring back a tick that accepts
    whatever lies at those offsets."""
    as_user(client, world.provider)
    typed = complete_form(action="draft", question="Seen by Mr Whitcombe on review.")
    page = text(client.post("/programs/hcv/cases/new", data=typed))
    (key,) = re.findall(r'name="accept_finding" value="([^"]+)"', page)
    old_key = "|".join(key.split("|")[:3])
    edited = "Seen by MR#483920175 on review."
    response = client.post(
        "/programs/hcv/cases/new",
        data={
            **complete_form(action="draft", question=edited),
            "accept_finding": old_key,
            f"reason|{old_key}": "not_about_patient",
        },
    )
    assert response.status_code == 422
    stored = db.select(db.func.count(Case.id)).where(Case.question == edited)
    assert db.session.scalar(stored) == 0


def test_a_tick_holds_while_another_part_of_the_form_is_edited(client, world):
    """A false alarm ticked, then the question and the text after it edited: the tick still
    accepts it (its place and text are unchanged)."""
    as_user(client, world.provider)
    typed = complete_form(action="draft", **{"sections.hpi": "Seen at St. Mary's for review."})
    page = text(client.post("/programs/hcv/cases/new", data=typed))
    (key,) = re.findall(r'name="accept_finding" value="([^"]+)"', page)
    edited = complete_form(
        action="draft",
        question="Should we start treatment now?",
        **{"sections.hpi": "Seen at St. Mary's for review in March."},
    )
    response = client.post(
        "/programs/hcv/cases/new",
        data={**edited, "accept_finding": key, f"reason|{key}": "not_about_patient"},
    )
    assert response.status_code == 303
    assert db.session.scalar(
        db.select(db.func.count(Case.id)).where(Case.question == "Should we start treatment now?")
    )
