"""Recommendation versions in the case import format: the history survives an import."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from app.auth.policy import SYSTEM
from app.cases.transfer import ImportOptions, import_paths
from app.extensions import db
from app.recommendations.models import Recommendation
from tests.cases.test_transfer import program, record, write_jsonl  # noqa: F401 - the fixture

SSN = "123-45-6789"


def with_versions(*bodies: str, **extra: object) -> dict:
    rec = record()
    versions = [
        {
            "version": n,
            "author": "hub2@example.org" if n == 1 else "hub@example.org",
            "category": "therapeutic",
            "body": body,
            "at": f"2026-03-1{n}T09:30:00.000125",
        }
        for n, body in enumerate(bodies, 1)
    ]
    rec["recommendations"][0]["versions"] = versions
    rec["recommendations"][0]["body"] = bodies[-1]
    rec["recommendations"][0].pop("references")
    rec["recommendations"][0].update(extra)
    return rec


@pytest.mark.usefixtures("program")
def test_an_imported_recommendation_keeps_its_history_signed_and_dated(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [with_versions("First text.", "Second text.")])
    [result] = import_paths([path], actor=SYSTEM)
    assert result.ok, result.problems
    recommendation = db.session.scalar(select(Recommendation))
    assert recommendation.version == 2
    assert [v.body for v in recommendation.versions] == ["First text.", "Second text."]
    assert [v.edited_by.email for v in recommendation.versions] == [
        "hub2@example.org",
        "hub@example.org",
    ]
    assert recommendation.versions[0].created_at == datetime(2026, 3, 11, 9, 30, 0, 125)
    # Again: nothing changes, the history is not replayed twice.
    [result] = import_paths([path], actor=SYSTEM)
    assert result.unchanged == 1 and not result.changes
    assert len(recommendation.versions) == 2


@pytest.mark.usefixtures("program")
def test_an_identifier_in_an_earlier_version_is_named_or_redacted(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [with_versions(f"SSN {SSN} on file.", "Clean.")])
    [result] = import_paths([path], actor=SYSTEM)
    assert not result.ok
    assert any("recommendations[1].versions[1].body" in p for p in result.problems), result.problems
    [result] = import_paths([path], ImportOptions(redact=True), actor=SYSTEM)
    assert result.ok, result.problems
    [first, _] = db.session.scalar(select(Recommendation)).versions
    assert SSN not in first.body and "[" in first.body


@pytest.mark.usefixtures("program")
def test_versions_that_do_not_count_up_from_one_are_refused(tmp_path):
    rec = with_versions("One.", "Two.")
    rec["recommendations"][0]["versions"][1]["version"] = 3
    [result] = import_paths([write_jsonl(tmp_path / "a.jsonl", [rec])], actor=SYSTEM)
    assert any(
        "recommendations[1].versions[2].version': must be 2" in p for p in result.problems
    ), result.problems


@pytest.mark.usefixtures("program")
def test_the_published_version_is_read_back_and_a_wrong_one_named(tmp_path):
    path = write_jsonl(
        tmp_path / "a.jsonl", [with_versions("Draft text.", "Published.", published_version=2)]
    )
    [result] = import_paths([path], actor=SYSTEM)
    assert result.ok, result.problems
    assert db.session.scalar(select(Recommendation.published_version)) == 2
    for value, problem in (
        (3, "must be the number of one of its versions (1 to 2)"),
        ("2", "must be a version number (1 or more)"),
        (0, "must be a version number (1 or more)"),
    ):
        rec = with_versions("One.", "Two.", published_version=value)
        rec["ref"] = "hcv-2"
        [result] = import_paths([write_jsonl(tmp_path / "b.jsonl", [rec])], actor=SYSTEM)
        assert any(
            f"recommendations[1].published_version': {problem}" in p for p in result.problems
        ), result.problems
    rec = with_versions("One.", status="draft", published_version=1)
    rec["ref"] = "hcv-3"
    [result] = import_paths([write_jsonl(tmp_path / "c.jsonl", [rec])], actor=SYSTEM)
    assert any(
        "published_version': is given only for a published one" in p for p in result.problems
    )
