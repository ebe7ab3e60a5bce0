"""`casebook curriculum refresh`: recompute the stored groups (recurring questions, candidate
practices) now, with a progress bar, instead of waiting for the background refresh."""

from __future__ import annotations

import sys
from typing import Any

import click
from flask.cli import with_appcontext

from app.cli_support import cli_errors


class ProgressBars:
    """One progress bar per stage, each replaced when the next stage starts (on stderr).
    Also used by scripts/generate_hub.py, which refreshes the groups at its end."""

    def __init__(self) -> None:
        self.label = ""
        self.bar: Any = None
        self.done = 0

    def __call__(self, label: str, done: int, total: int) -> None:
        if label != self.label:
            self.close()
            self.label, self.done = label, 0
            self.bar = click.progressbar(
                length=max(total, 1), label=label, show_pos=True, file=sys.stderr
            )
            self.bar.__enter__()
        self.bar.update(max(done - self.done, 0))
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.update(max(self.bar.length - self.done, 0))
            self.bar.__exit__(None, None, None)
            self.bar = None


@click.group("curriculum")
def curriculum_group() -> None:
    """Curriculum figures: recurring questions and candidate practices."""


@curriculum_group.command("refresh")
@with_appcontext
@cli_errors
def refresh_command() -> None:
    """Recompute recurring-question groups and candidate-practice groups now."""
    from app.practices.groups import refresh

    bars = ProgressBars()
    try:
        result = refresh(progress=bars)
    finally:
        bars.close()
    for kind, count in result.items():
        if count is None:
            click.echo(f"{kind.value}: another process is refreshing them now; left to it.")
        else:
            click.echo(f"{kind.value}: {count:,} groups stored.")


COMMANDS = [curriculum_group]
