"""Search page, similar-cases fragment, and GET /api/v1/search (on the API blueprint)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, render_template, request
from flask_login import current_user, login_required

from app.api.base import PAGING, SPEC, api_blueprint, api_user
from app.api.spec import Query
from app.errors import Unavailable
from app.search.operations import (
    MAX_PER_PAGE,
    SORTS,
    SearchRequest,
    search,
    similar_cases,
    unavailable_message,
)

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


def _int(value: Any, default: int | None = None) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return default


def _list(name: str) -> list[str]:
    values = []
    for value in request.args.getlist(name):
        values.extend(v.strip() for v in value.split(",") if v.strip())
    return values[:20]


def request_from_args(default_per_page: int = 20) -> SearchRequest:
    """A SearchRequest from query-string arguments; bad values fall back to defaults."""
    sort = request.args.get("sort", "relevance")
    return SearchRequest(
        q=request.args.get("q", "")[:1000],
        types=_list("type"),
        programs=_list("program"),
        topics=_list("topic"),
        statuses=_list("status"),
        year_from=_int(request.args.get("year_from")),
        year_to=_int(request.args.get("year_to")),
        sort=sort if sort in SORTS else "relevance",
        page=max(1, _int(request.args.get("page"), 1) or 1),
        per_page=max(
            1, min(_int(request.args.get("per_page"), default_per_page) or 20, MAX_PER_PAGE)
        ),
    )


@search_blueprint.route("/search")
@login_required
def search_page() -> Any:
    user = current_user._get_current_object()
    req = request_from_args()
    searched = bool(
        req.q.strip()
        or req.types
        or req.programs
        or req.topics
        or req.statuses
        or req.year_from
        or req.year_to
    )
    results = search(user, req) if searched else None
    return render_template(
        "search/search.html",
        req=req,
        results=results,
        searched=searched,
        tips=TIPS,
        index_building=unavailable_message(),
    )


@search_blueprint.route("/search/similar")
@login_required
def similar_fragment() -> Any:
    """Similar cases to a case, as an HTML fragment. Only a case id is taken: free text in
    a URL would reach access logs before the de-identification gate has seen it."""
    user = current_user._get_current_object()
    case_id = _int(request.args.get("case_id"))
    hits = similar_cases(user, case_id=case_id, limit=5) if case_id else []
    return render_template("search/_similar.html", hits=hits)


_STRINGS = {"type": "string"}
SEARCH_QUERY = (
    Query("q", _STRINGS, 'Words, "phrases", AND/OR/NOT/-word, field:value (see docs).'),
    Query("type", _STRINGS, "case, recommendation, annotation, practice, session; commas."),
    Query("program", _STRINGS, "Program slugs, commas."),
    Query("topic", _STRINGS, "Topic names or slugs, commas."),
    Query("status", _STRINGS, "Statuses, commas."),
    Query("year_from", {"type": "integer"}, "First year."),
    Query("year_to", {"type": "integer"}, "Last year."),
    Query("sort", {"type": "string", "enum": list(SORTS)}, "relevance (default), date, oldest."),
    *PAGING,
)
_HIT = {
    "type": "object",
    "properties": {
        "type": _STRINGS,
        "id": {"type": "integer"},
        "ref": {"type": ["string", "null"]},
        "title": _STRINGS,
        "url": _STRINGS,
        "score": {"type": "number"},
        "snippet": {"type": "string", "description": "HTML: escaped text, <mark> on matches."},
        "program": {"type": ["string", "null"]},
        "topics": {"type": "array", "items": _STRINGS},
        "date": {"type": ["string", "null"], "format": "date"},
    },
}
SEARCH_HIT = SPEC.schema("SearchHit", _HIT)
SEARCH_RESULTS = SPEC.schema(
    "SearchResults",
    {
        "type": "object",
        "properties": {
            "total": {"type": "integer"},
            "took_ms": {"type": "number"},
            "page": {"type": "integer"},
            "per_page": {"type": "integer"},
            "results": {"type": "array", "items": SEARCH_HIT},
            "facets": {
                "type": "object",
                "additionalProperties": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "value": _STRINGS,
                            "label": _STRINGS,
                            "count": {"type": "integer"},
                        },
                    },
                },
            },
            "matched_any_word": {"type": "boolean"},
            "suggestion": {"type": ["string", "null"]},
        },
    },
)


@SPEC.operation(
    api_blueprint,
    "/search",
    "GET",
    summary="Search cases, recommendations, annotations, best practices and sessions",
    tag="search",
    query=SEARCH_QUERY,
    response=SEARCH_RESULTS,
)
def api_search() -> Any:
    results = search(api_user(), request_from_args())
    if not results.ready:
        raise Unavailable(unavailable_message())
    return jsonify(results.to_json())


@SPEC.operation(
    api_blueprint,
    "/cases/<int:case_id>/similar",
    "GET",
    summary="Cases similar to a case (more like this)",
    tag="search",
    query=(Query("limit", {"type": "integer", "minimum": 1, "maximum": 20}, "At most 20."),),
    response={"type": "object", "properties": {"results": {"type": "array", "items": SEARCH_HIT}}},
)
def api_similar(case_id: int) -> Any:
    limit = max(1, min(_int(request.args.get("limit"), 5) or 5, 20))
    hits = similar_cases(api_user(), case_id=case_id, limit=limit)
    return jsonify({"results": [h.to_json() for h in hits]})
