"""Pair scores: weighted term overlap, lexical similarity, numbers and time."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from provenance.match.candidates import candidate_pairs
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
PAIR_FLOOR = min(SAME_THRESHOLD, NUMERIC_CONTEXT_THRESHOLD)
"""Pairs below this score are neither the same claim nor a conflict: nothing keeps them."""


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


class Scorer:
    """Pair scores over one corpus: each claim's weights are summed once."""

    def __init__(self, claims: Sequence[ClaimFeatures]) -> None:
        self.idf = idf_weights(claims)
        self._terms = {c.id: self._total(c.terms) for c in claims}
        self._names = {c.id: self._total(c.entities | c.topics) for c in claims}

    def _total(self, keys: frozenset[str]) -> float:
        return sum(self.idf.get(k, 1.0) for k in keys)

    def similarity(self, a: ClaimFeatures, b: ClaimFeatures) -> float:
        """What the claims say (content words) counts most; who and where they name, less."""
        shared_terms = a.terms & b.terms
        if not shared_terms:
            return 0.0
        terms = self._total(shared_terms)
        names = self._total((a.entities | a.topics) & (b.entities | b.topics))
        union_terms = self._terms[a.id] + self._terms[b.id] - terms
        union_names = self._names[a.id] + self._names[b.id] - names
        value = 0.65 * terms / union_terms + 0.35 * (names / union_names if union_names else 0)
        return value + SAME_FIGURE_BONUS if _same_figure(a, b) else value

    def scored(self, pairs: Iterable[tuple[ClaimFeatures, ClaimFeatures]],
               floor: float = PAIR_FLOOR) -> Iterator[PairScore]:
        """The pairs that score at least ``floor``; time and figures are judged only for them,
        since most candidate pairs fall far below it."""
        for a, b in pairs:
            value = self.similarity(a, b)
            if value >= floor:
                yield PairScore(a.id, b.id, value, same_event(a, b), numbers_agree(a, b))


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


def score_candidates(claims: Sequence[ClaimFeatures],
                     new_ids: Iterable[int] | None = None) -> list[PairScore]:
    """Candidate pairs (those with a claim in ``new_ids``) that score at least ``PAIR_FLOOR``."""
    by_id = {c.id: c for c in claims}
    pairs = candidate_pairs(claims, new_ids)
    return list(Scorer(claims).scored((by_id[a], by_id[b]) for a, b in pairs))


def same_claims(scored: Iterable[PairScore]) -> dict[tuple[int, int], float]:
    """The pairs judged to state the same proposition, with their score."""
    return {(p.a, p.b): p.score for p in scored
            if p.score >= SAME_THRESHOLD and p.same_event and p.numbers_agree}
