"""A backup killed with SIGKILL at any point leaves no folder under the backup's name, and
what it leaves is never taken for a backup."""

from __future__ import annotations

import contextlib
import os
import signal

import pytest

from app.backup.operations import DATABASE_FILES, BackupError, backup, read_manifest, restore
from app.extensions import db
from tests.backup.support import canonical_dump, empty_instance
from tests.support import children
from tests.support.builders import build_world


@pytest.mark.parametrize("point", ["copying", "manifest", "rename"])
def test_a_backup_killed_part_way_is_never_taken_for_one(app, make_user, tmp_path, point):
    build_world(make_user)
    out = tmp_path / "nightly"
    killed = children.run(
        "tests.backup.worker",
        app.config["SQLALCHEMY_DATABASE_URI"],
        app.config["CASEBOOK_INDEX_DIR"],
        str(out),
        point,
        timeout=180,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    for pid in killed.stdout.split():  # a pg_dump the worker left running
        with contextlib.suppress(ProcessLookupError):
            os.kill(int(pid), signal.SIGKILL)

    assert not out.exists()
    [partial] = [p for p in tmp_path.iterdir() if p.name.startswith(".nightly.partial-")]
    assert (partial / DATABASE_FILES[db.engine.dialect.name]).exists()  # killed after writing
    if point == "rename":
        read_manifest(partial)  # complete, only not yet renamed: never under OUT's name
    else:
        with pytest.raises(BackupError, match="not a finished backup"):
            read_manifest(partial)
        with pytest.raises(BackupError, match="not a finished backup"):
            restore(partial)

    # The next run is unaffected by what the killed one left.
    before = canonical_dump()
    backup(out)
    with empty_instance(app, tmp_path):
        assert restore(out).problems == []
        assert canonical_dump() == before
