"""The benchmark's bulk load (scripts/bench_search.py), which the relevance sets build on."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import select

from app.cases.models import Case
from app.extensions import db

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import bench_search  # noqa: E402


def test_bulk_loaded_cases_count_on_the_day_they_were_created(tmp_path) -> None:
    app = bench_search.make_app(tmp_path)
    cases = bench_search.build_cases(3)
    bench_search.load_database(app, cases)
    with app.app_context():
        stored = db.session.execute(select(Case.ref, Case.created_at, Case.counts_on)).all()
        db.session.remove()
    assert sorted(ref for ref, _, _ in stored) == sorted(c["ref"] for c in cases)
    assert all(counts_on == created.date() for _, created, counts_on in stored)
