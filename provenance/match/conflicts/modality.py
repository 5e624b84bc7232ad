"""Opposite hedges on one proposition: "likely to return home" / "unlikely to return home"."""

from __future__ import annotations

from provenance.match.conflicts.base import (
    Context,
    FoundConflict,
    one_proposition,
    one_source,
    quoted,
    who,
)
from provenance.match.frames import opposite_modalities
from provenance.match.pairs import Pair


def detect(pair: Pair, context: Context) -> FoundConflict | None:
    a, b = pair.a, pair.b
    if frozenset((a.modality, b.modality)) not in opposite_modalities():
        return None
    if a.negated != b.negated or a.stance or b.stance or not pair.same_event:
        return None
    if one_source(a, b):
        return None  # one source hedging differently over time is not two views
    # The opposite hedge words are half the evidence: one shared word besides the predicate
    # ("The outbreak is likely to grow ..." / "... unlikely to grow ..."), or a chance that
    # would make the two one claim but for their hedges, is enough.
    threshold = min(context.config.polarity_threshold, context.config.same_threshold)
    if not one_proposition(pair, threshold, object_terms=1):
        return None
    return FoundConflict(a.id, b.id, "modality",
                         f"{who(a)} says {a.modality}: {quoted(a.text)}; {who(b)} says "
                         f"{b.modality}: {quoted(b.text)}")
