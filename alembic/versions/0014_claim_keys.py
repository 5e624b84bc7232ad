"""claim_keys: each matched claim's blocking keys, so a match run reads only its candidates

A match run used to read every stored frame to rebuild the blocking index in memory. With
the keys in an indexed table, it reads the earlier claims that share the new claims' keys.
The table starts empty: the first match run after the upgrade sees matched claims without
keys and matches the archive again once, which fills it (no claim or group is lost; groups
are renumbered as by ``prov match --rebuild``).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06 01:40:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('claim_keys',
    sa.Column('key', sa.BigInteger(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_claim_keys_claim_id_claims'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('key', 'claim_id', name=op.f('pk_claim_keys')),
    sqlite_with_rowid=False,
    )
    op.create_index(op.f('ix_claim_keys_claim_id'), 'claim_keys', ['claim_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_claim_keys_claim_id'), table_name='claim_keys')
    op.drop_table('claim_keys')
