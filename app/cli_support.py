"""What the areas' commands share: user errors as messages, and the account a command acts
as. Kept apart from app/commands.py, which imports the areas' commands, so that they import
this without a cycle."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

from app.auth.policy import SYSTEM, Actor
from app.errors import CasebookError
from app.extensions import db

F = TypeVar("F", bound=Callable[..., Any])


def cli_errors(func: F) -> F:
    """Turn user errors into a clear message and exit status 1; roll back the transaction."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CasebookError as exc:
            db.session.rollback()
            where = f" [{exc.field}]" if exc.field else ""
            raise click.ClickException(f"{exc.message}{where}") from None
        except OSError as exc:
            # A path that cannot be written or read (no such folder, a file where a folder
            # is wanted, no permission): the path and the reason, not a traceback.
            db.session.rollback()
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from None

    return wrapper  # type: ignore[return-value]


def acting_user(email: str | None) -> Actor:
    """The account a command acts as; without one, the operator at the server's shell."""
    if not email:
        return SYSTEM
    from app.auth.operations import get_user_by_email

    user = get_user_by_email(email)
    if user is None or not user.active:
        raise click.ClickException(f"No active account with email {email}.")
    return user


def as_option(func: F) -> F:
    return click.option(
        "--as",
        "as_email",
        metavar="EMAIL",
        help="Act as this account, with its role and program memberships.",
    )(func)
