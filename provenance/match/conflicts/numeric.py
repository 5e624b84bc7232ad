"""Different sources, one measure of one subject, figures that cannot both hold.

Counts that change from day to day ("point" measures: people evacuated, deaths so far) are
compared only between claims about the same day, or about the day before or after when
one figure is ``rival_step`` times the other or more (a count does not grow that fast);
estimates of one event (the cost of the damage, a peak, a result) across
``estimate_window_days``, or when both are about one earlier period ("fell 30 percent
last year" / "fell 25 percent last year").
"""

from __future__ import annotations

from provenance.match.conflicts.base import Context, FoundConflict, one_source, who
from provenance.match.conflicts.figures_at_odds import AtOdds, at_odds, describe, set_against
from provenance.match.figures import Figure
from provenance.match.pairs import Pair, days_apart


def detect(pair: Pair, context: Context) -> FoundConflict | None:
    odds = at_odds(pair, context)
    if odds is None or one_source(pair.a, pair.b):
        return None
    apart = days_apart(pair.a, pair.b)
    window = 0 if odds.earlier.time == "point" else context.config.estimate_window_days
    if pair.same_article and not (pair.a.own_day and pair.b.own_day):
        window += 1  # one article sets its undated figure against a dated one of the eve
    if apart is None and not _same_past_period(odds, pair):
        return None
    if apart is not None and apart > window and not _rival_step(odds, apart, context):
        return None
    return FoundConflict(pair.a.id, pair.b.id, "numeric",
                         f"{describe(odds.earlier)} according to {who(pair.a)}, but "
                         f"{set_against(odds.later, odds.earlier)} according to {who(pair.b)}")


def _same_past_period(odds: AtOdds, pair: Pair) -> bool:
    """Whether two estimates of one event are both about one month or year before the
    articles' own (they have no day to compare)."""
    return odds.earlier.time == "event" and bool(pair.a.event_date) \
        and pair.a.event_date == pair.b.event_date


def _rival_step(odds: AtOdds, apart: int, context: Context) -> bool:
    """Whether counts a day apart are too far apart to be one count that grew."""
    if odds.earlier.time != "point" or apart > 1:
        return False
    x, y = _magnitude(odds.earlier), _magnitude(odds.later)
    return bool(x and y) and max(x, y) >= context.config.rival_step * min(x, y)


def _magnitude(figure: Figure) -> float:
    return figure.value or figure.low or figure.high or 0.0
