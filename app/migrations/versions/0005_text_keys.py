"""text keys: topics.name_key (Unicode case folding) and folded program slugs

Every lookup of a topic by name compares `name_key` (NFKC + case folding, see
app.common.text_key), which is unique. Existing topics get their key here; topics whose
names fold to the same key (SQLite's ASCII-only lower() let "Äx" and "äx" both in) are
merged into the oldest one. Program slugs are stored folded, as lookups fold what is typed.

Revision ID: 0005_text_keys
Revises: 0004_account_security
Create Date: 2026-12-04 16:10:00.000000

"""
import unicodedata

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0005_text_keys"
down_revision = "0004_account_security"
branch_labels = None
depends_on = None

TOPIC_LINKS = (("case_topics", "case_id"), ("session_topics", "session_id"),
               ("practice_topics", "practice_id"))


def _key(text):
    # A copy of app.common.text_key as it is today: a migration must not change with the app.
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return " ".join(folded.split())


def _merge_topic(conn, keep, gone):
    for table, owner in TOPIC_LINKS:
        conn.execute(
            sa.text(
                f"INSERT INTO {table} ({owner}, topic_id) SELECT {owner}, :keep FROM {table} "
                f"WHERE topic_id = :gone AND {owner} NOT IN "
                f"(SELECT {owner} FROM {table} WHERE topic_id = :keep)"
            ),
            {"keep": keep, "gone": gone},
        )
        conn.execute(sa.text(f"DELETE FROM {table} WHERE topic_id = :gone"), {"gone": gone})
    conn.execute(
        sa.text("UPDATE topics SET parent_id = :keep WHERE parent_id = :gone AND id != :keep"),
        {"keep": keep, "gone": gone},
    )
    conn.execute(sa.text("UPDATE topics SET parent_id = NULL WHERE id = :keep AND parent_id = :gone"),
                 {"keep": keep, "gone": gone})
    conn.execute(sa.text("DELETE FROM topics WHERE id = :gone"), {"gone": gone})


def upgrade():
    # No batch (copy-and-rename) operations here: on SQLite, dropping the old topics table
    # with foreign keys on would cascade to case_topics, session_topics and practice_topics.
    conn = op.get_bind()
    op.add_column(
        "topics",
        sa.Column("name_key", sa.String(length=360), nullable=False, server_default=""),
    )
    seen = {}
    for topic_id, name in conn.execute(sa.text("SELECT id, name FROM topics ORDER BY id")).fetchall():
        key = _key(name)
        if key in seen:
            _merge_topic(conn, seen[key], topic_id)
            continue
        seen[key] = topic_id
        conn.execute(
            sa.text("UPDATE topics SET name_key = :key WHERE id = :id"), {"key": key, "id": topic_id}
        )
    if conn.dialect.name != "sqlite":  # SQLite cannot drop a default in place; it is harmless
        op.alter_column("topics", "name_key", server_default=None)
    op.create_index(op.f("ix_topics_name_key"), "topics", ["name_key"], unique=True)

    slugs = {slug for (slug,) in conn.execute(sa.text("SELECT slug FROM programs"))}
    for program_id, slug in conn.execute(sa.text("SELECT id, slug FROM programs")).fetchall():
        folded = _key(slug)
        if folded != slug and folded not in slugs:
            conn.execute(
                sa.text("UPDATE programs SET slug = :slug WHERE id = :id"),
                {"slug": folded, "id": program_id},
            )
            slugs.add(folded)


def downgrade():
    op.drop_index(op.f("ix_topics_name_key"), table_name="topics")
    op.drop_column("topics", "name_key")
