"""The search page and the similar-cases fragment (the API's routes are in app/api/search.py)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request
from flask_login import current_user, login_required

from app.deid.forms import refusal
from app.deid.web import acceptances_from_form
from app.errors import ValidationError
from app.inputs import id_value
from app.search.operations import (
    SEARCH_WORD_LABELS,
    search,
    search_word_texts,
    unavailable_message,
)
from app.search.params import request_from_args
from app.search.similar import similar_cases

search_blueprint = Blueprint(
    "search",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/static/search",
)

TIPS = [
    ('"heart failure"', "an exact phrase"),
    ("afib OR flutter", "either word"),
    ("hcv -hbv", "leave out a word (or NOT hbv)"),
    ("program:hcv topic:cirrhosis", "within a program or topic"),
    ("type:recommendation status:published", "only recommendations"),
    ("year:2023..2025", "a range of years"),
]


@search_blueprint.route("/search")
@login_required
def search_page() -> Any:
    user = current_user._get_current_object()
    req = request_from_args(request.args)
    searched = bool(
        req.q.strip()
        or req.case_id
        or req.types
        or req.programs
        or req.topics
        or req.statuses
        or req.year_from
        or req.year_to
    )
    try:
        req.accepted = acceptances_from_form(request.args)
        results = search(user, req) if searched else None
    except ValidationError as exc:
        # Words that may identify a patient are not searched: the page marks them, as a
        # refused form does, to remove or tick "Not an identifier".
        errors, message, panels = refusal(
            exc, request.args, search_word_texts(req), SEARCH_WORD_LABELS
        )
        return render_template(
            "search/search.html",
            req=req,
            results=None,
            searched=False,
            tips=TIPS,
            errors=errors,
            message=message,
            panels=panels,
        ), 422
    return render_template(
        "search/search.html",
        req=req,
        results=results,
        searched=searched,
        tips=TIPS,
        index_building=unavailable_message(),
        errors={},
        message="",
        panels={},
    )


@search_blueprint.route("/search/similar")
@login_required
def similar_fragment() -> Any:
    """Similar cases to a case, as an HTML fragment. Only a case id is taken: free text in
    a URL would reach access logs before the de-identification gate has seen it."""
    user = current_user._get_current_object()
    case_id = id_value(request.args.get("case_id"))
    hits = similar_cases(user, case_id=case_id, limit=5) if case_id else []
    return render_template("search/_similar.html", hits=hits)
