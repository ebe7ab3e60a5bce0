"""topic names unique among accepted topics only

A name typed in one program that a proposed topic of another (private) program had was
attached to that hidden topic, which told its readers that someone had proposed it, and
how it was spelt. Names (by their text key) stay unique among accepted topics; proposed
and retired topics may share a name, each known to its own readers.

Downgraded, the topics that share a key keep one of them (the accepted one, else the
oldest) with its name; the others are renamed "Name (2)", "Name (3)"... as a purge renames
a topic, so no topic or link is lost.

Revision ID: 0044_topic_names_per_reader
Revises: 0043_group_changes
Create Date: 2026-12-08 01:00:00.000000

"""

import unicodedata

import sqlalchemy as sa
from alembic import op

from app.migrations.rebuild import rebuilt

revision = "0044_topic_names_per_reader"
down_revision = "0043_group_changes"
branch_labels = None
depends_on = None

ACCEPTED = sa.text("status = 'accepted'")


def _key(text):
    # A copy of app.common.text_key as it is today: a migration must not change with the app.
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return " ".join(folded.split())


def upgrade():
    with rebuilt("topics") as batch_op:
        batch_op.drop_constraint("uq_topics_name", type_="unique")
    op.drop_index("ix_topics_name_key", table_name="topics")
    op.create_index("ix_topics_name_key", "topics", ["name_key"], unique=False)
    op.create_index(
        "uq_topics_accepted_name_key",
        "topics",
        ["name_key"],
        unique=True,
        sqlite_where=ACCEPTED,
        postgresql_where=ACCEPTED,
    )


def _rename_shared_names(conn):
    rows = conn.execute(
        sa.text(
            "SELECT id, name, name_key FROM topics ORDER BY name_key,"
            " CASE WHEN status = 'accepted' THEN 0 ELSE 1 END, id"
        )
    ).all()
    taken_keys = {key for _, _, key in rows}
    taken_names = {name for _, name, _ in rows}
    seen = set()
    for topic_id, name, key in rows:
        if key not in seen:
            seen.add(key)
            continue
        number = 1
        while True:
            number += 1
            suffix = f" ({number})"
            new = f"{name[: 120 - len(suffix)]}{suffix}"
            if _key(new) not in taken_keys and new not in taken_names:
                break
        taken_keys.add(_key(new))
        taken_names.add(new)
        conn.execute(
            sa.text("UPDATE topics SET name = :name, name_key = :key WHERE id = :id"),
            {"name": new, "key": _key(new), "id": topic_id},
        )
        conn.execute(
            sa.text("DELETE FROM topic_terms WHERE topic_id = :id AND (is_name OR term_key = :key)"),
            {"id": topic_id, "key": _key(new)},
        )
        conn.execute(
            sa.text(
                "INSERT INTO topic_terms (term_key, topic_id, is_name) VALUES (:key, :id, :yes)"
            ),
            {"key": _key(new), "id": topic_id, "yes": True},
        )


def downgrade():
    _rename_shared_names(op.get_bind())
    op.drop_index("uq_topics_accepted_name_key", table_name="topics")
    op.drop_index("ix_topics_name_key", table_name="topics")
    op.create_index("ix_topics_name_key", "topics", ["name_key"], unique=True)
    with rebuilt("topics") as batch_op:
        batch_op.create_unique_constraint("uq_topics_name", ["name"])
