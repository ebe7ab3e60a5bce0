"""An evidence note citing the case (or one of its recommendations) is what a user wrote
about the case elsewhere: a purge scrubs it with the case, as it does a dissent's reason."""

from __future__ import annotations

from app.deid.purge import REDACTED, purge_text
from app.extensions import db
from app.practices.models import BestPractice, EvidenceLink
from tests.deid.test_purge import SECRET, planted  # noqa: F401 - the fixture


def test_evidence_notes_citing_the_case_or_its_advice_are_purged_too(
    make_user,
    planted,  # noqa: F811
) -> None:
    case, recommendation = planted
    practice = BestPractice(title="Check HBV first", statement="Check HBsAg.")
    db.session.add(practice)
    db.session.flush()
    on_case = EvidenceLink(practice=practice, case=case, note=f"As {SECRET} showed.")
    on_advice = EvidenceLink(
        practice=practice, recommendation=recommendation, note=f"{SECRET} again."
    )
    db.session.add_all([on_case, on_advice])
    db.session.commit()
    result = purge_text(case, SECRET, reason="identifier", actor=make_user("admin"))
    assert "evidence_links.note" in result.places
    db.session.expire_all()
    assert on_case.note == f"As {REDACTED} showed."
    assert on_advice.note == f"{REDACTED} again."
