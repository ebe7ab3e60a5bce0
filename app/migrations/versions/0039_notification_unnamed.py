"""notifications.unnamed_message: the news told without the best practices it names

A notice of outdated advice names the practice that changed. When the practice has become a
private program's alone since, one who may not see it was shown nothing: the advice's
author and coordinators lost the notice. Such a notice now keeps the same news without the
practice, read by those who may not see it. Existing notices of outdated advice get theirs
from their message: its count, program and change, never the practice's title.

Revision ID: 0039_notification_unnamed
Revises: 0038_published_version
Create Date: 2026-12-06 18:00:00.000000

"""

import re

import sqlalchemy as sa
from alembic import op

from app.migrations.rebuild import rebuilt

revision = "0039_notification_unnamed"
down_revision = "0038_published_version"
branch_labels = None
depends_on = None

# As app/outdated/operations.py wrote them: to the author ("… of yours in …", "Review it.")
# and to a coordinator.
OUTDATED = re.compile(
    r"^(?P<count>\d+ recommendations?)(?P<yours> of yours)? in (?P<program>.+?) may be"
    r" outdated: the best practice “.*?” was (?P<change>superseded|retired)\b"
)


def unnamed(message: str) -> str:
    match = OUTDATED.match(message or "")
    if match is None:
        return ""
    told = (
        f"A best practice you cannot see was {match['change']}: {match['count']}"
        f"{match['yours'] or ''} in {match['program']} may be out of date."
    )
    if match["yours"]:
        told += " Review it." if match["count"].startswith("1 ") else " Review them."
    return told[:400]


def upgrade():
    with op.batch_alter_table("notifications") as batch:
        batch.add_column(
            sa.Column("unnamed_message", sa.String(400), nullable=False, server_default="")
        )
    bind = op.get_bind()
    notifications = sa.table(
        "notifications",
        sa.column("id", sa.Integer),
        sa.column("kind", sa.String),
        sa.column("message", sa.String),
        sa.column("unnamed_message", sa.String),
    )
    rows = bind.execute(
        sa.select(notifications.c.id, notifications.c.message).where(
            notifications.c.kind == "advice.outdated"
        )
    ).all()
    told = [{"nid": row.id, "told": unnamed(row.message)} for row in rows]
    told = [row for row in told if row["told"]]
    update = (
        notifications.update()
        .where(notifications.c.id == sa.bindparam("nid"))
        .values(unnamed_message=sa.bindparam("told"))
    )
    for start in range(0, len(told), 1000):
        bind.execute(update, told[start : start + 1000])


def downgrade():
    with rebuilt("notifications") as batch:
        batch.drop_column("unnamed_message")
