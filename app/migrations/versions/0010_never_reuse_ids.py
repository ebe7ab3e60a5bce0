"""never reuse ids: audit events are append-only in the database

Revision ID: 0010_never_reuse_ids
Revises: 0007_outbox_retry_at
Create Date: 2026-12-04 19:00:00

Triggers refuse UPDATE and DELETE on audit_events, on SQLite and PostgreSQL (their SQL
lives in app.audit.triggers, which `db.create_all()` uses too).
"""

from alembic import op

from app.audit import triggers

# revision identifiers, used by Alembic.
revision = "0010_never_reuse_ids"
down_revision = "0007_outbox_retry_at"
branch_labels = None
depends_on = None


def upgrade():
    triggers.create(op.get_bind())


def downgrade():
    triggers.drop(op.get_bind())
