"""Bounds on what enters Casebook from outside: ids in URLs, numbers and dates in query
strings, JSON bodies, and text from forms, the API and imported files.

Everything here raises our own errors naming the field, so the web shows its error page, the
API answers 4xx JSON and the import names the file, record and field; nothing reaches the
database driver that it would refuse with an exception of its own (an OverflowError for an
integer past 64 bits, a DataError for a NUL byte on PostgreSQL, an encoding error for a
lone surrogate)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date
from typing import Any

import numpy as np
from werkzeug.routing import IntegerConverter

from app.errors import CasebookError, ValidationError

# Ids are 32-bit integer columns on PostgreSQL; SQLite holds 64 bits but no more.
MAX_ID = 2**31 - 1
MAX_PAGE = 100_000
FIRST_YEAR, LAST_YEAR = 1900, 2200
MAX_JSON_DEPTH = 32

# NUL and lone UTF-16 surrogates: text columns cannot hold them (PostgreSQL refuses NUL,
# UTF-8 cannot encode a surrogate). Other control characters are stored as they are: text
# pasted from documents carries form feeds and the like, and refusing it would lose a form.
_BAD_CHARACTER = re.compile(r"[\x00\ud800-\udfff]")
# The same rule as a JSON Schema pattern, published in the OpenAPI document ...
PLAIN_TEXT_PATTERN = "^[^\\u0000]*$"
# ... and with at least one character that is not white space, for text that is required.
NOT_BLANK_PATTERN = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$"
# A date written YYYY-MM-DD in the years FIRST_YEAR to LAST_YEAR (`bounded_date` reads it).
DATE_PATTERN = f"^(19[0-9]{{2}}|2[01][0-9]{{2}}|{LAST_YEAR})-[0-9]{{2}}-[0-9]{{2}}$"
# An email address as app.auth.operations checks it (one @, a dot in the domain, no white
# space), and no control character, spelled so that JSON Schema's (ECMA) and Python's \s
# agree ...
_EMAIL_PART = "[^@\\s\\u0000-\\u001f\\u007f-\\u009f\\ufeff]+"
EMAIL_PATTERN = f"^{_EMAIL_PART}@{_EMAIL_PART}\\.{_EMAIL_PART}$"
# ... and a new account's, printable ASCII, white space around it allowed (it is trimmed).
ACCOUNT_EMAIL_PATTERN = "^\\s*[!-?A-~]+@[!-?A-~]+\\.[!-?A-~]+\\s*$"
# The key of a case form's field, and of a case's own fields where its program has no form:
# a name, never free text, since keys are quoted in errors, audit details and exports.
FIELD_KEY_PATTERN = "^[a-z][a-z0-9_]{0,39}$"
FIELD_KEY = re.compile(FIELD_KEY_PATTERN)
FIELD_KEY_RULE = (
    "start with a letter and hold only lowercase letters, digits and underscores (at most 40)"
)
# A finding's category and digest, as the gate's refusal gives them and an acceptance
# sends them back (`app.deid.gate.finding_digest`).
CATEGORY_PATTERN = "^[A-Z_]{1,20}$"
CATEGORY_RULE = "be the finding's category from the 422 answer, in capitals (NAME, PHONE …)"
DIGEST_PATTERN = "^[0-9a-f]{16}$"
DIGEST_RULE = "be the finding's digest from the 422 answer: 16 characters, each 0-9 or a-f"
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)


def _digits_up_to(limit: int) -> str:
    """A regular expression for the whole numbers 1..limit written without leading zeros."""
    text = str(limit)
    options = [f"[1-9]\\d{{0,{len(text) - 2}}}"] if len(text) > 1 else []
    for i, digit in enumerate(text):
        low = "1" if i == 0 else "0"
        if i == len(text) - 1:
            options.append(f"{text[:i]}[{low}-{digit}]")
        elif int(digit) > int(low):
            options.append(f"{text[:i]}[{low}-{int(digit) - 1}]\\d{{{len(text) - i - 1}}}")
    return "(?:" + "|".join(options) + ")"


class IdConverter(IntegerConverter):
    """`<int:...>` in every route: a positive id a database column can hold; anything
    longer is no id of ours and is a plain 404, never a query. The bound is in the regular
    expression too: a value refused only after matching would make Werkzeug answer 405
    when another method's rule has the same path."""

    regex = _digits_up_to(MAX_ID)

    def __init__(self, map: Any, *args: Any, **kwargs: Any) -> None:  # noqa: A002
        kwargs.setdefault("min", 1)
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


# ------------------------------------------------------------------ text


def problem_in_text(value: str) -> str | None:
    """What is wrong with a piece of text, or None when a text column can store it."""
    match = _BAD_CHARACTER.search(value)
    if match is None:
        return None
    char = match.group()
    if char == "\x00":
        return "contains a NUL character"
    return "contains invalid Unicode (a lone surrogate)"


def check_text(value: str, field: str) -> str:
    """The text itself, or a ValidationError naming the field that holds bad characters."""
    problem = problem_in_text(value)
    if problem:
        raise ValidationError(f"{field} {problem}.", field=field)
    return value


_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$")
_UNNAMED_KEY = "(a key not repeated)"


