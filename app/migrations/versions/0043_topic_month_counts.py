"""topic_month_counts: cases per topic, program, month and status, kept by triggers

The curriculum page joined every case of a period (two years with the trends) to its
topics on each request (54-113 ms of PostgreSQL's time at 50,000 cases). It now sums
these counts for the whole months of the period. Triggers on cases and case_topics keep
them (app/curriculum/kept.py); filled here from the existing cases.

Revision ID: 0043_topic_month_counts
Revises: 0042_group_program_counts
Create Date: 2026-12-07 10:30:00.000000

"""

import sqlalchemy as sa
from alembic import op

from app.curriculum import kept

revision = "0043_topic_month_counts"
down_revision = "0042_group_program_counts"
branch_labels = None
depends_on = None

STATUSES = (
    "draft",
    "submitted",
    "returned",
    "approved",
    "presented",
    "recommendations_published",
    "closed",
)


def upgrade():
    op.create_table(
        "topic_month_counts",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                *STATUSES,
                name="casestatus",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("cases", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "month", "program_id", "status", "topic_id", name=op.f("pk_topic_month_counts")
        ),
    )
    connection = op.get_bind()
    connection.exec_driver_sql(kept.fill_statement(connection.dialect.name))
    kept.create(connection)


def downgrade():
    kept.drop(op.get_bind())
    op.drop_table("topic_month_counts")
