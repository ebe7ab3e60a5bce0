"""text keys: topics.name_key (Unicode case folding) and folded program slugs

Every lookup of a topic by name compares `name_key` (NFKC + case folding, see
app.common.text_key), which is unique. Existing topics get their key here; topics whose
names fold to the same key (SQLite's ASCII-only lower() let "Äx" and "äx" both in) are
merged into the oldest one. Program slugs are stored folded, as lookups fold what is typed.

Revision ID: 0005_text_keys
Revises: 0003_practice_endorsements
Create Date: 2026-12-04 16:10:00.000000

"""
import unicodedata

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0005_text_keys"
down_revision = "0003_practice_endorsements"
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
    with op.batch_alter_table("topics", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_key", sa.String(length=360), nullable=True))

    conn = op.get_bind()
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

    slugs = {slug for (slug,) in conn.execute(sa.text("SELECT slug FROM programs"))}
    for program_id, slug in conn.execute(sa.text("SELECT id, slug FROM programs")).fetchall():
        folded = _key(slug)
        if folded != slug and folded not in slugs:
            conn.execute(
                sa.text("UPDATE programs SET slug = :slug WHERE id = :id"),
                {"slug": folded, "id": program_id},
            )
            slugs.add(folded)

    with op.batch_alter_table("topics", schema=None) as batch_op:
        batch_op.alter_column("name_key", existing_type=sa.String(length=360), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_topics_name_key"), ["name_key"])


def downgrade():
    with op.batch_alter_table("topics", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_topics_name_key"), type_="unique")
        batch_op.drop_column("name_key")
