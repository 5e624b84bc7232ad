"""Pair features, and the fitted model that turns them into the chance two claims state
the same proposition.

Each feature is one plain lexical signal, symmetric in the two claims; the model is a
logistic regression over them, fitted by ``benchmarks/fit_matching.py`` on labelled pairs
(MRPC's training pairs, the development stories, prov's own test pairs) and stored in
``vocab/pair_model.toml``. No feature needs more than the two frames and the term weights.
"""

from __future__ import annotations

import math
import operator
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Protocol

from rapidfuzz import fuzz

from provenance.match.normalise import COMMON_NEWS_WORDS

FEATURES = ("terms", "cosine", "entities", "sort_ratio", "set_ratio", "ratio",
            "same_figure", "same_predicate", "length_ratio", "length_gap", "numbers_unshared",
            "shared_weight", "rarest_shared")
SHARED_WEIGHT_SCALE = 25.0
"""Summed weight of shared words at which "shared_weight" reaches 1: a handful of rare
words in common says more than any ratio of two long claims."""
_NUMBER = re.compile(r"\d[\d,.]*")
COMMON_WEIGHT = 0.3
"""Weight of very common news words relative to other words of the same rarity."""


class Comparable(Protocol):
    """What a feature reads of a claim (a frame, or the target of a denial)."""

    @property
    def terms(self) -> frozenset[str]: ...

    @property
    def entities(self) -> frozenset[str]: ...


class TermWeights:
    """Inverse document frequency of terms and entities over a snapshot of the archive."""

    def __init__(self, frequency: Mapping[str, int], documents: int) -> None:
        self._frequency = frequency
        self._documents = max(documents, 1)
        self._cache: dict[str, float] = {}
        self._totals: dict[frozenset[str], float] = {}
        self._squares: dict[frozenset[str], float] = {}
        self._numbers: dict[str, frozenset[str]] = {}
        self._sorted: dict[str, str] = {}

    def __call__(self, key: str) -> float:
        weight = self._cache.get(key)
        if weight is None:
            weight = math.log(1 + self._documents / (1 + self._frequency.get(key, 0)))
            if key in COMMON_NEWS_WORDS:
                weight *= COMMON_WEIGHT
            self._cache[key] = weight
        return weight

    @property
    def rarest(self) -> float:
        """The weight of a word no other claim holds."""
        return math.log(1 + self._documents)

    def total(self, keys: frozenset[str]) -> float:
        """The summed weight of a claim's own ``keys`` (remembered: claims meet many
        partners); :meth:`sum` for the sets of one pair."""
        found = self._totals.get(keys)
        if found is None:
            found = self._totals[keys] = self.sum(keys)
        return found

    def sum(self, keys: frozenset[str]) -> float:
        return math.fsum(map(self, keys))

    def squares(self, keys: frozenset[str]) -> float:
        found = self._squares.get(keys)
        if found is None:
            found = self._squares[keys] = math.fsum(self(k) ** 2 for k in keys)
        return found

    def numbers(self, text: str) -> frozenset[str]:
        found = self._numbers.get(text)
        if found is None:
            found = self._numbers[text] = frozenset(_NUMBER.findall(text))
        return found

    def sorted_words(self, text: str) -> str:
        """The words of ``text`` in sorted order: ``fuzz.ratio`` of two of these is their
        ``token_sort_ratio``, without sorting each claim again for every partner."""
        found = self._sorted.get(text)
        if found is None:
            found = self._sorted[text] = " ".join(sorted(text.split()))
        return found


@dataclass(frozen=True)
class Overlap:
    """The content words two claims share and their weight, against the weight of all."""

    shared: frozenset[str]
    shared_weight: float
    union_weight: float

    @property
    def share(self) -> float:
        return self.shared_weight / self.union_weight if self.union_weight else 0.0


def overlap(a: Comparable, b: Comparable, weigh: TermWeights) -> Overlap:
    shared = a.terms & b.terms
    shared_weight = weigh.sum(shared) if shared else 0.0
    return Overlap(shared, shared_weight,
                   weigh.total(a.terms) + weigh.total(b.terms) - shared_weight)


def pair_features(a: Comparable, b: Comparable, a_text: str, b_text: str,
                  weigh: TermWeights, same_figure: bool = False,
                  same_predicate: bool = False, terms: Overlap | None = None) -> tuple[float, ...]:
    """The values of :data:`FEATURES` for one pair (``terms``: their :func:`overlap`, when
    known already)."""
    terms = terms or overlap(a, b, weigh)
    shared, shared_weight = terms.shared, terms.shared_weight
    squares = weigh.squares(a.terms) * weigh.squares(b.terms)
    cosine = math.fsum(weigh(k) ** 2 for k in shared) / math.sqrt(squares) if squares else 0.0
    names = weigh.sum(a.entities & b.entities)
    names_union = weigh.total(a.entities) + weigh.total(b.entities) - names
    sizes = sorted((len(a.terms), len(b.terms)))
    chars = sorted((len(a_text), len(b_text)))
    numbers_a, numbers_b = weigh.numbers(a_text), weigh.numbers(b_text)
    numbers = numbers_a | numbers_b
    return (
        terms.share,
        cosine,
        names / names_union if names_union else 0.0,
        fuzz.ratio(weigh.sorted_words(a_text), weigh.sorted_words(b_text)) / 100,
        fuzz.token_set_ratio(a_text, b_text) / 100,
        fuzz.ratio(a_text, b_text) / 100,
        float(same_figure),
        float(same_predicate),
        sizes[0] / sizes[1] if sizes[1] else 0.0,
        1 - chars[0] / chars[1] if chars[1] else 0.0,
        len(numbers_a ^ numbers_b) / len(numbers) if numbers else 0.0,
        min(shared_weight / SHARED_WEIGHT_SCALE, 1.0),
        max(map(weigh, shared), default=0.0) / weigh.rarest,
    )


@dataclass(frozen=True)
class PairModel:
    """Logistic regression over :data:`FEATURES`."""

    weights: tuple[float, ...]
    bias: float

    def probability(self, features: tuple[float, ...]) -> float:
        z = self.bias + math.fsum(map(operator.mul, self.weights, features))
        return 1 / (1 + math.exp(-z))


@lru_cache(maxsize=1)
def fitted_model() -> PairModel:
    """The model fitted by ``benchmarks/fit_matching.py``."""
    raw = resources.files("provenance.match").joinpath("vocab/pair_model.toml")
    spec = tomllib.loads(raw.read_text("utf-8"))["model"]
    return PairModel(tuple(float(spec["weights"][name]) for name in FEATURES),
                     float(spec["bias"]))
