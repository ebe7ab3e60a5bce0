"""Every lifecycle page and action × every role: who gets in, who is refused, who sees nothing.

302 is the sign-in redirect (or, for a button that did its work, the page after it: 303);
403 means "you may see this but not do that"; 404 means "not yours to know about".
"""

from __future__ import annotations

import re

import pytest
from flask import current_app, g

from app.attendance.models import Attendance
from app.auth.invitations import invite
from app.cases.lifecycle import withdraw_case
from app.cases.models import CaseStatus
from app.extensions import db
from app.outdated.models import OutdatedAdvice
from app.practices.operations import add_evidence, propose_practice
from app.subscriptions.operations import follow
from app.teaching import operations as teaching
from tests.conftest import sign_in
from tests.support.builders import add_case, build_world

ROLES = ("anonymous", "presenter", "other_provider", "expert", "coordinator", "curriculum", "admin")

# (name, method, url template, {role: status}); "anonymous" is always 302 (sign in first).
OK, SEE_OTHER, FORBIDDEN, HIDDEN = 200, 303, 403, 404
ONLY_STAFF = {
    "presenter": FORBIDDEN,
    "other_provider": FORBIDDEN,
    "expert": FORBIDDEN,
    "coordinator": OK,
    "curriculum": FORBIDDEN,
    "admin": OK,
}
STAFF_ACTION = {**ONLY_STAFF, "coordinator": SEE_OTHER, "admin": SEE_OTHER}
EXPERTS = {
    "presenter": FORBIDDEN,
    "other_provider": FORBIDDEN,
    "expert": OK,
    "coordinator": FORBIDDEN,
    "curriculum": FORBIDDEN,
    "admin": OK,
}
EVERYONE = dict.fromkeys(ROLES[1:], OK)
EVERYONE_ACTION = dict.fromkeys(ROLES[1:], SEE_OTHER)
EXPERTS_ACTION = {**EXPERTS, "expert": SEE_OTHER, "admin": SEE_OTHER}
CURRICULUM = {**dict.fromkeys(ROLES[1:], FORBIDDEN), "curriculum": OK, "admin": OK}
ADMINS = {**dict.fromkeys(ROLES[1:], FORBIDDEN), "admin": OK}
ADMINS_ACTION = {**ADMINS, "admin": SEE_OTHER}
PROVIDERS = {
    "presenter": OK,
    "other_provider": OK,
    "expert": FORBIDDEN,
    "coordinator": FORBIDDEN,
    "curriculum": FORBIDDEN,
    "admin": OK,
}

SET_READERS = {**dict.fromkeys(ROLES[1:], OK), "curriculum": HIDDEN}
SET_EDITORS = {
    **dict.fromkeys(ROLES[1:], FORBIDDEN),
    "expert": SEE_OTHER,
    "curriculum": HIDDEN,
    "admin": SEE_OTHER,
}
PRESENTERS_OWN = {**dict.fromkeys(ROLES[1:], HIDDEN), "presenter": SEE_OTHER}

