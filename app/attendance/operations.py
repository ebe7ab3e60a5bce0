"""Attendance per participant and session, credit rules, evaluations, transcripts."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from app.attendance.models import (
    Attendance,
    AttendanceSource,
    CreditRule,
    CreditType,
    SessionEvaluation,
)
from app.audit.operations import record
from app.auth import policy
from app.auth.models import ProgramMembership, User
from app.auth.policy import Actor, Viewer, write_operation
from app.deid.gate import Acceptance, GatedFields
from app.deid.labels import ref_is_identifier
from app.deid.operations import guard, remember_overrides
from app.errors import ValidationError
from app.extensions import db
from app.inputs import problem_in_text, shown_email
from app.programs.calendar import presentable
from app.programs.models import Program, Session

MAX_MINUTES = 24 * 60
MAX_CREDITS = 100
MAX_STATEMENT = 2000
MAX_SIGNER = 120
CSV_MAX_BYTES = 2_000_000
CSV_MAX_ROWS = 20_000
TIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M",
)


# ---------------------------------------------------------------- credit rules


def credit_rule(program: Program) -> CreditRule | None:
    return db.session.scalar(select(CreditRule).where(CreditRule.program_id == program.id))


# Printed on every certificate and in the accreditor's export: through the gate like any
# other text (the signer's name is a person's by design, see `PERSON_FIELDS`).
CREDIT_TEXTS = GatedFields(
    {
        "accreditation_statement": "Accreditation statement",
        "signer_name": "Signer's name",
        "signer_title": "Signer's title",
    }
)


@write_operation
def set_credit_rule(
    program: Program,
    *,
    credit_type: Any,
    credits_per_session: Any,
    minimum_minutes: Any,
    evaluation_required: Any,
    actor: Actor,
    accreditation_statement: Any = None,
    signer_name: Any = None,
    signer_title: Any = None,
    accepted: Iterable[Acceptance] = (),
) -> CreditRule:
    """Set how the program's sessions earn credit (one rule per program), and what its
    certificates print: the accreditation statement and the signer (None keeps them, and
    what is kept is not checked again)."""
    policy.require_run_desk(actor, program)
    errors: dict[str, str] = {}
    try:
        kind = CreditType(str(credit_type))
    except ValueError:
        errors["credit_type"] = "Credit type must be one of: " + ", ".join(
            t.label for t in CreditType
        )
    credits = _number(credits_per_session)
    if credits is None or not 0 < credits <= MAX_CREDITS or round(credits, 2) != credits:
        errors["credits_per_session"] = (
            f"Credits per session must be a number above 0 and at most {MAX_CREDITS}, "
            "with at most two decimals (e.g. 1 or 1.5)."
        )
    minutes = _whole(minimum_minutes)
    if minutes is None or not 0 <= minutes <= MAX_MINUTES:
        errors["minimum_minutes"] = (
            f"Minimum minutes must be a whole number from 0 to {MAX_MINUTES}."
        )
    if not isinstance(evaluation_required, bool):
        errors["evaluation_required"] = "Evaluation required must be true or false."
    rule = credit_rule(program) or CreditRule(program=program)
    printed = {}
    for name, label, limit, value in (
        (
            "accreditation_statement",
            "Accreditation statement",
            MAX_STATEMENT,
            accreditation_statement,
        ),
        ("signer_name", "Signer's name", MAX_SIGNER, signer_name),
        ("signer_title", "Signer's title", MAX_SIGNER, signer_title),
    ):
        if value is None:
            printed[name] = getattr(rule, name) or ""
            continue
        problem = _printed_text_problem(value, limit, one_line=name != "accreditation_statement")
        if problem:
            errors[name] = f"{label} {problem}."
        else:
            printed[name] = printed_text(name, value)
    if errors:
        first = next(iter(errors))
        raise ValidationError(errors[first], field=first, errors=errors)
    given = {
        "accreditation_statement": accreditation_statement,
        "signer_name": signer_name,
        "signer_title": signer_title,
    }
    typed = {name: printed[name] for name, value in given.items() if value is not None}
    overridden = guard(CREDIT_TEXTS.texts(**typed), accepted, actor=actor, program=program)
    assert credits is not None and minutes is not None  # checked above
    rule.credit_type = kind
    rule.credits_per_session = credits
    rule.minimum_minutes = minutes
    rule.evaluation_required = evaluation_required
    for name, value in printed.items():
        setattr(rule, name, value)
    db.session.add(rule)
    db.session.flush()
    remember_overrides(rule, overridden, actor=actor, fields=typed)
    record(
        actor,
        "program.credit_rule_set",
        program,
        credits=credits,
        minimum_minutes=minutes,
        evaluation_required=evaluation_required,
    )
    return rule


def printed_text(name: str, value: str) -> str:
    """A certificate's text as it is stored (and checked by the gate): the statement keeps
    its lines, the signer's name and title are one line."""
    if name == "accreditation_statement":
        return value.replace("\r\n", "\n").strip()
    return " ".join(value.split())


