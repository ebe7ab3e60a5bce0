"""Tables offered as CSV files: one writer for every download (curriculum, attendance,
practices), so each file is safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from flask import Response

# Spreadsheets run a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A cell as written: text a spreadsheet would run as a formula gets a leading quote."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def csv_text(header: Sequence[Any] | None, rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    if header is not None:
        writer.writerow([spreadsheet_safe(v) for v in header])
    writer.writerows([spreadsheet_safe(v) for v in row] for row in rows)
    return out.getvalue()


def csv_response(
    filename: str, header: Sequence[Any] | None, rows: Iterable[Sequence[Any]]
) -> Response:
    """A download of the table (`header` first, unless None) named `filename`."""
    return Response(
        csv_text(header, rows),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
