"""teaching sets (curated cases and recommendations with notes) and saved searches

Revision ID: 0025_teaching_sets
Revises: 0024_outdated_advice
Create Date: 2026-12-05 04:30:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "0025_teaching_sets"
down_revision = "0024_outdated_advice"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "saved_searches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_saved_searches_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_searches")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_saved_searches_owner_id"), "saved_searches", ["owner_id"], unique=False
    )
    op.create_table(
        "teaching_sets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_teaching_sets_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["programs.id"],
            name=op.f("fk_teaching_sets_program_id_programs"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teaching_sets")),
        sqlite_autoincrement=True,
    )
    for column in ("owner_id", "program_id"):
        op.create_index(op.f(f"ix_teaching_sets_{column}"), "teaching_sets", [column], unique=False)
    op.create_table(
        "teaching_set_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("set_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("recommendation_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "(case_id IS NULL) <> (recommendation_id IS NULL)",
            name=op.f("ck_teaching_set_items_one_subject"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_teaching_set_items_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recommendation_id"],
            ["recommendations.id"],
            name=op.f("fk_teaching_set_items_recommendation_id_recommendations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["set_id"],
            ["teaching_sets.id"],
            name=op.f("fk_teaching_set_items_set_id_teaching_sets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teaching_set_items")),
        sa.UniqueConstraint("set_id", "case_id", name=op.f("uq_teaching_set_items_set_case")),
        sa.UniqueConstraint(
            "set_id",
            "recommendation_id",
            name=op.f("uq_teaching_set_items_set_recommendation"),
        ),
        sqlite_autoincrement=True,
    )
    for column in ("set_id", "case_id", "recommendation_id"):
        op.create_index(
            op.f(f"ix_teaching_set_items_{column}"), "teaching_set_items", [column], unique=False
        )


def downgrade():
    for column in ("recommendation_id", "case_id", "set_id"):
        op.drop_index(op.f(f"ix_teaching_set_items_{column}"), table_name="teaching_set_items")
    op.drop_table("teaching_set_items")
    for column in ("program_id", "owner_id"):
        op.drop_index(op.f(f"ix_teaching_sets_{column}"), table_name="teaching_sets")
    op.drop_table("teaching_sets")
    op.drop_index(op.f("ix_saved_searches_owner_id"), table_name="saved_searches")
    op.drop_table("saved_searches")
