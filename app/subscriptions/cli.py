"""Commands for operators: inviting by e-mail and the daily digest mail (for cron)."""

from __future__ import annotations

import click

from app.cli_support import cli_errors
from app.extensions import db


@click.command("invite")
@click.argument("email")
@click.option("--role", required=True, help="provider, expert, coordinator, curriculum or admin.")
@click.option("--program", "programs", multiple=True, metavar="SLUG", help="Repeat for several.")
@click.option("--name", default="", help="Display name (default: the start of the address).")
@cli_errors
def invite_command(email: str, role: str, programs: tuple[str, ...], name: str) -> None:
    """Invite EMAIL: a new account whose holder chooses a password from a link (7 days, once).
    The link is mailed; when mail delivery is off or fails, it is printed instead."""
    from app import mail
    from app.auth import invitations
    from app.auth.policy import SYSTEM

    issued = invitations.invite(SYSTEM, email, name, role, program_slugs=programs)
    invitation_id = issued.invitation.id
    address = issued.invitation.user.email
    db.session.commit()
    outcome = mail.send(issued.message)
    if outcome is mail.Delivery.SENT:
        invitations.mark_sent(invitation_id)
        db.session.commit()
        click.echo(f"Invitation mailed to {address}.")
        return
    why = "mail delivery is off" if outcome is mail.Delivery.OFF else "the mail was not sent"
    click.echo(f"Invited {address} ({why}); pass on this link, valid once for 7 days:")
    click.echo(issued.link)


@click.command("send-digests")
@cli_errors
def send_digests_command() -> None:
    """Mail today's digest to everyone who asked for it (run daily from cron). Running it
    again the same day sends only what failed before."""
    from app.subscriptions.operations import send_digests

    run = send_digests()
    if run.mail_off:
        click.echo("Mail delivery is off (CASEBOOK_SMTP_URL is not set): nothing sent.")
        return
    click.echo(f"Digests sent: {run.sent}; skipped: {run.skipped}; failed: {run.failed}.")
    if run.failed:
        raise click.ClickException(
            f"{run.failed} digest(s) could not be sent; run the command again later."
        )


COMMANDS = [invite_command, send_digests_command]
