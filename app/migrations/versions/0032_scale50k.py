"""scale50k: an index on when cases were created, for the curriculum figures

Every curriculum figure counts the cases of its period, and a case not yet on any agenda
counts on the day it was created: without an index on created_at that part read every
case's whole row (texts included) once per figure, about ten times per curriculum page.
On SQLite the planner needs statistics to use it well (ANALYZE, as in 0022_scale).

Revision ID: 0032_scale50k
Revises: 0031_notification_program
Create Date: 2026-12-05 08:05:00.000000

"""

from alembic import op

revision = "0032_scale50k"
down_revision = "0031_notification_program"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_cases_created_at", "cases", ["created_at"])
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ANALYZE")


def downgrade():
    op.drop_index("ix_cases_created_at", table_name="cases")
