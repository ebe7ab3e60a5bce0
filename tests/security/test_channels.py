"""Every channel × every role: what the policy hides stays hidden everywhere.

One world, built once for the module, holds a private program (its program name, a session,
a case with a published recommendation and an annotation), another provider's draft case, a
case in review, an expert's draft recommendation, and a best practice whose evidence notes
point at each of them. Every one of those carries a unique marker word. Then, for each role:

* every route of the app's url_map (web and /api/v1) that takes a case, recommendation,
  practice, session or program id is called with the id of each of those objects, a visible
  one and a missing one. Where the policy hides the object, the answer is 404, or the very
  answer a missing id gets when the request is refused before anything is looked up (a role
  without the permission: 403; signed out: the sign-in redirect, or 401 from the API).
  Ids passed in query strings, forms and JSON bodies are listed in ID_CHANNELS.
* search (web, API, CLI) is asked for the words beside every marker, for misspellings of
  the markers in titles ("did you mean"), and for everything with facets; similar cases for
  every case; `casebook export --as` writes what the role may export; the practice list's
  evidence counts are what the role may see.
* no response body of any channel contains a marker word the policy hides from the role.

A route added later with an id parameter the tables below don't know fails
`test_every_route_with_an_id_is_mapped`.

Set CASEBOOK_CHANNEL_REPORT=path to write the counts (tries and violations) as JSON.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from app.auth import policy
from app.auth.models import Role, User
from app.auth.policy import SYSTEM
from app.cases.models import CaseStatus
from app.extensions import db
from app.practices.models import EvidenceLink
from app.practices.operations import propose_practice
from app.programs.operations import create_session
from tests.conftest import PASSWORD, make_app, sign_in
from tests.support.builders import add_annotation, add_case, add_recommendation, build_world
from tests.support.database import empty_tables, in_fresh_transaction

ROLES = (
    "member",  # a provider in the private program
    "non_member",  # a provider in the open program only; presents nothing hidden
    "other_provider",  # the provider whose draft and case in review they are
    "expert",  # not the author of the draft recommendation
    "coordinator",
    "curriculum",
    "admin",
    "anonymous",
)
MISSING = 999_999
MISSING_SLUG = "no-such-program"

# Marker word -> (the object whose visibility decides who may read it, a probe word).
# Each probe sits beside its marker in the same text; searches ask for probes, never for
# markers, so that a page echoing the query back can't be mistaken for a leak.
MARKERS = {
    "pelquarine": ("case:secret", "orvitasse"),  # the private program's case
    "privadexol": ("recommendation:secret", "brontiquel"),  # its published recommendation
    "annoquillet": ("recommendation:secret", "wembrisko"),  # an annotation on it
    "quorvantine": ("program:private", None),  # the private program's name and description
    "sessimbrot": ("session:private", "gallivorn"),  # the private program's session
    "drabbleton": ("case:draft", "tessaplume"),  # another provider's draft
    "revumbrate": ("case:review", "hollistrad"),  # a case in review
    "scrivolent": ("recommendation:draft", "mirabundle"),  # an unpublished recommendation
    "notaphrix": ("case:secret", "quennitor"),  # evidence note on the private case
    "evidraftle": ("recommendation:draft", "sarpedine"),  # on the draft recommendation
    "evirevolt": ("case:review", "loxintary"),  # evidence note on the case in review
    "evisessal": ("session:private", "vantreblo"),  # evidence note on the private session
    "evicasdrup": ("case:draft", "cordwinkle"),  # evidence note on the draft case
    "evipublica": ("case:open", "plimsoval"),  # on an open case: everyone sees it (a control)
}
# Markers in titles, where "did you mean" takes its words from: each with a misspelling.
MISSPELLED = {
    "pelquarine": "pelquerine",
    "drabbleton": "drabbletan",
    "revumbrate": "revumbrete",
    "sessimbrot": "sessimbrat",
}


def words(marker: str) -> str:
    """A marker with its probe, as they are written into the world's texts."""
    probe = MARKERS[marker][1]
    return f"{marker} {probe}" if probe else marker