MATRIX = [
    ("account page", "GET", "/account", EVERYONE),
    ("new case", "GET", "/programs/hcv/cases/new", PROVIDERS),
    (
        "new case in a private program",
        "GET",
        "/programs/perinatal-sud/cases/new",
        {**PROVIDERS, "presenter": HIDDEN, "other_provider": HIDDEN},
    ),
    (
        "submitted case page",
        "GET",
        "/cases/{submitted}",
        {
            "presenter": OK,
            "other_provider": HIDDEN,
            "expert": HIDDEN,
            "coordinator": OK,
            "curriculum": HIDDEN,
            "admin": OK,
        },
    ),
    (
        "someone else's draft",
        "GET",
        "/cases/{draft}",
        {
            "presenter": HIDDEN,
            "other_provider": OK,
            "expert": HIDDEN,
            "coordinator": HIDDEN,
            "curriculum": HIDDEN,
            "admin": OK,
        },
    ),
    (
        "private program's case",
        "GET",
        "/cases/{private_case}",
        {**dict.fromkeys(ROLES[1:], HIDDEN), "admin": OK},
    ),
    (
        "edit submitted case",
        "GET",
        "/cases/{submitted}/edit",
        {
            "presenter": OK,
            "other_provider": HIDDEN,
            "expert": HIDDEN,
            "coordinator": FORBIDDEN,
            "curriculum": HIDDEN,
            "admin": OK,
        },
    ),
    (
        "edit approved case",
        "GET",
        "/cases/{elderly}/edit",
        {
            "presenter": FORBIDDEN,
            "other_provider": FORBIDDEN,
            "expert": FORBIDDEN,
            "coordinator": FORBIDDEN,
            "curriculum": FORBIDDEN,
            "admin": OK,
        },
    ),
    (
        "submit",
        "POST",
        "/cases/{submitted}/submit",
        {
            "presenter": SEE_OTHER,
            "other_provider": HIDDEN,
            "expert": HIDDEN,
            "coordinator": FORBIDDEN,
            "curriculum": HIDDEN,
            "admin": SEE_OTHER,
        },
    ),
    (
        "take back to draft",
        "POST",
        "/cases/{submitted}/recall",
        {
            "presenter": SEE_OTHER,
            "other_provider": HIDDEN,
            "expert": HIDDEN,
            "coordinator": FORBIDDEN,
            "curriculum": HIDDEN,
            "admin": SEE_OTHER,
        },
    ),
    # Withdrawal: the presenter, the program's coordinators and admins; a withdrawn case is
    # as absent as a missing one for everyone else.
    (
        "withdraw",
        "POST",
        "/cases/{submitted}/withdrawal",
        {
            "presenter": SEE_OTHER,
            "other_provider": HIDDEN,
            "expert": HIDDEN,
            "coordinator": SEE_OTHER,
            "curriculum": HIDDEN,
            "admin": SEE_OTHER,
        },
    ),
    (
        "withdraw an open case",
        "POST",
        "/cases/{presented}/withdrawal",
        {**STAFF_ACTION, "presenter": SEE_OTHER},
    ),
    (
        "restore",
        "POST",
        "/cases/{withdrawn}/restore",
        {**dict.fromkeys(ROLES[1:], HIDDEN), "coordinator": SEE_OTHER, "admin": SEE_OTHER},
    ),
    (
        "withdrawn case",
        "GET",
        "/cases/{withdrawn}",
        {**dict.fromkeys(ROLES[1:], HIDDEN), "coordinator": OK, "admin": OK},
    ),
    ("approve", "POST", "/cases/{submitted}/approve", STAFF_ACTION),
    ("return form", "GET", "/cases/{submitted}/return", ONLY_STAFF),
    ("return", "POST", "/cases/{submitted}/return", STAFF_ACTION),
    ("schedule form", "GET", "/cases/{elderly}/schedule", ONLY_STAFF),
    ("mark presented", "POST", "/cases/{elderly}/sessions/{second}/presented", STAFF_ACTION),
    ("unschedule", "POST", "/cases/{elderly}/sessions/{second}/unschedule", STAFF_ACTION),
    ("close", "POST", "/cases/{case}/close", STAFF_ACTION),
    (
        "purge text",
        "POST",
        "/cases/{case}/purge",
        {**dict.fromkeys(ROLES[1:], FORBIDDEN), "admin": SEE_OTHER},
    ),
    ("my cases", "GET", "/my/cases", PROVIDERS),
    ("review queue", "GET", "/review", ONLY_STAFF),
    ("follow-up form", "GET", "/cases/{case}/follow-up", PROVIDERS),
    ("outcomes form", "GET", "/cases/{follow_up}/outcomes", {**ONLY_STAFF, "presenter": OK}),
    ("write recommendation", "GET", "/cases/{presented}/recommendations/new", EXPERTS),
    ("edit recommendation", "GET", "/recommendations/{rec}/edit", EXPERTS),
    (
        "publish recommendation",
        "POST",
        "/recommendations/{rec}/publish",
        {**EXPERTS, "expert": SEE_OTHER, "admin": SEE_OTHER},
    ),
    ("mark intentional", "POST", "/recommendations/{rec}/dissents", EXPERTS_ACTION),
    ("version history", "GET", "/recommendations/{rec}/versions", EVERYONE),
    (
        "draft recommendation's history",
        "GET",
        "/recommendations/{draft_rec}/versions",
        {**dict.fromkeys(ROLES[1:], HIDDEN), "expert": OK, "admin": OK},
    ),
    ("annotate", "GET", "/recommendations/{rec}/annotations/new", EXPERTS),
    ("letter", "GET", "/cases/{case}/letter", EVERYONE),
    ("preview", "POST", "/preview", EVERYONE),
    ("notifications", "GET", "/notifications", EVERYONE),
    ("mark notifications read", "POST", "/notifications/read", dict.fromkeys(ROLES[1:], SEE_OTHER)),
    ("upcoming sessions", "GET", "/sessions/upcoming", EVERYONE),
    ("new session", "GET", "/programs/hcv/sessions/new", ONLY_STAFF),
    ("edit session", "GET", "/programs/hcv/sessions/1/edit", ONLY_STAFF),
    ("add to agenda", "POST", "/programs/hcv/sessions/2/agenda", STAFF_ACTION),
    ("case audit", "GET", "/audit/case/{case}", ONLY_STAFF),
    ("recommendation audit", "GET", "/audit/recommendation/{rec}", ONLY_STAFF),
    ("session audit", "GET", "/audit/session/{first}", ONLY_STAFF),
    (
        "private case audit",
        "GET",
        "/audit/case/{private_case}",
        {**ONLY_STAFF, "coordinator": HIDDEN},
    ),
    # The foundation's pages.
    ("home", "GET", "/", EVERYONE),
    ("program", "GET", "/programs/hcv", EVERYONE),
    (
        "private program",
        "GET",
        "/programs/perinatal-sud",
        {**dict.fromkeys(ROLES[1:], HIDDEN), "admin": OK},
    ),
    ("session", "GET", "/programs/hcv/sessions/1", EVERYONE),
    (
        "private session",
        "GET",
        "/programs/perinatal-sud/sessions/1",
        {**dict.fromkeys(ROLES[1:], HIDDEN), "admin": OK},
    ),
    ("open case", "GET", "/cases/{case}", EVERYONE),
    # Search: everyone signed in; results are filtered, never refused.
    ("search", "GET", "/search?q=hepatitis", EVERYONE),
    ("similar cases", "GET", "/search/similar?case_id={case}", EVERYONE),
    # Best practices: everyone reads them; experts propose, change and take a stance.
    ("practices", "GET", "/practices", EVERYONE),
    ("practice", "GET", "/practices/{practice}", EVERYONE),
    ("practice versions", "GET", "/practices/{practice}/versions", EVERYONE),
    ("candidate practices", "GET", "/practices/candidates", EVERYONE),
    ("propose practice", "GET", "/practices/new?recommendation={rec}", EXPERTS),
    ("edit practice", "GET", "/practices/{practice}/edit", EXPERTS),
    ("practice status", "POST", "/practices/{practice}/status", EXPERTS_ACTION),
    ("practice stance", "POST", "/practices/{practice}/stance", EXPERTS_ACTION),
    ("practice evidence", "POST", "/practices/{practice}/evidence", EXPERTS_ACTION),
    ("cite in a practice", "POST", "/practices/cite", EXPERTS_ACTION),
    # whoever cited it (the expert) or an admin
    (
        "remove practice evidence",
        "POST",
        "/practices/{practice}/evidence/{evidence}/remove",
        EXPERTS_ACTION,
    ),
    # The session desk and attendance: the program's coordinators and admins.
    ("session desk", "GET", "/programs/hcv/desk", ONLY_STAFF),
    ("send recommendations", "POST", "/programs/hcv/desk/cases/{presented}/send", STAFF_ACTION),
    ("attendance list", "GET", "/programs/hcv/sessions/2/attendance", ONLY_STAFF),
    (
        "import attendance (no file: named)",
        "POST",
        "/programs/hcv/sessions/2/attendance/import",
        {**ONLY_STAFF, "coordinator": 422, "admin": 422},
    ),
    ("credit rule", "GET", "/programs/hcv/credit", ONLY_STAFF),
    ("accreditation export", "GET", "/programs/hcv/attendance.csv", ONLY_STAFF),
    # Participants: their own transcript; an evaluation only of a session they attended.
    ("my transcript", "GET", "/my/transcript", EVERYONE),
    ("my certificate", "GET", "/my/certificate?program=hcv", EVERYONE),
    (
        "evaluate a session attended",
        "GET",
        "/programs/hcv/sessions/2/evaluation",
        {**dict.fromkeys(ROLES[1:], HIDDEN), "presenter": OK},
    ),
    # Curriculum: curriculum staff and admins.
    ("curriculum", "GET", "/curriculum", CURRICULUM),
    ("curriculum csv", "GET", "/curriculum/topics.csv", CURRICULUM),
    ("curriculum teaching csv", "GET", "/curriculum/teaching.csv", CURRICULUM),
    # The admin console: admins; coordinators review proposed topics and read the audit.
    ("choose a password", "GET", "/account/new-password", dict.fromkeys(ROLES[1:], 302)),
    ("admin home", "GET", "/admin", {**ADMINS, "coordinator": 302}),
    ("accounts", "GET", "/admin/accounts", ADMINS),
    ("new account", "GET", "/admin/accounts/new", ADMINS),
    ("account", "GET", "/admin/accounts/{account}", ADMINS),
    ("deactivate", "POST", "/admin/accounts/{account}/deactivate", ADMINS_ACTION),
    ("reactivate", "POST", "/admin/accounts/{account}/reactivate", ADMINS_ACTION),
    ("reset password", "POST", "/admin/accounts/{account}/reset-password", ADMINS),
    (
        "revoke an account's token",
        "POST",
        "/admin/accounts/{account}/tokens/999999/revoke",
        {**ADMINS, "admin": HIDDEN},
    ),
    ("admin programs", "GET", "/admin/programs", ADMINS),
    ("new program", "GET", "/admin/programs/new", ADMINS),
    ("admin program", "GET", "/admin/programs/hcv", ADMINS),
    # No email in the form: allowed, and refused as bad input.
    ("add member", "POST", "/admin/programs/hcv/members", {**ADMINS, "admin": 422}),
    ("remove member", "POST", "/admin/programs/hcv/members/{account}/remove", ADMINS_ACTION),
    # Program staff: admins and the program's coordinators. No email: bad input; the
    # presenter is not staff, so there is nothing to remove.
    ("program staff", "GET", "/admin/programs/hcv/staff", ONLY_STAFF),
    (
        "add staff",
        "POST",
        "/admin/programs/hcv/staff",
        {**ONLY_STAFF, "coordinator": 422, "admin": 422},
    ),
    (
        "remove staff",
        "POST",
        "/admin/programs/hcv/staff/{account}/remove",
        {**ONLY_STAFF, "coordinator": HIDDEN, "admin": HIDDEN},
    ),
    # The case-form editor: the program's coordinators may look; only admins save.
    ("case form editor", "GET", "/admin/programs/hcv/template", ONLY_STAFF),
    ("save case form", "POST", "/admin/programs/hcv/template", {**ADMINS, "admin": SEE_OTHER}),
    ("topics", "GET", "/admin/topics", ONLY_STAFF),
    ("topic", "GET", "/admin/topics/{topic}", ONLY_STAFF),
    ("topic status", "POST", "/admin/topics/{topic}/status", STAFF_ACTION),
    ("merge topic", "POST", "/admin/topics/{topic}/merge", {**ADMINS, "admin": 422}),
    ("admin audit", "GET", "/admin/audit", ONLY_STAFF),
    # Invitations by e-mail: admins only (the invitee's page is public: tests/auth).
    ("invitations", "GET", "/admin/invitations", ADMINS),
    ("resend an invitation", "POST", "/admin/invitations/{invitation}/resend", ADMINS),
    ("revoke an invitation", "POST", "/admin/invitations/{invitation}/revoke", ADMINS_ACTION),
    # Following: everyone signed in, each their own subscriptions only.
    ("subscriptions", "GET", "/my/subscriptions", EVERYONE),
    ("digest", "GET", "/my/digest", EVERYONE),
    # No topic or program in the form: allowed, and refused as bad input.
    ("follow", "POST", "/my/subscriptions", dict.fromkeys(ROLES[1:], 422)),
    (
        "unfollow the presenter's subscription",
        "POST",
        "/my/subscriptions/{subscription}/remove",
        {**dict.fromkeys(ROLES[1:], HIDDEN), "presenter": SEE_OTHER},
    ),
    ("digest mail preference", "POST", "/my/subscriptions/digest", EVERYONE_ACTION),
    # Outdated advice: authors and the program's coordinators; no resolution chosen is 422.
    ("outdated advice", "GET", "/outdated", {**EXPERTS, "coordinator": OK}),
    (
        "resolve outdated advice",
        "POST",
        "/outdated/{outdated}/resolve",
        {
            **dict.fromkeys(ROLES[1:], HIDDEN),
            "expert": 422,
            "coordinator": 422,
            "admin": 422,
        },
    ),
    # Teaching sets: the expert's set, shared with HCV; its members (coordinators included)
    # read it, its owner and admins change it, others don't learn it exists.
    ("teaching sets", "GET", "/my/teaching-sets", EVERYONE),
    ("create a teaching set", "POST", "/my/teaching-sets", dict.fromkeys(ROLES[1:], 422)),
    ("teaching set", "GET", "/teaching-sets/{teaching_set}", SET_READERS),
    ("set handout", "GET", "/teaching-sets/{teaching_set}/handout", SET_READERS),
    ("set as Markdown", "GET", "/teaching-sets/{teaching_set}/export.md", SET_READERS),
    (
        "edit a set",
        "POST",
        "/teaching-sets/{teaching_set}",
        {**SET_EDITORS, "expert": 422, "admin": 422},
    ),
    ("share a set", "POST", "/teaching-sets/{teaching_set}/share", SET_EDITORS),
    ("delete a set", "POST", "/teaching-sets/{teaching_set}/delete", SET_EDITORS),
    ("set note", "POST", "/teaching-sets/{teaching_set}/items/{set_item}/note", SET_EDITORS),
    ("move in a set", "POST", "/teaching-sets/{teaching_set}/items/{set_item}/move", SET_EDITORS),
    (
        "remove from a set",
        "POST",
        "/teaching-sets/{teaching_set}/items/{set_item}/remove",
        SET_EDITORS,
    ),
    ("add to a set form", "GET", "/teaching-sets/add?case={case}", EVERYONE),
    # No set chosen in the form: allowed, and refused as bad input.
    ("add to a set", "POST", "/teaching-sets/add", dict.fromkeys(ROLES[1:], 422)),
    ("open a group as a set", "POST", "/teaching-sets/from-group", EVERYONE_ACTION),
    ("saved searches", "GET", "/my/searches", EVERYONE),
    ("save a search", "POST", "/my/searches", dict.fromkeys(ROLES[1:], 422)),
    ("run a saved search", "GET", "/my/searches/{saved_search}", PRESENTERS_OWN),
    (
        "rename a saved search",
        "POST",
        "/my/searches/{saved_search}/rename",
        {**PRESENTERS_OWN, "presenter": 422},
    ),
    ("delete a saved search", "POST", "/my/searches/{saved_search}/delete", PRESENTERS_OWN),
]


