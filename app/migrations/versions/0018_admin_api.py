"""certificate statement and signer

Revision ID: 0018_admin_api
Revises: 0017_case_templates
Create Date: 2026-12-05 01:30:00

A program's credit rule carries the accreditation statement and the signer (name, title)
printed on its certificates. Added columns only: no table is rebuilt.

"""
from alembic import op
import sqlalchemy as sa

from app.migrations.rebuild import rebuilt


# revision identifiers, used by Alembic.
revision = '0018_admin_api'
down_revision = '0017_case_templates'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('credit_rules', sa.Column('accreditation_statement', sa.Text(), server_default='', nullable=False))
    op.add_column('credit_rules', sa.Column('signer_name', sa.String(length=120), server_default='', nullable=False))
    op.add_column('credit_rules', sa.Column('signer_title', sa.String(length=120), server_default='', nullable=False))


def downgrade():
    with rebuilt('credit_rules') as batch_op:
        batch_op.drop_column('signer_title')
        batch_op.drop_column('signer_name')
        batch_op.drop_column('accreditation_statement')
