"""case withdrawal: when, by whom and why (a category) a case was withdrawn

A withdrawn case is kept, hidden from everyone but its program's review team and admins.
The reason is a fixed category, never free text, so nothing identifying rides along.

Revision ID: 0012_case_withdrawal
Revises: 0011_never_reuse_ids
Create Date: 2026-12-04 22:10:00

"""

import sqlalchemy as sa
from alembic import op

from app.migrations.rebuild import rebuilt

# revision identifiers, used by Alembic.
revision = "0012_case_withdrawal"
down_revision = "0011_never_reuse_ids"
branch_labels = None
depends_on = None

REASONS = (
    "presented_in_error",
    "duplicate",
    "consent_withdrawn",
    "identifier_concern",
    "other",
)


def upgrade():
    # Batch: SQLite adds a named foreign key and check constraint only by rebuilding the
    # table (foreign keys are off while migrating, see env.py); ids stay never reused.
    with rebuilt("cases") as batch_op:
        batch_op.add_column(sa.Column("withdrawn_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("withdrawn_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "withdrawal_reason",
                sa.Enum(
                    *REASONS,
                    name="withdrawalreason",
                    native_enum=False,
                    create_constraint=True,
                    length=32,
                ),
                nullable=True,
            )
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_cases_withdrawn_by_id_users"),
            "users",
            ["withdrawn_by_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_index(batch_op.f("ix_cases_withdrawn_at"), ["withdrawn_at"], unique=False)


def downgrade():
    with rebuilt("cases") as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_withdrawn_at"))
        batch_op.drop_constraint(batch_op.f("fk_cases_withdrawn_by_id_users"), type_="foreignkey")
        # The enum's check constraint first: SQLite's copy of the table would keep it.
        batch_op.drop_constraint(batch_op.f("ck_cases_withdrawalreason"), type_="check")
        batch_op.drop_column("withdrawal_reason")
        batch_op.drop_column("withdrawn_by_id")
        batch_op.drop_column("withdrawn_at")
