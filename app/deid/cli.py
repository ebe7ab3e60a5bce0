"""`casebook deid-scan`: report possible identifiers in files; stores nothing."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from app.deid.gate import scan_fields


@click.command("deid-scan")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file and line.")
def deid_scan_command(files: tuple[Path, ...], as_json: bool) -> None:
    """Report possible patient identifiers in FILES (offsets into each file's text).

    Exits 1 when anything was found, so scripts can use it as a check."""
    found_any = False
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise click.ClickException(f"{path}: not UTF-8 text") from None
        findings = scan_fields({"text": text})
        found_any = found_any or bool(findings)
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
                            }
                            for f in findings
                        ],
                    }
                )
            )
            continue
        if not findings:
            click.echo(f"{path}: no possible identifiers")
            continue
        click.echo(f"{path}: {len(findings)} possible identifiers")
        for f in findings:
            line = text.count("\n", 0, f.start) + 1
            column = f.start - (text.rfind("\n", 0, f.start) + 1) + 1
            click.echo(
                f"  line {line}, column {column}: {f.category} "
                f"(characters {f.start}-{f.end}, confidence {f.confidence:.2f})"
            )
    if found_any:
        sys.exit(1)
