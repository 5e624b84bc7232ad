"""Judging one candidate pair: the chance it states one proposition, and the gates.

The chance comes from the fitted model. The gates are rules that no score overrides: claims
about different years (or different days, when both give one) are about different events;
two figures for one measure that cannot both hold say different things; and a claim is
never the same as its negation, an opposite hedge, or a denial of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz

from provenance.match.config import MatchConfig
from provenance.match.features import Overlap, TermWeights, overlap, pair_features
from provenance.match.figures import Figure, is_unnamed, opposite_change, unit_class
from provenance.match.frames import (
    ClaimFrame,
    Target,
    lone_modalities,
    opposite_modalities,
    says_opposite,
)
from provenance.match.sources import same_source
from provenance.nlp.numbers import compatible
from provenance.text import comparable


@dataclass(frozen=True)
class Pair:
    """Two claims, the earlier first, as judged."""

    a: ClaimFrame
    b: ClaimFrame
    chance: float

    @property
    def same_article(self) -> bool:
        return self.a.article_id == self.b.article_id

    @property
    def same_event(self) -> bool:
        return same_event(self.a, self.b)

    @property
    def figures_agree(self) -> bool:
        return figures_agree(self.a.figures, self.b.figures)


def judge(a: ClaimFrame, b: ClaimFrame, weigh: TermWeights, config: MatchConfig) -> Pair:
    """The pair ``a``, ``b`` as matching sees it. A pair sharing too little to be one claim
    (see :func:`worth_scoring`) gets chance 0 without the cost of the model's features."""
    terms = overlap(a, b, weigh)
    chance = config.model.probability(frame_features(a, b, weigh, terms)) \
        if worth_scoring(a, b, weigh, config, terms) else 0.0
    return Pair(a, b, chance)


SHARED_ENTITIES = 3
"""Entities two claims with no content word in common must share to be scored at all."""


def worth_scoring(a: ClaimFrame, b: ClaimFrame, weigh: TermWeights, config: MatchConfig,
                  terms: Overlap | None = None) -> bool:
    """Whether the pair shares enough to have a chance worth computing: a weighted share of
    its content words of ``config.score_floor`` or more, a predicate, a measure, or (with no
    content word in common) :data:`SHARED_ENTITIES` entities."""
    terms = terms or overlap(a, b, weigh)
    if not terms.shared:
        return len(a.entities & b.entities) >= SHARED_ENTITIES  # same who and where
    return terms.share >= config.score_floor or (a.predicate is not None and a.predicate
                                                 == b.predicate) or a.stance != b.stance \
        or bool({f.measure for f in a.figures} & {f.measure for f in b.figures})


def frame_features(a: ClaimFrame, b: ClaimFrame, weigh: TermWeights,
                   terms: Overlap | None = None) -> tuple[float, ...]:
    """The model's features for two frames."""
    return pair_features(a, b, a.comparable_text, b.comparable_text, weigh,
                         _same_figure(a.figures, b.figures),
                         a.predicate is not None and a.predicate == b.predicate, terms)


def target_chance(target: Target, other: ClaimFrame, weigh: TermWeights,
                  config: MatchConfig) -> float:
    """The chance that what a denial denies is what ``other`` states."""
    return config.model.probability(
        pair_features(target, other, comparable(target.text), other.comparable_text, weigh))


def is_same(pair: Pair, config: MatchConfig) -> bool:
    """Whether the pair corroborates: one proposition, stated alike, in two articles, or
    one source's count restated (:func:`restated_count`)."""
    return (pair.chance >= config.same_threshold or restated_count(pair.a, pair.b)) \
        and may_be_same(pair)


def restated_count(a: ClaimFrame, b: ClaimFrame) -> bool:
    """Whether two claims give one source's figure for one named measure, a day apart at
    most: "Fourteen miners were trapped", the operator said; "The operator put the number
    of trapped workers at 14". Worded apart, the frame says they are one claim."""
    apart = days_apart(a, b)
    return (apart is None or apart <= 1) and same_source(a.source, b.source) \
        and a.source.kind != "own" and any(
            fa.measure == fb.measure and not is_unnamed(fa.measure) and fa.value is not None
            and fa.value == fb.value and fa.unit == fb.unit for fa in a.figures
            for fb in b.figures)


def may_be_same(pair: Pair) -> bool:
    """Whether no gate keeps the pair apart: two articles, one event, figures that agree,
    the same people and places, polarity (opposite predicates too), hedge and stance."""
    a, b = pair.a, pair.b
    return (not pair.same_article and pair.same_event and pair.figures_agree
            and measured_alike(a.figures, b.figures) and same_names(a, b) and a.negated == b.negated
            and not says_opposite(a, b)
            and compatible_modalities(a.modality, b.modality) and a.stance == b.stance)


def compatible_modalities(x: str, y: str) -> bool:
    """A fact and a hedge differ; two hedges agree unless they are opposites ("aims to
    sign" and "could sign" can be one claim, "likely" and "unlikely" cannot)."""
    if x == y:
        return True
    return bool(x and y) and frozenset((x, y)) not in opposite_modalities() \
        and not {x, y} & lone_modalities()


STORY_NAMES = 2
"""Names of the articles' most frequent ones two claims' articles must share (fewer when
an article names fewer) to be about one story."""


