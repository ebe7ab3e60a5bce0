"""attendance and credit, recommendations sent

Revision ID: 0016_attendance_credit
Revises: 0013_admin_console
Create Date: 2026-12-04 22:10:00

Per-participant attendance, program credit rules and post-session evaluations; and the
letters of recommendations a coordinator sends to a presenter from the session desk.

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016_attendance_credit'
down_revision = '0013_admin_console'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('credit_rules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('credit_type', sa.Enum('ama_pra_1', 'ancc', 'participation', name='credittype', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('credits_per_session', sa.Float(), nullable=False),
    sa.Column('minimum_minutes', sa.Integer(), nullable=False),
    sa.Column('evaluation_required', sa.Boolean(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['program_id'], ['programs.id'], name=op.f('fk_credit_rules_program_id_programs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_credit_rules')),
    sa.UniqueConstraint('program_id', name=op.f('uq_credit_rules_program_id')),
    sqlite_autoincrement=True
    )
    op.create_table('attendances',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=True),
    sa.Column('source', sa.Enum('ticked', 'imported', name='attendancesource', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_attendances_session_id_sessions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_attendances_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendances')),
    sa.UniqueConstraint('session_id', 'user_id', name=op.f('uq_attendances_session_id')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('attendances', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendances_session_id'), ['session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendances_user_id'), ['user_id'], unique=False)

    op.create_table('recommendations_sent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('sent_by_id', sa.Integer(), nullable=True),
    sa.Column('sent_at', sa.DateTime(), nullable=False),
    sa.Column('recommendation_ids', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_recommendations_sent_case_id_cases'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sent_by_id'], ['users.id'], name=op.f('fk_recommendations_sent_sent_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recommendations_sent')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('recommendations_sent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recommendations_sent_case_id'), ['case_id'], unique=False)

    op.create_table('session_evaluations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=False),
    sa.Column('will_change_practice', sa.Boolean(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['sessions.id'], name=op.f('fk_session_evaluations_session_id_sessions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_session_evaluations_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_session_evaluations')),
    sa.UniqueConstraint('session_id', 'user_id', name=op.f('uq_session_evaluations_session_id')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('session_evaluations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_session_evaluations_session_id'), ['session_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_session_evaluations_user_id'), ['user_id'], unique=False)



def downgrade():
    with op.batch_alter_table('session_evaluations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_session_evaluations_user_id'))
        batch_op.drop_index(batch_op.f('ix_session_evaluations_session_id'))

    op.drop_table('session_evaluations')
    with op.batch_alter_table('recommendations_sent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recommendations_sent_case_id'))

    op.drop_table('recommendations_sent')
    with op.batch_alter_table('attendances', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendances_user_id'))
        batch_op.drop_index(batch_op.f('ix_attendances_session_id'))

    op.drop_table('attendances')
    op.drop_table('credit_rules')
