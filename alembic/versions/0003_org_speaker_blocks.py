"""organisations are blocked by their first two content words, not their first four letters

Every "ministry of ..." shared one block, so resolving an organisation compared it with
all of them; recompute the stored blocks with the rule prov now uses.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 09:10:00
"""
from collections.abc import Callable

from alembic import op
import sqlalchemy as sa

from provenance.db.speakers import speaker_block
from provenance.text import comparable


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def _first_letters_block(name: str, kind: str) -> str:
    """The rule of revisions 0001-0002, to restore on downgrade."""
    words = comparable(name).split() or [""]
    return (words[-1] if kind == "person" else " ".join(words))[:4]


def _rewrite_blocks(block: Callable[[str, str], str]) -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "select a.id, a.alias, s.kind from speaker_aliases a join speakers s on s.id = a.speaker_id"
    )).all()
    update = sa.text("update speaker_aliases set block = :block where id = :id")
    for start in range(0, len(rows), 1000):
        bind.execute(update, [{"id": i, "block": block(alias, kind)}
                              for i, alias, kind in rows[start:start + 1000]])


def upgrade() -> None:
    _rewrite_blocks(speaker_block)


def downgrade() -> None:
    _rewrite_blocks(_first_letters_block)
