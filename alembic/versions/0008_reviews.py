"""reviews: fact-checkers' verdicts on claims (prov review), kept when claims are re-extracted

A new table; no existing row changes.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 22:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'reviews',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('claim_id', sa.Integer(), nullable=True),
        sa.Column('article_id', sa.Integer(), nullable=True),
        sa.Column('claim_text', sa.Text(), nullable=False),
        sa.Column('rating', sa.String(length=200), nullable=False),
        sa.Column('rating_value', sa.Float(), nullable=True),
        sa.Column('best_rating', sa.Float(), nullable=True),
        sa.Column('worst_rating', sa.Float(), nullable=True),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('reviewer', sa.String(length=300), nullable=True),
        sa.Column('reviewed_on', sa.Date(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['claim_id'], ['claims.id'],
                                name=op.f('fk_reviews_claim_id_claims'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['article_id'], ['articles.id'],
                                name=op.f('fk_reviews_article_id_articles'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_reviews')),
    )
    op.create_index(op.f('ix_reviews_claim_id'), 'reviews', ['claim_id'], unique=False)
    op.create_index(op.f('ix_reviews_article_id'), 'reviews', ['article_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_reviews_article_id'), table_name='reviews')
    op.drop_index(op.f('ix_reviews_claim_id'), table_name='reviews')
    op.drop_table('reviews')