# Route parameters and the kind of object each names. Besides these: <kind>/<entity_id>
# (the audit trail, over AUDIT_KINDS), <number> (a session's, always with its program's
# <slug>), and the fixed <name>s of NAMED_ROUTES.
ID_PARAMETERS = {
    "case_id": "case",
    "recommendation_id": "recommendation",
    "practice_id": "practice",
    "session_id": "session",
    "slug": "program",
    "sign_in_id": "sign_in",  # an account's signed-in browser: its owner's alone
    "token_id": "token",  # an API token: its owner's alone
    "evidence_id": "evidence",  # a practice's evidence link: seen with what it cites
}
AUDIT_KINDS = ("case", "recommendation", "session")
CSV_TABLES = ("topics", "rising", "questions", "gaps", "coverage")
NAMED_ROUTES = {  # <name> is one of a fixed few, no id
    "curriculum.download": CSV_TABLES,
    "api.curriculum_list": CSV_TABLES,
}
# An invitation's page is public: the signed link is the credential (tests/auth/test_invitations).
EXEMPT_ENDPOINTS = {
    "static",
    "search.static",
    "auth.login",
    "auth.logout",
    "invitations.accept",
}

# Ids taken from query strings, forms and JSON bodies (the url_map can't show them):
# (endpoint, method, url, form or JSON body, kind of the id, how a hidden one must answer).
# "refuse": 404 or what a missing id gets; "same": what a missing id gets.
ID_CHANNELS = [
    ("search.similar_fragment", "GET", "/search/similar?case_id={id}", None, "case", "refuse"),
    ("teaching.add_form", "GET", "/teaching-sets/add?case={id}", None, "case", "refuse"),
    (
        "teaching.add_form",
        "GET",
        "/teaching-sets/add?recommendation={id}",
        None,
        "recommendation",
        "refuse",
    ),
    ("teaching.add_item", "POST", "/teaching-sets/add", {"case": "{id}"}, "case", "refuse"),
    (
        "teaching.from_group",
        "POST",
        "/teaching-sets/from-group",
        {"case_id": "{id}"},
        "case",
        "refuse",
    ),
    (
        "practices.new",
        "GET",
        "/practices/new?recommendation={id}",
        None,
        "recommendation",
        "refuse",
    ),
    ("api.list_cases", "GET", "/api/v1/cases?session={id}", None, "session", "same"),
    ("api.list_cases", "GET", "/api/v1/cases?program={id}", None, "program", "same"),
    ("curriculum.index", "GET", "/curriculum?program={id}", None, "program", "same"),
    ("curriculum.download", "GET", "/curriculum/topics.csv?program={id}", None, "program", "same"),
    ("api.curriculum_figures", "GET", "/api/v1/curriculum?program={id}", None, "program", "same"),
    ("search.search_page", "GET", "/search?program={id}", None, "program", "same"),
    ("api.api_search", "GET", "/api/v1/search?program={id}", None, "program", "same"),
    *[
        (
            "practices.cite",
            "POST",
            "/practices/cite",
            {"practice_id": "{practice}", key: "{id}"},
            kind,
            "refuse",
        )
        for key, kind in (
            ("recommendation", "recommendation"),
            ("case", "case"),
            ("session", "session"),
        )
    ],
    *[
        (
            "practices.add_evidence_view",
            "POST",
            "/practices/{practice}/evidence",
            {key: "{id}"},
            kind,
            "refuse",
        )
        for key, kind in (
            ("recommendation", "recommendation"),
            ("case", "case"),
            ("session", "session"),
        )
    ],
    *[
        (
            "api.add_practice_evidence",
            "POST",
            "/api/v1/practices/{practice}/evidence",
            {key: "{id}", "note": "Seen again."},
            kind,
            "refuse",
        )
        for key, kind in (
            ("recommendation_id", "recommendation"),
            ("case_id", "case"),
            ("session_id", "session"),
        )
    ],
    (
        "api.propose_practice_endpoint",
        "POST",
        "/api/v1/practices",
        {"title": "Check it", "statement": "Always.", "recommendations": [{"id": "{id}"}]},
        "recommendation",
        "refuse",
    ),
    (
        "api.schedule_case_endpoint",
        "POST",
        "/api/v1/sessions/{open_session}/cases",
        {"case_id": "{id}"},
        "case",
        "refuse",
    ),
    (
        "cases.schedule_case",
        "POST",
        "/cases/{approved}/schedule",
        {"session_id": "{id}"},
        "session",
        "refuse",
    ),
    (
        "programs.add_to_agenda",
        "POST",
        "/programs/hcv/sessions/{open_number}/agenda",
        {"case_id": "{id}"},
        "case",
        "refuse",
    ),
    (
        "api.create_outcome",
        "POST",
        "/api/v1/cases/{follow_up}/outcomes",
        {"recommendation_id": "{id}", "adoption": "adopted", "patient_status": "improved"},
        "recommendation",
        "refuse",
    ),
    (
        "api.create_case_endpoint",
        "POST",
        "/api/v1/cases",
        {"program": "{id}", "title": "A case"},
        "program",
        "refuse",
    ),
]

