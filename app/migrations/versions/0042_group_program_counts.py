"""recommendation_group_programs: each recommendation group's members counted per program

The candidate practices' ranking counted every visible member of every candidate group on
each request (0.7 s on SQLite, 1.4 s on PostgreSQL at 50,000 cases). The refresh now keeps
each group's member count and smallest member id per program, so a reader's ranking sums
the rows of the programs they see. Filled here from the stored groups, as the refresh would.

Revision ID: 0042_group_program_counts
Revises: 0041_group_member_terms
Create Date: 2026-12-07 09:30:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "0042_group_program_counts"
down_revision = "0041_group_member_terms"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "recommendation_group_programs",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("members", sa.Integer(), nullable=False),
        sa.Column("first_member", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["recommendation_groups.id"],
            name=op.f("fk_recommendation_group_programs_group_id_recommendation_groups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["programs.id"],
            name=op.f("fk_recommendation_group_programs_program_id_programs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "group_id", "program_id", name=op.f("pk_recommendation_group_programs")
        ),
    )
    with op.batch_alter_table("recommendation_group_programs") as batch:
        batch.create_index(
            batch.f("ix_recommendation_group_programs_program_id"), ["program_id"], unique=False
        )
    op.execute(
        sa.text(
            "INSERT INTO recommendation_group_programs"
            " (group_id, program_id, members, first_member)"
            " SELECT m.group_id, c.program_id, COUNT(*), MIN(m.recommendation_id)"
            " FROM recommendation_group_members m"
            " JOIN recommendations r ON r.id = m.recommendation_id"
            " JOIN cases c ON c.id = r.case_id"
            " GROUP BY m.group_id, c.program_id"
        )
    )


def downgrade():
    with op.batch_alter_table("recommendation_group_programs") as batch:
        batch.drop_index(batch.f("ix_recommendation_group_programs_program_id"))
    op.drop_table("recommendation_group_programs")
