"""What an error was, for logs: its class and the database or operating-system code.

Exception messages are never logged: a database error quotes the statement and its
parameters, an OS error a path, and either may carry patient text. The class alone cannot
tell "database is locked" from "disk full", so the codes are added: PostgreSQL's SQLSTATE,
SQLite's error name, or the errno's symbol.
"""

from __future__ import annotations

import errno as errno_module


def _codes(exc: BaseException) -> list[str]:
    codes: list[str] = []
    orig = getattr(exc, "orig", None)  # SQLAlchemy's DBAPIError wraps the driver's error
    for err in (exc, orig):
        if err is None:
            continue
        sqlstate = getattr(err, "sqlstate", None) or getattr(err, "pgcode", None)
        if isinstance(sqlstate, str) and sqlstate:
            codes.append(f"SQLSTATE {sqlstate}")
        name = getattr(err, "sqlite_errorname", None)
        if isinstance(name, str) and name:
            codes.append(name)
        number = getattr(err, "errno", None)
        if isinstance(err, OSError) and isinstance(number, int):
            codes.append(f"errno {number} {errno_module.errorcode.get(number, '?')}")
    return codes


def describe_error(exc: BaseException) -> str:
    """`OperationalError (sqlite3.OperationalError, SQLITE_BUSY)`; never the message.

    The causes chained under the error are described too (a disk-full OSError raised
    inside the search writer, re-raised as another class), up to three levels.
    """
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen and len(parts) < 3:
        seen.add(id(current))
        kind = type(current)
        label = kind.__name__
        if label.islower() and kind.__module__ != "builtins":
            label = f"{kind.__module__}.{label}"  # struct.error, socket.timeout
        orig = getattr(current, "orig", None)
        details = []
        if orig is not None and orig is not current:
            details.append(f"{type(orig).__module__}.{type(orig).__name__}")
        details.extend(_codes(current))
        parts.append(f"{label} ({', '.join(details)})" if details else label)
        if orig is not None:
            seen.add(id(orig))  # already described with its wrapper
            current = orig
        current = current.__cause__ or current.__context__
        while current is not None and id(current) in seen:
            current = current.__cause__ or current.__context__
    return " <- ".join(parts)