# JSON bodies for API writes, so that a request reaches the lookup of its object.
API_BODIES: dict[str, dict[str, Any]] = {
    "api.update_case_endpoint": {"question": "Anything else?"},
    "api.case_action": {"action": "approve"},
    "api.create_outcome": {
        "recommendation_id": "{open_rec}",
        "adoption": "adopted",
        "patient_status": "improved",
    },
    "api.create_recommendation": {"body": "Check the FIB-4.", "category": "diagnostic"},
    "api.update_recommendation": {"body": "Check the FIB-4 again."},
    "api.create_annotation": {"kind": "agree", "body": "Agreed."},
    "api.add_practice_evidence": {"case_id": "{open_case}", "note": "Seen again."},
    "api.practice_stance": {"stance": "endorse"},
    "api.change_practice_status": {"status": "emerging", "reason": "Seen twice."},
    "api.create_session_endpoint": {"date": "2026-03-03", "title": "Another session"},
    "api.update_session_endpoint": {"title": "Renamed session"},
    "api.schedule_case_endpoint": {"case_id": "{approved}"},
}
WEB_FORM = {
    "comment": "Please add the FIB-4.",
    "text": "**hi**",
    "stance": "endorse",
    "status": "emerging",
    "reason": "Seen in two sessions.",
    "body": "Agreed.",
    "kind": "agree",
    "category": "diagnostic",
    "adoption": "adopted",
    "patient_status": "improved",
}

WRITES = {"POST", "PATCH", "PUT", "DELETE"}


# ---------------------------------------------------------------- the world


@dataclass
class World:
    app: Any
    ids: dict[str, int]  # "case:secret" -> id (programs: "program:private" -> its id)
    slugs: dict[str, str]  # "program:private" -> slug
    session_numbers: dict[str, int]  # "program:private" -> number of a session in it
    visible: dict[str, dict[str, bool]]  # role -> target key -> may see it
    emails: dict[str, str]
    tokens: dict[str, str]
    evidence_visible: dict[str, int]  # role -> evidence links of the practice it may see
    practice_id: int
    extra: dict[str, int]  # other ids the requests need
    clients: dict[str, Any] = field(default_factory=dict)

    def hidden_markers(self, role: str) -> list[str]:
        return [m for m, (key, _) in MARKERS.items() if not self.visible[role][key]]


TRIES: Counter[str] = Counter()
VIOLATIONS: list[str] = []


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory,
    database_server: str | None,
    request: pytest.FixtureRequest,
) -> Iterator[World]:
    tmp = tmp_path_factory.mktemp("channels")
    if database_server is None:
        database_file = tmp / "casebook.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), database_file)
    url = database_server or f"sqlite:///{database_file}"
    app = make_app(url, tmp / "index")
    with app.app_context():
        built = _build(app)
        db.session.remove()
    for role in ROLES:
        client = app.test_client()
        if role != "anonymous":
            with app.app_context():
                user = db.session.scalar(db.select(User).where(User.email == built.emails[role]))
                sign_in(client, user)
                db.session.remove()
            client.get("/")  # shows (and so clears) the "signed in" message
        built.clients[role] = client
    yield built
    _report()
    with app.app_context():
        if database_server is not None:
            in_fresh_transaction(empty_tables)
        db.session.remove()
        db.engine.dispose()


def _make_user_factory():
    from app.auth.operations import create_user

    def factory(role: str = "provider", *, email: str | None = None, programs=()) -> User:
        role_value = Role(role)
        count = db.session.query(User).count()
        user = create_user(
            email or f"{role_value.value}{count}@example.org",
            f"{role_value.label} {count}",
            role_value,
            password=PASSWORD,
            program_slugs=programs,
            actor=SYSTEM,
        )
        db.session.commit()
        return user

    return factory


