"""claims.rule: the attribution rule that credited each claim

Which of the named rules of provenance.nlp.attribution (RULES) read a claim's speaker, so
that a wrong attribution can be traced to its rule, and the export carries it. Existing rows
get NULL (not known until re-extracted).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 01:40:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Added in place: rebuilding claims in batch mode would drop the search triggers (0009).
    op.add_column('claims', sa.Column('rule', sa.String(length=40), nullable=True))


def downgrade() -> None:
    op.drop_column('claims', 'rule')
