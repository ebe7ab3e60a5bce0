"""import keys: a stable key per recommendation, annotation and outcome; imported fingerprints

Re-import matches a file's items by key and updates only what came from the file. Existing
items of a case with a ref get the key an import of a file without keys derives (by order:
`REF/r1`, `REF/r1/a1`, `REF/o/REC_KEY`); every other item gets a random key. No item has
an imported fingerprint yet (nor has any case): the next import adopts an item whose content
equals the file's and reports any other difference as a conflict.

Revision ID: 0010_import_keys
Revises: 0009_question_groups
Create Date: 2026-12-04 19:10:00.000000

"""
import uuid

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0010_import_keys"
down_revision = "0009_question_groups"
branch_labels = None
depends_on = None

TABLES = ("recommendations", "annotations", "outcomes")


def _keys(conn):
    """Key for every existing row: {table: {id: key}}."""
    refs = dict(conn.execute(sa.text("SELECT id, ref FROM cases")).fetchall())
    rec_keys, ann_keys, out_keys = {}, {}, {}
    recs = conn.execute(
        sa.text("SELECT id, case_id FROM recommendations ORDER BY case_id, position, id")
    ).fetchall()
    index = {}
    for rec_id, case_id in recs:
        index[case_id] = index.get(case_id, 0) + 1
        ref = refs.get(case_id)
        rec_keys[rec_id] = f"{ref}/r{index[case_id]}" if ref else uuid.uuid4().hex
    anns = conn.execute(
        sa.text(
            "SELECT id, recommendation_id FROM annotations"
            " ORDER BY recommendation_id, created_at, id"
        )
    ).fetchall()
    index = {}
    rec_case = {rec_id: case_id for rec_id, case_id in recs}
    for ann_id, rec_id in anns:
        index[rec_id] = index.get(rec_id, 0) + 1
        derived = refs.get(rec_case.get(rec_id)) is not None
        ann_keys[ann_id] = f"{rec_keys[rec_id]}/a{index[rec_id]}" if derived else uuid.uuid4().hex
    for out_id, case_id, rec_id in conn.execute(
        sa.text("SELECT id, case_id, recommendation_id FROM outcomes")
    ).fetchall():
        ref = refs.get(case_id)
        out_keys[out_id] = f"{ref}/o/{rec_keys[rec_id]}" if ref else uuid.uuid4().hex
    return {"recommendations": rec_keys, "annotations": ann_keys, "outcomes": out_keys}


def upgrade():
    # No batch (copy-and-rename) operations: on SQLite, dropping the old recommendations table
    # with foreign keys on would cascade to its annotations, outcomes and versions.
    conn = op.get_bind()
    for table in TABLES:
        op.add_column(
            table, sa.Column("key", sa.String(length=200), nullable=False, server_default="")
        )
        op.add_column(table, sa.Column("import_hash", sa.String(length=64), nullable=True))
    op.add_column("cases", sa.Column("import_hash", sa.String(length=64), nullable=True))
    for table, keys in _keys(conn).items():
        for row_id, key in keys.items():
            conn.execute(
                sa.text(f"UPDATE {table} SET \"key\" = :key WHERE id = :id"), {"key": key, "id": row_id}
            )
    for table in TABLES:
        if conn.dialect.name != "sqlite":  # SQLite cannot drop a default in place; harmless
            op.alter_column(table, "key", server_default=None)
        op.create_index(op.f(f"ix_{table}_key"), table, ["key"], unique=True)


def downgrade():
    op.drop_column("cases", "import_hash")
    for table in TABLES:
        op.drop_index(op.f(f"ix_{table}_key"), table_name=table)
        op.drop_column(table, "import_hash")
        op.drop_column(table, "key")