def _build(app: Any) -> World:
    from app.auth.operations import create_token

    make_user = _make_user_factory()
    w = build_world(make_user)
    hub2 = make_user("expert", email="hub2@example.org", programs=["hcv", "perinatal-sud"])
    coordinator = make_user("coordinator", email="coord@example.org", programs=["hcv"])
    curriculum = make_user("curriculum", email="curric@example.org")

    private = w.perinatal
    private.name = "Perinatal Substance Use ECHO quorvantine"
    private.description = "A closed program for perinatal teams (quorvantine)."
    w.closed_session.title = f"Buprenorphine in pregnancy, {words('sessimbrot')}"
    w.closed_session.notes = f"The hub reviewed {words('sessimbrot')} dosing."
    third = create_session(
        w.hcv,
        date(2025, 9, 9),
        title="Naloxone with every opioid",
        didactic_topic="Naloxone",
        actor=SYSTEM,
    )
    db.session.flush()

    # Hidden cases read like the open HCV case, so that "similar cases" would find them.
    secret = add_case(
        private,
        w.member,
        f"Pregnant woman with genotype 1a HCV and compensated cirrhosis, {words('pelquarine')}",
        status=CaseStatus.PRESENTED,
        question="Is a simplified 12-week sofosbuvir/velpatasvir course appropriate?",
        presentation=f"## History of present illness\n\nReactive antibody; {words('pelquarine')}.",
        session=w.closed_session,
    )
    secret_rec = add_recommendation(
        secret,
        hub2,
        "Co-prescribe naloxone nasal spray with every opioid prescription and train a "
        f"household member ({words('privadexol')}).",
    )
    add_annotation(secret_rec, hub2, f"Agreed; {words('annoquillet')}.")
    draft = w.draft
    draft.title = f"Unfinished draft: genotype 1a HCV, compensated cirrhosis, {words('drabbleton')}"
    draft.question = "Is a 12-week sofosbuvir/velpatasvir course appropriate?"
    review = add_case(
        w.hcv,
        w.other_provider,
        f"Submitted: genotype 1a HCV with compensated cirrhosis, {words('revumbrate')}",
        status=CaseStatus.SUBMITTED,
        question="Is sofosbuvir/velpatasvir for 12 weeks appropriate?",
    )
    draft_rec = add_recommendation(
        w.case,
        hub2,
        "Co-prescribe naloxone nasal spray with every opioid prescription "
        f"({words('scrivolent')}).",
        published=False,
    )
    # Published advice repeated across three open sessions: a candidate practice group.
    add_recommendation(
        w.case,
        w.expert,
        "Co-prescribe naloxone nasal spray with every opioid prescription and train a "
        "household member.",
    )
    add_recommendation(
        w.follow_up,
        w.expert,
        "Co-prescribe naloxone nasal spray with each opioid prescription and train a "
        "household member to use it.",
    )
    third_case = add_case(
        w.hcv,
        w.provider,
        "Man on long-term opioids with sleep apnea",
        status=CaseStatus.PRESENTED,
        session=third,
    )
    add_recommendation(
        third_case,
        w.expert,
        "Co-prescribe naloxone nasal spray with the opioid prescription and train a "
        "household member.",
    )
    db.session.commit()

    practice = propose_practice(
        "Co-prescribe naloxone",
        "Offer naloxone with every opioid.",
        author=w.expert,
        actor=w.expert,
    )
    links: list[EvidenceLink] = []
    for target, note in (
        ({"case": secret}, f"Expect a third-trimester increase ({words('notaphrix')})."),
        ({"recommendation": draft_rec}, f"Not yet published: {words('evidraftle')}."),
        ({"case": review}, f"Still in review: {words('evirevolt')}."),
        ({"session": w.closed_session}, f"At the closed session: {words('evisessal')}."),
        ({"case": draft}, f"A draft: {words('evicasdrup')}."),
        ({"case": w.case}, f"The open case: {words('evipublica')}."),
    ):
        links.append(EvidenceLink(practice=practice, note=note, **target))
        db.session.add(links[-1])
    db.session.commit()

    people = {
        "member": w.member,
        "non_member": w.provider,
        "other_provider": w.other_provider,
        "expert": w.expert,
        "coordinator": coordinator,
        "curriculum": curriculum,
        "admin": w.admin,
    }
    objects = {
        "case:open": w.case,
        "case:secret": secret,
        "case:draft": draft,
        "case:review": review,
        "recommendation:open": w.rec,
        "recommendation:secret": secret_rec,
        "recommendation:draft": draft_rec,
        "session:open": w.second,
        "session:private": w.closed_session,
        "practice:open": practice,
        "evidence:secret": links[0],
        "evidence:open": links[-1],
        "program:open": w.hcv,
        "program:private": private,
    }
    from app.auth.models import ApiToken
    from app.auth.operations import start_session

    for role, user in people.items():
        create_token(user, f"{role} script", actor=SYSTEM)
        objects[f"token:{role}"] = db.session.scalars(
            sa.select(ApiToken).where(ApiToken.user_id == user.id)
        ).first()
        objects[f"sign_in:{role}"] = start_session(user, remember=False, device="Test browser")
    db.session.commit()

    def may_see(user: Any, key: str) -> bool:
        obj = objects[key]
        kind = key.split(":")[0]
        if user is None:
            return False
        if kind == "case":
            return policy.can_view_case(user, obj)
        if kind == "recommendation":
            return policy.can_view_recommendation(user, obj)
        if kind == "session":
            return policy.can_view_program(user, obj.program)
        if kind == "program":
            return policy.can_view_program(user, obj)
        if kind in ("token", "sign_in"):
            return policy.can_manage_credentials(user, obj.user)
        if kind == "evidence":
            return obj in visible_evidence(user, obj.practice)
        return True  # best practices are open to everyone signed in

    from app.practices.queries import visible_evidence

    visible = {}
    evidence_visible = {}
    for role in ROLES:
        user = people.get(role)
        visible[role] = {key: may_see(user, key) for key in objects}
        evidence_visible[role] = len(visible_evidence(user, practice)) if user else 0
    tokens = {role: create_token(user, actor=SYSTEM) for role, user in people.items()}
    db.session.commit()
    ids = {key: obj.id for key, obj in objects.items()}
    return World(
        app=app,
        ids=ids,
        slugs={"program:open": w.hcv.slug, "program:private": private.slug},
        session_numbers={"program:open": w.second.number, "program:private": 1},
        visible=visible,
        emails={role: user.email for role, user in people.items()},
        tokens=tokens,
        evidence_visible=evidence_visible,
        practice_id=practice.id,
        extra={
            "approved": w.elderly.id,
            "follow_up": w.follow_up.id,
            "open_session": w.second.id,
            "open_number": w.second.number,
            "open_case": w.case.id,
            "open_rec": w.rec.id,
            "practice": practice.id,
        },
    )


