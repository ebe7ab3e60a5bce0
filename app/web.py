"""Web plumbing: sign-in loading, error pages, template helpers, security headers, the
text check on every request and the one safe-redirect helper."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import traceback
from contextlib import ExitStack
from datetime import date, datetime
from typing import Any
from urllib.parse import unquote, urlsplit

from flask import Flask, g, jsonify, render_template, request
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException, UnsupportedMediaType
from werkzeug.security import safe_join

from app.auth import policy
from app.auth.models import User
from app.auth.policy import Permission
from app.content.markdown import render as render_markdown
from app.content.markdown import render_draft
from app.diagnostics import describe_error
from app.errors import CasebookError
from app.extensions import (
    READING_METHODS,
    WRITES_ON_GET,
    commit_unless_busy,
    db,
    is_busy,
    login_manager,
    reading,
)
from app.inputs import check_text

log = logging.getLogger(__name__)

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


HSTS = "max-age=31536000; includeSubDomains"
BUSY_RETRY_AFTER_SECONDS = 5
_READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_UNSAFE_IN_REDIRECT = set("\\") | {chr(c) for c in range(0x20)} | {"\x7f"}


def wants_json() -> bool:
    return request.path.startswith("/api/")


def safe_redirect_target(target: Any, fallback: str) -> str:
    """`target` when it is a path on this site, else `fallback`. Browsers drop tabs and
    newlines and read a backslash as a slash, so `/\t/evil` and `/\\evil` would leave the
    site: any of those, a scheme, a host or `//` refuses the target."""
    if not isinstance(target, str) or not target or len(target) > 2000:
        return fallback
    if not target.startswith("/") or target.startswith("//"):
        return fallback
    if any(ch in _UNSAFE_IN_REDIRECT for ch in target):
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return fallback
    return target


# A query string may hold what a user typed (search words can name a patient); so may a
# referring page's or a redirect's URL. Server access logs get the path only, and so does
# gunicorn's error log, which names the URI of a request that failed outside the app. A
# request line malformed by raw spaces ("GET /search?q=John Smith HTTP/1.1") runs its query
# on to the protocol, or to the end of the text (an ANSI colour code, or the quote before a
# status code, ends it); its target may lack the leading slash. Quotes inside a query end
# nothing: browsers send an apostrophe unescaped ("o'brien").
_QUERY_IN_URL = re.compile(r"([^\s?#\"'\x1b]*)\?.*?(?=\s+HTTP/\d|\"\s+\d{3}\b|[\x1b\r\n]|$)")
# What a server's message about a malformed request quotes from it, with the words before
# (gunicorn: "Invalid HTTP Version: 'Smith HTTP/1.1'"; werkzeug, as http.server: "Bad request
# version ('Smith')"): any part of the request line may sit there, without a "?" to find.
_QUOTED_REQUEST = re.compile(r"""(?::\s*|\s*\()b?(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\)?""")
# An invitation link's path is its secret: whoever reads it can set the account's password.
# Its token is left out of every path logged (the admin pages' invitation ids are kept),
# however the path was spelt: servers log the request line as sent and route it decoded, so
# "/invitations%2F<token>" opens the invitation too (any letter may be escaped as well).
_INVITATIONS = "".join(f"(?:{c}|%{ord(c):02x})" for c in "invitations")
_INVITATION_TOKEN = re.compile(
    rf"(/{_INVITATIONS}(?:/|%2f))(?!\d+(?:[/?#\s\"']|%2f|$))[^/?#\s\"'\x1b]+", re.IGNORECASE
)
ACCESS_LOGGERS = ("werkzeug", "gunicorn.access", "gunicorn.error", "waitress")


def without_query(value: Any) -> Any:
    """`value` with the query string of every path or URL in it left out, and the token of
    every invitation link (text only)."""
    if not isinstance(value, str):
        return value
    value = _INVITATION_TOKEN.sub(r"\1<token>", value)
    return _QUERY_IN_URL.sub(r"\1", value) if "?" in value else value


# A path is written as typed too ("/cases/John Smith" finds no page, and is logged all
# the same), and a route's own parts may be typed text (a program's slug). Logged paths
# keep the words of the routes and of the static files, ids (short numbers) and an invitation's
# "<token>"; every other part is "*". Filled from each app's routes by `init_app`.
_PATH_WORDS: set[str] = {"<token>"}
# The dev server colours the request line by its status (ANSI codes around it).
_REQUEST_LINE = re.compile(
    r'^((?:\x1b\[[\d;]*m)?"?[A-Z]{3,10} )(.*?)( HTTP/\d(?:\.\d)?"?(?:\x1b\[[\d;]*m)?)$', re.DOTALL
)
_URL = re.compile(r"^(https?://[^/?#\s]*)(/.*)?$", re.DOTALL | re.IGNORECASE)
_PATH_PART = re.compile(r"[^/]+")


# An id: ASCII digits, no longer than a row count reaches; a longer number typed as a part of
# the path (a phone number, an SSN, "19610312") is typed text like any other.
_ID_PART = re.compile(r"[0-9]{1,7}")


def _kept_part(raw: str) -> bool:
    # Judged decoded, kept as sent: "/invitations%2F<token>" routes as its decoded self.
    return all(
        part == "" or _ID_PART.fullmatch(part) is not None or part.lower() in _PATH_WORDS
        for part in unquote(raw).split("/")
    )


def redacted_path(path: str) -> str:
    """`path` (no query string) with each part that is no route's or static file's word,
    nor a number, written "*": "/cases/John%20Smith" is "/cases/*"."""
    return _PATH_PART.sub(lambda m: m.group() if _kept_part(m.group()) else "*", path)


def _redacted_paths(value: Any) -> Any:
    """A request line's, a URL's or a path's path redacted (`redacted_path`); other text as
    it is."""
    if not isinstance(value, str):
        return value
    line = _REQUEST_LINE.match(value)
    if line:
        return f"{line.group(1)}{redacted_path(line.group(2))}{line.group(3)}"
    url = _URL.match(value)
    if url:
        return url.group(1) + redacted_path(url.group(2) or "")
    return redacted_path(value) if value.startswith("/") else value


def learn_path_words(app: Flask) -> None:
    """The words of `app`'s routes and the names of its static files and folders."""
    for rule in app.url_map.iter_rules():
        for part in rule.rule.split("/"):
            if part and "<" not in part:
                _PATH_WORDS.add(part.lower())
    folders = [app.static_folder, *(bp.static_folder for bp in app.blueprints.values())]
    for folder in filter(None, folders):
        for _root, dirs, files in os.walk(folder):
            _PATH_WORDS.update(name.lower() for name in (*dirs, *files))


def _without_request_text(value: Any) -> Any:
    """A server's message (an exception's too) without the query strings and the quoted
    parts of a malformed request in it: "Invalid HTTP request line", not the line."""
    if isinstance(value, BaseException):
        value = str(value)
    if not isinstance(value, str):
        return value
    return without_query(_QUOTED_REQUEST.sub("", value))


class QueryStringsDropped(logging.Filter):
    """Keeps query strings out of the lines servers log for each request: the dev server's
    (werkzeug: the request line among its arguments) and gunicorn's access log (a dict of
    atoms: `r`, `q`, `f`, headers and environ values), whatever format the operator set;
    and out of their messages about a malformed request, which quote its parts. The paths
    in them are redacted (`redacted_path`)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, dict):
            record.msg = without_query(record.msg)
            for key in list(args):
                if key in ("q", "{query_string}e"):
                    args[key] = "-"
                else:
                    args[key] = _redacted_paths(without_query(args[key]))
        else:
            record.msg = _without_request_text(record.msg)
            if isinstance(args, tuple):
                record.args = tuple(_redacted_paths(_without_request_text(a)) for a in args)
        return True


def drop_query_strings_from_access_logs() -> None:
    for name in ACCESS_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, QueryStringsDropped) for f in logger.filters):
            logger.addFilter(QueryStringsDropped())


def check_request_text() -> None:
    """Query strings, form fields and URL parts hold text a column can store: a NUL or a
    lone surrogate is refused naming the field, before any view or query sees it."""
    if request.is_json and not wants_json() and request.method not in _READ_METHODS:
        # Flask-WTF reads a JSON body as a form's data, which would pass it by this check.
        raise UnsupportedMediaType("Pages take form posts; send JSON to the API under /api/v1/.")
    for source in (request.view_args or {}, request.args, request.form):
        items = source.items(multi=True) if hasattr(source, "getlist") else source.items()  # type: ignore[call-arg]
        for name, value in items:
            check_text(str(name), "a field name")
            if isinstance(value, str):
                check_text(value, name)


def _is_static(endpoint: str | None) -> bool:
    return endpoint is not None and (endpoint == "static" or endpoint.endswith(".static"))


STATIC_MAX_AGE = 365 * 24 * 3600  # a versioned URL names one content for good
_versions: dict[tuple[str, int, int], str] = {}


def _static_folder(app: Flask, endpoint: str) -> str | None:
    if endpoint == "static":
        return app.static_folder
    blueprint = app.blueprints.get(endpoint.rsplit(".", 1)[0])
    return blueprint.static_folder if blueprint is not None else None


def static_version(app: Flask, endpoint: str, filename: str) -> str | None:
    """A short digest of a static file's content (None: no such file), kept per file,
    modification time and size, so an edited file gets a new one."""
    folder = _static_folder(app, endpoint)
    if not folder:
        return None
    path = safe_join(folder, filename)
    if path is None:
        return None
    try:
        stat = os.stat(path)
        key = (path, stat.st_mtime_ns, stat.st_size)
        found = _versions.get(key)
        if found is None:
            with open(path, "rb") as fh:
                found = _versions[key] = hashlib.sha256(fh.read()).hexdigest()[:12]
    except OSError:  # no such file, or a folder
        return None
    return found


def init_app(app: Flask) -> None:
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please sign in to continue."
    login_manager.login_message_category = "info"

    @login_manager.user_loader
    def load_user(cookie_value: str) -> User | None:
        # The session and remember-me cookies hold "<user id>:<sign-in secret>"; a sign-in
        # that was ended (sign-out, revoked, expired, password changed) loads nobody.
        from app.auth.operations import user_for_session

        found = user_for_session(cookie_value)
        if found is None:
            return None
        user, touched = found
        if touched:  # first thing in the request: nothing else is pending yet
            # Noting when a browser was seen is bookkeeping: a read does not wait for
            # SQLite's write lock for it, and a write that met a busy database drops it.
            commit_unless_busy(db.session())
        return user

    app.before_request(check_request_text)
    drop_query_strings_from_access_logs()
    learn_path_words(app)

    @app.url_defaults
    def version_static_urls(endpoint: str, values: dict[str, Any]) -> None:
        # Static URLs carry their content's digest, so browsers may keep the file for good
        # instead of asking again on every page (an edited file gets a new URL).
        if _is_static(endpoint) and "v" not in values and "filename" in values:
            version = static_version(app, endpoint, str(values["filename"]))
            if version is not None:
                values["v"] = version

    @app.errorhandler(CasebookError)
    def handle_casebook_error(exc: CasebookError) -> Any:
        if wants_json():
            return jsonify(exc.to_dict()), exc.status_code
        return render_template(
            "error.html", status=exc.status_code, message=exc.message
        ), exc.status_code

    @app.errorhandler(CSRFError)
    def handle_csrf(exc: CSRFError) -> Any:
        message = "Your form expired or was sent from elsewhere. Please go back and try again."
        return render_template("error.html", status=400, message=message), 400

    @app.errorhandler(HTTPException)
    def handle_http(exc: HTTPException) -> Any:
        status = exc.code or 500
        if wants_json():
            return jsonify(
                {"error": exc.name.lower().replace(" ", "_"), "message": exc.description}
            ), status
        return render_template("error.html", status=status, message=exc.description), status

    @app.errorhandler(OperationalError)
    def handle_database_busy(exc: OperationalError) -> Any:
        # SQLite: a write waited its whole busy timeout for other writers (many writing at
        # once). Nothing was saved; it is the server's state, not a fault: 503, try again.
        if not is_busy(exc):
            return handle_unexpected(exc)
        log.warning(
            "database busy at %s %s (%s)",
            request.method,
            redacted_path(without_query(request.path)),
            describe_error(exc),
        )
        db.session.rollback()
        message = "Casebook is busy saving other changes. Nothing was saved; please try again."
        headers = {"Retry-After": str(BUSY_RETRY_AFTER_SECONDS)}
        if wants_json():
            return jsonify({"error": "busy", "message": message}), 503, headers
        with reading():  # the page's own reads (the header's account) wait for no writer
            page = render_template("error.html", status=503, message=message)
        return page, 503, headers

    @app.errorhandler(Exception)
    def handle_unexpected(exc: Exception) -> Any:
        # Log the class, the database error code or errno and the code location only:
        # exception messages may quote patient text or a statement's parameters.
        frames = traceback.extract_tb(exc.__traceback__)[-6:]
        where = " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}" for f in reversed(frames))
        log.error(
            "unhandled %s at %s %s (%s)",
            describe_error(exc),
            request.method,
            redacted_path(without_query(request.path)),
            where,
        )
        db.session.rollback()
        message = "Something went wrong on our side. The team has been told."
        if wants_json():
            return jsonify({"error": "internal_error", "message": message}), 500
        return render_template("error.html", status=500, message=message), 500

    def reads_take_no_write_lock() -> None:
        view = app.view_functions.get(request.endpoint or "")
        if request.method in READING_METHODS and not getattr(view, WRITES_ON_GET, False):
            g.casebook_reading = ExitStack()
            g.casebook_reading.enter_context(reading())

    # First of all hooks, blueprints' too (they register before this), so nothing in the
    # request touches the database (loading the signed-in user above all) before it.
    app.before_request_funcs.setdefault(None, []).insert(0, reads_take_no_write_lock)

    @app.teardown_request
    def end_reading(_exc: BaseException | None) -> None:
        stack = g.pop("casebook_reading", None)
        if stack is not None:
            stack.close()

    @app.after_request
    def security_headers(response: Any) -> Any:
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if app.config.get("CASEBOOK_HTTPS"):
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        # Pages and API answers can carry case text, and pages seen before signing in can
        # name a person (an invitation greets its invitee): no copy in browser or proxy
        # caches. Static files are the same for everyone and keep their caching.
        if not _is_static(request.endpoint):
            response.headers["Cache-Control"] = "no-store"
        elif _is_static(request.endpoint) and response.status_code in (200, 304):
            filename = (request.view_args or {}).get("filename", "")
            wanted = request.args.get("v")
            if wanted and wanted == static_version(app, request.endpoint or "", filename):
                response.cache_control.public = True
                response.cache_control.max_age = STATIC_MAX_AGE
                response.cache_control.immutable = True
                response.cache_control.no_cache = None
        return response

    @app.context_processor
    def template_helpers() -> dict[str, Any]:
        user = current_user._get_current_object() if current_user.is_authenticated else False

        def can(permission: str, obj: Any = None) -> bool:
            return bool(user) and policy.can(user, Permission(permission), obj)

        def can_see_outdated_queue() -> bool:
            return bool(user) and policy.can_see_outdated_queue(user)

        def person(someone: Any, seen: Any = None) -> str | None:
            return policy.person_name(user or None, someone, seen=seen)

        def can_view_practice(practice: Any) -> bool:
            return bool(user) and policy.can_view_practice(user, practice)

        return {
            "can": can,
            "Permission": Permission,
            "can_see_outdated_queue": can_see_outdated_queue,
            "person": person,
            "can_view_practice": can_view_practice,
        }

    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["markdown_draft"] = render_draft
    app.jinja_env.filters["date"] = format_date
    app.jinja_env.filters["datetime"] = format_datetime
    app.jinja_env.filters["label"] = label


def format_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    return f"{value:%d %b %Y}".lstrip("0")


def format_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    return f"{value:%d %b %Y, %H:%M} UTC".lstrip("0")


def label(value: Any) -> str:
    text = str(getattr(value, "value", value) or "")
    return text.replace("_", " ").capitalize()
