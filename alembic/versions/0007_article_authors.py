"""articles.authors: the bylines a page's metadata gives (JSON-LD, meta tags, JSON records)

Existing rows get NULL, read as no authors: what they had.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 20:55:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('articles') as batch:
        batch.add_column(sa.Column('authors', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('articles') as batch:
        batch.drop_column('authors')