def _report() -> None:
    path = os.environ.get("CASEBOOK_CHANNEL_REPORT")
    if path:
        Path(path).write_text(
            json.dumps({"tries": dict(TRIES), "violations": VIOLATIONS}, indent=1),
            encoding="utf-8",
        )


# ---------------------------------------------------------------- requests


@dataclass
class Answer:
    status: int
    body: str
    location: str
    data: Any = None

    @property
    def signed_out(self) -> bool:
        return self.status == 401 or (self.status in (302, 303) and "/sign-in" in self.location)


def _fill(value: Any, w: World, ident: Any) -> Any:
    """Put ids into a body template: "{id}" is the object tried, "{name}" w.extra's."""
    if isinstance(value, dict):
        return {k: _fill(v, w, ident) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, w, ident) for v in value]
    if isinstance(value, str) and value.startswith("{") and value.endswith("}"):
        name = value[1:-1]
        return ident if name == "id" else w.extra[name]
    return value


def _call(w: World, role: str, method: str, url: str, body: Any = None) -> Answer:
    client = w.clients[role]
    kwargs: dict[str, Any] = {}
    if url.startswith("/api/"):
        if role != "anonymous":
            kwargs["headers"] = {"Authorization": f"Bearer {w.tokens[role]}"}
        if method in WRITES:
            kwargs["json"] = body if body is not None else {}
    elif method in WRITES:
        kwargs["data"] = body if body is not None else WEB_FORM
    response = client.open(url, method=method, **kwargs)
    answer = Answer(
        response.status_code,
        response.get_data(as_text=True),
        response.headers.get("Location", ""),
    )
    if response.is_json:
        answer.data = response.get_json(silent=True)
    return answer


def _leaks(w: World, role: str, body: str) -> list[str]:
    lowered = body.lower()
    return [m for m in w.hidden_markers(role) if m in lowered]


def _check_body(w: World, role: str, where: str, answer: Answer, found: list[str]) -> None:
    leaked = _leaks(w, role, answer.body)
    if leaked:
        found.append(f"{role}: {where} ({answer.status}) shows {', '.join(leaked)}")


def _check_refused(
    role: str, where: str, answer: Answer, missing: Answer, mode: str, found: list[str]
) -> None:
    """A hidden object answers like a missing one: 404, or the refusal a missing id gets."""
    if answer.status == missing.status and _said(answer) != _said(missing):
        found.append(
            f"{role}: {where} says {_said(answer)!r} for a hidden object, "
            f"{_said(missing)!r} for a missing one"
        )
        return
    if mode == "refuse" and answer.status == 404:
        return
    same = answer.status == missing.status and answer.signed_out == missing.signed_out
    if same and (mode == "same" or answer.status in (401, 403, 404, 422) or answer.signed_out):
        return
    found.append(
        f"{role}: {where} answers {answer.status} for a hidden object "
        f"(a missing one: {missing.status})"
    )


