"""outdated advice: recommendations to review after a practice they cite or follow changed

Revision ID: 0024_outdated_advice
Revises: 0023_dissent
Create Date: 2026-12-05 04:30:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "0024_outdated_advice"
down_revision = "0023_dissent"
branch_labels = None
depends_on = None

TABLE = "outdated_advice"
INDEXED = ("recommendation_id", "practice_id", "replacement_id", "state")


def _enum(name, *values):
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def upgrade():
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recommendation_id", sa.Integer(), nullable=False),
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.Column("replacement_id", sa.Integer(), nullable=True),
        sa.Column("change", _enum("practicechange", "superseded", "retired"), nullable=False),
        sa.Column("because", _enum("outdatedbecause", "cites", "matches"), nullable=False),
        sa.Column(
            "state",
            _enum("reviewstate", "open", "still_valid", "updated", "no_longer_applies"),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("annotation_id", sa.Integer(), nullable=True),
        sa.Column("resolved_by_id", sa.Integer(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["recommendation_id"],
            ["recommendations.id"],
            name=op.f("fk_outdated_advice_recommendation_id_recommendations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["practice_id"],
            ["best_practices.id"],
            name=op.f("fk_outdated_advice_practice_id_best_practices"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["replacement_id"],
            ["best_practices.id"],
            name=op.f("fk_outdated_advice_replacement_id_best_practices"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["annotation_id"],
            ["annotations.id"],
            name=op.f("fk_outdated_advice_annotation_id_annotations"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["resolved_by_id"],
            ["users.id"],
            name=op.f("fk_outdated_advice_resolved_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outdated_advice")),
        sa.UniqueConstraint(
            "recommendation_id", "practice_id", name=op.f("uq_outdated_advice_recommendation_id")
        ),
        sqlite_autoincrement=True,
    )
    for column in INDEXED:
        op.create_index(op.f(f"ix_outdated_advice_{column}"), TABLE, [column], unique=False)


def downgrade():
    for column in reversed(INDEXED):
        op.drop_index(op.f(f"ix_outdated_advice_{column}"), table_name=TABLE)
    op.drop_table(TABLE)
