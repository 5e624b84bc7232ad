"""an index on claims.matched, so finding the claims left to match reads no other rows

Every run now looks for unmatched claims (a run killed while matching leaves some behind),
and without the index that look scanned the whole claims table.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 10:00:00
"""
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f('ix_claims_matched'), 'claims', ['matched'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_claims_matched'), table_name='claims')
