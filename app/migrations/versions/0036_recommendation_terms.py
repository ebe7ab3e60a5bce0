"""recommendation_terms: the stems each recommendation's claims can act on

The outdated-advice queue finds the recommendations that give a superseded practice's
advice; it read and parsed every published recommendation on the practice's topics (a
specialty's whole history at a large hub) inside the status change. With these rows it reads
only those that can share a term with the practice (app/practices/claim_terms.py). Filled
here for the recommendations already written.

Revision ID: 0036_recommendation_terms
Revises: 0035_topic_link_index
Create Date: 2026-12-06 12:30:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "0036_recommendation_terms"
down_revision = "0035_topic_link_index"
branch_labels = None
depends_on = None


def upgrade():
    from app.practices.claim_terms import backfill

    op.create_table(
        "recommendation_terms",
        sa.Column("stem", sa.String(length=64), nullable=False),
        sa.Column("recommendation_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["recommendation_id"],
            ["recommendations.id"],
            name=op.f("fk_recommendation_terms_recommendation_id_recommendations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("stem", "recommendation_id", name=op.f("pk_recommendation_terms")),
    )
    op.create_index(
        op.f("ix_recommendation_terms_recommendation_id"),
        "recommendation_terms",
        ["recommendation_id"],
        unique=False,
    )
    backfill(op.get_bind())
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ANALYZE recommendation_terms")


def downgrade():
    op.drop_index(
        op.f("ix_recommendation_terms_recommendation_id"), table_name="recommendation_terms"
    )
    op.drop_table("recommendation_terms")
