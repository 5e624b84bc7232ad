"""Candidate pairs by blocking: claims meet only if they share rare terms or entities."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations

from provenance.match.normalise import ClaimFeatures

MAX_BLOCK = 300
"""Keys shared by more claims than this are too common to block on (keeps cost linear)."""
MIN_SHARED_KEYS = 2
"""How many blocking keys two claims must share to be scored at all (recall vs cost)."""


def blocking_keys(claim: ClaimFeatures) -> set[str]:
    figures = {f"n:{q.unit}:{q.value:g}" for q in claim.quantities if q.value is not None}
    return {f"t:{t}" for t in claim.terms} | {f"e:{e}" for e in claim.entities} | figures


def candidate_pairs(claims: Sequence[ClaimFeatures],
                    new_ids: Iterable[int] | None = None) -> set[tuple[int, int]]:
    """Pairs ``(a, b)`` with ``a < b`` from different articles worth scoring.

    With ``new_ids``, only pairs involving at least one of those claims are produced, so an
    ingest of a few articles does not rescore the whole database.
    """
    index: dict[str, list[int]] = defaultdict(list)
    by_id = {c.id: c for c in claims}
    for claim in claims:
        for key in blocking_keys(claim):
            index[key].append(claim.id)
    wanted = set(new_ids) if new_ids is not None else None
    shared: Counter[tuple[int, int]] = Counter()
    for ids in index.values():
        if len(ids) < 2 or len(ids) > MAX_BLOCK:
            continue
        for a, b in combinations(sorted(ids), 2):
            if wanted is not None and a not in wanted and b not in wanted:
                continue
            if by_id[a].article_id != by_id[b].article_id:
                shared[(a, b)] += 1
    return {pair for pair, n in shared.items() if n >= MIN_SHARED_KEYS}
