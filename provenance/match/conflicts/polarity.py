"""A claim and its negation: "the board ordered a release" / "did not order a release",
or its opposite: "failed his medical" / "passed every test" (``cues.toml``, [opposites]).

Only different sources contradict each other here: one source saying a thing both ways
round ("the walkout would continue" / "we will not go back") is restating it, or
qualifying it ("We did not open the gates without warning" / "We opened the gates, but
only after ...").
"""

from __future__ import annotations

from provenance.match.conflicts.base import (
    Context,
    FoundConflict,
    one_proposition,
    one_source,
    quoted,
    who,
)
from provenance.match.frames import says_opposite
from provenance.match.pairs import Pair


def detect(pair: Pair, context: Context) -> FoundConflict | None:
    a, b = pair.a, pair.b
    opposite = says_opposite(a, b)
    # Turned round once: negated on one side only, or opposite predicates ("did not fail"
    # against "passed" is turned twice, and agrees).
    if (a.negated == b.negated) != opposite or a.stance or b.stance \
            or a.modality != b.modality:
        return None
    if one_source(a, b):
        return None
    if not pair.same_event or not one_proposition(pair, context.config.polarity_threshold):
        return None
    no, yes = (a, b) if a.negated and not opposite else (b, a)
    return FoundConflict(yes.id, no.id, "polarity",
                         f"{who(yes)}: {quoted(yes.text)}; {who(no)} says the opposite: "
                         f"{quoted(no.text)}")
