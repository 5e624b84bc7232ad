"""Pair scores: weighted term overlap, lexical similarity, numbers and time."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from provenance.match.normalise import COMMON_NEWS_WORDS, ClaimFeatures
from provenance.nlp.numbers import compatible

SAME_THRESHOLD = 0.21
"""Score at which two claims state the same proposition. Lower finds more paraphrases and
merges more look-alikes; raise it for fewer, surer groups."""
SAME_FIGURE_BONUS = 0.15
"""Added when both claims give the very same figure ("$12 million a day")."""
COMMON_WEIGHT = 0.3
"""Weight of very common news words relative to other words of the same rarity here."""
NUMERIC_CONTEXT_THRESHOLD = SAME_THRESHOLD
"""Score (numbers left aside) at which two claims with figures speak of the same quantity."""


@dataclass(frozen=True)
class PairScore:
    a: int
    b: int
    score: float
    same_event: bool
    numbers_agree: bool


def idf_weights(claims: Sequence[ClaimFeatures]) -> dict[str, float]:
    """Rare terms and entities weigh more than common ones."""
    df: Counter[str] = Counter()
    for c in claims:
        df.update(c.terms | c.entities | c.topics)
    n = max(len(claims), 1)
    return {k: math.log(1 + n / v) * (COMMON_WEIGHT if k in COMMON_NEWS_WORDS else 1.0)
            for k, v in df.items()}


def score_pair(a: ClaimFeatures, b: ClaimFeatures, idf: dict[str, float]) -> PairScore:
    """What the claims say (content words) counts most; who and where they name, less."""
    terms = _weighted_overlap(a.terms, b.terms, idf)
    entities = _weighted_overlap(a.entities | a.topics, b.entities | b.topics, idf)
    return _pair(a, b, terms, entities)


class Scorer:
    """``score_pair`` for many pairs over one corpus: each claim's weights summed once."""

    def __init__(self, claims: Sequence[ClaimFeatures]) -> None:
        self.idf = idf_weights(claims)
        self._terms = {c.id: self._total(c.terms) for c in claims}
        self._names = {c.id: self._total(c.entities | c.topics) for c in claims}

    def _total(self, keys: frozenset[str]) -> float:
        return sum(self.idf.get(k, 1.0) for k in keys)

    def __call__(self, a: ClaimFeatures, b: ClaimFeatures) -> PairScore:
        shared_terms = self._total(a.terms & b.terms)
        shared_names = self._total((a.entities | a.topics) & (b.entities | b.topics))
        union_terms = self._terms[a.id] + self._terms[b.id] - shared_terms
        union_names = self._names[a.id] + self._names[b.id] - shared_names
        return _pair(a, b, shared_terms / union_terms if union_terms else 0.0,
                     shared_names / union_names if union_names else 0.0)


def _pair(a: ClaimFeatures, b: ClaimFeatures, terms: float, entities: float) -> PairScore:
    value = 0.65 * terms + 0.35 * entities if a.terms & b.terms else 0.0
    if value and _same_figure(a, b):
        value += SAME_FIGURE_BONUS
    return PairScore(a.id, b.id, value, same_event(a, b), numbers_agree(a, b))


def _weighted_overlap(x: frozenset[str], y: frozenset[str], idf: dict[str, float]) -> float:
    union = sum(idf.get(k, 1.0) for k in x | y)
    return sum(idf.get(k, 1.0) for k in x & y) / union if union else 0.0


def _same_figure(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    return any(qa.unit == qb.unit and qa.value is not None and qa.value == qb.value
               for qa in a.quantities for qb in b.quantities)


def same_event(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Claims about different years, or different days when both give one, differ."""
    if a.year is not None and b.year is not None and a.year != b.year:
        return False
    if a.event_date and b.event_date and len(a.event_date) == len(b.event_date) == 10:
        return a.event_date == b.event_date
    return True


def numbers_agree(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """False when both give a figure for the same measure and none of b's figures for it
    can hold together with a's (bare counts without a measure are never compared)."""
    for qa in a.quantities:
        rivals = [qb for qb in b.quantities if qa.unit == qb.unit
                  and _same_measure(qa.measure, qb.measure)
                  and (qa.measure or qa.unit != "count")]
        if rivals and not any(compatible(qa, qb) for qb in rivals):
            return False
    return True


def _same_measure(x: str | None, y: str | None) -> bool:
    if not x or not y:
        return x == y
    return x == y or x.split()[-1] == y.split()[-1]
