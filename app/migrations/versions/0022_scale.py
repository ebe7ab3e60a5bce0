"""scale: indexes for lists of cases at tens of thousands of cases

Lists of cases (newest change first) read their first page from an index on
(updated_at, id) instead of sorting every case, and counting the cases a user may see
reads an index holding every column of the visibility rule instead of the wide rows.
On SQLite the planner needs statistics to prefer them (ANALYZE, run here and by
`casebook init` and after `casebook import`).

Revision ID: 0022_scale
Revises: 0019_subscriptions
Create Date: 2026-12-05 01:50:00.000000

"""

from alembic import op

revision = "0022_scale"
down_revision = "0019_subscriptions"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_cases_updated_at_id", "cases", ["updated_at", "id"])
    op.create_index(
        "ix_cases_listing", "cases", ["program_id", "status", "presenter_id", "withdrawn_at"]
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ANALYZE")


def downgrade():
    op.drop_index("ix_cases_listing", table_name="cases")
    op.drop_index("ix_cases_updated_at_id", table_name="cases")
