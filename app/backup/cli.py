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

    Every purge recorded in the purge ledger is re-applied. Exit 1 when a ledger entry could
    not be read or matched, or the search index is not in step (the restore finishes)."""
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
    problems = purge_problems(report.purges)
    click.echo(
        f"Search index rebuilt: {report.documents:,} documents (generation "
        f"{report.index_generation})."
    )
    for line in problems:
        click.echo(line, err=True)
    if report.problems:
        for problem in report.problems:
            click.echo(f"Search index not in step: {problem}.", err=True)
        click.echo("Run `casebook index verify --repair`.", err=True)
    else:
        click.echo("`casebook index verify`: the index is in step with the database.")
    if report.problems or problems:
        sys.exit(1)


def purge_lines(purges: ReapplyReport | None, source: Path) -> list[str]:
    """What the restore did about the purges in the ledger."""
    if purges is None:
        return []
    if not purges.found:
        return [
            f"No purge ledger at {purges.ledger}: purges made after this backup was taken "
            "could not be re-applied, and a backup taken before a purge still holds the "
            "purged text. If any was purged since, purge it again (`casebook purge`)."
        ]
    if purges.read_error:
        return []
    lines = [
        f"Re-applied {purges.reapplied} of {purges.entries} ledger entries "
        f"({purges.occurrences} occurrences); {purges.nothing_found} found nothing to remove "
        "(purged before the backup was taken, or on cases it does not hold). "
        f"Ledger: {purges.ledger}."
    ]
    if purges.reapplied:
        lines.append(
            f"The backup {source} still holds the text of {purges.reapplied} "
            f"purge{'' if purges.reapplied == 1 else 's'}: delete it, or keep it as safely as "
            "the database."
        )
    return lines


def purge_problems(purges: ReapplyReport | None) -> list[str]:
    """The purges that could not be re-applied: each a reason for exit status 1."""
    if purges is None or not purges.found:
        return []
    if purges.read_error:
        return [
            f"The purge ledger {purges.ledger} could not be read ({purges.read_error}): no "
            "purge was re-applied. Make it readable and restore again into an empty instance, "
            "or purge the text again (`casebook purge`)."
        ]
    problems = []
    if purges.bad_lines:
        shown = _numbers(purges.bad_lines)
        problems.append(
            f"{shown} of the purge ledger {purges.ledger} "
            f"{'is not a ledger entry' if len(purges.bad_lines) == 1 else 'are not ledger entries'}"
            " and were skipped: the purges they recorded were not re-applied. Mend them from a "
            "copy of the ledger and restore again, or purge that text again (`casebook purge`)."
        )
    if purges.unmatched_key:
        problems.append(
            f"{purges.unmatched_key} purges were recorded under a key this instance does not "
            "hold (the secret key or CASEBOOK_PURGE_LEDGER_KEY differs from when they were "
            "made): supply that key and restore again, or purge that text again "
            "(`casebook purge`)."
        )
    return problems


def _numbers(lines: list[int]) -> str:
    if len(lines) == 1:
        return f"Line {lines[0]}"
    shown = [str(n) for n in lines[:10]]
    more = f" and {len(lines) - 10} more" if len(lines) > 10 else ""
    if more:
        return f"Lines {', '.join(shown)}{more}"
    return f"Lines {', '.join(shown[:-1])} and {shown[-1]}"


COMMANDS = [backup_command, restore_command]
