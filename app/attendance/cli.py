"""`casebook attendance import|export`: a session's videoconference file in, the
accreditation CSV out, for operators who script them."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext

from app.attendance.operations import ImportRefused, accreditation_rows, import_attendance_csv
from app.cli_support import acting_user, as_option, cli_errors
from app.csvfile import csv_text
from app.extensions import db
from app.programs.operations import get_program, get_session


@click.group("attendance")
def attendance_group() -> None:
    """Attendance per session and the accreditation export."""


@attendance_group.command("import")
@click.argument("program")
@click.argument("number", type=click.IntRange(1))
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@as_option
@with_appcontext
@cli_errors
def import_command(program: str, number: int, file: Path, as_email: str | None) -> None:
    """Read FILE (name, email, join and leave times) into session NUMBER of PROGRAM."""
    actor = acting_user(as_email)
    session = get_session(get_program(program), number)
    try:
        report = import_attendance_csv(session, file.read_bytes(), filename=file.name, actor=actor)
    except ImportRefused as exc:
        for line, problem in exc.report.problems + exc.report.unmatched:
            click.echo(f"line {line}: {problem}", err=True)
        raise
    db.session.commit()
    for line, problem in report.unmatched:
        click.echo(f"line {line}: {problem} (left out)", err=True)
    click.echo(f"Imported {len(report.matched)} participants into session {number}.")


@attendance_group.command("export")
@click.argument("program")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@as_option
@with_appcontext
@cli_errors
def export_command(program: str, out: Path, as_email: str | None) -> None:
    """Write PROGRAM's attendance and credit, one row per participant and session, to OUT."""
    rows = accreditation_rows(get_program(program), actor=acting_user(as_email))
    # The web download's writer: a cell a spreadsheet would run as a formula is quoted.
    with out.open("w", newline="", encoding="utf-8") as handle:
        handle.write(csv_text(None, rows))
    click.echo(f"Wrote {len(rows) - 1} rows to {out}.")


COMMANDS = [attendance_group]
