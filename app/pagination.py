"""One page of a long list, for the web pages that list cases, notifications and the like."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, select

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


def page_number(raw: Any) -> int:
    """`?page=` of a list page. Out-of-range numbers land on a real page (paginate gives the
    last one for a page past the end) and text gives the first, instead of an error; the
    bound keeps a number past 64 bits from ever reaching the database as an offset."""
    return clamp_int(raw, minimum=1, maximum=MAX_PAGE, default=1)


def paginate(stmt: Select[Any], page: int, per_page: int = 20) -> Page[Any]:
    """Rows of `stmt` (an ordered select of one entity); a page past the end gives the last."""
    total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    total = total or 0
    per_page = max(1, per_page)
    page = min(max(1, page), max(1, -(-total // per_page)))
    items = list(db.session.scalars(stmt.offset((page - 1) * per_page).limit(per_page)))
    return Page(items, page, per_page, total)