@pytest.fixture
def world(worlds, make_user):
    # Built once per process; each test gets its own copy (the actions change it).
    return worlds(__name__, lambda: _build(make_user))


def _build(make_user):
    w = build_world(make_user)
    w.coordinator = make_user("coordinator", programs=["hcv"])
    w.curriculum = make_user("curriculum")
    w.submitted = add_case(w.hcv, w.provider, "Submitted case", status=CaseStatus.SUBMITTED)
    w.presented = add_case(
        w.hcv,
        w.provider,
        "Presented case",
        status=CaseStatus.PRESENTED,
        session=w.second,
        presented=True,
    )
    w.withdrawn = add_case(w.hcv, w.other_provider, "Withdrawn case", status=CaseStatus.CLOSED)
    withdraw_case(w.withdrawn, "duplicate", actor=w.admin)
    w.practice = propose_practice(
        "Co-prescribe naloxone",
        "Offer naloxone with every opioid.",
        author=w.expert,
        actor=w.expert,
    )
    w.evidence = add_evidence(w.practice, w.case, added_by=w.expert, actor=w.expert)
    db.session.add(Attendance(session=w.second, user_id=w.provider.id, minutes=50))
    w.invitation = invite(w.admin, "invitee@example.org", "Invitee", "provider").invitation
    w.subscription = follow(w.provider, program="hcv")
    w.outdated = OutdatedAdvice(
        recommendation=w.rec, practice=w.practice, change="retired", because="cites", note=""
    )
    db.session.add(w.outdated)
    w.teaching_set = teaching.create_set(w.expert, "HCV teaching")
    w.set_item = teaching.add_item(w.expert, w.teaching_set, case=w.case, note="Discuss.")
    teaching.share_set(w.expert, w.teaching_set, w.hcv)
    w.saved_search = teaching.save_search(w.provider, "HCV", "q=hcv")
    db.session.commit()
    w.draft_rec = next(r for r in w.case.recommendations if str(r.status) == "draft")
    w.people = {
        "presenter": w.provider,
        "other_provider": w.other_provider,
        "expert": w.expert,
        "coordinator": w.coordinator,
        "curriculum": w.curriculum,
        "admin": w.admin,
    }
    w.cookies = {role: _signed_in_cookie(user) for role, user in w.people.items()}
    return w


