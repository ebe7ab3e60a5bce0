"""Search over the API: GET /api/v1/search and similar cases, clients of app.search."""

from __future__ import annotations

from flask import request

from app.api import schemas
from app.api.base import PAGING, SPEC, api_blueprint, api_user
from app.api.spec import Query
from app.deid.web import acceptances_from_form
from app.errors import Unavailable
from app.inputs import FIRST_YEAR, LAST_YEAR, MAX_ID, bounded_int
from app.search import search, similar_cases
from app.search.operations import SORTS, unavailable_message
from app.search.params import request_from_args

_STRINGS = {"type": "string"}
_YEAR = {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR}
SEARCH_QUERY = (
    Query(
        "q",
        _STRINGS,
        'Words, "phrases", AND/OR/NOT/-word, field:value (see docs). Words that may identify'
        " a patient are not searched: 422 identifiers_found, with the findings; a finding"
        " that is not an identifier is marked with accept_finding=q|start|end|CATEGORY|digest"
        " and its reason in the parameter named `reason|` and the same value.",
    ),
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


@SPEC.operation(
    api_blueprint,
    "/search",
    "GET",
    summary="Search cases, recommendations, annotations, best practices and sessions",
    tag="search",
    query=SEARCH_QUERY,
    response=schemas.SearchResults,
)
def api_search() -> schemas.SearchResults:
    wanted = request_from_args(request.args, strict=True)
    wanted.accepted = acceptances_from_form(request.args)
    results = search(api_user(), wanted)
    if not results.ready:
        raise Unavailable(unavailable_message())
    return schemas.SearchResults.model_validate(results.to_json())


@SPEC.operation(
    api_blueprint,
    "/cases/<int:case_id>/similar",
    "GET",
    summary="Cases similar to a case (more like this)",
    tag="search",
    query=(Query("limit", {"type": "integer", "minimum": 1, "maximum": 20}, "At most 20."),),
    response=schemas.SimilarCases,
)
def api_similar(case_id: int) -> schemas.SimilarCases:
    limit = bounded_int(request.args.get("limit"), "limit", maximum=20, default=5, blank_ok=False)
    assert limit is not None  # a default and no blank
    hits = similar_cases(api_user(), case_id=case_id, limit=limit)
    return schemas.SimilarCases.model_validate({"results": [h.to_json() for h in hits]})
