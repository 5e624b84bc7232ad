"""claims.told_on: the day a claim was said, for claims that name no date of their own

"The agency said on Wednesday that 4,100 people were out of their homes" is about
Wednesday, but two outlets reporting one fact said on different days still state one
fact: the day of the telling dates the claim without splitting corroboration. Existing
rows get NULL (no telling date read), which is what they had.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 20:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('claims') as batch:
        batch.add_column(sa.Column('told_on', sa.String(length=10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('claims') as batch:
        batch.drop_column('told_on')
