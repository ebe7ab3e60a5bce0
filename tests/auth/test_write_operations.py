"""The convention, kept: every public write operation in app/<area>/operations.py (and the
search package's modules by job, `policy.JOB_OPERATION_MODULES`) is marked
`@write_operation`, takes a required `actor` and refuses one the policy refuses, whichever
channel calls it (web, API, CLI, import). A new public function fails here until it is
classified (app/auth/policy.py lists the others) and, if it writes, given a refusal below."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from datetime import date

import pytest
from sqlalchemy import func, select

import app as app_package
from app.admin import operations as admin
from app.attendance import operations as attendance
from app.audit.models import AuditEvent
from app.auth import operations as auth
from app.auth import policy
from app.auth.models import ApiToken, UserSession
from app.auth.policy import SYSTEM
from app.cases import operations as cases
from app.cases.models import CaseStatus
from app.deid import operations as deid
from app.desk import operations as desk
from app.errors import NotFound, PermissionDenied
from app.extensions import db
from app.notifications import operations as notifications
from app.outdated import operations as outdated
from app.outdated.models import OutdatedAdvice
from app.practices import operations as practices
from app.programs import operations as programs
from app.programs.operations import find_topic
from app.recommendations import operations as recommendations
from app.subscriptions import operations as subscriptions
from app.teaching import operations as teaching
from tests.support.builders import add_annotation, build_world


def _operation_modules():
    for info in pkgutil.iter_modules(app_package.__path__):
        try:
            yield importlib.import_module(f"app.{info.name}.operations")
        except ModuleNotFoundError:
            continue
    for name in policy.JOB_OPERATION_MODULES:
        yield importlib.import_module(name)


def _public_functions():
    for module in _operation_modules():
        for name, obj in vars(module).items():
            if inspect.isfunction(obj) and obj.__module__ == module.__name__ and name[0] != "_":
                yield f"{module.__name__}.{name}"


def test_every_public_operation_is_classified():
    public = set(_public_functions())
    writes, others, reads = (
        set(policy.WRITE_OPERATIONS),
        set(policy.NOT_WRITE_OPERATIONS),
        set(policy.READ_OPERATIONS),
    )
    assert not (writes & others) and not (writes & reads) and not (others & reads)
    unclassified = public - writes - others - reads
    assert not unclassified, (
        f"mark as @write_operation or list in app/auth/policy.py: {unclassified}"
    )
    assert not (others | reads) - public, "listed but gone"


@pytest.mark.parametrize("name", sorted(policy.WRITE_OPERATIONS))
def test_write_operations_take_a_required_actor(name):
    parameter = inspect.signature(policy.WRITE_OPERATIONS[name]).parameters.get("actor")
    assert parameter is not None, f"{name} takes no actor"
    assert parameter.default is inspect.Parameter.empty, f"{name}: actor has a default"


@pytest.fixture
def w(worlds, make_user):
    return worlds(__name__, lambda: _world(make_user))


def _world(make_user):
    w = build_world(make_user)
    w.coordinator = make_user("coordinator", email="coord@example.org", programs=["hcv"])
    w.curriculum = make_user("curriculum", email="curr@example.org")
    w.retired_admin = make_user("admin", email="gone@example.org")
    w.retired_admin.active = False
    w.practice = practices.propose_practice(
        "Check HBV before DAAs", "Test HBV first.", author=w.expert, actor=SYSTEM
    )
    w.link = practices.add_evidence(w.practice, w.case, added_by=w.expert, actor=SYSTEM)
    w.topic = find_topic("Hepatitis C")
    w.subscription = subscriptions.follow(w.expert, topic="Hepatitis C")
    w.teaching_set = teaching.create_set(w.expert, "HCV teaching")
    w.set_item = teaching.add_item(w.expert, w.teaching_set, case=w.case)
    w.saved_search = teaching.save_search(w.expert, "HCV", "q=hcv")
    w.annotation = add_annotation(w.rec, w.expert)
    w.outdated = OutdatedAdvice(
        recommendation=w.rec, practice=w.practice, change="retired", because="cites", note=""
    )
    db.session.add(w.outdated)
    auth.create_token(w.provider, actor=SYSTEM)
    w.token = db.session.scalar(select(ApiToken).where(ApiToken.user_id == w.provider.id))
    w.sign_in = auth.start_session(w.provider, remember=False, device="Laptop")
    db.session.commit()
    return w


DATA = cases.CaseData(title="A case", question="Which regimen?")
ON = date(2031, 1, 7)

# name → (who the rule refuses among the signed-in, the call). `None` and a deactivated
# admin are refused by every operation besides.
REFUSALS = {
    "app.admin.operations.accept_topic": ("expert", lambda w, a: admin.accept_topic(a, w.topic)),
    "app.admin.operations.add_program_member": (
        "coordinator",
        lambda w, a: admin.add_program_member(a, w.hcv, w.curriculum.email),
    ),
    "app.admin.operations.create_account": (
        "coordinator",
        lambda w, a: admin.create_account(a, "new@example.org", "New", "provider"),
    ),
    "app.admin.operations.deactivate_account": (
        "coordinator",
        lambda w, a: admin.deactivate_account(a, w.provider),
    ),
    "app.admin.operations.edit_topic": (
        "coordinator",
        lambda w, a: admin.edit_topic(a, w.topic, description="Liver."),
    ),
    "app.admin.operations.merge_topics": (
        "coordinator",
        lambda w, a: admin.merge_topics(a, w.topic, "Hepatitis B"),
    ),
    "app.admin.operations.reactivate_account": (
        "coordinator",
        lambda w, a: admin.reactivate_account(a, w.retired_admin),
    ),
    "app.admin.operations.remove_program_member": (
        "coordinator",
        lambda w, a: admin.remove_program_member(a, w.hcv, w.provider.id),
    ),
    "app.admin.operations.reset_password": (
        "coordinator",
        lambda w, a: admin.reset_password(a, w.provider),
    ),
    "app.admin.operations.restore_topic": (
        "coordinator",
        lambda w, a: admin.restore_topic(a, w.topic),
    ),
    "app.admin.operations.retire_topic": (
        "coordinator",
        lambda w, a: admin.retire_topic(a, w.topic),
    ),
    "app.admin.operations.revoke_account_token": (
        "coordinator",
        lambda w, a: admin.revoke_account_token(a, w.provider, w.token.id),
    ),
    "app.admin.operations.update_account": (
        "coordinator",
        lambda w, a: admin.update_account(a, w.provider, display_name="Renamed"),
    ),
    "app.attendance.operations.import_attendance_csv": (
        "expert",
        lambda w, a: attendance.import_attendance_csv(
            w.first, b"Name,Email,Minutes\n", filename="zoom.csv", actor=a
        ),
    ),
    "app.attendance.operations.record_attendance": (
        "expert",
        lambda w, a: attendance.record_attendance(w.first, {w.provider.id: 60}, actor=a),
    ),
    "app.attendance.operations.set_credit_rule": (
        "expert",
        lambda w, a: attendance.set_credit_rule(
            w.hcv,
            credit_type="CME",
            credits_per_session=1,
            minimum_minutes=45,
            evaluation_required=False,
            actor=a,
        ),
    ),
    "app.attendance.operations.submit_evaluation": (
        "provider",  # not on the session's attendance list
        lambda w, a: attendance.submit_evaluation(
            w.first, actor=a, rating=5, will_change_practice=True
        ),
    ),
    "app.auth.operations.add_membership": (
        "coordinator",
        lambda w, a: auth.add_membership(w.curriculum, "hcv", actor=a),
    ),
    "app.auth.operations.change_password": (
        "other_provider",
        lambda w, a: auth.change_password(w.provider, "x", "y", "y", actor=a),
    ),
    "app.auth.operations.create_token": (
        "other_provider",
        lambda w, a: auth.create_token(w.provider, actor=a),
    ),
    "app.auth.operations.create_user": (
        "coordinator",
        lambda w, a: auth.create_user("new@example.org", "New", "provider", actor=a),
    ),
    "app.auth.operations.create_user[imported]": (
        "expert",
        lambda w, a: auth.create_user("new@example.org", "New", "provider", actor=a, imported=True),
    ),
    "app.auth.operations.revoke_all_sessions": (
        "other_provider",
        lambda w, a: auth.revoke_all_sessions(w.provider, actor=a),
    ),
    "app.auth.operations.revoke_session": (
        "other_provider",
        lambda w, a: auth.revoke_session(w.provider, w.sign_in.id, actor=a),
    ),
    "app.auth.operations.revoke_token": (
        "other_provider",
        lambda w, a: auth.revoke_token(w.token, actor=a),
    ),
    "app.auth.operations.set_password": (
        "coordinator",
        lambda w, a: auth.set_password(w.provider, "a long new passphrase 9", actor=a),
    ),
    "app.auth.operations.unlock": (
        "coordinator",
        lambda w, a: auth.unlock(w.provider.email, actor=a),
    ),
    "app.cases.operations.create_case": (
        "expert",
        lambda w, a: cases.create_case(w.hcv, DATA, presenter=w.expert, actor=a),
    ),
    "app.cases.operations.create_case[imported]": (
        "expert",
        lambda w, a: cases.create_case(w.hcv, DATA, presenter=None, actor=a, imported=True),
    ),
    "app.cases.operations.schedule": (
        "expert",
        lambda w, a: cases.schedule(w.elderly, w.first, actor=a),
    ),
    "app.cases.operations.schedule[imported]": (
        "expert",
        lambda w, a: cases.schedule(w.elderly, w.first, actor=a, imported=True),
    ),
    "app.cases.operations.set_status": (
        "expert",
        lambda w, a: cases.set_status(w.elderly, CaseStatus.PRESENTED, actor=a),
    ),
    "app.cases.operations.set_status[submit]": (
        "provider",  # Carla's draft, not Marcus's
        lambda w, a: cases.set_status(w.draft, CaseStatus.SUBMITTED, actor=a),
    ),
    "app.cases.operations.set_status[imported]": (
        "expert",
        lambda w, a: cases.set_status(w.elderly, CaseStatus.CLOSED, actor=a, enforce=False),
    ),
    "app.cases.operations.update_case": (
        "provider",
        lambda w, a: cases.update_case(w.draft, DATA, actor=a),
    ),
    "app.cases.operations.update_case[imported]": (
        "expert",
        lambda w, a: cases.update_case(w.draft, DATA, actor=a, imported=True),
    ),
    "app.deid.operations.confirm_risk": (
        "expert",
        lambda w, a: deid.confirm_risk(w.elderly, {"question": "x"}, actor=a),
    ),
    "app.desk.operations.send_recommendations": (
        "expert",
        lambda w, a: desk.send_recommendations(w.follow_up, actor=a),
    ),
    "app.notifications.operations.mark_all_read": (
        None,  # any account marks its own inbox read
        lambda w, a: notifications.mark_all_read(a),
    ),
    "app.practices.operations.add_evidence": (
        "coordinator",
        lambda w, a: practices.add_evidence(w.practice, w.first, added_by=w.expert, actor=a),
    ),
    "app.practices.operations.change_status": (
        "coordinator",
        lambda w, a: practices.change_status(
            w.practice, "endorsed", reason="Agreed.", editor=w.expert, actor=a
        ),
    ),
    "app.practices.operations.edit_practice": (
        "coordinator",
        lambda w, a: practices.edit_practice(
            w.practice, title="T", statement="S", reason="R", editor=w.expert, actor=a
        ),
    ),
    "app.practices.operations.propose_from_recommendations": (
        "coordinator",
        lambda w, a: practices.propose_from_recommendations(
            [w.rec], "T", "S", author=w.expert, actor=a
        ),
    ),
    "app.practices.operations.propose_practice": (
        "coordinator",
        lambda w, a: practices.propose_practice("T", "S", author=w.expert, actor=a),
    ),
    "app.outdated.operations.resolve_outdated": (
        "provider",
        lambda w, a: outdated.resolve_outdated(w.outdated, "still_valid", actor=a),
    ),
    "app.practices.operations.record_dissent": (
        "coordinator",
        lambda w, a: practices.record_dissent(w.rec, w.practice, "On purpose.", actor=a),
    ),
    "app.admin.operations.add_program_staff": (
        "expert",
        lambda w, a: admin.add_program_staff(a, w.hcv, w.coordinator.email),
    ),
    "app.admin.operations.remove_program_staff": (
        "expert",
        lambda w, a: admin.remove_program_staff(a, w.hcv, w.coordinator.id),
    ),
    "app.subscriptions.operations.follow": (
        None,
        lambda w, a: subscriptions.follow(a, topic="Hepatitis C"),
    ),
    "app.subscriptions.operations.unfollow": (
        "provider",
        lambda w, a: subscriptions.unfollow(a, w.subscription.id),
    ),
    "app.subscriptions.operations.set_digest_preference": (
        None,
        lambda w, a: subscriptions.set_digest_preference(a, True),
    ),
    # Teaching sets: their owners and admins change them; a saved search is its owner's.
    "app.teaching.operations.save_search": (None, lambda w, a: teaching.save_search(a, "S", "q=x")),
    "app.teaching.operations.rename_search": (
        "provider",
        lambda w, a: teaching.rename_search(a, w.saved_search.id, "Mine now"),
    ),
    "app.teaching.operations.delete_search": (
        "provider",
        lambda w, a: teaching.delete_search(a, w.saved_search.id),
    ),
    "app.teaching.operations.create_set": (None, lambda w, a: teaching.create_set(a, "T")),
    "app.teaching.operations.update_set": (
        "provider",
        lambda w, a: teaching.update_set(a, w.teaching_set, title="T", description=""),
    ),
    "app.teaching.operations.share_set": (
        "coordinator",
        lambda w, a: teaching.share_set(a, w.teaching_set, w.hcv),
    ),
    "app.teaching.operations.unshare_set": (
        "provider",
        lambda w, a: teaching.unshare_set(a, w.teaching_set),
    ),
    "app.teaching.operations.delete_set": (
        "coordinator",
        lambda w, a: teaching.delete_set(a, w.teaching_set),
    ),
    "app.teaching.operations.add_item": (
        "provider",
        lambda w, a: teaching.add_item(a, w.teaching_set, case=w.elderly),
    ),
    "app.teaching.operations.set_note": (
        "provider",
        lambda w, a: teaching.set_note(a, w.set_item, "Mine now."),
    ),
    "app.teaching.operations.remove_item": (
        "provider",
        lambda w, a: teaching.remove_item(a, w.set_item),
    ),
    "app.teaching.operations.move_item": (
        "provider",
        lambda w, a: teaching.move_item(a, w.set_item, 1),
    ),
    "app.teaching.operations.create_set_from_group": (
        None,
        lambda w, a: teaching.create_set_from_group(a, [w.case, w.elderly]),
    ),
    "app.practices.operations.remove_evidence": (
        "coordinator",
        lambda w, a: practices.remove_evidence(w.link, actor=a),
    ),
    "app.practices.operations.take_stance": (
        "coordinator",
        lambda w, a: practices.take_stance(w.practice, "endorse", expert=w.expert, actor=a),
    ),
    "app.programs.operations.create_program": (
        "coordinator",
        lambda w, a: programs.create_program("new", "New ECHO", actor=a),
    ),
    "app.programs.operations.create_session": (
        "expert",
        lambda w, a: programs.create_session(w.hcv, ON, actor=a),
    ),
    "app.programs.operations.create_topic": (
        "coordinator",
        lambda w, a: programs.create_topic("Cirrhosis", actor=a),
    ),
    "app.programs.operations.program_for_import": (
        "expert",
        lambda w, a: programs.program_for_import("hcv", "Hepatitis C ECHO", actor=a),
    ),
    "app.programs.operations.session_on": (
        "expert",
        lambda w, a: programs.session_on(w.hcv, w.first.date, actor=a),
    ),
    "app.programs.operations.update_program": (
        "coordinator",
        lambda w, a: programs.update_program(w.hcv, name="Renamed", actor=a),
    ),
    "app.programs.operations.update_session": (
        "expert",
        lambda w, a: programs.update_session(w.first, title="Renamed", actor=a),
    ),
    "app.programs.operations.update_topic": (
        "coordinator",
        lambda w, a: programs.update_topic(w.topic, description="Liver.", actor=a),
    ),
    "app.recommendations.operations.add_recommendation": (
        "coordinator",
        lambda w, a: recommendations.add_recommendation(
            w.elderly, w.expert, "Treat.", "therapeutic", actor=a
        ),
    ),
    "app.recommendations.operations.add_recommendation[imported]": (
        "expert",
        lambda w, a: recommendations.add_recommendation(
            w.elderly, w.expert, "Treat.", "therapeutic", actor=a, imported=True
        ),
    ),
    "app.recommendations.operations.annotate": (
        "coordinator",
        lambda w, a: recommendations.annotate(w.rec, w.expert, "agree", "Agreed.", actor=a),
    ),
    "app.recommendations.operations.annotate[imported]": (
        "expert",
        lambda w, a: recommendations.annotate(
            w.rec, w.expert, "agree", "Agreed.", actor=a, imported=True
        ),
    ),
    "app.recommendations.operations.edit_annotation": (
        "expert",  # only imports change an annotation
        lambda w, a: recommendations.edit_annotation(
            w.annotation, author=w.expert, kind="agree", body="Changed.", actor=a
        ),
    ),
    "app.recommendations.operations.edit_recommendation": (
        "coordinator",
        lambda w, a: recommendations.edit_recommendation(
            w.rec, body="Changed.", category="therapeutic", references=[], editor=a, actor=a
        ),
    ),
    "app.recommendations.operations.edit_recommendation[imported]": (
        "expert",
        lambda w, a: recommendations.edit_recommendation(
            w.rec,
            body="Changed.",
            category="therapeutic",
            references=[],
            editor=a,
            actor=a,
            imported=True,
        ),
    ),
    "app.recommendations.operations.publish": (
        "provider",
        lambda w, a: recommendations.publish(w.rec, actor=a),
    ),
    "app.recommendations.operations.publish[imported]": (
        "expert",
        lambda w, a: recommendations.publish(w.rec, actor=a, imported=True),
    ),
    "app.recommendations.operations.record_outcome": (
        "other_provider",  # not the follow-up's presenter
        lambda w, a: recommendations.record_outcome(
            w.follow_up, w.rec, "adopted", "improved", actor=a
        ),
    ),
    "app.recommendations.operations.record_outcome[imported]": (
        "expert",
        lambda w, a: recommendations.record_outcome(
            w.follow_up, w.rec, "adopted", "improved", actor=a, imported=True
        ),
    ),
}


def test_every_write_operation_has_a_refusal_here():
    assert {name.split("[")[0] for name in REFUSALS} == set(policy.WRITE_OPERATIONS)


def _events() -> int:
    return db.session.scalar(select(func.count()).select_from(AuditEvent))


def test_each_write_operation_refuses_an_unauthorised_actor(w):
    before = _events()
    sessions_before = db.session.scalar(select(func.count()).select_from(UserSession))
    accepted = []
    for name, (role, call) in sorted(REFUSALS.items()):
        actors = {"nobody": None, "a deactivated admin": w.retired_admin}
        if role is not None:
            actors[role] = getattr(w, role)
        for who, actor in actors.items():
            try:
                call(w, actor)
            except (PermissionDenied, NotFound):
                pass
            else:
                accepted.append(f"{name} as {who}")
            # Refused before anything was written.
            assert _events() == before, f"{name} as {who} wrote to the audit trail"
            db.session.rollback()
    assert not accepted, "accepted: " + ", ".join(accepted)
    assert db.session.scalar(select(func.count()).select_from(UserSession)) == sessions_before


def test_the_server_acts_as_system_and_none_is_nobody(w):
    """The operator at the shell may; `None` never stands for it."""
    assert policy.can(SYSTEM, policy.Permission.MANAGE_USERS)
    assert not policy.can(None, policy.Permission.MANAGE_USERS)
    assert policy.can_view_case(SYSTEM, w.private_case)
    assert not policy.can_view_case(None, w.private_case)
    assert not policy.can_view_case(None, w.draft)
    programs.create_topic("Cirrhosis", actor=SYSTEM)
    with pytest.raises(PermissionDenied):
        programs.create_topic("Cirrhosis", actor=None)


def test_what_each_refusal_calls_is_allowed_to_those_the_rule_allows(w):
    """The refusals above fail for the rule, not for a bad call: the same calls, by someone
    the rule allows, go through (a sample: one per area)."""
    allowed = {
        "app.admin.operations.retire_topic": w.admin,
        "app.cases.operations.schedule": w.coordinator,
        "app.cases.operations.set_status": w.coordinator,
        "app.cases.operations.update_case": w.other_provider,
        "app.practices.operations.take_stance": w.expert,
        "app.programs.operations.create_session": w.coordinator,
        "app.recommendations.operations.record_outcome": w.provider,
        "app.recommendations.operations.publish": w.expert,
        "app.auth.operations.create_token": w.provider,
        "app.notifications.operations.mark_all_read": w.provider,
        "app.attendance.operations.record_attendance": w.coordinator,
        "app.deid.operations.confirm_risk": w.coordinator,
        "app.outdated.operations.resolve_outdated": w.coordinator,
        "app.teaching.operations.add_item": w.expert,
        "app.teaching.operations.delete_set": w.admin,
    }
    for name, actor in allowed.items():
        REFUSALS[name][1](w, actor)
        db.session.rollback()


def test_the_listed_write_operations_are_the_marked_ones():
    # Each is marked where it is defined: the mark is visible beside the signature.
    for name, operation in policy.WRITE_OPERATIONS.items():
        assert f"{operation.__module__}.{operation.__name__}" == name
        source = inspect.getsource(operation)
        assert source.lstrip().startswith("@write_operation"), name
