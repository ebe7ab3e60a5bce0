"""topic links by topic: an index on topic_id of case_topics, session_topics, practice_topics

Each link table's primary key starts with the case, session or practice, so "the cases of a
topic" scanned the whole table: once per topic in the reviewer's topic list (a proposed
topic is shown unless only hidden programs carry it), in a topic filter and in a merge.

Revision ID: 0035_topic_link_index
Revises: 0034_counts_on
Create Date: 2026-12-06 09:30:00.000000

"""

from alembic import op

revision = "0035_topic_link_index"
down_revision = "0034_counts_on"
branch_labels = None
depends_on = None

TABLES = ("case_topics", "session_topics", "practice_topics")


def upgrade():
    for table in TABLES:
        op.create_index(op.f(f"ix_{table}_topic_id"), table, ["topic_id"], unique=False)


def downgrade():
    for table in TABLES:
        op.drop_index(op.f(f"ix_{table}_topic_id"), table_name=table)
