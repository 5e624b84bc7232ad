"""A denial against the claim it denies, in the same article or any other.

"The water board denied reports that the gates were opened without warning" is matched,
by what it denies, against every claim it meets, in any outlet; a denial the extraction
linked to a claim next to it still needs to be about that claim.
"""

from __future__ import annotations

from provenance.domain import OWN_REPORTING
from provenance.match.conflicts.base import Context, FoundConflict, one_source, quoted, who
from provenance.match.frames import STATIVE, ClaimFrame, predicate
from provenance.match.pairs import Pair, same_year, target_chance

DENIED_TERMS = 3
"""Content words of what a denial denies that a claim stating it has, at the least (and
half of them): "denied reports that the gates had been thrown open without warning" and
"the gates were opened without any warning" share gate, open and warning. What is denied
in two content words ("that the trial would be moved") needs both."""


def detect(pair: Pair, context: Context) -> FoundConflict | None:
    for denial, other in ((pair.a, pair.b), (pair.b, pair.a)):
        if _denies(denial, other, pair, context):
            what = denial.target.text if denial.target else other.text
            return FoundConflict(
                other.id, denial.id, "denial",
                f"{who(denial)} denied {quoted(what)}, which {who(other)} reported: "
                f"{quoted(other.text)}")
    return None


def _only_describes(denied: str, other: ClaimFrame) -> bool:
    """Whether ``other`` only says what something is or does, where the denial denies a
    deed done to it: "denied that it planned to scrap the grant" is not about "The grant is
    10,000 crowns" nor "The bus line carries 900 passengers", however many words they
    share."""
    done = predicate(denied)
    return (other.predicate is None or other.predicate in STATIVE) and done is not None \
        and done not in STATIVE and done not in other.terms


def _denies(denial: ClaimFrame, other: ClaimFrame, pair: Pair, context: Context) -> bool:
    if denial.stance != "denies" or other.stance == "denies" or other.negated:
        return False  # denying a denial, or a negative, is agreeing with it
    # A denial is dated the day it was made, not the day of what it denies: only the
    # years must agree. A source does not deny itself; but the body an outlet says did
    # something ("The army shelled the village") is its actor, and may deny it.
    if not same_year(denial, other) or (other.kind != OWN_REPORTING
                                        and one_source(denial, other)):
        return False
    if denial.target is None:
        return denial.denies == other.id
    if other.modality == "conditional" or _only_describes(denial.target.text, other):
        return False  # "If the gates were opened ...", "The grant is ...": nothing done
    shared = denial.target.terms & other.terms
    needed = min(DENIED_TERMS, max(len(denial.target.terms), 2))
    if len(shared) >= needed and 2 * len(shared) >= len(denial.target.terms):
        return True
    return target_chance(denial.target, other, context.weigh, context.config) \
        >= context.config.denial_threshold