def _printed_text_problem(value: Any, limit: int, *, one_line: bool) -> str | None:
    if not isinstance(value, str):
        return "must be text"
    if problem_in_text(value):
        return problem_in_text(value)
    if len(value.strip()) > limit:
        return f"must be at most {limit} characters"
    if one_line and ("\n" in value.strip() or "\r" in value.strip()):
        return "must be one line"
    return None


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    else:
        try:
            number = float(str(value).strip())
        except ValueError:
            return None
    return number if math.isfinite(number) else None


def _whole(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip() if value is not None else ""
    return int(text) if text.isascii() and text.isdigit() and len(text) < 7 else None


# ---------------------------------------------------------------- who attended


def require_held(session: Session) -> None:
    if not presentable(session):
        raise ValidationError(
            f"Session {session.number} is on {session.date:%d %B %Y}: attendance is "
            "recorded on or after that day.",
            field="session",
        )


def attendance_of(session: Session) -> dict[int, Attendance]:
    rows = db.session.scalars(
        select(Attendance)
        .where(Attendance.session_id == session.id)
        .options(joinedload(Attendance.user))
    )
    return {row.user_id: row for row in rows}


def participants(session: Session) -> list[User]:
    """The tick list: the program's members, and anyone already on the list."""
    members = db.session.scalars(
        select(User)
        .join(ProgramMembership, ProgramMembership.user_id == User.id)
        .where(ProgramMembership.program_id == session.program_id, User.active.is_(True))
    )
    people = {u.id: u for u in members}
    for row in attendance_of(session).values():
        people.setdefault(row.user_id, row.user)
    return sorted(people.values(), key=lambda u: (u.display_name.lower(), u.id))


@write_operation
def record_attendance(
    session: Session, present: Mapping[int, Any], *, actor: Actor
) -> list[Attendance]:
    """Save the tick list: `present` maps each ticked participant's id to the minutes typed
    (blank: the whole session). Participants not ticked are taken off the list."""
    policy.require_run_desk(actor, session.program)
    require_held(session)
    allowed = {u.id for u in participants(session)}
    errors: dict[str, str] = {}
    clean: dict[int, int | None] = {}
    for user_id, raw in present.items():
        if user_id not in allowed:
            errors[f"present.{user_id}"] = "Only the program's members can be ticked."
            continue
        if raw in (None, ""):
            clean[user_id] = None
            continue
        minutes = _whole(raw)
        if minutes is None or minutes > MAX_MINUTES:
            errors[f"minutes.{user_id}"] = (
                f"Minutes must be a whole number from 0 to {MAX_MINUTES}, or blank."
            )
        else:
            clean[user_id] = minutes
    if errors:
        first = next(iter(errors))
        raise ValidationError(errors[first], field=first, errors=errors)
    existing = attendance_of(session)
    for user_id, gone in existing.items():
        if user_id not in clean:
            db.session.delete(gone)
    for user_id, minutes in clean.items():
        row = existing.get(user_id)
        if row is None:
            db.session.add(Attendance(session=session, user_id=user_id, minutes=minutes))
        elif row.minutes != minutes:
            row.minutes, row.source = minutes, AttendanceSource.TICKED
    db.session.flush()
    recount(session)
    record(actor, "session.attendance_recorded", session, participants=len(clean))
    return list(attendance_of(session).values())


def recount(session: Session) -> None:
    """The head count follows the attendance list once there is one."""
    session.attendance_count = db.session.scalar(
        select(func.count(Attendance.id)).where(Attendance.session_id == session.id)
    )


def has_attendance_list(session: Session) -> bool:
    return bool(db.session.scalar(select(Attendance.id).where(Attendance.session_id == session.id)))


@dataclass
class ImportReport:
    filename: str
    matched: dict[int, int] = field(default_factory=dict)  # user id -> minutes
    unmatched: list[tuple[int, str]] = field(default_factory=list)  # (line, problem)
    problems: list[tuple[int, str]] = field(default_factory=list)  # bad rows: nothing saved


@write_operation
def import_attendance_csv(
    session: Session, content: bytes, *, filename: str, actor: Actor
) -> ImportReport:
    """Read a videoconference attendance file (name, email, join and leave times): minutes
    per participant over all their joins, matched by email to the program's members.
    A file with any bad row changes nothing; rows of people who are not members are
    reported and left out. Raises ValidationError (with the report) when nothing is saved."""
    policy.require_run_desk(actor, session.program)
    require_held(session)
    name = _shown_filename(filename)
    report = ImportReport(filename=name)
    rows = _read_rows(content, name)
    members = {u.email.lower(): u for u in participants(session)}
    spans: dict[int, list[tuple[datetime, datetime]]] = {}
    for line, email, joined, left, problem in rows:
        if problem:
            report.problems.append((line, problem))
            continue
        user = members.get(email.lower())
        if user is None:
            # Repeated only when it is an email address: the column may hold a note.
            shown = shown_email(email)
            report.unmatched.append(
                (line, f"{shown}: not a member of {session.program.name}")
                if shown
                else (line, f"not an email address, so no member of {session.program.name}")
            )
            continue
        spans.setdefault(user.id, []).append((joined, left))
    if report.problems:
        line, problem = report.problems[0]
        raise ImportRefused(
            f"Nothing imported from {name}: {len(report.problems)} bad row"
            f"{'s' if len(report.problems) != 1 else ''} (first: line {line}, {problem}).",
            report,
        )
    if not spans:
        raise ImportRefused(
            f"Nothing imported from {name}: no row matches a member of {session.program.name}.",
            report,
        )
    existing = attendance_of(session)
    for user_id, intervals in spans.items():
        minutes = _minutes_over(intervals)
        report.matched[user_id] = minutes
        row = existing.get(user_id)
        if row is None:
            row = Attendance(session=session, user_id=user_id)
            db.session.add(row)
        row.minutes, row.source = minutes, AttendanceSource.IMPORTED
    db.session.flush()
    recount(session)
    record(
        actor,
        "session.attendance_imported",
        session,
        matched=len(report.matched),
        unmatched=len(report.unmatched),
    )
    return report


def _shown_filename(filename: str | None) -> str:
    """An upload's name as a message may repeat it: no gate read it, so one that reads as
    a patient identifier (a name, a record number, a date) is "the file" there."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    if not name or not name.isprintable() or len(name) > 100 or ref_is_identifier(name):
        return "the file"
    return name


class ImportRefused(ValidationError):
    def __init__(self, message: str, report: ImportReport) -> None:
        super().__init__(message, field="file")
        self.report = report


def _read_rows(content: bytes, name: str) -> list[tuple[int, str, Any, Any, str]]:
    if not content:
        raise ValidationError(f"{name} is empty: choose the attendance CSV file.", field="file")
    if len(content) > CSV_MAX_BYTES:
        raise ValidationError(
            f"{name} is larger than {CSV_MAX_BYTES // 1_000_000} MB.", field="file"
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            f"{name} is not UTF-8 text (save it as CSV UTF-8).", field="file"
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    columns: dict[str, int] | None = None
    out: list[tuple[int, str, Any, Any, str]] = []
    try:
        for row in reader:
            if columns is None:
                columns = _header(row)
                continue
            if not any(cell.strip() for cell in row):
                continue
            if len(out) >= CSV_MAX_ROWS:
                raise ValidationError(f"{name} has more than {CSV_MAX_ROWS:,} rows.", field="file")
            out.append((reader.line_num, *_row(row, columns)))
    except csv.Error as exc:
        raise ValidationError(
            f"{name}, line {reader.line_num}: not readable as CSV ({exc}).", field="file"
        ) from None
    if columns is None:
        raise ValidationError(
            f"{name} has no header row with email, join time and leave time columns.",
            field="file",
        )
    return out


def _header(row: list[str]) -> dict[str, int] | None:
    """Column positions by what their heading says (Zoom, Teams and Webex word it apart);
    None for lines before the participants' header (some exports start with the meeting's)."""
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        heading = cell.strip().lower()
        for key, words in (
            ("email", ("email", "e-mail")),
            ("join", ("join",)),
            ("leave", ("leave",)),
            ("name", ("name",)),
        ):
            if key not in found and any(w in heading for w in words):
                found[key] = index
                break
    return found if {"email", "join", "leave"} <= found.keys() else None


def _row(row: list[str], columns: dict[str, int]) -> tuple[str, Any, Any, str]:
    def cell(key: str) -> str:
        index = columns[key]
        return row[index].strip() if index < len(row) else ""

    email = cell("email")
    if not email or "@" not in email:
        return email, None, None, "no email address"
    times = []
    for key, label in (("join", "join time"), ("leave", "leave time")):
        raw = cell(key)
        parsed = _time(raw)
        if parsed is None:
            # The cell is not quoted back: a report's columns may hold anything.
            problem = "is not a date and time" if raw else "is blank"
            return email, None, None, f"{label} {problem}"
        times.append(parsed)
    joined, left = times
    if left < joined:
        return email, None, None, "leave time is before join time"
    if (left - joined).total_seconds() > MAX_MINUTES * 60:
        return email, None, None, "longer than a day"
    return email, joined, left, ""


def _time(raw: str) -> datetime | None:
    for fmt in TIME_FORMATS:
        try:
            return datetime.strptime(raw, fmt)
        except ValueError:
            continue
    return None


def _minutes_over(intervals: list[tuple[datetime, datetime]]) -> int:
    """Minutes connected, counting overlapping joins (two devices) once."""
    total = 0.0
    end: datetime | None = None
    for joined, left in sorted(intervals):
        if end is not None and joined < end:
            joined = end
        if left > joined:
            total += (left - joined).total_seconds()
        end = left if end is None else max(end, left)
    return round(total / 60)


# ---------------------------------------------------------------- evaluation and credit


@write_operation
def submit_evaluation(
    session: Session, *, actor: Actor, rating: Any, will_change_practice: Any
) -> SessionEvaluation:
    """A participant's post-session evaluation; once per session, changeable."""
    policy.require_evaluate_session(actor, session, attendance_of(session))
    participant = actor
    errors: dict[str, str] = {}
    score = _whole(rating)
    if score is None or not 1 <= score <= 5:
        errors["rating"] = "Rating must be from 1 (poor) to 5 (excellent)."
    if not isinstance(will_change_practice, bool):
        errors["will_change_practice"] = "Will change practice must be yes or no."
    if errors:
        first = next(iter(errors))
        raise ValidationError(errors[first], field=first, errors=errors)
    evaluation = db.session.scalar(
        select(SessionEvaluation).where(
            SessionEvaluation.session_id == session.id,
            SessionEvaluation.user_id == participant.id,
        )
    ) or SessionEvaluation(session_id=session.id, user_id=participant.id)
    assert score is not None  # checked above
    evaluation.rating = score
    evaluation.will_change_practice = will_change_practice
    db.session.add(evaluation)
    db.session.flush()
    record(participant, "session.evaluated", session)
    return evaluation


