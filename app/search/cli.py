"""`casebook reindex`, `casebook index apply|verify`, `casebook search`."""

from __future__ import annotations

import json
import sys

import click

from app.cli_support import acting_user, as_option, cli_errors
from app.errors import CasebookError


@click.command("reindex")
def reindex_command() -> None:
    """Rebuild the search index from the database; search keeps answering meanwhile."""
    from flask import current_app
    from sqlalchemy.orm import Session as OrmSession

    from app.batch import batch_nice
    from app.extensions import db, reading_engine
    from app.search.bulk import IndexingProcessFailed
    from app.search.documents import count_entities
    from app.search.upkeep import reindex

    # Only the indexing processes run below the web workers: this one later holds the
    # index's apply lock, which their appliers wait for.
    with OrmSession(reading_engine(db.engine)) as reads:  # no write lock for the whole run
        total = count_entities(reads)
    with click.progressbar(
        length=max(total, 1), label="Indexing", show_pos=True, file=sys.stderr
    ) as bar:
        shown = [0]

        def replayed(done: int, of: int) -> None:
            if done == of or done - shown[0] >= 5_000:
                click.echo(f"Replayed {done:,} of {of:,} changes made meanwhile.", err=True)
                shown[0] = done

        def merging(step: str) -> None:
            click.echo(f"\nMerging: {step}.", err=True)

        try:
            report = reindex(
                progress=bar.update,
                nice=batch_nice(current_app.config),
                replay_progress=replayed,
                merge_progress=merging,
            )
        except IndexingProcessFailed as exc:
            raise click.ClickException(
                f"{exc} Search answers from the index as it was; the partial one was removed."
            ) from None
    click.echo(
        f"Indexed {report.documents:,} documents in {report.seconds:.1f} s"
        f" (build {report.build_seconds:.1f} s, of which merging {report.merge_seconds:.1f} s;"
        f" {report.segments} segment{'' if report.segments == 1 else 's'};"
        f" generation {report.generation});"
        f" {report.replayed:,} changes made meanwhile replayed and {report.covered:,} pending"
        f" changes the build already held marked applied in {report.replay_seconds:.1f} s."
    )
    if report.failed:
        click.echo(
            f"{report.failed} changes could not be written to the new index; they are retried"
            " with back-off (`casebook index verify` shows them).",
            err=True,
        )


@click.group("index")
def index_group() -> None:
    """Search index upkeep."""


@index_group.command("apply")
@cli_errors
def index_apply_command() -> None:
    """Apply pending index changes from the outbox (also done automatically)."""
    from app.search.applier import apply_pending
    from app.search.snapshots import search_index
    from app.search.upkeep import upgrade_index

    rebuilt = upgrade_index()
    if rebuilt is not None:
        click.echo(
            f"Rebuilt the search index ({rebuilt.documents:,} documents, "
            f"{rebuilt.covered + rebuilt.replayed:,} pending changes included)."
        )
    state = search_index().state()
    if not state.ready:
        click.echo(f"Search index: {state.problem}.", err=True)
        click.echo("Run `casebook index verify --repair` to rebuild it.", err=True)
        sys.exit(1)
    applied = apply_pending()
    click.echo(f"Applied {applied} pending changes.")