def check_texts(values: Any, field: str = "body") -> Any:
    """Every string (keys too) in a parsed JSON value or a mapping of form fields."""
    if isinstance(values, str):
        check_text(values, field)
    elif isinstance(values, Mapping):
        for key, value in values.items():
            # A key is named only when it reads as a field's name: a file's keys can hold
            # any text (a line of notes), and the message is shown and may be logged.
            shown = key if isinstance(key, str) and _PLAIN_KEY.fullmatch(key) else _UNNAMED_KEY
            name = shown if field == "body" else f"{field}.{shown}"
            if isinstance(key, str):
                check_text(key, f"{field} key" if field != "body" else "field name")
            check_texts(value, name)
    elif isinstance(values, list | tuple):
        for index, value in enumerate(values):
            check_texts(value, f"{field}[{index}]")
    return values


# ------------------------------------------------------------------ JSON


def json_depth(raw: bytes) -> int:
    """How deeply arrays and objects nest in a JSON text, measured without parsing it (the
    parser itself would recurse once per level)."""
    skeleton = _JSON_STRING.sub(b"", raw)
    if not skeleton:
        return 0
    codes = np.frombuffer(skeleton, dtype=np.uint8)
    steps = np.isin(codes, (ord("["), ord("{"))).astype(np.int32) - np.isin(
        codes, (ord("]"), ord("}"))
    ).astype(np.int32)
    return int(np.cumsum(steps).max(initial=0))


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_json(raw: bytes | str, field: str = "body") -> Any:
    """Parse a JSON text with the depth and text checks. A body that is not JSON (too deep,
    not UTF-8, not parseable) is a 400 naming the field; bad characters inside it a 422."""
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    depth = json_depth(data)
    if depth > MAX_JSON_DEPTH:
        raise CasebookError(
            f"{field} nests {depth} levels deep; at most {MAX_JSON_DEPTH} are accepted.",
            field=field,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CasebookError(
            f"{field} is not valid UTF-8 (byte {exc.start}).", field=field
        ) from None
    try:
        value = json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError) as exc:
        where = (
            f" (line {exc.lineno}, column {exc.colno})"
            if isinstance(exc, json.JSONDecodeError)
            else ""
        )
        raise CasebookError(f"{field} is not valid JSON{where}.", field=field) from None
    return check_texts(value, field)


# ------------------------------------------------------------------ numbers and dates


def id_value(raw: Any) -> int | None:
    """An id typed into a form or query string, None when it cannot be one of ours."""
    text = str(raw).strip() if raw is not None else ""
    if not text.isascii() or not text.isdigit() or len(text) > 10:
        return None
    value = int(text)
    return value if 1 <= value <= MAX_ID else None


def bounded_int(
    raw: Any,
    field: str,
    *,
    minimum: int = 1,
    maximum: int = MAX_PAGE,
    default: int | None = None,
    blank_ok: bool = True,
) -> int | None:
    """A whole number from a query string or form, within bounds, else ValidationError.
    Absent gives `default`; so does blank, unless `blank_ok` is off (the API's `?page=`)."""
    if raw is None or (blank_ok and isinstance(raw, str) and not raw.strip()):
        return default
    text = str(raw).strip()
    if not re.fullmatch(r"[+-]?\d{1,12}", text):
        raise ValidationError(
            f"{field} must be a whole number from {minimum} to {maximum}.", field=field
        )
    value = int(text)
    if not minimum <= value <= maximum:
        raise ValidationError(
            f"{field} must be a whole number from {minimum} to {maximum}.", field=field
        )
    return value


# A name or email fragment to look for in a list: none is longer than an email address can be,
# and SQLite refuses a LIKE pattern over 50,000 bytes with an error of its own.
MAX_FRAGMENT = 320


def search_fragment(raw: Any, field: str = "q") -> str:
    """What to look for in names and emails, stripped; too long or bad characters is a
    ValidationError naming the field."""
    text = check_text(str(raw or "").strip(), field)
    if len(text) > MAX_FRAGMENT:
        raise ValidationError(f"{field} must be at most {MAX_FRAGMENT} characters.", field=field)
    return text


def clamp_int(raw: Any, *, minimum: int, maximum: int, default: int) -> int:
    """A lenient reading for pages that fall back to defaults: bad values give the default,
    numbers out of range the nearest bound."""
    text = str(raw).strip() if raw is not None else ""
    if not re.fullmatch(r"[+-]?\d{1,30}", text):
        return default
    return min(max(int(text), minimum), maximum)


def bounded_date(raw: Any, field: str, *, strict: bool = False) -> date | None:
    """A YYYY-MM-DD date between FIRST_YEAR and LAST_YEAR, None when blank. `strict` (the
    API): the date exactly, no spaces or newline around it."""
    if raw is None:
        return None
    if isinstance(raw, date):
        value = raw
    else:
        text = str(raw).strip()
        if not text:
            return None
        try:
            if strict and text != raw:
                raise ValueError(text)
            if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
                raise ValueError(text)
            value = date.fromisoformat(text)
        except ValueError:
            raise ValidationError(
                f"{field} must be a date written YYYY-MM-DD.", field=field
            ) from None
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(
            f"{field} must be a date between {FIRST_YEAR} and {LAST_YEAR}.", field=field
        )
    return value


_SHOWN_EMAIL = re.compile(r"[!-?A-~]{1,64}@[!-?A-~]{1,189}")


def shown_email(email: Any) -> str | None:
    """An account's email as a message may repeat it: None for a value that is no email
    address (a name or a line of notes in its place)."""
    if not isinstance(email, str) or not _SHOWN_EMAIL.fullmatch(email) or email.count("@") != 1:
        return None
    return email