@dataclass
class EvaluationResults:
    """A session's evaluations in totals: who answered what is not shown."""

    session: Session
    participants: int
    responses: int
    ratings: dict[int, int]  # rating (1-5) -> how many gave it
    will_change_practice: int

    @property
    def average_rating(self) -> float | None:
        if not self.responses:
            return None
        return round(sum(r * n for r, n in self.ratings.items()) / self.responses, 2)


def evaluation_results(session: Session, *, actor: Viewer) -> EvaluationResults:
    """The session's post-session evaluations summed up, for its program's coordinators."""
    policy.require_read_evaluations(actor, session.program)
    ratings = dict.fromkeys(range(1, 6), 0)
    changing = 0
    for rating, will_change in db.session.execute(
        select(SessionEvaluation.rating, SessionEvaluation.will_change_practice).where(
            SessionEvaluation.session_id == session.id
        )
    ):
        ratings[rating] = ratings.get(rating, 0) + 1
        changing += bool(will_change)
    return EvaluationResults(
        session=session,
        participants=len(attendance_of(session)),
        responses=sum(ratings.values()),
        ratings=ratings,
        will_change_practice=changing,
    )


@dataclass
class TranscriptLine:
    session: Session
    minutes: int | None
    evaluated: bool
    credits: float
    note: str  # why no credit, or what is missing


