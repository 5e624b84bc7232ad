"""English lemma keys for matching: inflections undone, derivations kept apart.

"released", "releases", "releasing" and "release" share one key, and so do "died" and
"dies"; "likely" and "unlikely", or "general" and "generate", do not (a stemmer merges or
mangles them). A key drops a silent final "e", so that a verb's forms with and without it
agree without a dictionary, and British spellings fold to American ones ("recognised",
"labour", "centre"), so that two outlets' spellings agree. Irregular forms, the nouns that
name a verb's act ("announcement" -> "announce") and the participles that negate one
("unrecognised" -> "recognise") are data, in ``vocab/lemmas.toml``.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

_VOWELS = frozenset("aeiouy")
_KEEP_DOUBLE = frozenset("lsz")  # "called", "passed", "buzzed" end in a real double
# British endings and their American forms: recognise(d), organisation, analyse, labour(ed),
# centre(s). Both spellings of a word get one key; no two words of either get the same.
_SPELLINGS = ((re.compile(r"(?<=[a-z]{3})is(?=e[sd]?$|ing$|ations?$)"), "iz"),
              (re.compile(r"(?<=[a-z]{3})ys(?=e[sd]?$|ing$)"), "yz"),
              (re.compile(r"(?<=[a-z]{2}[^aeiou])our(?=s?$|ed$|ing$|able$)"), "or"),
              (re.compile(r"(?<=[a-z]{2})tre(?=s?$)"), "ter"))


@lru_cache(maxsize=1)
def _data() -> dict[str, dict[str, str]]:
    raw = resources.files("provenance.match").joinpath("vocab/lemmas.toml").read_text("utf-8")
    return tomllib.loads(raw)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    return dict(_data()["irregular"]), {**_data()["nominal"], **negated_participles()}


@lru_cache(maxsize=1)
def negated_participles() -> dict[str, str]:
    """Participles that negate a verb ("unrecognised", "unpaid"), mapped to the verb."""
    table = _data()["negated"]
    return {**table, **{_american(form): verb for form, verb in table.items()}}


def _american(word: str) -> str:
    for pattern, replacement in _SPELLINGS:
        word = pattern.sub(replacement, word)
    return word


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The lemma key of one lower-case word."""
    word = word.removesuffix("'s").strip("'")
    irregular, nominal = _tables()
    word = irregular.get(word) or _american(word)
    base = irregular.get(word) or nominal.get(word) or _strip_inflection(word)
    return base[:-1] if len(base) > 3 and base.endswith("e") and not base.endswith("ee") \
        else base


def _strip_inflection(w: str) -> str:
    if len(w) <= 3 or not w.isalpha():
        return w
    if w.endswith(("ies", "ied")) and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ing") and len(w) > 5:
        return _undouble(w[:-3])
    if w.endswith("ed") and len(w) > 4:
        return _undouble(w[:-2])
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")):
        return w[:-1]
    return w


def _undouble(stem: str) -> str:
    """"planned" -> "plan", but "called" -> "call"."""
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS | _KEEP_DOUBLE:
        return stem[:-1]
    return stem