def _said(answer: Answer) -> str:
    """What a refusal says, ids and slugs aside (a hidden id must read as a missing one)."""
    if isinstance(answer.data, dict):
        text_said = f"{answer.data.get('error')}: {answer.data.get('message')}"
    else:
        # The page's own text, without flashed messages left over from an earlier request.
        found = re.search(r"<main[^>]*>(.*?)</main>", answer.body, re.S)
        main = found.group(1) if found else ""
        main = re.sub(r'<div class="flashes".*?</div>', "", main, flags=re.S)
        text_said = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))
    text_said = text_said.replace(MISSING_SLUG, "#").replace("perinatal-sud", "#")
    return re.sub(r"\d+", "#", text_said).strip()


def _finish(found: list[str], family: str) -> None:
    VIOLATIONS.extend(f"[{family}] {v}" for v in found)
    assert not found, f"{len(found)} violations:\n" + "\n".join(found)


# ---------------------------------------------------------------- the routes


def _targets(w: World, kind: str) -> list[tuple[str, Any]]:
    """(target key, the value for the URL) of each object of a kind, and a missing one."""
    keys = [k for k in w.ids if k.startswith(kind + ":")]
    if kind == "program":
        return [(k, w.slugs[k]) for k in keys] + [(f"{kind}:missing", MISSING_SLUG)]
    return [(k, w.ids[k]) for k in keys] + [(f"{kind}:missing", MISSING)]


def _open_value(w: World, kind: str) -> tuple[str, Any]:
    key = f"{kind}:open"
    return key, (w.slugs[key] if kind == "program" else w.ids[key])


def unmapped_arguments(rule) -> set[str]:
    """The parameters of a rule that `combinations` would not know how to fill."""
    args = set(rule.arguments)
    if args == {"kind", "entity_id"}:
        return set()
    if args == {"name"} and rule.endpoint in NAMED_ROUTES:
        return set()
    known = set(ID_PARAMETERS) | ({"number"} if "slug" in args else set())
    return args - known


# The admin console's ids (accounts, topics, an account's tokens) are reached by admins alone
# (proposed topics: coordinators too), who see every one of them; tests/admin/test_console.py
# checks every other role is refused before an id is looked at.
ADMIN_ONLY_IDS = {"user_id", "topic_id", "account_token_id", "invitation_id"}
# A subscription is its owner's alone: anyone else's id answers 404 like a missing one
# (tests/test_web_permissions.py and tests/subscriptions check web and API).
OWNER_ONLY_IDS = {"subscription_id", "search_id"}
# A teaching set is its owner's and, once shared, its program's members' (tests/teaching and
# tests/test_web_permissions.py); what it holds is narrowed item by item for each reader, and
# tests/teaching checks that a private program's case in a shared set never shows.
OWNER_ONLY_IDS |= {"set_id", "item_id"}
# Taking a member off a program's staff: <user_id> names a member of the program <slug>,
# and those who may do it (its coordinators, admins) see its staff list whole; the tests in
# tests/admin/test_staff.py and tests/admin/test_api_changes.py check that everyone else
# is refused and that a private program's slug is not confirmed.
STAFF_MEMBER_ENDPOINTS = {"admin.remove_program_staff", "api.program_staff_remove"}


def id_rules(app) -> list[Any]:
    return [
        rule
        for rule in app.url_map.iter_rules()
        if rule.arguments
        and rule.endpoint not in EXEMPT_ENDPOINTS
        and rule.endpoint not in STAFF_MEMBER_ENDPOINTS
        and not (
            rule.endpoint.startswith(("admin.", "api.admin_", "invitations."))
            and rule.arguments & ADMIN_ONLY_IDS
        )
        and not rule.arguments & OWNER_ONLY_IDS
    ]


