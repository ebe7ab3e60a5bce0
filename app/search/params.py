"""The search page's and the API's query-string parameters, read into a SearchRequest."""

from __future__ import annotations

from werkzeug.datastructures import MultiDict

from app.errors import ValidationError
from app.inputs import FIRST_YEAR, LAST_YEAR, MAX_PAGE, bounded_int, clamp_int, id_value
from app.search.operations import MAX_PER_PAGE, SORTS, SearchRequest


def _year(args: MultiDict[str, str], name: str, *, strict: bool) -> int | None:
    raw = args.get(name)
    if strict:
        return bounded_int(raw, name, minimum=FIRST_YEAR, maximum=LAST_YEAR, blank_ok=False)
    if raw is None or not raw.strip():
        return None
    return clamp_int(raw, minimum=FIRST_YEAR, maximum=LAST_YEAR, default=0) or None


def _list(args: MultiDict[str, str], name: str) -> list[str]:
    values: list[str] = []
    for value in args.getlist(name):
        values.extend(v.strip() for v in value.split(",") if v.strip())
    return values[:20]


def request_from_args(
    args: MultiDict[str, str], default_per_page: int = 20, *, strict: bool = False
) -> SearchRequest:
    """A SearchRequest from query-string arguments. The search page falls back to defaults
    for bad values (and clamps numbers to their bounds); the API (`strict`) refuses them,
    naming the parameter."""
    sort = args.get("sort", "relevance")
    if strict:
        if sort not in SORTS:
            raise ValidationError("sort must be one of: " + ", ".join(SORTS) + ".", field="sort")
        page = bounded_int(args.get("page"), "page", maximum=MAX_PAGE, default=1, blank_ok=False)
        per_page = bounded_int(
            args.get("per_page"),
            "per_page",
            maximum=MAX_PER_PAGE,
            default=20,
            blank_ok=False,
        )
    else:
        page = clamp_int(args.get("page"), minimum=1, maximum=MAX_PAGE, default=1)
        per_page = clamp_int(
            args.get("per_page"),
            minimum=1,
            maximum=MAX_PER_PAGE,
            default=default_per_page,
        )
    return SearchRequest(
        q=args.get("q", "")[:1000],
        types=_list(args, "type"),
        programs=_list(args, "program"),
        topics=_list(args, "topic"),
        statuses=_list(args, "status"),
        year_from=_year(args, "year_from", strict=strict),
        year_to=_year(args, "year_to", strict=strict),
        sort=sort if sort in SORTS else "relevance",
        page=page or 1,
        per_page=per_page or default_per_page,
        group=_flag(args, "group", strict=strict),
        case_id=_case_id(args, strict=strict),
        correct=_flag(args, "correct", strict=strict),
    )


def _case_id(args: MultiDict[str, str], *, strict: bool) -> int | None:
    raw = args.get("case")
    if raw is None or not raw.strip():
        return None
    found = id_value(raw)
    if found is None and strict:
        raise ValidationError("case must be a case id.", field="case")
    return found


_FLAG_WORDS = ("1", "true", "yes", "0", "false", "no")


def setting_value(name: str, raw: str) -> str | None:
    """A setting's value (sort, case, a year, a switch) as the search page reads it, None
    where the page falls back to its default: a saved search keeps what was searched and
    none of the text typed into a setting (which is read as no words are)."""
    value = raw.strip()
    if name == "sort":
        return value if value in SORTS else None
    if name == "case":
        found = id_value(value)
        return None if found is None else str(found)
    if name in ("year_from", "year_to"):
        year = clamp_int(value, minimum=FIRST_YEAR, maximum=LAST_YEAR, default=0)
        return str(year) if year else None
    if name in ("group", "correct"):
        return value if value.lower() in _FLAG_WORDS else None
    raise ValueError(f"{name} is not a search setting")


def _flag(args: MultiDict[str, str], name: str, *, strict: bool) -> bool:
    """A true/false parameter that is true unless said otherwise."""
    raw = (args.get(name) or "").strip().lower()
    if raw in ("", "1", "true", "yes"):
        return True
    if raw in ("0", "false", "no"):
        return False
    if strict:
        raise ValidationError(f"{name} must be true or false.", field=name)
    return True
