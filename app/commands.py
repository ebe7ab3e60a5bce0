"""The commands of the `casebook` command line (app/cli.py), registered on every app so that
`flask --app wsgi …` has them too."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
from flask import Flask, current_app

from app.auth.models import Role, User
from app.auth.policy import SYSTEM
from app.cli_support import acting_user, as_option, cli_errors
from app.errors import CasebookError
from app.extensions import db

MAX_PROBLEMS_SHOWN = 25
WAITRESS_CONNECTION_LIMIT = 1000


@click.command("init")
def init_command() -> None:
    """Create or upgrade the database to the latest schema."""
    from app.maintenance import initialise

    rebuilt = initialise()
    click.echo(f"Database ready at {db.engine.url.render_as_string(hide_password=True)}")
    if rebuilt:
        click.echo("Search index rebuilt: it was built by an older version of Casebook.")


@click.command("create-user")
@click.argument("email")
@click.option("--name", "display_name", required=True, help="Display name.")
@click.option(
    "--role", type=click.Choice([r.value for r in Role]), default="provider", show_default=True
)
@click.option("--program", "programs", multiple=True, metavar="SLUG", help="Program membership.")
@click.option(
    "--password",
    prompt=True,
    hide_input=True,
    confirmation_prompt=True,
    help="Asked for when not given; read from standard input when piped.",
)
@cli_errors
def create_user_command(
    email: str, display_name: str, role: str, programs: tuple[str, ...], password: str
) -> None:
    """Create an account that can sign in."""
    from app.auth.operations import create_user

    user = create_user(
        email, display_name, role, password=password, program_slugs=programs, actor=SYSTEM
    )
    db.session.commit()
    click.echo(f"Created {user.role} account {user.email}.")


@click.command("set-password")
@click.argument("email")
@click.option(
    "--password",
    prompt=True,
    hide_input=True,
    confirmation_prompt=True,
    help="Asked for when not given; read from standard input when piped.",
)
@cli_errors
def set_password_command(email: str, password: str) -> None:
    """Set the password of EMAIL (e.g. an account a hub import created without one); its
    sign-ins end."""
    from app.auth.operations import set_password

    user = acting_user(email)
    assert isinstance(user, User)  # EMAIL names an account
    set_password(user, password, actor=SYSTEM)
    db.session.commit()
    click.echo(f"Password set for {user.email}.")


@click.command("create-token")
@click.argument("email")
@click.option("--name", default="script", show_default=True, help="What the token is for.")
@click.option(
    "--days",
    type=int,
    default=None,
    help="Days until it expires (default CASEBOOK_TOKEN_DAYS, 90).",
)
@cli_errors
def create_token_command(email: str, name: str, days: int | None) -> None:
    """Print a new API token for EMAIL (shown once; only its hash is kept)."""
    from app.auth.operations import create_token

    user = acting_user(email)
    assert isinstance(user, User)  # EMAIL names an account
    token = create_token(user, name, days=days, actor=SYSTEM)
    db.session.commit()
    click.echo(token)


@click.group("tokens")
def tokens_group() -> None:
    """List and revoke API tokens."""


@tokens_group.command("list")
@click.argument("email")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per token.")
@cli_errors
def tokens_list_command(email: str, as_json: bool) -> None:
    """The API tokens of EMAIL, newest first (revoked and expired ones included)."""
    from app.auth.operations import get_user_by_email, list_tokens
    from app.common import utcnow

    user = get_user_by_email(email)
    if user is None:
        raise click.ClickException("No account with that email.")
    now = utcnow()
    tokens = list_tokens(user)
    for t in tokens:
        last_used = f"{t.last_used_at:%Y-%m-%d %H:%M}" if t.last_used_at else "never"
        if as_json:
            from app.api.spec import dump
            from app.api.tokens import token_answer

            click.echo(json.dumps(dump(token_answer(t))))
        else:
            click.echo(
                f"{t.id:>6}  {t.prefix}…  {t.status(now):<8} expires {t.expires_at:%Y-%m-%d}  "
                f"last used {last_used}  {t.name}"
            )
    if not tokens and not as_json:
        click.echo(f"{user.email} has no API tokens.")


@tokens_group.command("revoke")
@click.argument("token_id", type=int)
@cli_errors
def tokens_revoke_command(token_id: int) -> None:
    """Revoke the API token with this ID (from `casebook tokens list`)."""
    from app.auth.operations import get_token, revoke_token

    api_token = get_token(token_id, actor=SYSTEM)
    already = api_token.revoked_at is not None
    revoke_token(api_token, actor=SYSTEM)
    db.session.commit()
    if already:
        click.echo(f"Token {token_id} ({api_token.prefix}…) was already revoked.")
    else:
        click.echo(f"Revoked token {token_id} ({api_token.prefix}…) of {api_token.user.email}.")


@click.command("unlock")
@click.argument("email")
@cli_errors
def unlock_command(email: str) -> None:
    """Lift the lockout that failed sign-ins put on EMAIL."""
    from app.auth.operations import unlock

    lifted = unlock(email, actor=SYSTEM)
    db.session.commit()
    click.echo(f"Unlocked {email}." if lifted else f"{email} had no failed sign-ins.")


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--create-programs", is_flag=True, help="Create programs that do not exist yet.")
@click.option(
    "--create-authors", is_flag=True, help="Create accounts (no sign-in) for unknown authors."
)
@click.option(
    "--redact",
    is_flag=True,
    help="Replace possible identifiers with [CATEGORY] placeholders instead of rejecting.",
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("redaction-report.jsonl"),
    show_default=True,
    help="With --redact: where to write what was replaced (offsets and categories, no text).",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Check every file and print what would change; write nothing.",
)
@click.option(
    "--overwrite",
    is_flag=True,
    help="Replace items edited in the app since their last import with the file's version.",
)
@click.option(
    "--index-timeout",
    type=click.FloatRange(min=0),
    default=600,
    show_default=True,
    metavar="SECONDS",
    help="Wait at most this long for the imported cases to reach the search index (0: don't).",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Processes scanning the files for identifiers ahead of the import"
    " [default: the number of CPUs].",
)
@as_option
@cli_errors
def import_command(
    paths: tuple[Path, ...],
    create_programs: bool,
    create_authors: bool,
    redact: bool,
    report: Path,
    dry_run: bool,
    overwrite: bool,
    index_timeout: float,
    jobs: int | None,
    as_email: str | None,
) -> None:
    """Import cases from Markdown files with front matter and JSON Lines files, or folders;
    or a whole hub from a folder written by `export --hub` (it has a manifest.json).

    Re-import merges: a file updates what it imported before (matched by ref and item
    key), adds new items, and never removes or overwrites what was written in the app."""
    from app.backup.hub import import_hub, is_hub_folder
    from app.cases.transfer import ImportOptions, import_paths
    from app.search.outbox import last_outbox_id

    hub = any(is_hub_folder(p) for p in paths)
    if hub and len(paths) > 1:
        raise CasebookError("A hub export folder (with manifest.json) is imported on its own.")

    actor = acting_user(as_email)
    first_change = last_outbox_id()
    options = ImportOptions(
        create_programs=create_programs,
        create_authors=create_authors,
        redact=redact,
        overwrite=overwrite,
        dry_run=dry_run,
    )
    if hub:
        results = import_hub(paths[0], options, actor=actor)
    else:
        from app.deid.parallel import default_jobs

        results = import_paths(
            list(paths), options, actor=actor, progress=_progress, jobs=jobs or default_jobs()
        )
    if redact and not dry_run:
        replaced = [r for result in results if result.ok for r in result.redactions]
        with report.open("w", encoding="utf-8") as fh:
            for row in replaced:
                fh.write(json.dumps(row) + "\n")
        click.echo(f"Redacted {len(replaced)} possible identifiers; report written to {report}.")
    failed = 0
    for result in results:
        if result.ok:
            click.echo(f"{'would' if dry_run else 'ok':<8} {result.path}: {result.summary()}")
            for change in result.changes if dry_run else []:
                click.echo(f"  {change}")
            for conflict in result.conflicts:
                click.echo(f"  CONFLICT {conflict}")
            for warning in result.practice_warnings:
                click.echo(f"  PRACTICE {warning}")
        else:
            failed += 1
            click.echo(f"REJECTED {result.path}: nothing imported from this file", err=True)
            for problem in result.problems[:MAX_PROBLEMS_SHOWN]:
                click.echo(f"  - {problem}", err=True)
            hidden = len(result.problems) - MAX_PROBLEMS_SHOWN
            if hidden > 0:
                click.echo(f"  … and {hidden} more problems in this file", err=True)
    done = [r for r in results if r.ok]
    click.echo(
        f"{len(done)} of {len(results)} files {'would import' if dry_run else 'imported'}: "
        f"{sum(r.created for r in done)} {'records' if hub else 'cases'} created,"
        f" {sum(r.updated for r in done)} updated, "
        f"{sum(r.unchanged for r in done)} unchanged; "
        f"{sum(len(r.conflicts) for r in done)} items edited in the app kept"
        + (" (dry run: nothing was written)." if dry_run else ".")
    )
    if not dry_run and any(r.created for r in done):
        from app.maintenance import refresh_planner_statistics

        # A bulk load changes what the planner should choose; the cases are in either way.
        if not refresh_planner_statistics():
            click.echo(
                "The database stayed busy with another writer: its query statistics were not"
                " refreshed (they are at the next import or `casebook init`)."
            )
    if not dry_run:
        _wait_for_index(first_change, index_timeout)
    if failed:
        sys.exit(1)


def _wait_for_index(after_id: int, timeout: float) -> None:
    """Searchable when the command returns, or say what is not yet and how to apply it."""
    from app.search.applier import wait_until_indexed
    from app.search.snapshots import search_index
    from app.search.upkeep import vocabulary_changed

    shown = [0]
    with click.progressbar(
        length=1, label="Updating the search index", show_pos=True, file=sys.stderr
    ) as bar:

        def progress(done: int, total: int) -> None:
            bar.length = max(total, 1)
            bar.update(done - shown[0])
            shown[0] = done

        left = wait_until_indexed(after_id, timeout, progress)
    if vocabulary_changed():
        click.echo(
            "The import added or changed topics: run `casebook reindex` so that searches "
            "for their synonyms also find what was indexed before."
        )
    if not left:
        return
    state = search_index().state()
    why = f" (search index {state.status}: {state.problem})" if not state.ready else ""
    click.echo(
        f"{left:,} imported changes are not in the search index yet{why}. A running server "
        "applies them; or run `casebook index apply` (`casebook index verify` shows failures)."
    )


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "markdown"]),
    help="Output format of the cases.",
)
@click.option(
    "--hub",
    is_flag=True,
    help="Everything the hub owns (programs, accounts, topics, sessions, cases, practices)"
    " to the new folder OUT, one JSON Lines file per kind.",
)
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--program", "programs", multiple=True, metavar="SLUG", help="Only these programs.")
@as_option
@cli_errors
def export_command(
    fmt: str | None, hub: bool, out: Path, programs: tuple[str, ...], as_email: str | None
) -> None:
    """Write cases to OUT: a .jsonl file, or a folder of Markdown files; or, with --hub,
    everything the hub owns to the folder OUT."""
    from app.backup.hub import export_hub
    from app.cases.transfer import export_cases

    actor = acting_user(as_email)
    if hub:
        if fmt or programs:
            raise click.UsageError(
                "--hub exports everything, as JSON Lines: no --format or --program."
            )
        counts = export_hub(out, actor=actor)
        listed = ", ".join(f"{n} {kind}" for kind, n in counts.items())
        click.echo(f"Exported the hub to {out}: {listed}.")
        return
    if fmt is None:
        raise click.UsageError("Give --format jsonl or markdown (or --hub).")
    count = export_cases(out, fmt, actor=actor, program_slugs=list(programs))
    click.echo(f"Exported {count} cases to {out}.")


@click.command("demo")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--no-serve", is_flag=True, help="Prepare the demo data, then exit.")
@cli_errors
def demo_command(host: str, port: int, no_serve: bool) -> None:
    """Prepare a demo instance (idempotent) and serve it."""
    from app.demo import prepare_demo

    accounts = prepare_demo(progress=_progress, echo=click.echo)
    click.echo("\nDemo accounts (email / password):")
    for role, email, password in accounts:
        click.echo(f"  {role:<12} {email:<32} {password}")
    if not no_serve:
        _serve(current_app._get_current_object(), host, port)  # type: ignore[attr-defined]


@click.command("run")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=int)
@click.option(
    "--connection-limit",
    default=WAITRESS_CONNECTION_LIMIT,
    show_default=True,
    type=click.IntRange(min=1),
    help="Open connections served at once (browsers keep theirs open between pages).",
)
def run_command(host: str, port: int, threads: int, connection_limit: int) -> None:
    """Serve Casebook with waitress."""
    _serve(current_app._get_current_object(), host, port, threads, connection_limit)  # type: ignore[attr-defined]


def _serve(
    app: Flask,
    host: str,
    port: int,
    threads: int = 8,
    connection_limit: int = WAITRESS_CONNECTION_LIMIT,
) -> None:
    from waitress import serve

    from app.search import start
    from app.serving import settle_for_serving

    start(app)  # the search applier catches up and opens the index before the first search
    settle_for_serving()

    click.echo(f"Serving Casebook at http://{host}:{port}/ (Ctrl+C to stop)")
    # waitress stops accepting at 100 open connections (its default): every signed-in
    # browser keeps one open between pages, so the 101st user waited until one timed out.
    # With that many, poll() rather than select(), which fails on descriptors above 1023.
    serve(
        app,
        host=host,
        port=port,
        threads=threads,
        connection_limit=connection_limit,
        asyncore_use_poll=True,
    )


def _progress(items: Any, label: str, length: int | None = None) -> Any:
    """A progress bar on a terminal; quiet lines elsewhere."""
    return click.progressbar(items, label=label, length=length, show_pos=True, file=sys.stderr)


def _deid_commands() -> list[click.Command]:
    from app.deid.cli import deid_scan_command, purge_command

    return [deid_scan_command, purge_command]


def _search_commands() -> list[click.Command]:
    from app.search.cli import COMMANDS as SEARCH_COMMANDS

    return SEARCH_COMMANDS


def _backup_commands() -> list[click.Command]:
    from app.backup.cli import COMMANDS as BACKUP_COMMANDS

    return BACKUP_COMMANDS


COMMANDS = [
    init_command,
    create_user_command,
    set_password_command,
    create_token_command,
    tokens_group,
    unlock_command,
    import_command,
    export_command,
    demo_command,
    run_command,
]


def _admin_commands() -> list[click.Command]:
    from app.admin.cli import COMMANDS as ADMIN_COMMANDS

    return ADMIN_COMMANDS


def _subscription_commands() -> list[click.Command]:
    from app.subscriptions.cli import COMMANDS as SUBSCRIPTION_COMMANDS

    return SUBSCRIPTION_COMMANDS


def _curriculum_commands() -> Sequence[click.Command]:
    from app.curriculum.cli import COMMANDS as CURRICULUM_COMMANDS

    return CURRICULUM_COMMANDS


def _attendance_commands() -> Sequence[click.Command]:
    from app.attendance.cli import COMMANDS as ATTENDANCE_COMMANDS

    return ATTENDANCE_COMMANDS


def _outdated_commands() -> list[click.Command]:
    from app.outdated.cli import COMMANDS as OUTDATED_COMMANDS

    return OUTDATED_COMMANDS


def _teaching_commands() -> list[click.Command]:
    from app.teaching.cli import COMMANDS as TEACHING_COMMANDS

    return TEACHING_COMMANDS


def register_commands(app: Flask) -> None:
    for command in [
        *COMMANDS,
        *_deid_commands(),
        *_search_commands(),
        *_backup_commands(),
        *_curriculum_commands(),
        *_admin_commands(),
        *_attendance_commands(),
        *_subscription_commands(),
        *_outdated_commands(),
        *_teaching_commands(),
    ]:
        app.cli.add_command(command)
