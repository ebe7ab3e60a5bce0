"""`casebook sets`: teaching sets from the shell (their downloads, as JSON or Markdown)."""

from __future__ import annotations

import json

import click

from app.cli_support import acting_user, as_option, cli_errors


@click.group("sets")
def sets_group() -> None:
    """Teaching sets."""


@sets_group.command("export")
@click.argument("set_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["json", "md"]), default="md", show_default=True)
@as_option
@cli_errors
def export_set_command(set_id: int, fmt: str, as_email: str | None) -> None:
    """Print teaching set SET_ID as JSON or as a Markdown handout: with --as, as that
    account sees it (a case it may not see is left out)."""
    from app.teaching import operations as ops

    actor = acting_user(as_email)
    teaching_set = ops.get_set(actor, set_id)
    if fmt == "json":
        click.echo(json.dumps(ops.export_json(actor, teaching_set), indent=2, ensure_ascii=False))
    else:
        click.echo(ops.export_markdown(actor, teaching_set), nl=False)


COMMANDS: list[click.Command] = [sets_group]
