"""`casebook attendance import|export` follow the same rules as the web."""

from __future__ import annotations

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
