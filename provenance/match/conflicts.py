"""Conflicts between claims: a report and its denial, rival claims, incompatible figures
(or, from the same source later on, an update)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from provenance.match.normalise import ClaimFeatures
from provenance.match.score import NUMERIC_CONTEXT_THRESHOLD, PairScore

CONFLICT_KINDS = ("numeric", "denial", "rival", "update")


@dataclass(frozen=True)
class FoundConflict:
    a: int
    b: int
    kind: str
    reason: str


def _who(c: ClaimFeatures) -> str:
    speaker = c.speaker or "the outlet itself"
    when = f", {c.published.isoformat()}" if c.published else ""
    return f"{speaker} ({c.outlet or 'unknown outlet'}{when})"


def denials(claims: Mapping[int, ClaimFeatures]) -> list[FoundConflict]:
    """A denial against the claim it denies."""
    return [FoundConflict(c.denies, c.id, "denial",
                          f"{_who(c)} denied what {_who(claims[c.denies])} reported")
            for c in claims.values() if c.denies is not None and c.denies in claims]


def rivals(claims: Iterable[ClaimFeatures]) -> list[FoundConflict]:
    """Claims cut from one sentence that differ only in who makes them ("each claimed")."""
    by_sentence: dict[tuple[int, str], list[ClaimFeatures]] = {}
    for c in claims:
        if c.speaker and c.kind != "none":
            by_sentence.setdefault((c.article_id, c.sentence), []).append(c)
    found = []
    for group in by_sentence.values():
        group.sort(key=lambda c: c.id)
        for i, a in enumerate(group):
            # One sentence's claims have neighbouring ids; the same sentence repeated
            # elsewhere in the article is another sentence, and must not cost n² pairs.
            for b in group[i + 1:i + 1 + RIVAL_WINDOW]:
                shared = _common_suffix(a.text, b.text)
                if a.speaker != b.speaker and len(shared) >= RIVAL_SHARED * min(
                        len(a.text), len(b.text)):
                    found.append(FoundConflict(
                        a.id, b.id, "rival",
                        f"{_who(a)} and {_who(b)} each claim it: ...{shared.strip()[:80]}"))
    return found


RIVAL_WINDOW = 8
"""How many claims that follow one in its article can come from the same sentence."""
RIVAL_SHARED = 0.6
"""Share of the shorter claim two rival claims must have in common (the predicate)."""


def _common_suffix(x: str, y: str) -> str:
    n = 0
    while n < min(len(x), len(y)) and x[-1 - n] == y[-1 - n]:
        n += 1
    return x[len(x) - n:]


def numeric(pairs: Iterable[PairScore], claims: Mapping[int, ClaimFeatures]) -> list[FoundConflict]:
    """Same quantity, same subject, incompatible figures; a later figure from the same
    source is an update, not a contradiction."""
    found = []
    for p in pairs:
        if p.numbers_agree or not p.same_event or p.score < NUMERIC_CONTEXT_THRESHOLD:
            continue
        a, b = claims[p.a], claims[p.b]
        same_source = (a.speaker and a.speaker == b.speaker) or (not a.speaker and not b.speaker
                                                                 and a.outlet == b.outlet)
        if same_source and a.published != b.published:
            early, late = sorted((a, b), key=lambda c: c.published or date.min)
            found.append(FoundConflict(early.id, late.id, "update",
                                       f"{_who(late)} updates the figure {_who(early)} gave"))
        else:
            found.append(FoundConflict(a.id, b.id, "numeric",
                                       f"{_who(a)} and {_who(b)} give different figures"))
    return found
