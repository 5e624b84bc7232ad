"""What the numeric and update detectors share: two claims giving figures for one measure
of one subject that cannot both hold."""

from __future__ import annotations

from dataclasses import dataclass

from provenance.match.conflicts.base import Context
from provenance.match.figures import Figure, opposite_change
from provenance.match.frames import ClaimFrame
from provenance.match.pairs import Pair, rival_figures, same_year
from provenance.text import comparable


@dataclass(frozen=True)
class AtOdds:
    """The first figure of the earlier claim and the later claim's figure it disagrees with."""

    earlier: Figure
    later: Figure


def at_odds(pair: Pair, context: Context) -> AtOdds | None:
    """The disagreeing figures of a pair about one subject and event, or None.

    A measure the vocabulary names (deaths, evacuated, damage) is evidence enough that two
    figures count one thing, once the claims share a word besides it (or the measure is
    one event's: "Police estimated the crowd at 8,000" / "About 30,000 people had taken
    part"; or one article sets them side by side: "18 people had fallen ill" / "only 12
    illnesses had been linked to its products") and are about the same places; a figure
    of a plain noun ("count:ship") also needs the claims to read alike.
    """
    a, b = pair.a, pair.b
    # Figures of one measure on different days are a revision or nothing; the days are
    # weighed by the detectors, only the year must agree here.
    if not same_year(a, b) or a.negated != b.negated or a.stance or b.stance:
        return None
    if "likely" in (a.modality, b.modality) and a.modality != b.modality:
        return None  # "Analysts had expected a profit of 450m": a forecast, not a rival result
    if _subjects(a) and _subjects(b) and not _subjects(a) & _subjects(b):
        return None  # "Maduro won 51.2%" and "Gonzalez won 44.2%" count different things
    for earlier, later in rival_figures(a.figures, b.figures):
        named = not earlier.measure.startswith("count:")
        if not _same_scope(earlier, later):
            continue
        if opposite_change(earlier.measure) and a.event_date != b.event_date:
            continue  # "fell 4 percent on Monday", "rose 2 percent on Wednesday": two periods
        if (named and (a.terms & b.terms or earlier.time == "event" or pair.same_article)) \
                or pair.chance >= context.config.conflict_context:
            return AtOdds(earlier, later)
    return None


def _subjects(frame: ClaimFrame) -> frozenset[str]:
    """The names a claim's figures are about: its entities but its places and its source."""
    source = comparable(f"{frame.source.name} {frame.source.affiliation or ''}").split()
    place_words = {w for place in frame.places for w in place.split()}
    return frame.entities - frame.places - place_words - set(source)


def _same_scope(x: Figure, y: Figure) -> bool:
    """Figures for different places, or for one place and for a whole region, differ."""
    if x.places and y.places:
        return bool(x.places & y.places)
    return {x.scope, y.scope} != {"wide", "local"}


def describe(figure: Figure) -> str:
    """"deaths 3": the measure and the figure as the article gave it; a change by its
    direction ("rise 4 percent")."""
    if opposite_change(figure.measure):
        return f"{figure.measure.split(':')[0]} {figure.text}"
    return f"{figure.measure.replace('_', ' ').removeprefix('count:')} {figure.text}"


def set_against(figure: Figure, other: Figure) -> str:
    """``figure`` as a reason sets it against ``other``: its text, and its direction when
    it is the opposite change ("fall 1 percent" against "rise 4 percent")."""
    return describe(figure) if figure.measure != other.measure else figure.text
