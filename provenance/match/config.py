"""Every threshold and weight of matching, in one object passed down the stages."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from provenance.match.features import PairModel, fitted_model


@dataclass(frozen=True)
class MatchConfig:
    """What matching trades off. The pair model and the four probability thresholds are
    fitted (``benchmarks/fit_matching.py``, ``docs/matching.md``); the rest bound cost."""

    model: PairModel = field(default_factory=fitted_model)
    same_threshold: float = 0.5
    """Chance at which two claims state the same proposition. Lower groups more paraphrases
    and more look-alikes."""
    conflict_context: float = 0.15
    """Chance at which two claims whose figures measure one thing speak of the same
    subject. Lower flags more rival figures, and more figures about different things."""
    polarity_threshold: float = 0.4
    """Chance at which a claim and its negation (or its opposite hedge) state the same
    proposition. Lower flags more contradictions, and more unrelated denials."""
    denial_threshold: float = 0.3
    """Chance at which what a denial denies is the other claim."""
    link_share: float = 0.5
    """Share of a group's members a claim must be judged the same as to join it (the rest
    it was not compared with, or found close to). 1 is complete linkage: fewer
    paraphrases grouped, no group joined through its loosest member."""
    link_veto: float = 0.2
    """Chance below which a member compared with a claim keeps it out of the group, as a
    gate does (different people, days, figures, polarity), unless the frames make the two
    one claim (one source's count restated). Higher lets fewer in."""
    score_floor: float = 0.1
    """Weighted share of content words below which a pair (sharing no predicate and no
    measure) is not scored: no labelled pair below it was the same claim."""
    estimate_window_days: int = 7
    """How far apart two estimates of one event may be published and still contradict
    each other ("point" measures must share their day)."""
    rival_step: float = 3.0
    """How many times one source's count may exceed another's, the day before or after,
    before the two are rival counts rather than one count that grew ("212 soldiers
    killed" one day, "more than 900" the next). Lower flags more rival tolls and more
    tolls that really rose: at 2, story-dev's conflict precision falls from 1.00 to 0.90;
    at 5, the ceasefire story's rival tolls (4.2 and 3.75 times) go unflagged
    (docs/matching.md)."""
    max_block: int = 100
    """How many of the latest earlier claims holding a key a claim is compared with."""
    probe_keys: int = 8
    """How many of its rarest keys each claim looks its partners up by (cost vs recall)."""
    min_shared_keys: int = 2
    """How many probed keys two claims must share to be scored at all (all of them, for a
    claim with fewer keys: "A runoff is unlikely" has one)."""
    max_partners: int = 15
    """At most this many candidates per claim, those sharing the most keys (30: 1 % more of
    ECB+'s coreferent pairs for a third more pairs scored; docs/matching.md)."""
    match_batch: int = 20000
    """How many claims a run matches at a time. What a run holds in memory grows with it
    (the batch's frames and those of the earlier claims they meet), not with the archive;
    the result does not depend on it."""
    max_group_members: int = 50
    """How many members of a group a claim is compared with to join it (cost bound)."""
    rival_shared: float = 0.6
    """Share of the shorter claim two rival claims of one sentence must have in common."""
    rival_window: int = 8
    """How many claims after one in its article can come from the same sentence."""
    snapshot_growth: float = 2.0
    """Term weights are recomputed, and the archive matched again, when it has grown this
    many times since they were last computed; between snapshots, matching new claims gives
    exactly what matching the whole archive again gives."""


@lru_cache(maxsize=1)
def default_config() -> MatchConfig:
    """The configuration with the fitted model and thresholds."""
    raw = resources.files("provenance.match").joinpath("vocab/pair_model.toml")
    fitted = tomllib.loads(raw.read_text("utf-8")).get("thresholds", {})
    return MatchConfig(same_threshold=fitted.get("same", 0.5),
                       conflict_context=fitted.get("conflict_context", 0.15),
                       polarity_threshold=fitted.get("polarity", 0.4),
                       denial_threshold=fitted.get("denial", 0.3))
