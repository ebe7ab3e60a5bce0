"""topic terms: every topic name and synonym by its text key, for indexed lookups

Resolving a typed topic name used to read every topic and decode its synonyms; the
`topic_terms` rows (one per name and per distinct synonym key) make it one indexed query.
They are filled here from the existing topics.

Revision ID: 0008_topic_terms
Revises: 0007_outbox_retry_at
Create Date: 2026-12-04 19:30:00

"""
import json
import unicodedata

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0008_topic_terms"
down_revision = "0007_outbox_retry_at"
branch_labels = None
depends_on = None

KEY_MAX = 360


def _key(text):
    # A copy of app.common.text_key as it is today: a migration must not change with the app.
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return " ".join(folded.split())


def upgrade():
    terms = op.create_table(
        "topic_terms",
        sa.Column("term_key", sa.String(length=360), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=False),
        sa.Column("is_name", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["topic_id"], ["topics.id"], name=op.f("fk_topic_terms_topic_id_topics"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("term_key", "topic_id", name=op.f("pk_topic_terms")),
    )
    op.create_index(op.f("ix_topic_terms_topic_id"), "topic_terms", ["topic_id"], unique=False)
    conn = op.get_bind()
    rows = []
    topics = conn.execute(sa.text("SELECT id, name, synonyms FROM topics ORDER BY id"))
    for topic_id, name, synonyms in topics.fetchall():
        if isinstance(synonyms, str):  # SQLite hands JSON back as text
            synonyms = json.loads(synonyms)
        seen = {_key(name)}
        rows.append({"term_key": _key(name), "topic_id": topic_id, "is_name": True})
        for synonym in synonyms or []:
            key = _key(synonym) if isinstance(synonym, str) else ""
            if key and key not in seen and len(key) <= KEY_MAX:
                seen.add(key)
                rows.append({"term_key": key, "topic_id": topic_id, "is_name": False})
    if rows:
        op.bulk_insert(terms, rows)


def downgrade():
    op.drop_index(op.f("ix_topic_terms_topic_id"), table_name="topic_terms")
    op.drop_table("topic_terms")
