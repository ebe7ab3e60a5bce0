"""Probing SQLite's write lock from outside the app, as another process would."""

from __future__ import annotations

import sqlite3


def another_writer_can_lock(database: str) -> bool:
    """Whether a second connection gets the write lock at once (no waiting)."""
    other = sqlite3.connect(database, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:  # "database is locked"
        return False
    finally:
        other.close()
