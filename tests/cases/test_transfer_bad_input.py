"""Importing files the probe made: each problem names the file, the line or record and the
field, never a traceback, and nothing of the file is kept."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from app.auth.policy import SYSTEM
from app.cases.models import Case
from app.cases.transfer import import_paths
from app.extensions import db
from tests.cases.test_transfer import program, record, write_jsonl  # noqa: F401

MARKDOWN = """---
ref: md-1
program: hcv
session_date: {date}
title: 58-year-old man with genotype 3 HCV
presenter: spoke@example.org
question: Is twelve weeks enough?
status: presented
fields: {{genotype: "3"}}
---
## History of present illness

Treatment-naive.
"""


def cases() -> int:
    return db.session.scalar(select(func.count(Case.id)))


def test_jsonl_nested_five_thousand_levels_is_refused_by_line(program, tmp_path):  # noqa: F811
    path = tmp_path / "deep.jsonl"
    deep = "[" * 5000 + "]" * 5000
    path.write_text(
        json.dumps(record("ok-1")) + "\n" + '{"ref": "x", "fields": ' + deep + "}\n",
        encoding="utf-8",
    )
    [result] = import_paths([path], actor=SYSTEM)
    assert not result.ok
    assert result.problems == [f"{path} line 2: nests 5001 levels deep; at most 32 are accepted"]
    assert cases() == 0  # line 1 was fine, but the file is all or nothing


@pytest.mark.parametrize("bad_date", ["2026-13-45", "0001-01-01", "9999-12-31"])
def test_jsonl_impossible_session_date_names_the_field(program, tmp_path, bad_date):  # noqa: F811
    path = write_jsonl(tmp_path / "a.jsonl", [record("ok-1"), record("b-2", session_date=bad_date)])
    [result] = import_paths([path], actor=SYSTEM)
    assert len(result.problems) == 1
    assert result.problems[0].startswith(f"{path} line 2 (ref b-2) field 'session_date': must be")
    assert cases() == 0


def test_markdown_impossible_date_names_the_field_instead_of_a_yaml_traceback(
    program,  # noqa: F811
    tmp_path,
):
    path = tmp_path / "case.md"
    path.write_text(MARKDOWN.format(date="2026-13-45"), encoding="utf-8")
    [result] = import_paths([path], actor=SYSTEM)
    assert result.problems == [
        f"{path} record 1 (ref md-1) field 'session_date': must be a date written YYYY-MM-DD."
    ]
    assert cases() == 0


def test_markdown_with_a_good_date_still_imports(program, tmp_path):  # noqa: F811
    path = tmp_path / "case.md"
    path.write_text(MARKDOWN.format(date="2026-03-10"), encoding="utf-8")
    [result] = import_paths([path], actor=SYSTEM)
    assert result.ok, result.problems
    case = db.session.scalar(select(Case))
    assert [s.date.isoformat() for s in case.sessions] == ["2026-03-10"]


def test_nul_characters_are_refused_naming_the_field(program, tmp_path):  # noqa: F811
    path = write_jsonl(
        tmp_path / "a.jsonl",
        [record("ok-1"), record("nul-2", question="Is it\u0000 safe?")],
    )
    [result] = import_paths([path], actor=SYSTEM)
    assert result.problems == [
        f"{path} line 2 (ref nul-2) field 'question': contains a NUL character."
    ]
    assert cases() == 0


def test_lone_surrogates_are_refused_naming_the_nested_field(program, tmp_path):  # noqa: F811
    path = tmp_path / "a.jsonl"
    rec = record("s-1")
    line = json.dumps(rec).replace('"Agree."', '"Agree \\ud800."')
    path.write_text(line + "\n", encoding="utf-8")
    [result] = import_paths([path], actor=SYSTEM)
    assert result.problems == [
        f"{path} line 1 (ref s-1) field 'recommendations[0].annotations[0].body': "
        "contains invalid Unicode (a lone surrogate)."
    ]
    assert cases() == 0


def test_invalid_utf8_names_the_line(program, tmp_path):  # noqa: F811
    path = tmp_path / "a.jsonl"
    path.write_bytes(json.dumps(record("ok-1")).encode() + b"\n" + b'{"ref": "\xff"}\n')
    [result] = import_paths([path], actor=SYSTEM)
    assert len(result.problems) == 1
    assert result.problems[0].startswith(f"{path} line 2: not UTF-8 text (byte ")
    assert cases() == 0


def test_the_import_command_prints_problems_not_a_traceback(app, program, tmp_path):  # noqa: F811
    deep = tmp_path / "deep.jsonl"
    deep.write_text('{"ref": "x", "fields": ' + "[" * 5000 + "]" * 5000 + "}\n")
    md = tmp_path / "case.md"
    md.write_text(MARKDOWN.format(date="2026-13-45"), encoding="utf-8")
    nul = write_jsonl(tmp_path / "nul.jsonl", [record("n-1", title="A\u0000B")])
    result = app.test_cli_runner().invoke(args=["import", str(deep), str(md), str(nul)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert f"{deep} line 1: nests 5001 levels deep" in result.output
    assert f"{md} record 1 (ref md-1) field 'session_date'" in result.output
    assert f"{nul} line 1 (ref n-1) field 'title': contains a NUL character." in result.output
    assert "0 of 3 files imported" in result.output


REC = {"author": "hub@example.org", "category": "other", "body": "Check HBV DNA."}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"presentations": [{"session_date": 5}]}, "presentations[1].session_date"),
        ({"presentations": [{"presented": True}]}, "presentations[1].session_date"),
        ({"presentations": "2025-01-01"}, "presentations"),
        (
            {"presentations": [{"session_date": "2026-03-10", "presented": "yes"}]},
            "presentations[1].presented",
        ),
        ({"overrides": [{"field": "title"}]}, "overrides[1]"),
        (
            {"overrides": [{"field": "title", "start": 0, "end": 1, "reason": "x"}]},
            "overrides[1].reason",
        ),
        ({"recommendations": [dict(REC, key=5)]}, "recommendations[1].key"),
        ({"recommendations": [dict(REC, key="has space")]}, "recommendations[1].key"),
        (
            {
                "recommendations": [
                    dict(
                        REC,
                        annotations=[
                            {
                                "author": "hub@example.org",
                                "kind": "agree",
                                "body": "Yes.",
                                "key": [],
                            }
                        ],
                    )
                ]
            },
            "recommendations[1].annotations[1].key",
        ),
        ({"recommendations": [dict(REC, overrides="body")]}, "recommendations[1].overrides"),
    ],
)
def test_bad_keys_overrides_and_presentations_name_the_field(
    program,  # noqa: F811
    tmp_path,
    changes,
    field,
):
    path = write_jsonl(tmp_path / "a.jsonl", [record("k-1", **changes)])
    [result] = import_paths([path], actor=SYSTEM)
    assert len(result.problems) == 1, result.problems
    assert result.problems[0].startswith(f"{path} line 1 (ref k-1) field '{field}': ")
    assert cases() == 0
