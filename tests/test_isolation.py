"""Each test starts from an empty database whatever the test before it wrote: on SQLite a
copy of the empty schema, on PostgreSQL one database per test process emptied after each
test (tests/support/database.py). The tests of this file run in order in one process:
the first writes, the ones after it check that nothing of it is left."""

from __future__ import annotations

import sqlalchemy as sa

from app.audit.models import AuditEvent
from app.auth.models import User
from app.extensions import db
from tests.support.snapshot import _tables_with_rows


def test_a_test_writes_rows_audit_events_included(app, make_user) -> None:
    make_user("provider")
    make_user("expert")
    assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == 2
    assert db.session.scalar(sa.select(sa.func.count()).select_from(AuditEvent)) > 0


def test_the_next_test_finds_every_table_empty_and_ids_restarted(app, make_user) -> None:
    assert _tables_with_rows() == []
    user = make_user("provider")
    assert user.id == 1


def test_a_world_restored_after_a_test_that_wrote_holds_only_the_world(
    app, worlds, make_user
) -> None:
    world = worlds("isolation", lambda: [make_user("admin", email="isolation@example.org")])
    assert db.session.scalars(sa.select(User.email)).all() == ["isolation@example.org"]
    assert world[0].id == 1
    make_user("provider")  # left for the next test to not find


def test_the_same_world_again_holds_only_the_world(app, worlds, make_user) -> None:
    world = worlds("isolation", lambda: [make_user("admin", email="isolation@example.org")])
    assert db.session.scalars(sa.select(User.email)).all() == ["isolation@example.org"]
    # The ids go on from the world's, as they did when it was built.
    assert make_user("provider").id == world[0].id + 1


def test_a_world_shared_by_the_run_is_built_once(tmp_path_factory) -> None:
    from tests.support.shared import built_once

    builds: list[str] = []

    def build(folder):
        builds.append(folder.name)
        (folder / "world.txt").write_text("built", encoding="utf-8")
        return {"ids": [1, 2]}

    first = built_once(tmp_path_factory, "isolation-probe", build)
    again = built_once(tmp_path_factory, "isolation-probe", build)
    assert builds == ["isolation-probe"]
    assert first == again and first[1] == {"ids": [1, 2]}
    assert (again[0] / "world.txt").read_text(encoding="utf-8") == "built"
