"""Search page, similar-cases fragment, and GET /api/v1/search (on the API blueprint)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, render_template, request
from flask_login import current_user, login_required

from app.api.base import PAGING, SPEC, api_blueprint, api_user
from app.api.spec import Query
from app.errors import Unavailable, ValidationError
from app.inputs import FIRST_YEAR, LAST_YEAR, MAX_ID, MAX_PAGE, bounded_int, clamp_int, id_value
from app.search.operations import (
    MAX_PER_PAGE,
    SORTS,
    SearchRequest,
    search,
    unavailable_message,
)
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


def _year(name: str, *, strict: bool) -> int | None:
    raw = request.args.get(name)
    if strict:
        return bounded_int(raw, name, minimum=FIRST_YEAR, maximum=LAST_YEAR, blank_ok=False)
    if raw is None or not raw.strip():
        return None
    return clamp_int(raw, minimum=FIRST_YEAR, maximum=LAST_YEAR, default=0) or None


def _list(name: str) -> list[str]:
    values: list[str] = []
    for value in request.args.getlist(name):
        values.extend(v.strip() for v in value.split(",") if v.strip())
    return values[:20]


def request_from_args(default_per_page: int = 20, *, strict: bool = False) -> SearchRequest:
    """A SearchRequest from query-string arguments. The page falls back to defaults for bad
    values (and clamps numbers to their bounds); the API (`strict`) refuses them, naming
    the parameter."""
    sort = request.args.get("sort", "relevance")
    if strict:
        if sort not in SORTS:
            raise ValidationError("sort must be one of: " + ", ".join(SORTS) + ".", field="sort")
        page = bounded_int(
            request.args.get("page"), "page", maximum=MAX_PAGE, default=1, blank_ok=False
        )
        per_page = bounded_int(
            request.args.get("per_page"),
            "per_page",
            maximum=MAX_PER_PAGE,
            default=20,
            blank_ok=False,
        )
    else:
        page = clamp_int(request.args.get("page"), minimum=1, maximum=MAX_PAGE, default=1)
        per_page = clamp_int(
            request.args.get("per_page"),
            minimum=1,
            maximum=MAX_PER_PAGE,
            default=default_per_page,
        )
    return SearchRequest(
        q=request.args.get("q", "")[:1000],
        types=_list("type"),
        programs=_list("program"),
        topics=_list("topic"),
        statuses=_list("status"),
        year_from=_year("year_from", strict=strict),
        year_to=_year("year_to", strict=strict),
        sort=sort if sort in SORTS else "relevance",
        page=page or 1,
        per_page=per_page or default_per_page,
        group=_flag("group", strict=strict),
        case_id=_case_id(strict=strict),
        correct=_flag("correct", strict=strict),
    )


def _case_id(*, strict: bool) -> int | None:
    raw = request.args.get("case")
    if raw is None or not raw.strip():
        return None
    found = id_value(raw)
    if found is None and strict:
        raise ValidationError("case must be a case id.", field="case")
    return found


def _flag(name: str, *, strict: bool) -> bool:
    """A true/false parameter that is true unless said otherwise."""
    raw = (request.args.get(name) or "").strip().lower()
    if raw in ("", "1", "true", "yes"):
        return True
    if raw in ("0", "false", "no"):
        return False
    if strict:
        raise ValidationError(f"{name} must be true or false.", field=name)
    return True


@search_blueprint.route("/search")
@login_required
def search_page() -> Any:
    user = current_user._get_current_object()
    req = request_from_args()
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
    case_id = id_value(request.args.get("case_id"))
    hits = similar_cases(user, case_id=case_id, limit=5) if case_id else []
    return render_template("search/_similar.html", hits=hits)


_STRINGS = {"type": "string"}
_YEAR = {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR}
SEARCH_QUERY = (
    Query("q", _STRINGS, 'Words, "phrases", AND/OR/NOT/-word, field:value (see docs).'),
    Query(
        "type", _STRINGS, "case, recommendation, annotation, practice, evidence, session; commas."
    ),
    Query("program", _STRINGS, "Program slugs, commas."),
    Query("topic", _STRINGS, "Topic names or slugs, commas."),
    Query("status", _STRINGS, "Statuses, commas."),
    Query("year_from", _YEAR, "First year."),
    Query("year_to", _YEAR, "Last year."),
    Query("sort", {"type": "string", "enum": list(SORTS)}, "relevance (default), date, oldest."),
    Query(
        "case", {"type": "integer", "minimum": 1, "maximum": MAX_ID}, "Only this case's documents."
    ),
    Query(
        "group",
        {"type": "boolean"},
        "true (default): one result per case, its best-matching recommendation or annotation"
        " under it (related) and how many more matched (more); false: every document.",
    ),
    Query(
        "correct",
        {"type": "boolean"},
        "true (default): misspelled words are respelled from the indexed vocabulary, and the"
        " query searched respelled when as typed it finds little (corrected_query says so);"
        " false: the words as typed.",
    ),
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
        "category": {"type": ["string", "null"], "description": "A recommendation's."},
        "related": {
            "description": "Under a case: its best-matching recommendation or annotation.",
            "oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/SearchHit"}],
        },
        "more": {"type": "integer", "description": "Further matches from the same case."},
    },
}
SEARCH_HIT = SPEC.schema("SearchHit", _HIT)
SEARCH_RESULTS = SPEC.schema(
    "SearchResults",
    {
        "type": "object",
        "properties": {
            "total": {"type": "integer", "description": "Matching documents."},
            "results_total": {"type": "integer", "description": "Results, grouped by case."},
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
            "suggestion": {
                "type": ["string", "null"],
                "description": "Did you mean: a likely respelling, not searched.",
            },
            "corrected_query": {
                "type": ["string", "null"],
                "description": "The respelled query the results are for (null: as typed).",
            },
            "original_query": {
                "type": ["string", "null"],
                "description": "The query as typed, when corrected_query was searched.",
            },
            "also_searched": {
                "type": "array",
                "description": "Plain-language phrases of the query and the clinical terms"
                " searched with them.",
                "items": {
                    "type": "object",
                    "properties": {"for": _STRINGS, "terms": {"type": "array", "items": _STRINGS}},
                },
            },
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
    results = search(api_user(), request_from_args(strict=True))
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
    limit = bounded_int(request.args.get("limit"), "limit", maximum=20, default=5, blank_ok=False)
    assert limit is not None  # a default and no blank
    hits = similar_cases(api_user(), case_id=case_id, limit=limit)
    return jsonify({"results": [h.to_json() for h in hits]})
