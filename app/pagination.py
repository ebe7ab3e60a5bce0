"""One page of a long list, for the web pages that list cases, notifications and the like."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Select, and_, func, or_, select

from app.extensions import db
from app.inputs import MAX_PAGE, clamp_int

T = TypeVar("T")

# Page links a pager shows on either side of the current page, besides the first and last.
PAGES_AROUND = 2


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

    @property
    def links(self) -> list[int | None]:
        """The page numbers a pager links: the first, the last and PAGES_AROUND either side
        of the current one, None where pages are left out (a list of thousands of rows is
        dozens of pages). A gap of one page shows that page instead."""
        around = range(self.page - PAGES_AROUND, self.page + PAGES_AROUND + 1)
        shown = sorted({1, self.pages, *(n for n in around if 1 <= n <= self.pages)})
        links: list[int | None] = []
        last = 0
        for n in shown:
            if n - last == 2:
                links.append(last + 1)
            elif n - last > 2:
                links.append(None)
            links.append(n)
            last = n
        return links


@dataclass(frozen=True)
class Window(Generic[T]):
    """A page of a list that is not counted (what is listed is decided row by row): it
    knows only whether newer and older rows are listed, so it offers Newer / Older steps
    from its first and last row (`newer_than`, `older_than`: their positions' ids), no
    page N of M."""

    items: list[T]
    per_page: int
    has_previous: bool
    has_next: bool
    newer_than: int | None = None
    older_than: int | None = None
    total: None = None


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


def paginate_by_key(
    stmt: Select[Any], model: Any, page: int, per_page: int, options: Any = ()
) -> Page[Any]:
    """`paginate` for an ordered select of `model` whose filter is the costly part: the page's
    primary keys and the total come from one statement (a window count), then the page's rows
    are read by key with the loader `options`, so the filter runs once, not twice."""
    per_page = max(1, per_page)
    page = max(1, page)
    keyed = stmt.with_only_columns(model.id, func.count().over(), maintain_column_froms=True)
    rows = db.session.execute(keyed.offset((page - 1) * per_page).limit(per_page)).all()
    if not rows and page > 1:  # past the end: the last page, as `paginate` gives
        total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
        page, per_page = _in_range(page, per_page, total or 0)
        rows = db.session.execute(keyed.offset((page - 1) * per_page).limit(per_page)).all()
    total = rows[0][1] if rows else 0
    ids = [row[0] for row in rows]
    by_id = {}
    if ids:
        found = select(model).where(model.id.in_(ids)).options(*options)
        by_id = {item.id: item for item in db.session.scalars(found).unique()}
    return Page([by_id[i] for i in ids if i in by_id], page, per_page, total)


Position = tuple[Any, int]  # (time, id) of a row in a list newest first


def filtered_window(
    stmt: Select[Any],
    per_page: int,
    keep: Callable[[list[Any]], list[T]],
    *,
    order: tuple[Any, Any],
    row_position: Callable[[Any], Position],
    item_position: Callable[[T], Position],
    older_than: Position | None = None,
    newer_than: Position | None = None,
    chunk: int = 200,
) -> Window[T]:
    """Rows of `stmt` (a select of one entity, listed newest first by the `order` columns,
    a time and a unique id) that `keep` lets through (it maps a chunk of rows to what may
    be listed of them), one page at a time from a position: older than `older_than`, or
    the page just newer than `newer_than`, or the newest. Rows are read `chunk` at a time
    from that position until the page and one more are found, so every page reads about
    the same rows however deep it is (an offset would read every row above it)."""
    when, ident = order
    per_page = max(1, per_page)
    newer = older_than is None and newer_than is not None
    if newer:
        ordered = stmt.order_by(when.asc(), ident.asc())

        def past(p: Position) -> ColumnElement[bool]:
            return or_(when > p[0], and_(when == p[0], ident > p[1]))

    else:
        ordered = stmt.order_by(when.desc(), ident.desc())

        def past(p: Position) -> ColumnElement[bool]:
            return or_(when < p[0], and_(when == p[0], ident < p[1]))

    mark = newer_than if newer else older_than
    kept: list[T] = []
    while len(kept) <= per_page:
        narrowed = ordered if mark is None else ordered.where(past(mark))
        rows = list(db.session.scalars(narrowed.limit(chunk)))
        kept.extend(keep(rows))
        if len(rows) < chunk:
            break
        mark = row_position(rows[-1])
    if newer:
        if len(kept) <= per_page:  # back at the newest: the first page, full
            return filtered_window(
                stmt, per_page, keep, order=order, row_position=row_position,
                item_position=item_position, chunk=chunk,
            )  # fmt: skip
        items = kept[:per_page][::-1]
        has_previous, has_next = True, True
    else:
        items = kept[:per_page]
        has_previous, has_next = older_than is not None, len(kept) > per_page
    return Window(
        items,
        per_page,
        has_previous,
        has_next,
        item_position(items[0])[1] if items and has_previous else None,
        item_position(items[-1])[1] if items and has_next else None,
    )
