"""The permission matrix: every role against every action, written out by hand."""

from __future__ import annotations

import json

import pytest

from app.auth.models import Role
from app.auth.policy import SYSTEM, Permission, can, can_view_case, can_view_program
from app.cases.models import Case, CaseStatus
from app.extensions import db
from app.programs.operations import create_program

P, E, C, K, A = "provider", "expert", "coordinator", "curriculum", "admin"

# Which roles may do each action; everything not listed is denied.
EXPECTED = {
    Permission.SUBMIT_CASE: {P, A},
    Permission.REVIEW_CASE: {C, A},
    Permission.MANAGE_SESSIONS: {C, A},
    Permission.WRITE_RECOMMENDATION: {E, A},
    Permission.ANNOTATE: {E, A},
    Permission.RECORD_OUTCOME: {P, C, A},
    Permission.PROPOSE_PRACTICE: {E, A},
    Permission.VIEW_CURRICULUM: {K, A},
    Permission.VIEW_AUDIT: {C, A},
    Permission.IMPORT_DATA: {C, A},
    Permission.EXPORT_DATA: {C, K, A},
    Permission.MANAGE_PROGRAMS: {A},
    Permission.MANAGE_USERS: {A},
    Permission.MANAGE_VOCABULARY: {A},
    Permission.ACCEPT_TOPICS: {C, A},
}


def test_matrix_covers_every_permission():
    assert set(EXPECTED) == set(Permission)


@pytest.mark.parametrize("permission", list(Permission))
@pytest.mark.parametrize("role", [r.value for r in Role])
def test_role_permission_matrix(app, make_user, role, permission):
    user = make_user(role)
    assert can(user, permission) is (role in EXPECTED[permission])


def test_inactive_and_anonymous_users_hold_nothing(app, make_user):
    from flask_login import AnonymousUserMixin

    admin = make_user("admin")
    admin.active = False
    for permission in Permission:
        assert not can(admin, permission)
        assert not can(AnonymousUserMixin(), permission)


@pytest.fixture
def private_program(app):
    program = create_program("perinatal", "Perinatal SUD ECHO", private=True, actor=SYSTEM)
    db.session.commit()
    return program


@pytest.mark.parametrize(
    ("role", "member", "allowed"),
    [
        (P, False, False),
        (E, False, False),
        (C, False, False),
        (K, False, False),
        (A, False, True),
        (P, True, True),
        (E, True, True),
        (C, True, True),
        (K, True, True),
    ],
)
def test_private_program_is_for_members_only(
    app, make_user, private_program, role, member, allowed
):
    user = make_user(role, programs=["perinatal"] if member else [])
    assert can_view_program(user, private_program) is allowed


@pytest.mark.parametrize(
    ("status", "viewer", "allowed"),
    [
        ("draft", "presenter", True),
        ("draft", P, False),
        ("draft", C, False),
        ("draft", E, False),
        ("draft", A, True),
        ("submitted", "presenter", True),
        ("submitted", P, False),
        ("submitted", C, True),
        ("submitted", E, False),
        ("returned", P, False),
        ("returned", C, True),
        ("submitted", "coordinator of another program", False),
        ("returned", "coordinator of another program", False),
        ("approved", "coordinator of another program", True),
        ("approved", P, True),
        ("approved", E, True),
        ("recommendations_published", P, True),
        ("recommendations_published", K, True),
    ],
)
def test_who_sees_a_case_in_each_status(app, make_user, status, viewer, allowed):
    program = create_program("hcv", "HCV ECHO", actor=SYSTEM)
    presenter = make_user("provider")
    case = Case(program=program, presenter=presenter, title="t", status=CaseStatus(status))
    db.session.add(case)
    db.session.commit()
    if viewer == "presenter":
        user = presenter
    elif viewer == "coordinator of another program":
        create_program("pain", "Pain ECHO", actor=SYSTEM)
        user = make_user(C, programs=["pain"])
    else:
        user = make_user(viewer, programs=["hcv"])  # its review team, for a coordinator
    assert can_view_case(user, case) is allowed


@pytest.mark.parametrize(
    ("role", "command", "allowed"),
    [
        (r, cmd, r in roles)
        for cmd, roles in (("import", {C, A}), ("export", {C, K, A}))
        for r in (P, E, C, K, A)
    ],
)
def test_cli_actions_follow_the_policy(app, make_user, tmp_path, role, command, allowed):
    create_program("hcv", "HCV ECHO", actor=SYSTEM)
    db.session.commit()
    user = make_user(role, programs=["hcv"])  # a coordinator imports into their own program
    runner = app.test_cli_runner()
    if command == "import":
        source = tmp_path / "in.jsonl"
        source.write_text(
            json.dumps({"ref": "x", "program": "hcv", "title": "t", "status": "draft"}) + "\n"
        )
        args = ["import", "--as", user.email, str(source)]
    else:
        args = ["export", "--as", user.email, "--format", "jsonl", str(tmp_path / "o.jsonl")]
    result = runner.invoke(args=args)
    assert (result.exit_code == 0) is allowed, result.output
    if not allowed:
        assert "not allowed" in result.output


def test_only_the_owner_manages_sign_ins_and_tokens(app, make_user):
    from app.auth.policy import can_manage_credentials

    owner, admin = make_user("provider"), make_user("admin")
    assert can_manage_credentials(owner, owner)
    assert not can_manage_credentials(admin, owner)  # not even an admin, through the web or API
    assert can_manage_credentials(SYSTEM, owner)  # the operator at the shell
    owner.active = False
    assert not can_manage_credentials(owner, owner)