def _signed_in_cookie(user) -> str:
    """The session cookie of a sign-in of `user` made with the world. Its sign-in row is
    restored with the world, so a request sends it instead of signing out and in again
    (three requests for each role asked; tests/auth covers signing in and out). Sign-ins
    last 12 hours, far longer than a run."""
    browser = current_app.test_client()
    sign_in(browser, user)
    g.pop("_login_user", None)
    cookie = browser.get_cookie("session")
    assert cookie is not None
    return cookie.value


def _url(template: str, w) -> str:
    ids = {
        name: getattr(w, name).id
        for name in (
            "submitted",
            "draft",
            "private_case",
            "elderly",
            "case",
            "follow_up",
            "presented",
            "rec",
            "draft_rec",
            "first",
            "second",
            "practice",
            "evidence",
            "withdrawn",
            "invitation",
            "subscription",
            "outdated",
            "teaching_set",
            "set_item",
            "saved_search",
        )
    }
    ids["account"] = w.provider.id
    ids["topic"] = w.case.topics[0].id
    return template.format(**ids)


def _request(client, world, method: str, template: str, role: str):
    # The test's app context outlives each request: the user Flask-Login kept in `g` for an
    # earlier request would answer this one.
    g.pop("_login_user", None)
    if role == "anonymous":
        client.delete_cookie("session")
    else:
        client.set_cookie("session", world.cookies[role])
    data = {
        "comment": "Please add the FIB-4.",
        "case_id": str(world.elderly.id),
        "text": "**hi**",
        "recommendation": str(world.rec.id),
        "stance": "endorse",
        "status": "emerging",
        "reason": "Seen in two sessions.",
        "practice_id": str(world.practice.id),
    }
    return client.open(
        _url(template, world), method=method, data=data if method == "POST" else None
    )