def combinations(w: World, rule) -> list[tuple[dict[str, Any], list[str], dict[str, Any]]]:
    """(URL values, target keys, the same values with the varied object missing) to try on
    a rule: each id parameter over its objects with the others on an open object."""
    args = set(rule.arguments)
    out: list[tuple[dict[str, Any], list[str], dict[str, Any]]] = []
    if "kind" in args:  # the audit trail: /audit/<kind>/<entity_id>
        for kind in AUDIT_KINDS:
            for key, value in _targets(w, kind):
                missing = {"kind": kind, "entity_id": MISSING}
                out.append(({"kind": kind, "entity_id": value}, [key], missing))
        return out
    if "name" in args:  # e.g. curriculum tables: fixed names, no object
        return [({"name": name}, [], {"name": name}) for name in NAMED_ROUTES[rule.endpoint]]
    ids = [a for a in rule.arguments if a in ID_PARAMETERS]
    seen = set()
    for varied in ids:
        kind = ID_PARAMETERS[varied]
        for key, value in _targets(w, kind):
            values: dict[str, Any] = {}
            keys: list[str] = []
            missing: dict[str, Any] = {}
            for arg in ids:
                if arg == varied:
                    arg_key, arg_value = key, value
                    missing[arg] = MISSING_SLUG if kind == "program" else MISSING
                else:
                    arg_key, arg_value = _open_value(w, ID_PARAMETERS[arg])
                    missing[arg] = arg_value
                values[arg] = arg_value
                keys.append(arg_key)
                if arg == "slug" and "number" in args:
                    values["number"] = w.session_numbers.get(arg_key, 1)
                    missing["number"] = 1 if arg == varied else values["number"]
            marker = tuple(sorted(values.items()))
            if marker not in seen:
                seen.add(marker)
                out.append((values, keys, missing))
    return out


def _state(w: World, role: str, keys: list[str]) -> str:
    if any(k.endswith(":missing") for k in keys):
        return "missing"
    if any(not w.visible[role][k] for k in keys):
        return "hidden"
    return "visible"


def test_every_route_with_an_id_is_mapped(world: World) -> None:
    """A new route with an id parameter must say here what its parameter names."""
    for rule in id_rules(world.app):
        assert not unmapped_arguments(rule), (
            f"{rule.rule} ({rule.endpoint}) has parameters {sorted(unmapped_arguments(rule))} "
            "that tests/security/test_channels.py does not map to an object"
        )
    endpoints = {rule.endpoint for rule in world.app.url_map.iter_rules()}
    for endpoint, *_ in ID_CHANNELS:
        assert endpoint in endpoints, f"ID_CHANNELS names {endpoint}, which is gone"


@pytest.mark.parametrize("role", ROLES)
def test_routes_with_ids_hide_what_the_policy_hides(world: World, role: str) -> None:
    found: list[str] = []
    adapter = world.app.url_map.bind("localhost")
    for rule in id_rules(world.app):
        if unmapped_arguments(rule):
            continue  # reported by test_every_route_with_an_id_is_mapped
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            body = _fill(API_BODIES.get(rule.endpoint), world, None)
            missing_answers: dict[str, Answer] = {}
            for values, keys, missing in combinations(world, rule):
                state = _state(world, role, keys)
                if method in WRITES and state != "hidden":
                    continue  # writes are tried only where they must be refused
                url = adapter.build(rule.endpoint, values)
                answer = _call(world, role, method, url, body)
                TRIES["routes"] += 1
                where = f"{method} {url}"
                if state == "hidden":
                    missing_url = adapter.build(rule.endpoint, missing)
                    if missing_url not in missing_answers:
                        missing_answers[missing_url] = _call(world, role, method, missing_url, body)
                        TRIES["routes"] += 1
                    refused = missing_answers[missing_url]
                    _check_refused(role, where, answer, refused, "refuse", found)
                _check_body(world, role, where, answer, found)
    for _endpoint, method, template, payload, kind, mode in ID_CHANNELS:
        refused: Answer | None = None
        for key, value in sorted(_targets(world, kind), key=lambda t: not t[0].endswith("missing")):
            state = _state(world, role, [key])
            if method in WRITES and state == "visible":
                continue
            url = template.format(id=value, **world.extra)
            answer = _call(world, role, method, url, _fill(payload, world, value))
            TRIES["id channels"] += 1
            where = f"{method} {url} {json.dumps(_fill(payload, world, value)) if payload else ''}"
            if state == "missing":
                refused = answer
            elif state == "hidden":
                assert refused is not None
                _check_refused(role, where, answer, refused, mode, found)
            _check_body(world, role, where, answer, found)
    _finish(found, f"routes with ids, {role}")


