"""Rows written into a database at an older revision, where the models have columns that
later migrations add: the table is reflected, and required columns the test leaves out get
a plain value of their type."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from app.extensions import db


def _filler(column: sa.Column) -> Any:
    kind = column.type
    if isinstance(kind, sa.Boolean):
        return False
    if isinstance(kind, sa.Integer):
        return 0
    if isinstance(kind, sa.DateTime):
        return dt.datetime(2025, 1, 14, 12, 0)
    if isinstance(kind, sa.Date):
        return dt.date(2025, 1, 14)
    if isinstance(kind, sa.JSON):
        return {}
    return ""


def insert(table: str, **values: Any) -> int:
    """Insert one row into `table` as the database has it now; returns its id."""
    reflected = sa.Table(table, sa.MetaData(), autoload_with=db.session.connection())
    row = dict(values)
    for column in reflected.columns:
        required = not column.nullable and column.server_default is None
        if column.name not in row and required and not column.primary_key:
            row[column.name] = _filler(column)
    result = db.session.execute(reflected.insert().values(row))
    return result.inserted_primary_key[0]