def _credit(row: Attendance, rule: CreditRule | None, evaluated: bool) -> tuple[float, str]:
    if rule is None:
        return 0.0, "no credit offered"
    if row.minutes is not None and row.minutes < rule.minimum_minutes:
        return 0.0, f"under {rule.minimum_minutes} minutes"
    if rule.evaluation_required and not evaluated:
        return 0.0, "evaluation pending"
    return rule.credits_per_session, ""


def transcript(
    user: User,
    *,
    program: Program | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[TranscriptLine]:
    """A participant's sessions, minutes and credit, oldest first: of the programs the
    participant sees now (one who has left a private program no longer reads its sessions,
    as its certificate is no longer theirs to print)."""
    seen = select(Program.id).where(policy.visible_program_clause(user))
    stmt = (
        select(Attendance)
        .join(Attendance.session)
        .where(Attendance.user_id == user.id, Session.program_id.in_(seen))
        .options(joinedload(Attendance.session).joinedload(Session.program))
        .order_by(Session.date, Session.id)
    )
    if program is not None:
        stmt = stmt.where(Session.program_id == program.id)
    if start is not None:
        stmt = stmt.where(Session.date >= start)
    if end is not None:
        stmt = stmt.where(Session.date <= end)
    rows = list(db.session.scalars(stmt))
    rules = {r.program_id: r for r in db.session.scalars(select(CreditRule))}
    evaluated = set(
        db.session.scalars(
            select(SessionEvaluation.session_id).where(SessionEvaluation.user_id == user.id)
        )
    )
    lines = []
    for row in rows:
        done = row.session_id in evaluated
        credits, note = _credit(row, rules.get(row.session.program_id), done)
        lines.append(TranscriptLine(row.session, row.minutes, done, credits, note))
    return lines


def accreditation_rows(
    program: Program, *, actor: Viewer, start: date | None = None, end: date | None = None
) -> list[list[Any]]:
    """One row per participant and session, with the credit awarded: for the accreditor."""
    policy.require_run_desk(actor, program)
    rule = credit_rule(program)
    stmt = (
        select(Attendance)
        .join(Attendance.session)
        .where(Session.program_id == program.id)
        .options(joinedload(Attendance.session), joinedload(Attendance.user))
        .order_by(Session.date, Session.number, Attendance.user_id)
    )
    if start is not None:
        stmt = stmt.where(Session.date >= start)
    if end is not None:
        stmt = stmt.where(Session.date <= end)
    rows = list(db.session.scalars(stmt))
    evaluated = {
        (session_id, user_id)
        for session_id, user_id in db.session.execute(
            select(SessionEvaluation.session_id, SessionEvaluation.user_id)
            .join(Session, Session.id == SessionEvaluation.session_id)
            .where(Session.program_id == program.id)
        )
    }
    header = [
        "session_date",
        "session_number",
        "session_title",
        "participant",
        "email",
        "minutes",
        "evaluation",
        "credit_type",
        "credits",
    ]
    out: list[list[Any]] = [header]
    for row in rows:
        done = (row.session_id, row.user_id) in evaluated
        credits, _ = _credit(row, rule, done)
        out.append(
            [
                row.session.date.isoformat(),
                row.session.number,
                row.session.title,
                row.user.display_name,
                row.user.email,
                "" if row.minutes is None else row.minutes,
                "yes" if done else "no",
                rule.credit_type.label if rule else "",
                f"{credits:g}",
            ]
        )
    return out
