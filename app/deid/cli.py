"""`casebook deid-scan`: report possible identifiers in files (stores nothing);
`casebook purge`: erase a span carrying an identifier from every place it lives."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from app.auth import policy
from app.cli_support import acting_user, as_option, cli_errors
from app.deid.operations import preview_for
from app.deid.purge import PurgeReason, purge_span, purge_text
from app.errors import NotFound
from app.programs.operations import find_program


@click.command("deid-scan")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file and line.")
@click.option(
    "--as",
    "as_email",
    metavar="EMAIL",
    help='Say which findings this account may mark "not an identifier" (each finding\'s'
    " `markable` in --json), as the save and the API's scan do. Default: the operator, who"
    " may mark every one.",
)
@click.option(
    "--program",
    "program_slug",
    metavar="SLUG",
    help="The program the texts are for (one the account sees); without it, what belongs to"
    " no program (a topic, a practice), which admins alone mark firm findings in.",
)
@cli_errors
def deid_scan_command(
    files: tuple[Path, ...], as_json: bool, as_email: str | None, program_slug: str | None
) -> None:
    """Report possible patient identifiers in FILES (offsets into each file's text), and
    those only the text as shown holds (rendered Markdown, entities, invisible characters,
    look-alike letters), which the gate refuses too and which have no offsets. Findings are
    read as the gate reads them for the account --as names in --program.

    Exits 1 when anything was found, so scripts can use it as a check."""
    actor = acting_user(as_email)
    program = None
    if program_slug is not None:
        program = find_program(program_slug)
        if program is None or not policy.can_view_program(actor, program):
            raise NotFound("No such program.", field="program")
    found_any = False
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise click.ClickException(f"{path}: not UTF-8 text") from None
        found = preview_for({"text": text}, actor=actor, program=program)
        findings, messages = found.findings, found.hidden_messages()
        found_any = found_any or bool(found)
        if as_json:
            click.echo(
                json.dumps(
                    {
                        "file": str(path),
                        "findings": [
                            {
                                "start": f.start,
                                "end": f.end,
                                "category": f.category,
                                "confidence": f.confidence,
                                "markable": found.markable(f),
                            }
                            for f in findings
                        ],
                        "hidden": [
                            {"category": h.category, "message": messages[h.field]}
                            for h in found.hidden
                        ],
                    }
                )
            )
            continue
        if not found:
            click.echo(f"{path}: no possible identifiers")
            continue
        click.echo(f"{path}: {len(findings) + len(found.hidden)} possible identifiers")
        for f in findings:
            line = text.count("\n", 0, f.start) + 1
            column = f.start - (text.rfind("\n", 0, f.start) + 1) + 1
            mark = "" if found.markable(f) else f"; only {found.rule.who_in(f.field)} may mark it"
            click.echo(
                f"  line {line}, column {column}: {f.category} "
                f"(characters {f.start}-{f.end}, confidence {f.confidence:.2f}{mark})"
            )
        for h in found.hidden:
            click.echo(f"  as shown (no offsets): {h.category}")
        for message in messages.values():
            click.echo(f"  {message}")
    if found_any:
        sys.exit(1)


@click.command("purge")
@click.argument("case_id", type=int)
@click.option("--text", "text", help="The exact text to purge from the case and all it holds.")
@click.option("--field", "field_name", help="Instead of --text: a field of the case (title, …)")
@click.option("--start", type=int, help="With --field: first character of the span (from 0).")
@click.option("--end", type=int, help="With --field: character after the span.")
@click.option(
    "--reason",
    required=True,
    type=click.Choice([r.value for r in PurgeReason]),
    help="Why (a category; the audit trail records it).",
)
@as_option
@cli_errors
def purge_command(
    case_id: int,
    text: str | None,
    field_name: str | None,
    start: int | None,
    end: int | None,
    reason: str,
    as_email: str | None,
) -> None:
    """Replace a span carrying an identifier by [REDACTED] in case CASE_ID, its
    recommendations and all their versions, annotations, comments and notifications, then
    erase the old text from the search index and the database files.

    Backups taken before the purge still hold the text. The purge is recorded in the purge
    ledger (outside the database, without the text: see CASEBOOK_PURGE_LEDGER) and
    `casebook restore` re-applies it to an older backup; keep the ledger with the instance."""
    from app.cases.operations import get_case

    if (text is None) == (field_name is None):
        raise click.UsageError("Give either --text, or --field with --start and --end.")
    actor = acting_user(as_email)
    case = get_case(case_id)
    if text is not None:
        result = purge_text(case, text, reason=reason, actor=actor)
    else:
        if start is None or end is None:
            raise click.UsageError("--field needs --start and --end.")
        assert field_name is not None  # checked above: --text or else --field
        result = purge_span(case, field_name, start, end, reason=reason, actor=actor)
    click.echo(
        f"Purged {result.occurrences} occurrences from {', '.join(sorted(set(result.places)))}."
    )
    for note in result.leftovers():
        click.echo(note)
