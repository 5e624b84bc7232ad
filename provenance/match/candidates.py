"""Candidate pairs by blocking: claims meet only through keys (terms, entities, figures)
that they share and that are rare in the corpus, so the work per claim stays bounded and
the total grows about linearly with the number of claims."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from provenance.match.normalise import ClaimFeatures

MAX_BLOCK = 100
"""Keys shared by more claims than this are too common to block on (cost vs recall)."""
PROBE_KEYS = 8
"""How many of its rarest keys each claim looks its partners up by (cost vs recall)."""
MIN_SHARED_KEYS = 2
"""How many probed keys two claims must share to be scored at all."""
MAX_PARTNERS = 30
"""At most this many candidates per claim, those sharing the most keys (bounds the cost)."""


def blocking_keys(claim: ClaimFeatures) -> set[str]:
    """Terms, entities and figures; and, for a claim with a figure, each of its entities and
    terms with the figure's unit: in a large corpus a place or a word is too common to block
    on, while "Vakabel" with a sum in dollars stays rare, and rival figures meet through it."""
    figures = {f"n:{q.unit}:{q.value:g}" for q in claim.quantities if q.value is not None}
    units = {q.unit for q in claim.quantities if q.value is not None}
    words = claim.entities | {t for t in claim.terms if not t[:1].isdigit()}
    measured = {f"u:{u}|{w}" for u in units for w in words}
    return {f"t:{t}" for t in claim.terms} | {f"e:{e}" for e in claim.entities} | figures \
        | measured


def _weight(key: str) -> int:
    return 2 if key.startswith("u:") else 1  # a word and a unit: two keys shared


def candidate_pairs(claims: Sequence[ClaimFeatures],
                    new_ids: Iterable[int] | None = None) -> set[tuple[int, int]]:
    """Pairs ``(a, b)`` with ``a < b`` from different articles worth scoring.

    With ``new_ids``, only pairs involving at least one of those claims are produced, so an
    ingest of a few articles does not rescore the whole database.
    """
    keys = {c.id: blocking_keys(c) for c in claims}
    frequency: Counter[str] = Counter(k for ks in keys.values() for k in ks)
    index: dict[str, list[int]] = defaultdict(list)
    for claim_id, claim_keys in keys.items():
        for key in claim_keys:
            if 1 < frequency[key] <= MAX_BLOCK:
                index[key].append(claim_id)
    article_of = {c.id: c.article_id for c in claims}
    wanted = set(new_ids) if new_ids is not None else set(keys)
    pairs: set[tuple[int, int]] = set()
    for claim_id in wanted:
        probes = sorted((k for k in keys.get(claim_id, ()) if k in index),
                        key=lambda k: (frequency[k], k))[:PROBE_KEYS]
        shared: Counter[int] = Counter()
        for key in probes:
            weight = _weight(key)
            for other in index[key]:
                shared[other] += weight
        shared.pop(claim_id, None)
        for other in [o for o in shared if article_of[o] == article_of[claim_id]]:
            del shared[other]
        pairs.update((min(claim_id, other), max(claim_id, other))
                     for other, n in shared.most_common(MAX_PARTNERS) if n >= MIN_SHARED_KEYS)
    return pairs
