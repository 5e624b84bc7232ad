"""claim_speakers.mention_start: where each speaker mention stands in the article text

With the mention's verbatim text (claim_speakers.mention), its character offset lets a report
or a scorer place the words that name a claim's speaker. Existing rows get NULL (not known
until re-extracted).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 15:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('claim_speakers', sa.Column('mention_start', sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column('claim_speakers', 'mention_start')
