"""recommendation dissents: a recommendation marked as departing from a best practice on purpose

Revision ID: 0023_dissent
Revises: 0022_scale
Create Date: 2026-12-05 01:30:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "0023_dissent"
down_revision = "0022_scale"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "recommendation_dissents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recommendation_id", sa.Integer(), nullable=False),
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.Column("expert_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["expert_id"],
            ["users.id"],
            name=op.f("fk_recommendation_dissents_expert_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["practice_id"],
            ["best_practices.id"],
            name=op.f("fk_recommendation_dissents_practice_id_best_practices"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recommendation_id"],
            ["recommendations.id"],
            name=op.f("fk_recommendation_dissents_recommendation_id_recommendations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recommendation_dissents")),
        sa.UniqueConstraint(
            "recommendation_id",
            "practice_id",
            name=op.f("uq_recommendation_dissents_recommendation_id"),
        ),
        sqlite_autoincrement=True,
    )
    for column in ("recommendation_id", "practice_id", "expert_id"):
        op.create_index(
            op.f(f"ix_recommendation_dissents_{column}"),
            "recommendation_dissents",
            [column],
            unique=False,
        )


def downgrade():
    for column in ("expert_id", "practice_id", "recommendation_id"):
        op.drop_index(
            op.f(f"ix_recommendation_dissents_{column}"), table_name="recommendation_dissents"
        )
    op.drop_table("recommendation_dissents")
