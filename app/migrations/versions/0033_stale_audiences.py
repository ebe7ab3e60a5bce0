"""stale audiences: changes not yet grouped are kept per audience (the public programs, or
one private program), so a reader is told of those of the audiences they see only

Revision ID: 0033_stale_audiences
Revises: 0032_scale50k
Create Date: 2026-12-05 21:00:00.000000

A kind stale now is marked stale for every audience: which one changed is not known.

"""

import sqlalchemy as sa
from alembic import op

revision = "0033_stale_audiences"
down_revision = "0032_scale50k"
branch_labels = None
depends_on = None

TABLE = "grouping_stale_audiences"
PUBLIC = 0  # the public programs' audience; a private program's is its id


def upgrade():
    table = op.create_table(
        TABLE,
        sa.Column(
            "kind",
            sa.Enum(
                "questions",
                "recommendations",
                name="groupkind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("audience", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("kind", "audience", name=op.f("pk_grouping_stale_audiences")),
    )
    connection = op.get_bind()
    stale = connection.execute(
        sa.text("SELECT kind FROM grouping_states WHERE stale = :stale").bindparams(stale=True)
    ).scalars().all()
    private = connection.execute(
        sa.text("SELECT id FROM programs WHERE private = :private").bindparams(private=True)
    ).scalars().all()
    audiences = [PUBLIC, *private]
    rows = [{"kind": kind, "audience": a} for kind in stale for a in audiences]
    if rows:
        op.bulk_insert(table, rows)


def downgrade():
    # The kinds marked for some audience are stale as a whole (as they already are).
    op.execute(
        sa.text(
            f"UPDATE grouping_states SET stale = :stale WHERE kind IN (SELECT kind FROM {TABLE})"
        ).bindparams(stale=True)
    )
    op.drop_table(TABLE)
