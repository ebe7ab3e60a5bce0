"""stored groups: recurring questions and similar recommendations, and their refresh state

Revision ID: 0009_question_groups
Revises: 0008_topic_terms
Create Date: 2026-12-04 19:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0009_question_groups'
down_revision = '0008_topic_terms'
branch_labels = None
depends_on = None


def upgrade():
    state = op.create_table(
        'grouping_states',
        sa.Column('kind', sa.Enum('questions', 'recommendations', name='groupkind', native_enum=False, create_constraint=True, length=32), nullable=False),
        sa.Column('stale', sa.Boolean(), nullable=False),
        sa.Column('refreshed_at', sa.DateTime(), nullable=True),
        sa.Column('lease_token', sa.BigInteger(), nullable=True),
        sa.Column('lease_until', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('kind'),
    )
    # Stale from the start: the first refresh (background or `casebook curriculum refresh`)
    # computes the groups of an existing database.
    op.bulk_insert(state, [
        {'kind': 'questions', 'stale': True},
        {'kind': 'recommendations', 'stale': True},
    ])
    op.create_table(
        'question_groups',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('cohesion', sa.Float(), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_table(
        'recommendation_groups',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('cohesion', sa.Float(), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('sessions', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('recommendation_groups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recommendation_groups_sessions'), ['sessions'], unique=False)
    op.create_table(
        'question_group_members',
        sa.Column('group_id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('centrality', sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['group_id'], ['question_groups.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('group_id', 'case_id'),
    )
    with op.batch_alter_table('question_group_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_question_group_members_case_id'), ['case_id'], unique=False)
    op.create_table(
        'recommendation_group_members',
        sa.Column('group_id', sa.Integer(), nullable=False),
        sa.Column('recommendation_id', sa.Integer(), nullable=False),
        sa.Column('centrality', sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(['group_id'], ['recommendation_groups.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['recommendation_id'], ['recommendations.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('group_id', 'recommendation_id'),
    )
    with op.batch_alter_table('recommendation_group_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recommendation_group_members_recommendation_id'), ['recommendation_id'], unique=False)


def downgrade():
    with op.batch_alter_table('recommendation_group_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recommendation_group_members_recommendation_id'))
    op.drop_table('recommendation_group_members')
    with op.batch_alter_table('question_group_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_question_group_members_case_id'))
    op.drop_table('question_group_members')
    with op.batch_alter_table('recommendation_groups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recommendation_groups_sessions'))
    op.drop_table('recommendation_groups')
    op.drop_table('question_groups')
    op.drop_table('grouping_states')
