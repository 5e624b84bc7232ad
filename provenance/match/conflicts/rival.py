"""Rival claims cut from one sentence: "X and Y each claimed victory"."""

from __future__ import annotations

from provenance.domain import OWN_REPORTING
from provenance.match.conflicts.base import Context, FoundConflict, one_source, who
from provenance.match.pairs import Pair


def detect(pair: Pair, context: Context) -> FoundConflict | None:
    a, b = pair.a, pair.b
    if not pair.same_article or a.sentence != b.sentence \
            or b.id - a.id > context.config.rival_window:
        return None
    if "own" in (a.source.kind, b.source.kind) or OWN_REPORTING in (a.kind, b.kind):
        return None
    if one_source(a, b):
        return None
    shared = _common_suffix(a.text, b.text)
    if len(shared) < context.config.rival_shared * min(len(a.text), len(b.text)):
        return None
    return FoundConflict(a.id, b.id, "rival",
                         f"{who(a)} and {who(b)} each claim it: \u2026{shared.strip()[:80]}")


def _common_suffix(x: str, y: str) -> str:
    n = 0
    while n < min(len(x), len(y)) and x[-1 - n] == y[-1 - n]:
        n += 1
    return x[len(x) - n:]
