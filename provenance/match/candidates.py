"""Candidate pairs by blocking: a claim meets the earlier claims that share its rarest keys
(terms, entities, figures, measures), so the work per claim stays bounded.

Keys are ranked by their frequency in the archive's snapshot; a claim probes its rarest
keys and every measure its figures have ("m:deaths"). It looks only at
claims with lower ids, the latest ``max_block`` of each key. So the pairs a claim takes part
in do not depend on which claims arrived in the same run: matching new claims as they come
finds exactly the pairs matching the whole archive again finds.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping

from provenance.match.config import MatchConfig
from provenance.match.figures import opposite_change
from provenance.match.frames import ClaimFrame


def blocking_keys(frame: ClaimFrame) -> frozenset[str]:
    """Terms, entities, figures and measures; and each measure and unit with each entity
    and word: in a large archive about one story a place or a word is too common to block
    on, while "evacuated in Lowford" stays rare, and rival figures meet through it."""
    figures = {f"n:{f.unit}:{f.value:g}" for f in frame.figures if f.value is not None}
    # A rise and a fall of one thing share a key: rival figures of a change meet.
    measures = {f"m:{min(f.measure, opposite_change(f.measure) or f.measure)}"
                for f in frame.figures}
    words = frame.entities | {t for t in frame.terms if not t[:1].isdigit()}
    measured = {f"u:{m[2:]}|{w}" for m in measures for w in words}
    return frozenset({f"t:{t}" for t in frame.terms} | {f"e:{e}" for e in frame.entities}
                     | figures | measures | measured)


def _weight(key: str) -> int:
    return 2 if key.startswith(("u:", "m:")) else 1  # a word and a measure: two keys shared


class KeyIndex:
    """Which claims hold each key, in id order."""

    def __init__(self, holders: Mapping[str, list[int]] | None = None) -> None:
        """An index holding ``holders`` (key -> the claims holding it, in id order)."""
        self._holders: dict[str, list[int]] = defaultdict(list)
        for key, claims in (holders or {}).items():
            self._holders[key] = list(claims)

    def add(self, claim_id: int, keys: Iterable[str]) -> None:
        for key in keys:
            self._holders[key].append(claim_id)

    def partners(self, keys: frozenset[str], frequency: Callable[[str], int],
                 config: MatchConfig) -> list[int]:
        """The earlier claims worth scoring against a claim with ``keys``, in id order."""
        held = sorted((k for k in keys if k in self._holders), key=lambda k: (frequency(k), k))
        # Its rarest keys find what restates a claim; its measures find rival figures.
        probes = held[:config.probe_keys] + [k for k in held[config.probe_keys:]
                                             if k.startswith("m:")]
        shared: Counter[int] = Counter()
        for key in probes:
            latest = self._holders[key][-config.max_block:]
            for _ in range(_weight(key)):
                shared.update(latest)
        needed = min(config.min_shared_keys, len(keys))  # "A runoff is unlikely": one key
        # The most shared first, the latest among equals: the largest (count, id) pairs.
        kept = heapq.nlargest(config.max_partners,
                              ((n, o) for o, n in shared.items() if n >= needed))
        return sorted(o for _, o in kept)
