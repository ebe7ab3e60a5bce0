"""`casebook backup OUT` and `casebook restore IN`."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import click

from app.cli_support import cli_errors
from app.deid.purge import ReapplyReport


@click.command("backup")
@click.argument("out", type=click.Path(path_type=Path))
@cli_errors
def backup_command(out: Path) -> None:
    """Write a backup of the database to the new folder OUT (safe while the app runs)."""
    from app.backup.operations import backup

    manifest = backup(out)
    click.echo(
        f"Backed up {manifest.rows:,} rows in {len(manifest.counts)} tables "
        f"({manifest.database}, schema {manifest.schema_revision}) to {out}."
    )
    click.echo("The search index is not included: `casebook restore` rebuilds it.")


@click.command("restore")
@click.argument("source", metavar="IN", type=click.Path(path_type=Path))
@cli_errors
def restore_command(source: Path) -> None:
    """Restore the backup folder IN into this instance, whose database must be empty.

    Purges recorded in the purge ledger since the backup was taken are re-applied."""
    from app.backup.operations import restore

    with ExitStack() as stack:
        bars: list[Any] = []  # opened when the index rebuild starts, after the checks

        def progress(done: int, total: int) -> None:
            if not bars:
                bars.append(
                    stack.enter_context(
                        click.progressbar(
                            length=max(total, 1),
                            label="Rebuilding the search index",
                            show_pos=True,
                            file=sys.stderr,
                        )
                    )
                )
            bar = bars[0]
            bar.length = max(total, done, 1)
            bar.update(done - bar.pos)

        report = restore(source, progress=progress)
    manifest = report.manifest
    click.echo(
        f"Restored {manifest.rows:,} rows in {len(manifest.counts)} tables from {source} "
        f"(taken {manifest.created_at}); row counts match the manifest."
    )
    if report.upgraded_to:
        click.echo(f"Migrated from schema {manifest.schema_revision} to {report.upgraded_to}.")
    for line in purge_lines(report.purges, source):
        click.echo(line)
    click.echo(
        f"Search index rebuilt: {report.documents:,} documents (generation "
        f"{report.index_generation})."
    )
    if report.problems:
        for problem in report.problems:
            click.echo(f"Search index not in step: {problem}.", err=True)
        click.echo("Run `casebook index verify --repair`.", err=True)
        sys.exit(1)
    click.echo("`casebook index verify`: the index is in step with the database.")


def purge_lines(purges: ReapplyReport | None, source: Path) -> list[str]:
    """What the restore did about purges made since the backup was taken."""
    if purges is None:
        return []
    if not purges.found:
        return [
            f"No purge ledger at {purges.ledger}: purges made after this backup was taken "
            "could not be re-applied, and a backup taken before a purge still holds the "
            "purged text. If any was purged since, purge it again (`casebook purge`)."
        ]
    lines = [
        f"Re-applied {purges.reapplied} of the {purges.since} purges recorded since the "
        f"backup was taken ({purges.occurrences} occurrences; ledger {purges.ledger})."
    ]
    if purges.unmatched_key:
        lines.append(
            f"{purges.unmatched_key} of them were recorded under another secret key and could "
            "not be matched: purge that text again (`casebook purge`)."
        )
    if purges.reapplied:
        lines.append(
            f"The backup {source} still holds the text of {purges.reapplied} purges: delete it, "
            "or keep it as safely as the database."
        )
    return lines


COMMANDS = [backup_command, restore_command]
