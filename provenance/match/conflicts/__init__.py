"""Conflict detectors, one module each, listed in :data:`DETECTORS`.

A detector reads one judged pair and returns a conflict or None. A new kind of conflict is
one new module and one line here. ``update`` is not a contradiction: it marks a source
revising its own figure, and keeps the two claims out of one group.
"""

from __future__ import annotations

from provenance.match.conflicts import denial, modality, numeric, polarity, rival, update
from provenance.match.conflicts.base import Context, Detector, FoundConflict
from provenance.match.frames import says_opposite
from provenance.match.pairs import Pair

DETECTORS: tuple[Detector, ...] = (
    denial.detect,     # a denial against the claim it denies, in any outlet
    polarity.detect,   # did / did not, about one proposition
    modality.detect,   # likely / unlikely, about one proposition
    update.detect,     # one source revising its own figure: a timeline, not a conflict
    numeric.detect,    # different sources, one measure, incompatible figures
    rival.detect,      # "X and Y each claimed victory": rival claims of one sentence
)
CONFLICT_KINDS = ("denial", "polarity", "modality", "update", "numeric", "rival")


def detect(pair: Pair, context: Context) -> list[FoundConflict]:
    """Every conflict the detectors find in one pair, in the order of :data:`DETECTORS`."""
    if not _may_conflict(pair):
        return []
    found = []
    for detector in DETECTORS:
        conflict = detector(pair, context)
        if conflict is not None:
            found.append(conflict)
    return found


def _may_conflict(pair: Pair) -> bool:
    """What every detector needs, at least one of: figures on both sides, a difference in
    polarity (or opposite predicates), hedge or stance, or one sentence (rival claims)."""
    a, b = pair.a, pair.b
    return bool(a.figures and b.figures) or a.negated != b.negated or says_opposite(a, b) \
        or a.modality != b.modality or a.stance != b.stance \
        or (pair.same_article and a.sentence == b.sentence)


__all__ = ["CONFLICT_KINDS", "DETECTORS", "Context", "Detector", "FoundConflict", "detect"]
