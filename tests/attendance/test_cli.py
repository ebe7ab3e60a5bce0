"""`casebook attendance import|export` follow the same rules as the web."""

from __future__ import annotations

import csv

from app.auth.policy import SYSTEM
from app.csvfile import FORMULA_STARTS
from tests.attendance.test_attendance import ZOOM, world  # noqa: F401 - fixture


def run(app, *args):
    return app.test_cli_runner().invoke(args=list(args))


def test_operator_imports_a_file_and_exports_the_credit(app, world, tmp_path):  # noqa: F811
    source = tmp_path / "zoom.csv"
    source.write_text(ZOOM)
    result = run(app, "attendance", "import", "hcv", "2", str(source))
    assert result.exit_code == 0, result.output
    assert "Imported 2 participants into session 2." in result.output
    assert "line 8: guest@elsewhere.org: not a member of Hepatitis C ECHO (left out)" in (
        result.output
    )
    out = tmp_path / "credit.csv"
    result = run(app, "attendance", "export", "hcv", str(out))
    assert result.exit_code == 0 and "Wrote 2 rows" in result.output
    assert "marcus@example.org" in out.read_text()


def test_a_bad_file_or_a_provider_is_refused(app, world, tmp_path):  # noqa: F811
    bad = tmp_path / "bad.csv"
    bad.write_text(ZOOM.replace("06/10/2025 12:20:00 PM,20", "later,20"))
    result = run(app, "attendance", "import", "hcv", "2", str(bad))
    assert result.exit_code == 1
    assert "line 7: leave time is not a date and time" in result.output
    assert "Nothing imported from bad.csv" in result.output
    result = run(
        app, "attendance", "export", "hcv", str(tmp_path / "x.csv"), "--as", world.provider.email
    )
    assert (
        result.exit_code == 1 and "session desk is for the program's coordinators" in result.output
    )


def test_the_export_writes_no_cell_a_spreadsheet_would_run(app, world, tmp_path):  # noqa: F811
    """As the web download: a session title or a display name starting like a formula is
    written with a leading quote."""
    from app.attendance.operations import record_attendance
    from app.extensions import db
    from app.programs.operations import update_session

    world.provider.display_name = "=1+2"
    update_session(world.second, title="=cmd|' /C calc'!A0", actor=SYSTEM)
    record_attendance(world.second, {world.provider.id: 30}, actor=SYSTEM)
    db.session.commit()
    out = tmp_path / "credit.csv"
    result = run(app, "attendance", "export", "hcv", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(out.open(newline="", encoding="utf-8")))
    cells = [cell for row in rows for cell in row]
    assert "'=1+2" in cells and "'=cmd|' /C calc'!A0" in cells
    assert not any(cell[:1] in FORMULA_STARTS for cell in cells)
