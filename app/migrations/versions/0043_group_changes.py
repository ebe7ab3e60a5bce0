"""recommendation_group_changes: grouped recommendations whose visibility changed since

While a change waited for the refresh, the candidate practices' ranking counted every
visible member of every candidate group (0.3-0.7 s at 50,000 cases) instead of summing the
kept per-program counts. A save now records the grouped recommendations whose visibility
it changes, and the ranking counts only their groups afresh.

Revision ID: 0043_group_changes
Revises: 0042_group_program_counts
Create Date: 2026-12-07 13:00:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "0043_group_changes"
down_revision = "0042_group_program_counts"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "recommendation_group_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recommendation_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recommendation_group_changes")),
        sqlite_autoincrement=True,
    )
    # The kept counts become those of the members everyone sees now (as the saves keep
    # them from here on); a member some see and others not (a case no longer open, a
    # recommendation no longer published) has its groups counted afresh until the refresh.
    visible = (
        "r.status = 'published' AND c.withdrawn_at IS NULL"
        " AND c.status IN ('approved', 'presented', 'recommendations_published', 'closed')"
    )
    members = (
        " FROM recommendation_group_members m"
        " JOIN recommendations r ON r.id = m.recommendation_id"
        " JOIN cases c ON c.id = r.case_id"
    )
    op.execute(sa.text("DELETE FROM recommendation_group_programs"))
    op.execute(
        sa.text(
            "INSERT INTO recommendation_group_programs"
            " (group_id, program_id, members, first_member)"
            f" SELECT m.group_id, c.program_id, COUNT(*), MIN(m.recommendation_id){members}"
            f" WHERE {visible} GROUP BY m.group_id, c.program_id"
        )
    )
    op.execute(
        sa.text(
            "INSERT INTO recommendation_group_changes (recommendation_id, group_id)"
            f" SELECT m.recommendation_id, m.group_id{members} WHERE NOT ({visible})"
        )
    )


def downgrade():
    op.drop_table("recommendation_group_changes")
