"""Account commands for operators at the server's shell: the admin console's operations,
acting as the operator (no account)."""

from __future__ import annotations

import click

from app.auth.policy import SYSTEM
from app.cli_support import cli_errors
from app.extensions import db


def _account(email: str):
    from app.admin.operations import account_by_email

    return account_by_email(SYSTEM, email)


@click.command("deactivate")
@click.argument("email")
@cli_errors
def deactivate_command(email: str) -> None:
    """Deactivate EMAIL: its sign-ins end, sign-in and API tokens are refused."""
    from app.admin.operations import deactivate_account

    user = _account(email)
    revoked = deactivate_account(SYSTEM, user)
    db.session.commit()
    if revoked is None:
        click.echo(f"{user.email} was inactive already.")
    else:
        click.echo(f"Deactivated {user.email}. API tokens revoked: {revoked}.")


@click.command("reactivate")
@click.argument("email")
@cli_errors
def reactivate_command(email: str) -> None:
    """Let a deactivated EMAIL sign in again (its API tokens stay revoked)."""
    from app.admin.operations import reactivate_account

    user = _account(email)
    changed = reactivate_account(SYSTEM, user)
    db.session.commit()
    click.echo(f"Reactivated {user.email}." if changed else f"{user.email} was active already.")


@click.command("reset-password")
@click.argument("email")
@cli_errors
def reset_password_command(email: str) -> None:
    """Print a temporary password for EMAIL, to be changed at its next sign-in; its
    sign-ins end and its API tokens are revoked. The password is shown once and stored only
    as a hash."""
    from app.admin.operations import reset_password

    user = _account(email)
    reset = reset_password(SYSTEM, user)
    db.session.commit()
    click.echo(reset.password)


COMMANDS = [deactivate_command, reactivate_command, reset_password_command]
