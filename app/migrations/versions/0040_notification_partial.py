"""notification_practices.in_passing, notifications.partial_message: the news without a successor

A notice of outdated advice names the practice that was superseded and its successor. When
the successor alone has become a private program's since, one who may still see the
superseded practice was told that "a best practice you cannot see" was superseded, which is
untrue for them. The successor is now marked as named in passing, and the notice keeps the
same news naming the superseded practice only, read by those who see it but not its
successor. Existing notices get theirs from their message when it quotes the successor's
current title; the others keep reading the unnamed form in that case, as before.

Revision ID: 0040_notification_partial
Revises: 0039_notification_unnamed
Create Date: 2026-12-06 21:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

from app.migrations.rebuild import rebuilt

revision = "0040_notification_partial"
down_revision = "0039_notification_unnamed"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("notification_practices") as batch:
        batch.add_column(
            sa.Column("in_passing", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with rebuilt("notifications") as batch:
        batch.add_column(
            sa.Column("partial_message", sa.String(400), nullable=False, server_default="")
        )
    _backfill(op.get_bind())


def _backfill(bind) -> None:
    notifications = sa.table(
        "notifications",
        sa.column("id", sa.Integer),
        sa.column("kind", sa.String),
        sa.column("message", sa.String),
        sa.column("partial_message", sa.String),
    )
    named = sa.table(
        "notification_practices",
        sa.column("notification_id", sa.Integer),
        sa.column("practice_id", sa.Integer),
        sa.column("in_passing", sa.Boolean),
    )
    practices = sa.table(
        "best_practices",
        sa.column("id", sa.Integer),
        sa.column("title", sa.String),
        sa.column("superseded_by_id", sa.Integer),
    )
    successor = practices.alias("successor")
    told = named.alias("told")  # the superseded practice, named by the same notice
    rows = bind.execute(
        sa.select(
            notifications.c.id,
            notifications.c.message,
            named.c.practice_id,
            successor.c.title,
            told.c.practice_id.label("told_id"),
            practices.c.title.label("told_title"),
            successor.c.superseded_by_id.label("successor_superseded_by"),
        )
        .join(named, named.c.notification_id == notifications.c.id)
        .join(told, told.c.notification_id == notifications.c.id)
        .join(practices, practices.c.id == told.c.practice_id)
        .join(successor, successor.c.id == named.c.practice_id)
        .where(
            notifications.c.kind == "advice.outdated",
            practices.c.superseded_by_id == named.c.practice_id,
        )
    ).all()
    for row in rows:
        # Two practices superseding each other (the second by the first, already superseded):
        # each is the other's successor, so the message tells which one the news is about;
        # the practice the news is about is never one named in passing.
        about = f"“{row.told_title}” was superseded by “{row.title}”"
        if row.successor_superseded_by == row.told_id and about not in (row.message or ""):
            continue
        bind.execute(
            named.update()
            .where(named.c.notification_id == row.id, named.c.practice_id == row.practice_id)
            .values(in_passing=True)
        )
        quoted = f" was superseded by “{row.title}”"
        if quoted in (row.message or ""):
            partial = row.message.replace(quoted, " was superseded", 1)
            bind.execute(
                notifications.update()
                .where(notifications.c.id == row.id)
                .values(partial_message=partial[:400])
            )


def downgrade():
    with rebuilt("notifications") as batch:
        batch.drop_column("partial_message")
    with op.batch_alter_table("notification_practices") as batch:
        batch.drop_column("in_passing")
