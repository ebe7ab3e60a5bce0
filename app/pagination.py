"""One page of a long list, for the web pages that list cases, notifications and the like."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Select, func, select

from app.extensions import db
from app.inputs import MAX_PAGE, clamp_int

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


@dataclass(frozen=True)
class Window(Generic[T]):
    """A page of a list that is not counted (what is listed is decided row by row): it
    knows only whether a next page exists, so it offers Newer / Older steps, no page N of M."""

    items: list[T]
    page: int
    per_page: int
    has_next: bool
    total: None = None

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def _in_range(page: int, per_page: int, total: int) -> tuple[int, int]:
    """(page, per_page) made valid: a page past the end gives the last one."""
    per_page = max(1, per_page)
    return min(max(1, page), max(1, -(-total // per_page))), per_page


def page_number(raw: Any) -> int:
    """`?page=` of a list page. Out-of-range numbers land on a real page (paginate gives the
    last one for a page past the end) and text gives the first, instead of an error; the
    bound keeps a number past 64 bits from ever reaching the database as an offset."""
    return clamp_int(raw, minimum=1, maximum=MAX_PAGE, default=1)


def paginate(stmt: Select[Any], page: int, per_page: int = 20) -> Page[Any]:
    """Rows of `stmt` (an ordered select of one entity); a page past the end gives the last."""
    total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    total = total or 0
    page, per_page = _in_range(page, per_page, total)
    items = list(db.session.scalars(stmt.offset((page - 1) * per_page).limit(per_page)))
    return Page(items, page, per_page, total)


def filtered_window(
    stmt: Select[Any],
    page: int,
    per_page: int,
    keep: Callable[[list[Any]], list[T]],
    after: Callable[[Any], ColumnElement[bool]],
    *,
    chunk: int = 200,
) -> Window[T]:
    """Rows of `stmt` (an ordered select of one entity) that `keep` lets through (it maps a
    chunk of rows to what may be listed of them), paged: rows are read `chunk` at a time in
    the statement's order (`after(row)` selects those past `row`) until the page and one
    more are found, so a page reads rows up to its own depth, never the whole list. A page
    past the end gives the last."""
    per_page, page = max(1, per_page), max(1, page)
    wanted = page * per_page + 1
    kept: list[T] = []
    last = None
    while len(kept) < wanted:
        narrowed = stmt if last is None else stmt.where(after(last))
        rows = list(db.session.scalars(narrowed.limit(chunk)))
        kept.extend(keep(rows))
        if len(rows) < chunk:
            break
        last = rows[-1]
    page, per_page = _in_range(page, per_page, len(kept))
    start = (page - 1) * per_page
    return Window(kept[start : start + per_page], page, per_page, len(kept) > start + per_page)
