"""What every detector shares: its input, its output, and how it names a side."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from provenance.match.config import MatchConfig
from provenance.match.features import TermWeights
from provenance.match.frames import ClaimFrame, says_opposite
from provenance.match.pairs import Pair
from provenance.match.sources import same_source
from provenance.text import comparable


@dataclass(frozen=True)
class FoundConflict:
    """Two claims that contradict (or, kind ``update``, revise) each other, and why."""

    a: int
    b: int
    kind: str
    reason: str


@dataclass(frozen=True)
class Context:
    """What detectors may consult besides the pair."""

    weigh: TermWeights
    config: MatchConfig


class Detector(Protocol):
    def __call__(self, pair: Pair, context: Context) -> FoundConflict | None: ...


OBJECT_TERMS = 2
"""Content words besides a shared predicate that make two claims about one thing."""


def one_proposition(pair: Pair, threshold: float, object_terms: int = OBJECT_TERMS) -> bool:
    """Whether a pair that disagrees in polarity or hedge states one proposition: the
    model's chance reaches ``threshold``, or the claims share their predicate (or have
    opposite ones) and at least :data:`OBJECT_TERMS` other content words ("ordered an
    emergency release" / "did not order an emergency release")."""
    a, b = pair.a, pair.b
    if pair.chance >= threshold:
        return True
    if a.predicate is None or a.predicate != b.predicate and not says_opposite(a, b):
        return False
    return len((a.terms & b.terms) - {a.predicate, b.predicate}) >= object_terms


def one_source(a: ClaimFrame, b: ClaimFrame) -> bool:
    """Whether two claims have one source (:func:`same_source`), or one names a body by its
    bare noun where the other names it in full: "the army" of an article that names Kelm
    is the "Kelm army" another article quotes, and "the union" is "the mineworkers' union"
    (described, not named)."""
    return same_source(a.source, b.source) or _bare_body(a, b) or _bare_body(b, a)


def _bare_body(bare: ClaimFrame, named: ClaimFrame) -> bool:
    noun = comparable(bare.source.name).split()
    full = comparable(named.source.name).split()
    described = named.source.name.islower()
    return len(noun) == 1 and bare.source.kind == "organization" and len(full) > 1 \
        and full[-1] == noun[0] and (described or set(full[:-1]) <= bare.context)


def who(c: ClaimFrame) -> str:
    """"the police (Capital Ledger, 2026-10-14)": a side as a person can check it."""
    source = c.source.name if c.source.kind != "own" else "the outlet itself"
    when = f", {c.published.isoformat()}" if c.published else ""
    return f"{source} ({c.outlet or 'unknown outlet'}{when})"


def quoted(text: str, width: int = 90) -> str:
    """The text in quotation marks, cut at ``width`` characters."""
    text = " ".join(text.split())
    if len(text) > width:
        text = text[:width - 1] + "\u2026"
    return f"\u201c{text}\u201d"
