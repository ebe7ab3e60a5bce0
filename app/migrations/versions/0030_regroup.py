"""recurring questions weigh a case's topics more: stored groups are recomputed

Revision ID: 0030_regroup
Revises: 0029_notification_case
Create Date: 2026-12-05 06:00:00

The grouping of recurring questions changed (a case's topics count three times, not twice).
Groups stored by the earlier method are marked stale, so the next refresh recomputes them.
No schema change.

"""
import sqlalchemy as sa
from alembic import op

revision = "0030_regroup"
down_revision = "0029_notification_case"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(sa.text("UPDATE grouping_states SET stale = :stale").bindparams(stale=True))


def downgrade():
    op.execute(sa.text("UPDATE grouping_states SET stale = :stale").bindparams(stale=True))
