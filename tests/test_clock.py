"""One notion of "today" in the application: `app.common.today()`, the UTC date.

The server's local date (`date.today()`) differs from the UTC date for hours every day
(all of them, in a zone twelve hours off), and pages that read both disagreed then: a
session held today was "scheduled" in search while the calendar called it held, and a run
of the suite across local midnight could fail."""

from __future__ import annotations

import ast
import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app import common
from app.auth.policy import SYSTEM
from app.extensions import db
from tests.conftest import page_as

APP = Path(__file__).resolve().parent.parent / "app"
# The helpers themselves; migrations are history, run once and never changed.
ALLOWED = {APP / "common.py"}
SKIPPED = APP / "migrations"

# Clock readings that name a day or an instant: each is `app.common`'s alone.
CLOCK_METHODS = {"today", "now", "utcnow", "utcfromtimestamp", "localtime", "gmtime"}
CALL_SHAPE = re.compile(
    r"\.\s*(?:" + "|".join(CLOCK_METHODS) + r")\s*\(|utcnow\s*\(\s*\)\s*\.\s*date\b"
)


def clock_readings(source: str, name: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source, name)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        func = node.func
        through_helper = isinstance(func.value, ast.Name) and func.value.id == "common"
        if func.attr in CLOCK_METHODS and not through_helper:
            found.append(f"{name}:{node.lineno} .{func.attr}()")
        # utcnow().date(): a day read beside the helper instead of through it
        elif (
            func.attr == "date"
            and isinstance(func.value, ast.Call)
            and isinstance(func.value.func, ast.Name)
            and func.value.func.id == "utcnow"
        ):
            found.append(f"{name}:{node.lineno} utcnow().date()")
    return found


def test_the_clock_is_read_in_app_common_only() -> None:
    readings = []
    for path in sorted(APP.rglob("*.py")):
        if path in ALLOWED or SKIPPED in path.parents:
            continue
        source = path.read_text(encoding="utf-8")
        # Only a module with a call of that shape is parsed (the detector's module alone,
        # which names "today" in its patterns, is most of the app's source).
        if CALL_SHAPE.search(source):
            readings += clock_readings(source, str(path.relative_to(APP.parent)))
    assert readings == []


def test_the_structural_check_finds_each_kind_of_reading() -> None:
    source = (
        "day = date.today()\n"
        "now = datetime.now(UTC)\n"
        "old = datetime.utcnow()\n"
        "local = time.localtime()\n"
        "also = utcnow().date()\n"
        "fine = today()\n"
        "also_fine = common.today()\n"
        "stamp = utcnow()\n"
        "of_a_row = row.created_at.date()\n"
    )
    assert clock_readings(source, "sample.py") == [
        "sample.py:1 .today()",
        "sample.py:2 .now()",
        "sample.py:3 .utcnow()",
        "sample.py:4 .localtime()",
        "sample.py:5 utcnow().date()",
    ]


# A fixed instant of the app's clock, long before the real one: any page still reading the
# real date (local or UTC) puts these sessions in the past.
NOW = datetime(2020, 3, 10, 1, 30)
DAY = NOW.date()


@pytest.fixture
def fixed_day(app, make_user, monkeypatch):
    from app.programs.operations import create_program, create_session

    program = create_program("clock", "Clock ECHO", actor=SYSTEM)
    sessions = {
        name: create_session(
            program, DAY + timedelta(days=offset), title=f"The {name} session", actor=SYSTEM
        )
        for name, offset in (("yesterday", -1), ("today", 0), ("tomorrow", 1))
    }
    db.session.commit()
    coordinator = make_user("coordinator", programs=["clock"])
    monkeypatch.setattr(common, "utcnow", lambda: NOW)
    return program, sessions, coordinator


def test_pages_search_and_scopes_share_the_app_s_today(app, make_user, fixed_day) -> None:
    from app.curriculum.operations import make_scope
    from app.desk.operations import session_desk
    from app.programs import calendar
    from app.search.documents import session_document

    program, sessions, coordinator = fixed_day
    assert common.today() == DAY

    upcoming = page_as(app, coordinator, "/sessions/upcoming").get_data(as_text=True)
    assert "The today session" in upcoming and "The tomorrow session" in upcoming
    assert "The yesterday session" not in upcoming
    assert upcoming.count('badge-scheduled">Today<') == 1

    listing = page_as(app, coordinator, f"/programs/{program.slug}").get_data(as_text=True)
    assert listing.count('badge-scheduled">Upcoming<') == 1  # tomorrow's only

    for name, upcoming_badge in (("today", False), ("tomorrow", True)):
        url = f"/programs/{program.slug}/sessions/{sessions[name].number}"
        page = page_as(app, coordinator, url).get_data(as_text=True)
        assert ('badge-scheduled">Upcoming<' in page) is upcoming_badge, name

    desk = session_desk(program, actor=coordinator)
    assert desk.today == DAY
    desk_page = page_as(app, coordinator, f"/programs/{program.slug}/desk").get_data(as_text=True)
    assert desk_page.count('badge-scheduled">Today<') == 1

    statuses = {name: session_document(s)["status"] for name, s in sessions.items()}
    assert statuses == {"yesterday": "held", "today": "held", "tomorrow": "scheduled"}

    assert make_scope(make_user("curriculum")).end == DAY
    assert not calendar.session_over(sessions["yesterday"])  # a day's grace
    assert calendar.presentable(sessions["tomorrow"])
    assert not calendar.session_over(sessions["today"])
