"""Cases per topic, program, month and status, kept by the database (app/curriculum/kept.py).

The curriculum's figures sum these rows for the whole months of a period instead of joining
every case of the period to its topics; what the visibility rules read beyond the status
(the presenter) and the period's partial months are still counted from the cases
(app/curriculum/operations.py)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Mapped, mapped_column

from app.cases.models import CaseStatus
from app.common import enum_column
from app.curriculum import kept
from app.extensions import Model


class TopicMonthCount(Model):
    """How many cases, not withdrawn, of a program and status counting in a month carry a
    topic. No foreign keys: a row goes when its count reaches zero, and a topic or case
    deleted takes its links (and so its counts) with it through the triggers."""

    __tablename__ = "topic_month_counts"

    month: Mapped[date] = mapped_column(primary_key=True)  # the first day of the month
    program_id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[CaseStatus] = mapped_column(enum_column(CaseStatus), primary_key=True)
    topic_id: Mapped[int] = mapped_column(primary_key=True)
    cases: Mapped[int]


kept.attach(Model.metadata)
