"""How many independent sources back a set of claims: articles that copy each other
(near-identical text) or the same wire copy (shared wire credits) count once."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from provenance.db import models as m
from provenance.text import comparable

COPY_MIN = 90
"""rapidfuzz ratio over the articles' opening text at which one is a copy of the other."""
_OPENING = 3000


def independent_sources(claims: Sequence[m.Claim]) -> int:
    """Distinct sources behind ``claims``, copies and shared wire credits counted once."""
    articles = list({c.article_id: c.article for c in claims}.values())
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(articles):
        for j in range(i + 1, len(articles)):
            if _same_source(a, articles[j]):
                parent[root(j)] = root(i)
    return len({root(i) for i in range(len(articles))})


def _same_source(a: m.Article, b: m.Article) -> bool:
    if a.wire and b.wire and set(a.wire) & set(b.wire):
        return True
    if a.outlet_id is not None and a.outlet_id == b.outlet_id:
        return True
    return fuzz.ratio(comparable(a.text[:_OPENING]), comparable(b.text[:_OPENING])) >= COPY_MIN
