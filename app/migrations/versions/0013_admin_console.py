"""admin console: temporary passwords that must be changed; proposed and retired topics

Existing topics are accepted (they came from the catalog or were typed before review
existed); existing accounts need no password change.

Revision ID: 0013_admin_console
Revises: 0012_case_withdrawal
Create Date: 2026-12-04 22:10:00.000000

"""
import sqlalchemy as sa
from alembic import op

from app.migrations.rebuild import rebuilt

revision = "0013_admin_console"
down_revision = "0012_case_withdrawal"
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


def upgrade():
    with rebuilt("users") as batch_op:
        batch_op.add_column(
            sa.Column(
                "must_change_password", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
    with rebuilt("topics") as batch_op:
        batch_op.add_column(
            sa.Column("status", TOPIC_STATUS, nullable=False, server_default="accepted")
        )


def downgrade():
    with rebuilt("topics") as batch_op:
        # The enum's check constraint names the column: it goes first.
        batch_op.drop_constraint("topicstatus", type_="check")
        batch_op.drop_column("status")
    with rebuilt("users") as batch_op:
        batch_op.drop_column("must_change_password")
