"""An import as an account (`--as`) learns nothing of what that account may not read: a
private program's slug answers as a missing one, and a ref held by a case it cannot see
(a private program's, another presenter's draft) is neither named, followed nor changed."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.auth.policy import SYSTEM
from app.cases.models import Case
from app.cases.transfer import ImportOptions, import_paths
from app.extensions import db
from app.programs.operations import create_program
from tests.cases.test_transfer import program, record, write_jsonl  # noqa: F401


def _problems(path, actor, options=None) -> list[str]:
    [result] = import_paths([path], options or ImportOptions(), actor=actor)
    assert not result.ok
    return [p.removeprefix(str(path)) for p in result.problems]


def _setup(tmp_path, make_user):
    create_program("closed-hub", "Closed hub", private=True, actor=SYSTEM)
    db.session.commit()
    own = [
        record("closed-1", program="closed-hub", fields=None),
        record("draft-1", status="draft", recommendations=None),
    ]
    [result] = import_paths([write_jsonl(tmp_path / "own.jsonl", own)], actor=SYSTEM)
    assert result.ok, result.problems
    coordinator = make_user("coordinator", programs=["hcv"])
    db.session.commit()
    return coordinator


def test_a_private_programs_slug_answers_as_a_missing_one(program, make_user, tmp_path):  # noqa: F811
    coordinator = _setup(tmp_path, make_user)
    for options in (ImportOptions(), ImportOptions(create_programs=True)):
        private = _problems(
            write_jsonl(tmp_path / "a.jsonl", [record("x-1", program="closed-hub")]),
            coordinator,
            options,
        )
        missing = _problems(
            write_jsonl(tmp_path / "a.jsonl", [record("x-1", program="no-such-hub")]),
            coordinator,
            options,
        )
        assert private == [p.replace("no-such-hub", "closed-hub") for p in missing]


def test_a_ref_held_in_a_private_program_is_not_named(program, make_user, tmp_path):  # noqa: F811
    coordinator = _setup(tmp_path, make_user)
    problems = _problems(write_jsonl(tmp_path / "a.jsonl", [record("closed-1")]), coordinator)
    assert problems == [
        " line 1 (ref closed-1) field 'ref': ref closed-1 is already taken by another case"
    ]
    assert "closed-hub" not in "".join(problems)


def test_another_presenters_draft_is_not_changed_by_a_coordinators_import(
    program,  # noqa: F811
    make_user,
    tmp_path,
):
    coordinator = _setup(tmp_path, make_user)
    changed = record("draft-1", status="draft", recommendations=None, title="Rewritten title")
    for options in (ImportOptions(), ImportOptions(dry_run=True)):
        problems = _problems(write_jsonl(tmp_path / "a.jsonl", [changed]), coordinator, options)
        assert problems == [
            " line 1 (ref draft-1) field 'ref': ref draft-1 is already taken by another case"
        ]
    db.session.expire_all()
    draft = db.session.scalar(select(Case).where(Case.ref == "draft-1"))
    assert draft.title == "58-year-old man with genotype 3 HCV and compensated cirrhosis"


def test_a_hidden_case_cannot_be_followed(program, make_user, tmp_path):  # noqa: F811
    coordinator = _setup(tmp_path, make_user)
    for ref in ("closed-1", "draft-1", "no-such-ref"):
        problems = _problems(
            write_jsonl(tmp_path / "a.jsonl", [record("next-1", follows=ref)]), coordinator
        )
        assert problems == [f" line 1 (ref next-1) field 'follows': no case with ref {ref}"]


def test_an_outcome_cannot_name_a_draft_the_importer_may_not_read(program, make_user, tmp_path):  # noqa: F811
    """Another expert's draft recommendation of the case followed is as absent as a missing
    one: no outcome is recorded against it, and the numbers count only those readable."""
    first = record("hcv-1")
    first["recommendations"] = [
        {"author": "hub2@example.org", "category": "other", "status": "draft", "body": "Unsent."},
        first["recommendations"][0],
    ]
    [result] = import_paths([write_jsonl(tmp_path / "own.jsonl", [first])], actor=SYSTEM)
    assert result.ok, result.problems
    coordinator = make_user("coordinator", programs=["hcv"])
    db.session.commit()

    def follow_up(spec: object) -> list[str]:
        outcome = {"recommendation": spec, "adoption": "adopted", "patient_status": "improved"}
        follow = record(
            "hcv-2", follows="hcv-1", status="closed", recommendations=[], outcomes=[outcome]
        )
        return _problems(write_jsonl(tmp_path / "a.jsonl", [follow]), coordinator)

    missing = [p.replace("hcv-1/r9", "hcv-1/r1") for p in follow_up("hcv-1/r9")]
    assert follow_up("hcv-1/r1") == missing
    assert "(1 to 1)" in follow_up(3)[0]
    assert db.session.scalar(select(Case).where(Case.ref == "hcv-2")) is None


def test_an_account_only_a_private_program_knows_answers_as_a_missing_one(
    program,  # noqa: F811
    make_user,
    tmp_path,
):
    """Named as presenter or author, it is neither confirmed (the message a missing one
    gets) nor put on the case (where its name would show); with --create-authors its email
    is taken, as a ref held by a hidden case is."""
    coordinator = _setup(tmp_path, make_user)
    make_user("expert", email="pia@example.org", programs=["closed-hub"])
    db.session.commit()
    rec = [{"author": "{who}", "category": "therapeutic", "body": "Go."}]
    for shape in ({"presenter": "{who}"}, {"recommendations": rec}):

        def told(who: str, options: ImportOptions | None = None, shape=shape) -> list[str]:
            given = json.loads(json.dumps(shape).replace("{who}", who))
            path = write_jsonl(tmp_path / "a.jsonl", [record("x-1", **given)])
            return _problems(path, coordinator, options)

        hidden, missing = told("pia@example.org"), told("nobody@example.org")
        assert hidden == [p.replace("nobody@", "pia@") for p in missing]
        assert "pia@example.org" in hidden[0]
        created = told("pia@example.org", ImportOptions(create_authors=True))
        assert "already exists" in created[0]
    assert db.session.scalar(select(Case).where(Case.ref == "x-1")) is None
    # the operator (and an admin) name any account
    [result] = import_paths(
        [write_jsonl(tmp_path / "a.jsonl", [record("x-1", presenter="pia@example.org")])],
        actor=SYSTEM,
    )
    assert result.ok, result.problems