@index_group.command("verify")
@click.option("--repair", is_flag=True, help="Fix what is found.")
@cli_errors
def index_verify_command(repair: bool) -> None:
    """Report drift between the database and the index (exit 1 when any)."""
    from app.diagnostics import describe_error
    from app.search.verification import verify

    try:
        report = verify(repair=repair)
    except CasebookError:
        raise
    except Exception as exc:  # a report, not a traceback: say what failed, exit 1
        click.echo(f"Could not verify the search index: {describe_error(exc)}.", err=True)
        sys.exit(1)
    if report.index_status != "ready":
        click.echo(f"Search index {report.index_status}: {report.index_problem}.")
    click.echo(
        f"Database implies {report.documents_in_database:,} documents; "
        f"index holds {report.documents_in_index:,}."
    )
    for label, keys in (
        ("missing", report.missing),
        ("stale", report.stale),
        ("extra", report.extra),
    ):
        if keys:
            shown = ", ".join(keys[:10]) + (" …" if len(keys) > 10 else "")
            click.echo(f"  {len(keys):,} {label}: {shown}")
    if report.pending:
        click.echo(f"  {report.pending} changes waiting in the outbox.")
    if report.failed:
        click.echo(
            f"  {report.failed} changes failed to reach the index; they are retried with "
            "back-off (at least every 10 minutes). Last errors:"
        )
        for error, count in report.failures:
            click.echo(f"    {count} × {error}")
    for name, size in report.partial:
        click.echo(f"  Partial generation {name} ({size / 1e6:.0f} MB), left by a rebuild.")
    if report.vocabulary_changed:
        click.echo("  The topic vocabulary changed since the index was built: reindex.")
    if report.format_outdated:
        click.echo("  The index was built by an older version of Casebook: reindex.")
    if report.ok:
        click.echo("Index is in step with the database.")
    elif repair:
        after = verify()
        if after.ok:
            click.echo("Repaired: the index is in step with the database.")
            return
        click.echo(
            f"Not repaired: {after.index_problem or 'still not in step'}"
            f" ({len(after.missing) + len(after.stale) + len(after.extra)} documents differ,"
            f" {after.failed} changes failing)."
        )
        sys.exit(1)
    else:
        click.echo("Run `casebook index verify --repair` to fix.")
        sys.exit(1)


@click.command("search")
@click.argument("query", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print the API's JSON.")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 100))
@click.option("--type", "types", multiple=True, help="Only this type (case, recommendation, …).")
@click.option("--program", "programs", multiple=True, metavar="SLUG")
@click.option("--flat", is_flag=True, help="Every matching document, not one result per case.")
@click.option("--as-typed", is_flag=True, help="Search the words as typed: no respelling.")
@as_option
@cli_errors
def search_command(
    query: tuple[str, ...],
    as_json: bool,
    limit: int,
    types: tuple[str, ...],
    programs: tuple[str, ...],
    flat: bool,
    as_typed: bool,
    as_email: str | None,
) -> None:
    """Search the knowledge base (as the operator, or --as an account)."""
    from app.errors import Unavailable
    from app.search.operations import SearchRequest, search, unavailable_message

    actor = acting_user(as_email)
    request = SearchRequest(
        q=" ".join(query),
        per_page=limit,
        types=list(types),
        programs=list(programs),
        group=not flat,
        correct=not as_typed,
    )
    results = search(actor, request)
    if not results.ready:
        raise Unavailable(unavailable_message())
    if as_json:
        click.echo(json.dumps(results.to_json(), indent=2))
        return
    if results.corrected_query:
        click.echo(
            f"Showing results for: {results.corrected_query}"
            f" (search instead for {results.original_query!r} with --as-typed)"
        )
    elif results.suggestion:
        click.echo(f"Did you mean: {results.suggestion}")
    if results.also_searched:
        also = "; ".join(f"{', '.join(t)} for {lay}" for lay, t in results.also_searched)
        click.echo(f"Also searched: {also}")
    click.echo(
        f"{results.grouped_total:,} results ({results.total:,} documents)"
        f" in {results.took_ms:.0f} ms"
    )
    for hit in results.hits:
        where = " · ".join(x for x in (hit.program, hit.date, hit.ref) if x)
        click.echo(f"{hit.score:7.2f}  {hit.type:<14} {hit.title}  [{where}]  {hit.url}")
        if hit.related is not None:
            click.echo(f"{'':9}└ {hit.related.type:<12} {hit.related.title}  {hit.related.url}")
        if hit.more:
            click.echo(f"{'':9}  and {hit.more} more from this case")


COMMANDS = [reindex_command, index_group, search_command]
