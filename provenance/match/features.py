"""Pair features, and the fitted model that turns them into the chance two claims state
the same proposition.

Each feature is one plain lexical signal, symmetric in the two claims; the model is a
logistic regression over them, fitted by ``benchmarks/fit_matching.py`` on labelled pairs
(MRPC's training pairs, the development stories, prov's own test pairs) and stored in
``vocab/pair_model.toml``. No feature needs more than the two frames and the term weights.
"""

from __future__ import annotations

import math
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
        """The summed weight of ``keys`` (remembered: claims meet many partners)."""
        found = self._totals.get(keys)
        if found is None:
            found = self._totals[keys] = sum(self(k) for k in keys)
        return found

    def squares(self, keys: frozenset[str]) -> float:
        found = self._squares.get(keys)
        if found is None:
            found = self._squares[keys] = sum(self(k) ** 2 for k in keys)
        return found

    def numbers(self, text: str) -> frozenset[str]:
        found = self._numbers.get(text)
        if found is None:
            found = self._numbers[text] = frozenset(_NUMBER.findall(text))
        return found


def pair_features(a: Comparable, b: Comparable, a_text: str, b_text: str,
                  weigh: TermWeights, same_figure: bool = False,
                  same_predicate: bool = False) -> tuple[float, ...]:
    """The values of :data:`FEATURES` for one pair."""
    shared = a.terms & b.terms
    shared_weight = weigh.total(shared) if shared else 0.0
    union = weigh.total(a.terms) + weigh.total(b.terms) - shared_weight
    squares = weigh.squares(a.terms) * weigh.squares(b.terms)
    cosine = sum(weigh(k) ** 2 for k in shared) / math.sqrt(squares) if squares else 0.0
    names_union = weigh.total(a.entities | b.entities)
    names = weigh.total(a.entities & b.entities) if names_union else 0.0
    sizes = sorted((len(a.terms), len(b.terms)))
    chars = sorted((len(a_text), len(b_text)))
    numbers_a, numbers_b = weigh.numbers(a_text), weigh.numbers(b_text)
    numbers = numbers_a | numbers_b
    return (
        shared_weight / union if union else 0.0,
        cosine,
        names / names_union if names_union else 0.0,
        fuzz.token_sort_ratio(a_text, b_text) / 100,
        fuzz.token_set_ratio(a_text, b_text) / 100,
        fuzz.ratio(a_text, b_text) / 100,
        float(same_figure),
        float(same_predicate),
        sizes[0] / sizes[1] if sizes[1] else 0.0,
        1 - chars[0] / chars[1] if chars[1] else 0.0,
        len(numbers_a ^ numbers_b) / len(numbers) if numbers else 0.0,
        min(shared_weight / SHARED_WEIGHT_SCALE, 1.0),
        max((weigh(k) for k in shared), default=0.0) / weigh.rarest,
    )


@dataclass(frozen=True)
class PairModel:
    """Logistic regression over :data:`FEATURES`."""

    weights: tuple[float, ...]
    bias: float

    def probability(self, features: tuple[float, ...]) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, features))
        return 1 / (1 + math.exp(-z))



@lru_cache(maxsize=1)
def fitted_model() -> PairModel:
    """The model fitted by ``benchmarks/fit_matching.py``."""
    raw = resources.files("provenance.match").joinpath("vocab/pair_model.toml")
    spec = tomllib.loads(raw.read_text("utf-8"))["model"]
    return PairModel(tuple(float(spec["weights"][name]) for name in FEATURES),
                     float(spec["bias"]))
