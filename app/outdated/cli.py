"""`casebook outdated`: the outdated-advice queue at the shell, counted by practice."""

from __future__ import annotations

from collections import Counter

import click

from app.cli_support import acting_user, as_option, cli_errors


@click.command("outdated")
@click.option("--resolved", is_flag=True, help="Count the resolved items instead of the open.")
@as_option
@cli_errors
def outdated_command(resolved: bool, as_email: str | None) -> None:
    """Recommendations to review because a best practice they cite or give was superseded
    or retired: how many per practice (all of them, or those an account reviews with --as)."""
    from app.auth import policy
    from app.outdated.operations import named_practice_ids, outdated_queue

    user = acting_user(as_email)
    items = outdated_queue(user, resolved=resolved)
    shown = policy.visible_practice_ids(user, named_practice_ids(items))
    counts = Counter((i.practice_id, i.practice.title) for i in items if i.practice_id in shown)
    for (practice_id, title), n in sorted(counts.items()):
        click.echo(f"{n:>5}  practice {practice_id} “{title}”")
    if unseen := sum(1 for i in items if i.practice_id not in shown):
        click.echo(f"{unseen:>5}  on practices this account cannot see")
    state = "resolved" if resolved else "open"
    click.echo(f"{len(items)} {state} item{'s' if len(items) != 1 else ''}.")


COMMANDS = [outdated_command]
