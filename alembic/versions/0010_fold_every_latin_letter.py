"""speaker blocks recomputed now that ł, ø, đ, ß, æ and the like fold to ASCII

Names compare with these letters folded ("Małgorzata Wójcik" is "Malgorzata Wojcik"), so
the blocking key of an alias holding one changes ("błas" -> "blas"); without this, the
next ingest would not find the stored speaker and would make a second one. Only aliases
with a non-ASCII letter are visited. Downgrade keeps the new keys: the older rule cannot
be restored from the name alone without the older code, and a key that is too folded
only costs an older prov one more comparison.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 23:20:00
"""
import sqlalchemy as sa
from alembic import op

from provenance.db.speakers import speaker_block

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "select a.id, a.alias, s.kind, a.block from speaker_aliases a "
        "join speakers s on s.id = a.speaker_id")).all()
    changed = [{"id": i, "block": speaker_block(alias, kind)} for i, alias, kind, block in rows
               if not alias.isascii() and speaker_block(alias, kind) != block]
    update = sa.text("update speaker_aliases set block = :block where id = :id")
    for start in range(0, len(changed), 1000):
        bind.execute(update, changed[start:start + 1000])


def downgrade() -> None:
    pass
