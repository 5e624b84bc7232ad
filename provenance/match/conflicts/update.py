"""One source revising its own figure: a step of a timeline, never a contradiction.

The source is one even when two outlets quote it, or when one quotes its director and the
other the body itself. The pair is kept out of one corroboration group.
"""

from __future__ import annotations

from provenance.match.conflicts.base import Context, FoundConflict, one_source, who
from provenance.match.conflicts.figures_at_odds import at_odds, describe, set_against
from provenance.match.pairs import Pair


def detect(pair: Pair, context: Context) -> FoundConflict | None:
    odds = at_odds(pair, context)
    if odds is None or not one_source(pair.a, pair.b):
        return None
    early, late = sorted((pair.a, pair.b), key=lambda c: (c.day or "", c.id))
    if early.day == late.day:
        return None
    first, then = (odds.earlier, odds.later) if early is pair.a else (odds.later, odds.earlier)
    return FoundConflict(early.id, late.id, "update",
                         f"{describe(first)} ({early.day}) revised to {set_against(then, first)} "
                         f"({late.day}) by {who(late)}")
