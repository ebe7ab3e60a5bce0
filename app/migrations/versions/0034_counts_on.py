"""counts_on: the day each case counts on in the curriculum, kept as a column of the case

A case counts on the date of its first session, else on the day it was created. Every
curriculum figure derived that again for the cases of its period (an anti-join over every
agenda row on PostgreSQL, 90 to 120 ms a time at 50,000 cases); the figures now read a range
of this indexed column, kept by the session events of app/cases/counting.py.

Revision ID: 0034_counts_on
Revises: 0033_stale_audiences
Create Date: 2026-12-06 06:10:00.000000

"""

import sqlalchemy as sa
from alembic import op

from app.migrations.rebuild import rebuilt

revision = "0034_counts_on"
down_revision = "0033_stale_audiences"
branch_labels = None
depends_on = None

INDEX_COLUMNS = ["counts_on", "program_id", "status", "presenter_id", "withdrawn_at"]


def upgrade():
    connection = op.get_bind()
    sqlite = connection.dialect.name == "sqlite"
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("counts_on", sa.Date(), nullable=True))
    # The same derivation as app/cases/counting.py (written out: a migration does not follow
    # later changes to the models).
    created = "date(cases.created_at)" if sqlite else "CAST(cases.created_at AS DATE)"
    op.execute(
        "UPDATE cases SET counts_on = COALESCE("
        "(SELECT min(sessions.date) FROM case_presentations"
        " JOIN sessions ON sessions.id = case_presentations.session_id"
        f" WHERE case_presentations.case_id = cases.id), {created})"
    )
    # NOT NULL once filled: SQLite rebuilds the table for it (ids stay never reused).
    with rebuilt("cases") as batch:
        batch.alter_column("counts_on", existing_type=sa.Date(), nullable=False)
    op.create_index("ix_cases_counts_on", "cases", INDEX_COLUMNS)
    # Statistics of the new column, for the planner's choice of the new index.
    op.execute("ANALYZE cases")


def downgrade():
    op.drop_index("ix_cases_counts_on", table_name="cases")
    with rebuilt("cases") as batch:
        batch.drop_column("counts_on")
