"""The curriculum page: figures for a program (or all) and a time range, each table with a
CSV download and each chart with its table beside it."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from flask import Blueprint, Response, render_template, request
from flask_login import current_user

from app.auth import policy
from app.auth.policy import Permission, Viewer, permission_required
from app.csvfile import csv_response
from app.curriculum import operations as figures
from app.errors import NotFound, ValidationError
from app.inputs import bounded_date
from app.practices.models import PracticeStatus
from app.programs.operations import find_program, visible_programs

curriculum_blueprint = Blueprint("curriculum", __name__, template_folder="templates")

TABLES = ("topics", "rising", "questions", "gaps", "coverage", "teaching")
SHOW = ("cases", "share")


def _user() -> Any:
    return current_user._get_current_object()


def _date_arg(name: str, *, strict: bool = False) -> date | None:
    raw = request.args.get(name)
    if strict and raw is not None and not raw.strip():
        raise ValidationError(f"{name} must be a date written YYYY-MM-DD.", field=name)
    return bounded_date(raw, name, strict=strict)


def scope_from_request(user: Viewer, *, strict: bool = False) -> figures.Scope:
    """The scope from ?program=&start=&end=; shared by the page, the CSV files and the API
    (`strict`: a parameter given blank is refused rather than read as the default).

    The permission comes first: someone without it learns nothing, not even which program
    slugs exist (a private program's answers as a missing one's)."""
    policy.require(user, Permission.VIEW_CURRICULUM)
    program = None
    slug = (request.args.get("program") or "").strip()
    if slug:
        program = find_program(slug)
        if program is None:
            raise NotFound("No such program.")
        # Before the dates are read: a private program answers as a missing one, whatever else.
        policy.require_view_program(user, program)
    return figures.make_scope(
        user,
        program=program,
        start=_date_arg("start", strict=strict),
        end=_date_arg("end", strict=strict),
    )


def show_from_request() -> str:
    """?show=cases (counts, the default) or ?show=share (percent of the scope's cases)."""
    show = (request.args.get("show") or "cases").strip()
    if show not in SHOW:
        raise ValidationError("show must be cases or share.", field="show")
    return show


def table(
    name: str, user: Viewer, scope: figures.Scope, *, show: str = "cases"
) -> tuple[list[str], list[list[Any]]]:
    """(header, rows) of one of the page's tables, every row."""
    fig = figures.Figures(user, scope)
    if name == "topics":
        freq = fig.topic_frequency()
        if show == "share":
            return ["topic", *[f"{m} % of cases" for m in freq.months], "total % of cases"], (
                freq.share_rows()
            )
        return ["topic", *freq.months, "total"], freq.rows()
    if name == "rising":
        return (
            ["topic", "cases", "cases in previous period", "change"],
            [[t.topic, t.current, t.previous, t.change] for t in fig.rising_topics()],
        )
    if name == "questions":
        rows = []
        for number, group in enumerate(fig.recurring_questions()[1], 1):
            for case in group.cases:
                rows.append([number, group.label, case.id, case.program.slug, case.title])
        return ["group", "question", "case id", "program", "case title"], rows
    if name == "gaps":
        return (
            ["topic", "cases", "programs"],
            [[g.topic.name, g.cases, "; ".join(g.programs)] for g in fig.gaps()],
        )
    if name == "coverage":
        cov = fig.presenter_coverage()
        return ["presenter", *cov.topics, "cases"], cov.rows()
    if name == "teaching":
        return figures.TEACHING_HEADER, fig.teaching_coverage().table()
    raise NotFound("No such table.")


@curriculum_blueprint.route("/curriculum")
@permission_required(Permission.VIEW_CURRICULUM)
def index() -> Any:
    user = _user()
    try:
        scope = scope_from_request(user)
        problem = ""
    except ValidationError as exc:
        scope, problem = figures.make_scope(user), exc.message
    try:
        show = show_from_request()
    except ValidationError as exc:
        show, problem = "cases", problem or exc.message
    # One Figures for the page: the scope's cases are counted once for every table, and the
    # per-month and per-presenter detail read only for the rows shown.
    fig = figures.Figures(
        user,
        scope,
        figures.Shown(figures.PAGE_ROWS, figures.COVERAGE_PRESENTERS, figures.COVERAGE_TOPICS),
        trends=True,
        questions=True,
    )
    freq = fig.topic_frequency()
    questions_total, questions = fig.recurring_questions(figures.PAGE_ROWS)
    teaching = fig.teaching_coverage(figures.PAGE_ROWS)
    coverage = fig.presenter_coverage()
    return render_template(
        "curriculum/index.html",
        scope=scope,
        problem=problem,
        programs=visible_programs(user),
        freq=freq,
        chart_json=json.dumps(freq.chart()),
        chart_topics=freq.topics[: figures.CHART_TOPICS],
        rising=fig.rising_topics(),
        questions=questions,
        questions_total=questions_total,
        questions_updating=fig.questions_updating(),
        gaps=fig.gaps(),
        gap_min=figures.GAP_MIN_CASES,
        coverage=coverage,
        coverage_shown=coverage.top(figures.COVERAGE_PRESENTERS, figures.COVERAGE_TOPICS),
        page_rows=figures.PAGE_ROWS,
        teaching=teaching,
        teaching_json=json.dumps(teaching.chart(figures.CHART_TEACHING_TOPICS)),
        teaching_chart_limit=figures.CHART_TEACHING_TOPICS,
        presented_often=figures.PRESENTED_OFTEN,
        statuses=[s.value for s in PracticeStatus],
        show=show,
        args={
            "program": scope.program.slug if scope.program else None,
            "start": scope.start.isoformat(),
            "end": scope.end.isoformat(),
        }
        | ({"show": show} if show != "cases" else {}),
    ), (422 if problem else 200)


@curriculum_blueprint.route("/curriculum/<name>.csv")
@permission_required(Permission.VIEW_CURRICULUM)
def download(name: str) -> Response:
    if name not in TABLES:
        raise NotFound("No such table.")
    user = _user()
    scope = scope_from_request(user)
    show = show_from_request()
    header, rows = table(name, user, scope, show=show)
    program = scope.program.slug if scope.program else "all"
    share = "-share" if name == "topics" and show == "share" else ""
    return csv_response(
        f"curriculum-{name}{share}-{program}-{scope.start}-{scope.end}.csv", header, rows
    )