def _check(response, name: str, role: str, expected: dict) -> None:
    want = 302 if role == "anonymous" else expected[role]
    assert response.status_code == want, (name, role, response.status_code)
    if role == "anonymous":
        assert "/sign-in" in response.headers["Location"]


READS = [row for row in MATRIX if row[1] == "GET"]
ACTIONS = [row for row in MATRIX if row[1] != "GET"]


@pytest.mark.parametrize(
    ("name", "method", "template", "expected"), READS, ids=[row[0] for row in READS]
)
def test_who_may_read(client, world, name, method, template, expected):
    # Reading changes nothing, so one world serves every role.
    for role in ROLES:
        _check(_request(client, world, method, template, role), name, role, expected)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "method", "template", "expected"), ACTIONS, ids=[row[0] for row in ACTIONS]
)
def test_who_may_act(client, world, name, method, template, expected, role):
    _check(_request(client, world, method, template, role), name, role, expected)


# Covered elsewhere: sign-in and sign-out (tests/auth), static files, /healthz, public by
# design (tests/health); the account page's buttons act on the signed-in account only, for
# every role (tests/auth).
EXEMPT = {
    "auth.login",
    "auth.logout",
    "static",
    "health.healthz",
    "auth.change_password",
    "auth.revoke_session",
    "auth.sign_out_everywhere",
    "auth.create_token",
    "auth.revoke_token",
    "invitations.accept",  # public by design: the link is the credential (tests/auth)
}


def test_the_matrix_covers_every_web_route(app):
    adapter = app.url_map.bind("localhost")
    covered = set()
    for _, method, template, _ in MATRIX:
        path = re.sub(r"\{\w+\}", "1", template.split("?")[0])  # any id fits the rule
        endpoint, _ = adapter.match(path, method=method)
        covered.add((endpoint, method))
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/") or rule.endpoint.split(".")[-1] == "static":
            continue
        if rule.endpoint in EXEMPT:
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            if method == "POST" and (rule.endpoint, "GET") in covered:
                continue  # the form's POST is exercised by the view tests; GET is the gate
            assert (rule.endpoint, method) in covered, f"{method} {rule.rule} has no matrix row"
