"""How many independent sources back a group: articles of one outlet, articles carrying
the same wire copy, and near-identical copies count once. Computed when a group is matched
and stored with it, with the reason for each link, so a reader can check it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from provenance.text import comparable

COPY_MIN = 90
"""rapidfuzz ratio over the articles' opening text at which one is a copy of the other."""
OPENING = 3000
"""How much of an article's text the copy test compares."""


@dataclass(frozen=True)
class ArticleFacts:
    """What independence needs to know of an article."""

    id: int
    outlet: str | None
    wire: tuple[str, ...]
    opening: str  # comparable() of the first OPENING characters


def opening_of(text: str) -> str:
    return comparable(text[:OPENING])


def independence(articles: Sequence[ArticleFacts]) -> tuple[int, list[list[object]]]:
    """The number of independent sources among ``articles``, and each link that joined two
    of them: ``[article id, article id, reason]``."""
    ordered = sorted(articles, key=lambda a: a.id)
    parent = list(range(len(ordered)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    links: list[list[object]] = []
    for i, a in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            if root(i) != root(j) and (reason := _same_source(a, ordered[j])):
                parent[root(j)] = root(i)
                links.append([a.id, ordered[j].id, reason])
    return len({root(i) for i in range(len(ordered))}), links


def _same_source(a: ArticleFacts, b: ArticleFacts) -> str | None:
    shared = sorted(set(a.wire) & set(b.wire))
    if shared:
        return f"both carry {', '.join(shared)} copy"
    if a.outlet is not None and a.outlet == b.outlet:
        return f"both are {a.outlet}"
    if fuzz.ratio(a.opening, b.opening, score_cutoff=COPY_MIN):
        return "one is a near-copy of the other"
    return None