def same_names(a: ClaimFrame, b: ClaimFrame) -> bool:
    """Claims placed in different places, or each naming someone the other does not, are
    about different events however alike they read: "the Saints placed Reggie Bush on
    injured reserve" is not "the Saints placed Pierre Thomas on injured reserve", nor is
    "Klitschko stopped Rahman" "Klitschko stopped Thompson"."""
    # A place or person one claim names and the other mentions at all ("Alaska" of
    # "Alaska Gov. Sarah Palin"; "Korvath Steel" read as a person in one claim and
    # "Steelmaker Korvath" in the other) is one both name.
    places_a, places_b = _place_words(a.places), _place_words(b.places)
    if places_a and places_b and not places_a & places_b \
            and _unnamed(places_a, b.entities) and _unnamed(places_b, a.entities):
        return False
    if _rival_subjects(a, b):
        return False
    return not (_unnamed(a.people, b.entities) and _unnamed(b.people, a.entities))


def _rival_subjects(a: ClaimFrame, b: ClaimFrame) -> bool:
    """Whether each claim opens with a name the other never mentions: "The Angels made an
    offer to Teixeira" is not "The Red Sox made an offer to Teixeira"."""
    return bool(a.subject and b.subject) and not a.subject & b.entities \
        and not b.subject & a.entities


NAME_SPELLING = 85
"""rapidfuzz ratio at which two names are one spelt two ways ("Rait", "Raite")."""


def _unnamed(names: set[str] | frozenset[str], entities: frozenset[str]) -> bool:
    """Whether some of ``names`` is none of ``entities``, however spelt."""
    return any(n not in entities and not any(fuzz.ratio(n, e) >= NAME_SPELLING
                                             for e in entities) for n in names)


_GENERIC_PLACE_WORDS = frozenset("high street road north south east west new old upper lower"
                                 " central great little saint st county province state region"
                                 " district city town village island valley".split())


def _place_words(places: frozenset[str]) -> set[str]:
    """The distinctive words of place names, so that "Banstead" and "Banstead High Street"
    are one place, and "Sonoma County" and "Lake County" two ("Surrey" and "Banstead" stay
    apart: prov knows no map)."""
    return {w.removesuffix("'s") for p in places for w in p.split()
            if len(w) > 2 and w not in _GENERIC_PLACE_WORDS}


FEW_NAMES = 8
"""An article naming fewer names than this (a short local report: one town, one official)
is placed in a story by one name it shares."""
SELF_EVIDENT_TERMS = 3
"""Content words two claims sharing a name must also share to be compared whatever their
articles name: a two-line wire story names too few people to place itself."""


def same_story(a: ClaimFrame, b: ClaimFrame) -> bool:
    """Whether the claims' articles are about one story, by the names they mention most:
    claims of two look-alike fires, or "no one was injured" in two stories, are never
    compared. One shared name is not enough ("High Street" is in many towns) unless an
    article names fewer than :data:`FEW_NAMES`. Claims that
    share a name and :data:`SELF_EVIDENT_TERMS` content words say what they are about."""
    fewest = min(len(a.context), len(b.context))
    needed = min(STORY_NAMES, fewest) if fewest >= FEW_NAMES else min(1, fewest)
    if len(a.context & b.context) >= needed:
        return True
    return bool(a.entities & b.entities) and len(a.terms & b.terms) >= SELF_EVIDENT_TERMS


def same_year(a: ClaimFrame, b: ClaimFrame) -> bool:
    return a.year is None or b.year is None or a.year == b.year


def same_event(a: ClaimFrame, b: ClaimFrame) -> bool:
    """Claims about different years, or different days when both give one, differ."""
    if not same_year(a, b):
        return False
    if a.event_date and b.event_date and len(a.event_date) == len(b.event_date) == 10:
        return a.event_date == b.event_date
    return True


def figures_agree(a: tuple[Figure, ...], b: tuple[Figure, ...]) -> bool:
    """False when the claims give figures for one measure and no figure of one can hold
    together with the other's; the same either way round."""
    return not rival_figures(a, b) and not rival_figures(b, a)


def measured_alike(a: tuple[Figure, ...], b: tuple[Figure, ...]) -> bool:
    """False when both claims give figures and none measures what one of the other's does:
    "will create 400 jobs" does not restate "will cut 1,100 jobs". A figure read only as a
    count of its noun or a share of it ("count:ship", "share:driver") may be one of the
    other's by its value."""
    if not (a and b) or {f.measure for f in a} & {f.measure for f in b}:
        return True
    return _same_figure(tuple(f for f in a if is_unnamed(f.measure)), b) \
        or _same_figure(a, tuple(f for f in b if is_unnamed(f.measure)))



def rival_figures(a: tuple[Figure, ...], b: tuple[Figure, ...]) -> list[tuple[Figure, Figure]]:
    """Figures of ``a`` for which ``b`` gives only incompatible values of the same measure,
    or only the opposite change ("rose 4 percent" / "fell 1 percent")."""
    out = []
    for fa in a:
        rivals = [fb for fb in b if fb.measure == fa.measure and fb.unit == fa.unit]
        turned = [fb for fb in b if fb.measure == opposite_change(fa.measure)
                  and fb.unit == fa.unit and fb.value and fa.value]
        if rivals and not any(compatible(fa.as_quantity(), fb.as_quantity()) for fb in rivals):
            out.append((fa, rivals[0]))
        elif turned and not rivals:
            out.append((fa, turned[0]))
    return out


def _same_figure(a: tuple[Figure, ...], b: tuple[Figure, ...]) -> bool:
    return any(fa.value is not None and fa.value == fb.value
               and unit_class(fa.unit) == unit_class(fb.unit) for fa in a for fb in b)


def days_apart(a: ClaimFrame, b: ClaimFrame) -> int | None:
    """Days between the days the claims are about, when both have one."""
    if a.day is None or b.day is None:
        return None
    return abs((date.fromisoformat(a.day) - date.fromisoformat(b.day)).days)