@pytest.mark.parametrize("role", ROLES)
def test_pages_without_ids_show_nothing_hidden(world: World, role: str) -> None:
    found: list[str] = []
    for rule in world.app.url_map.iter_rules():
        if rule.arguments or rule.endpoint in EXEMPT_ENDPOINTS or "GET" not in rule.methods:
            continue
        answer = _call(world, role, "GET", rule.rule)
        TRIES["pages"] += 1
        _check_body(world, role, f"GET {rule.rule}", answer, found)
    _finish(found, f"pages, {role}")


# ---------------------------------------------------------------- search and its kin


def _searches() -> list[tuple[str, str | None]]:
    """(query string, the marker it aims at) for the search channels."""
    out: list[tuple[str, str | None]] = []
    for marker, (_key, probe) in MARKERS.items():
        if probe:
            out.append((f"q={probe}", marker))
    for typo in MISSPELLED.values():
        out.append((f"q={typo}", None))
        out.append((f"q=hepatitis+{typo}", None))
    probes = [probe for _key, probe in MARKERS.values() if probe]
    out.append(("q=" + "+OR+".join(probes), None))
    out.append(("q=third-trimester+increase", None))
    out.append(("year_from=1900&per_page=100", None))
    out.append(("q=genotype+cirrhosis&per_page=100", None))
    out.append(("type=case,recommendation,annotation,practice,session,evidence&per_page=100", None))
    return out


@pytest.mark.parametrize("role", ROLES)
def test_search_channels_show_nothing_hidden(world: World, role: str) -> None:
    found: list[str] = []
    hidden = set(world.hidden_markers(role))
    for query, aimed_at in _searches():
        for url in (f"/search?{query}", f"/api/v1/search?{query}"):
            answer = _call(world, role, "GET", url)
            TRIES["search"] += 1
            _check_body(world, role, f"GET {url}", answer, found)
            data = answer.data if url.startswith("/api/") else None
            if aimed_at in hidden and isinstance(data, dict) and data.get("total"):
                found.append(f"{role}: GET {url} counts {data['total']} hidden documents")
            if aimed_at in hidden and isinstance(data, dict):
                counted = sum(f["count"] for f in data.get("facets", {}).get("type", []))
                if counted:
                    found.append(f"{role}: GET {url} facets count {counted} hidden documents")
    # Similar cases to each case, both ways in.
    for _key, value in _targets(world, "case"):
        for url in (f"/search/similar?case_id={value}", f"/api/v1/cases/{value}/similar"):
            answer = _call(world, role, "GET", url)
            TRIES["similar"] += 1
            _check_body(world, role, f"GET {url}", answer, found)
    _finish(found, f"search, {role}")


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anonymous"])
def test_command_line_channels_show_nothing_hidden(world: World, role: str, tmp_path) -> None:
    found: list[str] = []
    runner = world.app.test_cli_runner()
    email = world.emails[role]
    out = tmp_path / "export.jsonl"
    probes = " OR ".join(probe for _key, probe in MARKERS.values() if probe)
    commands = {
        "export": ["export", "--as", email, "--format", "jsonl", str(out)],
        "search": ["search", "--as", email, "--json", "--limit", "100", probes],
        # Admins only; everything in it is theirs to read.
        "export --hub": ["export", "--hub", "--as", email, str(tmp_path / "hub")],
    }
    for name, args in commands.items():
        with world.app.app_context():
            result = runner.invoke(args=args)
            db.session.remove()
        TRIES["cli"] += 1
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        printed = result.output
        if name == "export" and out.exists():
            printed += out.read_text(encoding="utf-8")
        if name == "export --hub" and (tmp_path / "hub").exists():
            printed += "".join(f.read_text("utf-8") for f in sorted((tmp_path / "hub").iterdir()))
        leaked = _leaks(world, role, printed)
        if leaked:
            found.append(f"{role}: casebook {name} --as shows {', '.join(leaked)}")
    _finish(found, f"cli, {role}")


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anonymous"])
def test_evidence_counts_count_what_the_reader_may_see(world: World, role: str) -> None:
    found: list[str] = []
    expected = world.evidence_visible[role]
    page = _call(world, role, "GET", "/practices")
    TRIES["counts"] += 1
    shown = re.findall(r"(\d+) evidence link", page.body)
    if shown != [str(expected)]:
        found.append(f"{role}: /practices shows {shown} evidence links, may see {expected}")
    api = _call(world, role, "GET", f"/api/v1/practices/{world.practice_id}")
    TRIES["counts"] += 1
    if len(api.data["evidence"]) != expected:
        found.append(f"{role}: the API lists {len(api.data['evidence'])} evidence links")
    _finish(found, f"counts, {role}")
