"""question_group_members.terms: each member's analysed question kept with its group

The curriculum page describes a question group seen in part (a scope of dates) from its
members' questions alone, and analysed every shown member's question, title and topics again
on each request. The refresh now keeps each member's terms with the group; the question
groups are marked stale so that the next refresh fills them (until then, and for a member
without terms, the text is analysed as before).

Revision ID: 0041_group_member_terms
Revises: 0040_notification_partial
Create Date: 2026-12-06 22:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "0041_group_member_terms"
down_revision = "0040_notification_partial"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("question_group_members") as batch:
        batch.add_column(sa.Column("terms", sa.JSON(), nullable=True))
    op.execute(
        sa.text("UPDATE grouping_states SET stale = :stale WHERE kind = :kind").bindparams(
            stale=True, kind="questions"
        )
    )


def downgrade():
    with op.batch_alter_table("question_group_members") as batch:
        batch.drop_column("terms")
