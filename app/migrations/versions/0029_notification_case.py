"""notifications know the case they are about

Revision ID: 0029_notification_case
Revises: 0025_teaching_sets
Create Date: 2026-12-05 04:40:00

A notification about a case keeps the case's id, so that the list of notifications can leave
out, by key, those about cases the reader may no longer see (withdrawn, or in a private
program the reader has left). Existing rows get it from their link.

"""
import re

import sqlalchemy as sa
from alembic import op

from app.migrations.rebuild import rebuilt

revision = "0029_notification_case"
down_revision = "0025_teaching_sets"
branch_labels = None
depends_on = None

CASE_LINK = re.compile(r"/cases/(\d+)(?=$|[/#?])")


def upgrade():
    op.add_column("notifications", sa.Column("case_id", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_notifications_case_id"), "notifications", ["case_id"])
    notifications = sa.table(
        "notifications", sa.column("id", sa.Integer), sa.column("url"), sa.column("case_id")
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(notifications.c.id, notifications.c.url).where(
            notifications.c.url.like("%/cases/%")
        )
    ).all()
    found = [(row.id, CASE_LINK.search(row.url)) for row in rows]
    updates = [{"nid": nid, "cid": int(m.group(1))} for nid, m in found if m]
    if updates:
        bind.execute(
            notifications.update()
            .where(notifications.c.id == sa.bindparam("nid"))
            .values(case_id=sa.bindparam("cid")),
            updates,
        )


def downgrade():
    op.drop_index(op.f("ix_notifications_case_id"), table_name="notifications")
    with rebuilt("notifications") as batch_op:
        batch_op.drop_column("case_id")
