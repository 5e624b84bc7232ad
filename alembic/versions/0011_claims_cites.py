"""claims.cites: which intermediaries the speaker relies on, so chains read outermost first

"Le Point, citing anonymous sources, reported ..." stores "anonymous sources" in via, as
before, and now also in cites: the chain is The outlet -> Le Point -> anonymous sources,
while "X told Reuters" stays The outlet -> Reuters -> X. Existing rows get NULL (not known
until re-extracted) and read as citing no one, which is what they showed before.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 23:40:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Added in place: rebuilding claims in batch mode would drop the search triggers (0009).
    op.add_column('claims', sa.Column('cites', sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column('claims', 'cites')
