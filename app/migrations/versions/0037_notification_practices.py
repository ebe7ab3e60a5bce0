"""notification_practices: the best practices a notification names

A notice of outdated advice or of a likely contradiction quotes a practice's title, and
one to a topic's followers names a practice; whether the reader may see the practice was
decided when it was written. Its evidence can change since (the open evidence removed: the
practice is a private program's alone), so each notification keeps the ids of the practices
it names and is hidden from one who may not see them when reading. Existing notices get the
practices whose quoted title (“…”) or number ("Best practice N on") their message carries.

Revision ID: 0037_notification_practices
Revises: 0036_recommendation_terms
Create Date: 2026-12-06 14:45:00.000000

"""

import re

import sqlalchemy as sa
from alembic import op

revision = "0037_notification_practices"
down_revision = "0036_recommendation_terms"
branch_labels = None
depends_on = None

QUOTED = re.compile(r"“([^”]+)”")
NUMBERED = re.compile(r"^Best practice (\d+) on ")


def upgrade():
    op.create_table(
        "notification_practices",
        sa.Column("notification_id", sa.Integer(), nullable=False),
        sa.Column("practice_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.ForeignKeyConstraint(
            ["notification_id"],
            ["notifications.id"],
            name=op.f("fk_notification_practices_notification_id_notifications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "notification_id", "practice_id", name=op.f("pk_notification_practices")
        ),
    )
    op.create_index(
        op.f("ix_notification_practices_practice_id"),
        "notification_practices",
        ["practice_id"],
        unique=False,
    )
    _backfill(op.get_bind())


def _backfill(bind) -> None:
    notifications = sa.table(
        "notifications",
        sa.column("id", sa.Integer),
        sa.column("kind", sa.String),
        sa.column("message", sa.String),
    )
    practices = sa.table(
        "best_practices", sa.column("id", sa.Integer), sa.column("title", sa.String)
    )
    named = sa.table(
        "notification_practices",
        sa.column("notification_id", sa.Integer),
        sa.column("practice_id", sa.Integer),
    )
    by_title: dict[str, set[int]] = {}
    known: set[int] = set()
    for row in bind.execute(sa.select(practices.c.id, practices.c.title)):
        by_title.setdefault(row.title, set()).add(row.id)
        known.add(row.id)
    if not known:
        return
    rows = bind.execute(
        sa.select(notifications.c.id, notifications.c.kind, notifications.c.message).where(
            notifications.c.kind.in_(
                ["advice.outdated", "recommendation.conflicts", "subscription.practice"]
            )
        )
    ).all()
    pairs: list[dict[str, int]] = []
    for row in rows:
        ids: set[int] = set()
        if row.kind == "subscription.practice":
            match = NUMBERED.match(row.message or "")
            if match and int(match.group(1)) in known:
                ids.add(int(match.group(1)))
        else:
            quoting = row.message or ""
            if row.kind == "recommendation.conflicts":
                # it quotes the case's title first: only what follows names practices
                quoting = quoting.partition(" may contradict ")[2]
            for title in QUOTED.findall(quoting):
                ids |= by_title.get(title, set())
        pairs.extend({"notification_id": row.id, "practice_id": i} for i in sorted(ids))
    for start in range(0, len(pairs), 1000):
        bind.execute(named.insert(), pairs[start : start + 1000])


def downgrade():
    op.drop_index(
        op.f("ix_notification_practices_practice_id"), table_name="notification_practices"
    )
    op.drop_table("notification_practices")
