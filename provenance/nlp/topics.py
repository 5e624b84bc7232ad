"""Topic tagging from an editable taxonomy (TOML): stems, phrases, cues and context.

A claim is under a topic when its own text has one of the topic's ``terms`` or ``cues``;
when its attribution context does ("... Gil said, referring to economic sanctions"); or,
more weakly, when it has one of the topic's ``related`` words and its paragraph already
has a claim under the topic, or :data:`RELATED_ALONE` related words that no other topic
lists.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process

from provenance.errors import InputError
from provenance.text import comparable

SPELLING_MIN = 90
"""rapidfuzz ratio at which a long word counts as a misspelt single-word term."""
_FUZZY_MIN_LENGTH = 7
RELATED_ALONE = 2
"""Related words of one topic, listed by no other, that tag a claim without support from
its paragraph. On story-dev's taxonomy 2 raised macro topic recall from 0.62 to 0.68 for
precision 0.90 -> 0.89; counting shared related words too ("million", "euros" for both
aid and damage) gave 0.84 recall at 0.80 precision, and 3 distinctive words changed
little."""
_WORD_BREAK = re.compile(r"[\s\-/]+")


@dataclass(frozen=True)
class Topic:
    """One topic: stemmed term phrases, weaker related words and case-sensitive cues."""

    name: str
    terms: tuple[tuple[str, ...], ...]
    related: tuple[tuple[str, ...], ...] = ()
    cues: tuple[str, ...] = ()

    @cached_property
    def _cue_pattern(self) -> re.Pattern[str] | None:
        return _cue_pattern(self.cues)

    @cached_property
    def term_set(self) -> frozenset[tuple[str, ...]]:
        return frozenset(self.terms)

    @cached_property
    def related_set(self) -> frozenset[tuple[str, ...]]:
        return frozenset(self.related)

    def has_cue(self, text: str) -> bool:
        return self._cue_pattern is not None and bool(self._cue_pattern.search(text))


@dataclass(frozen=True)
class Taxonomy:
    """The topics prov tags claims with."""

    topics: dict[str, Topic] = field(default_factory=dict)

    def names(self) -> list[str]:
        return sorted(self.topics)

    @cached_property
    def _fuzzy_vocabulary(self) -> tuple[str, ...]:
        return tuple(sorted({p[0] for t in self.topics.values() for p in t.terms + t.related
                             if len(p) == 1 and len(p[0]) >= _FUZZY_MIN_LENGTH}))

    @cached_property
    def _spellings(self) -> dict[str, str]:
        return {}

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The words some phrase of a topic opens with: only grams opening with one can
        meet a topic."""
        return frozenset(p[0] for t in self.topics.values() for p in t.terms + t.related)

    @cached_property
    def _any_cue(self) -> re.Pattern[str] | None:
        return _cue_pattern([c for t in self.topics.values() for c in t.cues])

    @cached_property
    def distinctive_related(self) -> dict[str, frozenset[tuple[str, ...]]]:
        """Each topic's related words that no other topic lists: two of them put a claim
        under the topic on their own ("army" and "soldiers" for aid; not "million" and
        "euros", which damage lists too)."""
        seen: dict[tuple[str, ...], int] = {}
        for t in self.topics.values():
            for phrase in set(t.related) | set(t.terms):
                seen[phrase] = seen.get(phrase, 0) + 1
        return {t.name: frozenset(p for p in t.related if seen[p] == 1)
                for t in self.topics.values()}

    def has_any_cue(self, text: str) -> bool:
        """Whether some topic's cue is in ``text``: one scan instead of one per topic."""
        return self._any_cue is not None and bool(self._any_cue.search(text))

    def spelled(self, word: str) -> str:
        """The taxonomy word a long, unknown word is a misspelling of (or the word)."""
        if len(word) < _FUZZY_MIN_LENGTH:
            return word
        known = self._spellings.get(word)
        if known is None:  # a dict per taxonomy: hashing the vocabulary per word costs more
            if len(self._spellings) >= _SPELLINGS_KEPT:
                self._spellings.clear()
            known = self._spellings[word] = _closest(word, self._fuzzy_vocabulary)
        return known


def _cue_pattern(cues: Sequence[str]) -> re.Pattern[str] | None:
    if not cues:
        return None
    alternatives = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


_SPELLINGS_KEPT = 65536


def _closest(word: str, vocabulary: tuple[str, ...]) -> str:
    if word in vocabulary:
        return word
    found = process.extractOne(word, vocabulary, scorer=fuzz.ratio, score_cutoff=SPELLING_MIN)
    return found[0] if found else word


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """A light English stemmer: plurals, -ed and -ing, so "sanctioned" ~ "sanctions"."""
    w = word.lower().removesuffix("'s").strip("'")
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith("es") and w[-3] in "sxz" or w.endswith(("ches", "shes")):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    return w.rstrip("e") if len(w) > 4 else w


