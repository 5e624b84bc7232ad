"""How many independent sources back a set of claims (wire copy counts once)."""

from __future__ import annotations

from collections.abc import Sequence

from provenance.db import models as m


def independent_sources(claims: Sequence[m.Claim]) -> int:
    """Distinct outlets, where articles crediting the same wire service count as one."""
    keys: set[str] = set()
    for claim in claims:
        article = claim.article
        wire = sorted(article.wire or [])
        keys.add("wire:" + ",".join(wire) if wire else f"outlet:{article.outlet_id}")
    return len(keys)
