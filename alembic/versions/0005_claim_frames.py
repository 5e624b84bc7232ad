"""claim frames, the term-weight snapshot, and each group's independent sources

Matching reads stored frames instead of normalising the whole archive on every run; the
frames themselves are built by the next match run (old databases included).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 14:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('claim_frames',
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('frame', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_claim_frames_claim_id_claims'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('claim_id', name=op.f('pk_claim_frames'))
    )
    op.create_table('match_keys',
    sa.Column('key', sa.String(length=300), nullable=False),
    sa.Column('claims', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_match_keys'))
    )
    op.create_table('match_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('snapshot_claims', sa.Integer(), nullable=False),
    sa.Column('frame_version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_match_state'))
    )
    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.add_column(sa.Column('independent', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('dependence', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('groups', schema=None) as batch_op:
        batch_op.drop_column('dependence')
        batch_op.drop_column('independent')
    op.drop_table('match_state')
    op.drop_table('match_keys')
    op.drop_table('claim_frames')
