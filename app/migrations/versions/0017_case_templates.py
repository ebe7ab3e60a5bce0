"""case-form template versions: cases keep the version they were written with

Each program's current template becomes its version 1, and every existing case is marked
as written with it.

Revision ID: 0017_case_templates
Revises: 0016_attendance_credit
Create Date: 2026-12-04 23:20:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "0017_case_templates"
down_revision = "0016_attendance_credit"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "case_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("program_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("definition", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_case_templates_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["programs.id"],
            name=op.f("fk_case_templates_program_id_programs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_templates")),
        sa.UniqueConstraint("program_id", "version", name=op.f("uq_case_templates_program_id")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_case_templates_program_id"), "case_templates", ["program_id"], unique=False
    )
    # Plain ADD COLUMN: SQLite keeps the tables (and their AUTOINCREMENT) as they are.
    op.add_column(
        "programs",
        sa.Column("template_version", sa.Integer(), server_default="1", nullable=False),
    )
    op.add_column("cases", sa.Column("template_version", sa.Integer(), nullable=True))
    op.execute(
        "INSERT INTO case_templates (program_id, version, definition, created_at) "
        "SELECT id, 1, case_template, CURRENT_TIMESTAMP FROM programs ORDER BY id"
    )
    op.execute("UPDATE cases SET template_version = 1")


def downgrade():
    op.drop_column("cases", "template_version")
    op.drop_column("programs", "template_version")
    op.drop_index(op.f("ix_case_templates_program_id"), table_name="case_templates")
    op.drop_table("case_templates")