def stems(text: str) -> tuple[str, ...]:
    """The stems of ``text``'s words, hyphenated words split."""
    return tuple(stem(w) for w in _WORD_BREAK.split(comparable(text)) if w.strip(".'"))


def load_taxonomy(path: Path | str | None = None) -> Taxonomy:
    """The default taxonomy, merged with ``path`` (or ``PROV_TAXONOMY``) when given."""
    default = resources.files("provenance.nlp").joinpath("taxonomy.toml").read_text("utf-8")
    spec = tomllib.loads(default).get("topics", {})
    path = path or os.environ.get("PROV_TAXONOMY") or None
    if path:
        spec = _merge(spec, _read_user_taxonomy(Path(path)))
    return Taxonomy({name: _topic(name, body) for name, body in spec.items()})


def _read_user_taxonomy(path: Path) -> dict[str, dict[str, object]]:
    try:
        user = tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        raise InputError(f"taxonomy file not found: {path}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"taxonomy file {path} is not valid TOML: {exc}") from None
    topics = user.get("topics")
    if not isinstance(topics, dict):
        raise InputError(f"taxonomy file {path} has no [topics.NAME] tables")
    return topics


def _merge(base: dict[str, dict[str, object]],
           user: dict[str, dict[str, object]]) -> dict[str, dict[str, object]]:
    merged = {name: dict(body) for name, body in base.items()}
    for name, body in user.items():
        if body.get("replace") or name not in merged:
            merged[name] = dict(body)
            continue
        for key in ("terms", "related", "cues"):
            extra = body.get(key, [])
            merged[name][key] = list(merged[name].get(key, [])) + list(extra)  # type: ignore[call-overload]
    return merged


def _topic(name: str, body: dict[str, object]) -> Topic:
    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        values = body.get(key, [])
        if not isinstance(values, list):
            raise InputError(f"topic {name!r}: {key} must be a list of strings")
        return tuple(s for v in values if (s := stems(str(v))))
    cues = body.get("cues", [])
    return Topic(name, phrases("terms"), phrases("related"),
                 tuple(str(c) for c in cues) if isinstance(cues, list) else ())


def _grams(words: Sequence[str], firsts: frozenset[str]) -> set[tuple[str, ...]]:
    """The phrases of up to four words in ``words`` that open with a word of ``firsts``."""
    return {tuple(words[i:i + n]) for i, w in enumerate(words) if w in firsts
            for n in range(1, min(4, len(words) - i) + 1)}


def _matches(grams: set[tuple[str, ...]], phrases: frozenset[tuple[str, ...]]) -> bool:
    return not grams.isdisjoint(phrases)


def _claim_grams(taxonomy: Taxonomy, text: str) -> set[tuple[str, ...]]:
    return _grams([taxonomy.spelled(w) for w in stems(text)], taxonomy.first_words)


def direct_topics(taxonomy: Taxonomy, text: str) -> set[str]:
    """Topics whose terms or cues appear in ``text`` itself."""
    grams = _claim_grams(taxonomy, text)
    return _topics_in(taxonomy, grams, text)


def _topics_in(taxonomy: Taxonomy, grams: set[tuple[str, ...]], text: str) -> set[str]:
    cued = taxonomy.has_any_cue(text)
    return {t.name for t in taxonomy.topics.values()
            if _matches(grams, t.term_set) or (cued and t.has_cue(text))}


def tag_claims(taxonomy: Taxonomy, claims: Sequence[tuple[str, str, int]]) -> list[set[str]]:
    """Topics of each ``(text, attribution context, paragraph number)`` of one article."""
    grams = [_claim_grams(taxonomy, text) for text, _, _ in claims]
    own = [_topics_in(taxonomy, g, text) | (direct_topics(taxonomy, context) if context else set())
           for g, (text, context, _) in zip(grams, claims)]
    by_paragraph: dict[int, set[str]] = {}
    for (_, _, para), topics in zip(claims, own):
        by_paragraph.setdefault(para, set()).update(topics)
    tagged = []
    for (_, _, para), topics, claim_grams in zip(claims, own, grams):
        weak = {name for name in by_paragraph.get(para, set()) - topics
                if _matches(claim_grams, taxonomy.topics[name].related_set)}
        weak |= {name for name, related in taxonomy.distinctive_related.items()
                 if len(claim_grams & related) >= RELATED_ALONE}
        tagged.append(topics | weak)
    return tagged
