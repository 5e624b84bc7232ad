"""Different sources, one measure of one subject, figures that cannot both hold.

Counts that change from day to day ("point" measures: people evacuated, deaths so far) are
compared only between claims about the same day; estimates of one event (the cost of the
damage, a peak, a result) across ``estimate_window_days``.
"""

from __future__ import annotations

from provenance.match.conflicts.base import Context, FoundConflict, one_source, who
from provenance.match.conflicts.figures_at_odds import at_odds, describe
from provenance.match.pairs import Pair, days_apart


def detect(pair: Pair, context: Context) -> FoundConflict | None:
    odds = at_odds(pair, context)
    if odds is None or one_source(pair.a, pair.b):
        return None
    apart = days_apart(pair.a, pair.b)
    window = 0 if odds.earlier.time == "point" else context.config.estimate_window_days
    if pair.same_article and not (pair.a.own_day and pair.b.own_day):
        window += 1  # one article sets its undated figure against a dated one of the eve
    if apart is None or apart > window:
        return None
    return FoundConflict(pair.a.id, pair.b.id, "numeric",
                         f"{describe(odds.earlier)} according to {who(pair.a)}, but "
                         f"{odds.later.text} according to {who(pair.b)}")
