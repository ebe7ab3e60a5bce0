"""Every admin console route refuses the roles it is not for, before it looks at an id, and
answers a missing id the same way as an existing one for them."""

from __future__ import annotations

import pytest

from app.auth.policy import ROLE_PERMISSIONS, SYSTEM, Permission
from app.extensions import db
from app.programs.operations import create_program, create_topic
from tests.cases.test_views import as_user

# Routes open to holders of ACCEPT_TOPICS (coordinators); the rest are for admins only.
TOPIC_REVIEW = {"admin.home", "admin.topics", "admin.topic", "admin.topic_status", "admin.audit"}
# The case-form editor: coordinators may look at their programs' (tests/admin/test_templates.py).
TOPIC_REVIEW |= {"admin.program_template"}
# A program's staff page: its coordinators manage it (tests/admin/test_staff.py).
TOPIC_REVIEW |= {"admin.program_staff_page", "admin.remove_program_staff"}


@pytest.fixture
def people(app, make_user):
    create_program("hcv", "Hepatitis C ECHO", actor=SYSTEM)
    create_topic("Hepatitis C", actor=SYSTEM)
    db.session.commit()
    return {
        role: make_user(role, programs=["hcv"])
        for role in ("provider", "expert", "coordinator", "curriculum")
    }


def _urls(app, values):
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("admin.") or rule.endpoint == "admin.static":
            continue
        method = "GET" if "GET" in rule.methods else "POST"
        args = {name: values[name] for name in rule.arguments}
        yield rule.endpoint, method, app.url_map.bind("localhost").build(rule.endpoint, args)


@pytest.mark.parametrize("role", ["provider", "expert", "coordinator", "curriculum"])
def test_admin_routes_refuse_other_roles_whatever_the_id(app, client, people, role):
    as_user(client, people[role])
    may_review = Permission.ACCEPT_TOPICS in ROLE_PERMISSIONS[people[role].role]
    existing = {
        "user_id": people["provider"].id,
        "topic_id": 1,
        "account_token_id": 1,
        "slug": "hcv",
    }
    missing = {"user_id": 999_999, "topic_id": 999_999, "account_token_id": 999_999, "slug": "nope"}
    for (endpoint, method, url), (_, _, missing_url) in zip(
        _urls(app, existing), _urls(app, missing), strict=True
    ):
        if may_review and endpoint in TOPIC_REVIEW:
            continue
        answer = client.open(url, method=method)
        assert answer.status_code == 403, (role, url, answer.status_code)
        assert client.open(missing_url, method=method).status_code == 403, (role, missing_url)
