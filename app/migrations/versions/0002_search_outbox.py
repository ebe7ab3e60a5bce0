"""search outbox

Revision ID: 0002_search_outbox
Revises: 0002_case_workflow
Create Date: 2026-11-25 04:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002_search_outbox'
down_revision = '0002_case_workflow'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('search_outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity_type', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('applied_at', sa.DateTime(), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.String(length=200), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_outbox'))
    )
    with op.batch_alter_table('search_outbox', schema=None) as batch_op:
        batch_op.create_index('ix_search_outbox_pending', ['applied_at', 'id'], unique=False)


def downgrade():
    with op.batch_alter_table('search_outbox', schema=None) as batch_op:
        batch_op.drop_index('ix_search_outbox_pending')

    op.drop_table('search_outbox')
