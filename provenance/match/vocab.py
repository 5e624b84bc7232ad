"""The matching vocabularies, read once from the TOML files in ``vocab/``."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

from provenance.match.lemmas import lemma


def _read(name: str) -> dict[str, Any]:
    raw = resources.files("provenance.match").joinpath(f"vocab/{name}").read_text("utf-8")
    return tomllib.loads(raw)


@lru_cache(maxsize=1)
def places() -> dict[str, str]:
    """Place words ("caracas", "venezuelan") -> the country they stand for."""
    out = {}
    for country, words in _read("places.toml")["countries"].items():
        out[country.replace("_", " ")] = country
        out.update({word: country for word in words})
    return out


@lru_cache(maxsize=1)
def multiword_places() -> re.Pattern[str]:
    phrases = sorted((p for p in places() if " " in p or "." in p), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)")


@lru_cache(maxsize=1)
def synonyms() -> dict[str, str]:
    """Lemma keys, and the ambiguous surface forms listed as such, -> their group's key."""
    out: dict[str, str] = {}
    for line in _read("synonyms.toml")["groups"]:
        words = line.split()
        head = lemma(words[0])
        for word in words:
            out[word] = head
            key = lemma(word)
            if word in (key, key + "e"):  # a base form stands for all its forms; "backed"
                out.setdefault(key, head)  # only for itself, so "back channel" stays put
    return out


@lru_cache(maxsize=1)
def phrasal_verbs() -> dict[tuple[str, str], str]:
    """(verb lemma, particle) -> the word the phrasal verb stands for."""
    return {(lemma(verb), particle): word for phrase, word
            in _read("synonyms.toml").get("phrasal", {}).items()
            for verb, particle in [phrase.split()]}


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    return _read("cues.toml")


@lru_cache(maxsize=1)
def measures() -> dict[str, dict[str, Any]]:
    return dict(_read("measures.toml")["measures"])


def phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    """Whole-word alternation of ``phrases``, longest first, spaces matching any space."""
    alternatives = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in alternatives)
    return re.compile(rf"(?<![\w'])(?:{body})(?![\w'])")
