"""A teaching set's pages run as many SQL statements for a set of two items as for one of
ten (cases from two programs, one private, recommendations and drafts among them): the
items, their cases and recommendations are loaded in a fixed number of queries. Counts,
never timings."""

from __future__ import annotations

import pytest
from flask import g
from sqlalchemy import event

from app.auth.operations import create_token
from app.auth.policy import SYSTEM
from app.extensions import db
from app.teaching import operations as ops
from tests.conftest import sign_in
from tests.support.builders import add_case, add_recommendation, build_world


def _add_items(w, teaching_set, n: int) -> None:
    for i in range(n):
        program = w.perinatal if i % 3 == 2 else w.hcv
        case = add_case(program, w.provider, f"Teaching case {teaching_set.id}-{i}")
        rec = add_recommendation(case, w.expert, f"Advice {i}.")
        add_recommendation(case, w.expert, f"Draft {i}.", published=False)
        ops.add_item(w.admin, teaching_set, case=case, note=f"Note {i}.")
        ops.add_item(w.admin, teaching_set, recommendation=rec)
    db.session.commit()


def _statements(app, client, urls: dict[str, tuple[str, dict[str, str]]]) -> dict[str, int]:
    seen = [0]

    def count(*_):
        seen[0] += 1

    def get(url, headers):
        db.session.remove()
        g.pop("_login_user", None)
        return client.get(url, headers=headers).status_code

    counts = {}
    event.listen(db.engine, "before_cursor_execute", count)
    try:
        for name, (url, headers) in urls.items():
            assert get(url, headers) == 200, name
            seen[0] = 0
            assert get(url, headers) == 200, name
            counts[name] = seen[0]
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return counts


@pytest.mark.parametrize("role", ["admin", "provider"])
def test_set_pages_do_not_grow_with_the_set(app, client, make_user, role):
    w = build_world(make_user)
    small = ops.create_set(w.admin, "Small set")
    large = ops.create_set(w.admin, "Large set")
    ops.share_set(w.admin, small, w.hcv)
    ops.share_set(w.admin, large, w.hcv)
    _add_items(w, small, 1)
    _add_items(w, large, 5)
    user = getattr(w, role)
    small_id, large_id, user_id = small.id, large.id, user.id
    sign_in(client, user)
    bearer = {"Authorization": f"Bearer {create_token(user, actor=SYSTEM)}"}
    db.session.commit()

    def pages(set_id: int) -> dict[str, tuple[str, dict[str, str]]]:
        return {
            "set": (f"/teaching-sets/{set_id}", {}),
            "handout": (f"/teaching-sets/{set_id}/handout", {}),
            "markdown": (f"/teaching-sets/{set_id}/export.md", {}),
            "api set": (f"/api/v1/teaching-sets/{set_id}", bearer),
            "api export": (f"/api/v1/teaching-sets/{set_id}/export", bearer),
        }

    small_counts = _statements(app, client, pages(small_id))
    large_counts = _statements(app, client, pages(large_id))
    assert large_counts == small_counts
    # The provider does not see the private program's items: fewer shown, same statements.
    from app.auth.models import User

    reader = db.session.get(User, user_id)
    shown = len(ops.set_contents(reader, ops.get_set(reader, large_id)).items)
    assert shown == (10 if role == "admin" else 8)
