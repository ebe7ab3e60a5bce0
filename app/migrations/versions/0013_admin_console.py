"""admin console: temporary passwords that must be changed; proposed and retired topics

Existing topics are accepted (they came from the catalog or were typed before review
existed); existing accounts need no password change.

Revision ID: 0013_admin_console
Revises: 0011_never_reuse_ids
Create Date: 2026-12-04 22:10:00.000000

"""
import sqlalchemy as sa
from alembic import op

revision = "0013_admin_console"
down_revision = "0011_never_reuse_ids"
branch_labels = None
depends_on = None

TOPIC_STATUS = sa.Enum(
    "proposed",
    "accepted",
    "retired",
    name="topicstatus",
    native_enum=False,
    create_constraint=True,
    length=32,
)


def _rebuilt(name):
    """Batch mode rebuilds a SQLite table to add a CHECK: keep its AUTOINCREMENT, and its
    high-water mark, so ids of deleted rows are still never handed out again."""
    return op.batch_alter_table(name, table_kwargs={"sqlite_autoincrement": True})


def _high_water():
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return {}
    return dict(conn.execute(sa.text("SELECT name, seq FROM sqlite_sequence")).all())


def _restore_high_water(before):
    conn = op.get_bind()
    for name, seq in before.items():
        conn.execute(
            sa.text("UPDATE sqlite_sequence SET seq = MAX(seq, :seq) WHERE name = :name"),
            {"name": name, "seq": seq},
        )
        conn.execute(
            sa.text(
                "INSERT INTO sqlite_sequence (name, seq) SELECT :name, :seq"
                " WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = :name)"
            ),
            {"name": name, "seq": seq},
        )


def upgrade():
    before = _high_water()
    with _rebuilt("users") as batch_op:
        batch_op.add_column(
            sa.Column(
                "must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
    with _rebuilt("topics") as batch_op:
        batch_op.add_column(
            sa.Column("status", TOPIC_STATUS, nullable=False, server_default="accepted")
        )
    _restore_high_water(before)


def downgrade():
    before = _high_water()
    with _rebuilt("topics") as batch_op:
        # The enum's check constraint names the column: it goes first.
        batch_op.drop_constraint("topicstatus", type_="check")
        batch_op.drop_column("status")
    with _rebuilt("users") as batch_op:
        batch_op.drop_column("must_change_password")
    _restore_high_water(before)
