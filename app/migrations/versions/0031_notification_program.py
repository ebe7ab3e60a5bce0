"""notifications know the program they name

Revision ID: 0031_notification_program
Revises: 0030_regroup
Create Date: 2026-12-05 07:40:00

A notification that names a program (its name, a count of its advice) keeps the program's
id, so that the list of notifications, its unread count and the digest leave it out for a
reader who can no longer see the program, whether or not it is about one case. Existing
rows about a case get their case's program; the coordinators' outdated-advice notices get the
program their message names. An author's earlier notice ("N recommendations of yours may be
outdated") named no program and keeps none: it tells nothing of one.

"""
import sqlalchemy as sa
from alembic import op

from app.migrations.rebuild import rebuilt

revision = "0031_notification_program"
down_revision = "0030_regroup"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("notifications", sa.Column("program_id", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_notifications_program_id"), "notifications", ["program_id"])
    notifications = sa.table(
        "notifications",
        sa.column("id", sa.Integer),
        sa.column("kind", sa.String),
        sa.column("message", sa.String),
        sa.column("case_id", sa.Integer),
        sa.column("program_id", sa.Integer),
    )
    cases = sa.table("cases", sa.column("id", sa.Integer), sa.column("program_id", sa.Integer))
    programs = sa.table("programs", sa.column("id", sa.Integer), sa.column("name", sa.String))
    bind = op.get_bind()
    bind.execute(
        notifications.update()
        .where(notifications.c.case_id.is_not(None))
        .values(
            program_id=sa.select(cases.c.program_id)
            .where(cases.c.id == notifications.c.case_id)
            .scalar_subquery()
        )
    )
    # "N recommendations in <program> may be outdated": the longest name that fits wins.
    names = sorted(
        bind.execute(sa.select(programs.c.id, programs.c.name)).all(),
        key=lambda row: -len(row.name),
    )
    rows = bind.execute(
        sa.select(notifications.c.id, notifications.c.message).where(
            notifications.c.kind == "advice.outdated", notifications.c.case_id.is_(None)
        )
    ).all()
    updates = []
    for row in rows:
        found = next((p.id for p in names if f" in {p.name} may be outdated" in row.message), None)
        if found is not None:
            updates.append({"nid": row.id, "pid": found})
    if updates:
        bind.execute(
            notifications.update()
            .where(notifications.c.id == sa.bindparam("nid"))
            .values(program_id=sa.bindparam("pid")),
            updates,
        )


def downgrade():
    op.drop_index(op.f("ix_notifications_program_id"), table_name="notifications")
    with rebuilt("notifications") as batch_op:
        batch_op.drop_column("program_id")
