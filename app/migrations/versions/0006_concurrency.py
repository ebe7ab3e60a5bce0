"""concurrency: a recommendation's position is unique within its case

Revision ID: 0006_concurrency
Revises: 0005_text_keys
Create Date: 2026-12-04 16:30:00

Concurrent writers on PostgreSQL could give two recommendations of a case the same
position; those cases are renumbered (by position, then creation order) before the
constraint is added.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0006_concurrency"
down_revision = '0005_text_keys'
branch_labels = None
depends_on = None

recommendations = sa.table(
    "recommendations",
    sa.column("id", sa.Integer),
    sa.column("case_id", sa.Integer),
    sa.column("position", sa.Integer),
)


def _renumber_duplicates() -> None:
    conn = op.get_bind()
    cases = conn.execute(
        sa.select(recommendations.c.case_id)
        .group_by(recommendations.c.case_id, recommendations.c.position)
        .having(sa.func.count() > 1)
    ).scalars()
    for case_id in sorted(set(cases)):
        ids = conn.execute(
            sa.select(recommendations.c.id)
            .where(recommendations.c.case_id == case_id)
            .order_by(recommendations.c.position, recommendations.c.id)
        ).scalars()
        for position, rec_id in enumerate(list(ids), 1):
            conn.execute(
                sa.update(recommendations)
                .where(recommendations.c.id == rec_id)
                .values(position=position)
            )


def upgrade():
    _renumber_duplicates()
    with op.batch_alter_table("recommendations", schema=None) as batch_op:
        batch_op.create_unique_constraint(
            batch_op.f("uq_recommendations_case_id"), ["case_id", "position"]
        )


def downgrade():
    with op.batch_alter_table("recommendations", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_recommendations_case_id"), type_="unique")
