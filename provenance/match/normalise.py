"""One explicit normalisation of claims for matching: stems, entities, numbers, time."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from provenance.domain import Quantity
from provenance.nlp.topics import stem
from provenance.text import comparable

_STOPWORDS = frozenset(
    "a an the of in on at to for from by with and or but as is are was were be been being has"
    " have had will would could should may might can do does did not no it its this that these"
    " those he she they his her their him them we our you your i also than then there which who"
    " whose what when where while after before over under about into up out so such per said"
    " says say told added according both each other some any all more most very just only"
    " two one first new could can may might must shall should would will during between"
    " against among through without within including despite amid toward towards part".split()
)
# Words so frequent in news that sharing them says little about sharing a proposition.
COMMON_NEWS_WORDS = frozenset(stem(w) for w in (
    "government country countries president official officials year years people state states"
    " leader leaders time week month day group report news world number percent million"
    " billion minister ministry nation national foreign public political policy issue issues"
    " part way end include includes made make take took going go come came several many"
    " other new last next earlier later since still already long well").split())
# Words that name the same thing in news copy; each maps to the first of its line.
_SYNONYMS = [
    "agreement treaty pact accord deal",
    "support back backing backed supported supporting",
    "recogn unrecogn",
    "sanction coerciv",
    "elect election electoral vote",
    "meet meeting summit talks",
    "invit invitation",
]


_NAME = re.compile(r"\b[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*")


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    raw = resources.files("provenance.match").joinpath("places.toml").read_text("utf-8")
    table = tomllib.loads(raw)["countries"]
    out = {}
    for country, words in table.items():
        name = country.replace("_", " ")
        out[name] = country
        for word in words:
            out[word] = country
    return out


@lru_cache(maxsize=1)
def _multiword_places() -> re.Pattern[str]:
    phrases = sorted((p for p in _places() if " " in p or "." in p), key=len, reverse=True)
    return re.compile(r"(?<![\w.])(" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)")


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, str]:
    out = {}
    for line in _SYNONYMS:
        words = line.split()
        for word in words:
            out[stem(word)] = stem(words[0])
    return out


@dataclass(frozen=True)
class ClaimFeatures:
    """What matching knows of a claim: plain values only."""

    id: int
    article_id: int
    outlet: str | None
    speaker: str | None
    kind: str
    text: str
    terms: frozenset[str]
    entities: frozenset[str]
    quantities: tuple[Quantity, ...]
    year: int | None
    event_date: str | None
    published: date | None
    sentence: str = ""
    denies: int | None = None
    topics: frozenset[str] = frozenset()


def normalise_terms(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Content-word stems (synonyms folded) and entities (names; places as countries)."""
    low = comparable(text)
    places = _places()
    entities = {places[m] for m in _multiword_places().findall(low)}
    name_words = set()
    for name in _NAME.findall(text):
        key = comparable(name).replace("'s", "")
        if key in places:
            continue
        words = [w for w in key.split() if w not in _STOPWORDS and len(w) > 2]
        name_words.update(words)
        entities.update(w for w in words if w not in places)
    terms = set()
    synonyms = _synonyms()
    for word in re.split(r"[\s\-/]+", low):
        word = word.strip(".'").removesuffix("'s")
        if not word or word in _STOPWORDS or (word.isdigit() and len(word) == 4):
            continue
        if word in places:
            entities.add(places[word])
        elif word not in name_words:
            s = stem(word)
            if s.startswith("un") and len(s) > 6:
                s = s[2:]  # "unrecognized" ~ "recognize": the negation is in the verb
            terms.add(synonyms.get(s, s))
    return frozenset(terms), frozenset(entities - {""})


_EVENT_YEAR = re.compile(r"(?<!\bby )(?<!\buntil )(?<!\bbefore )(?<!\bto )\b((?:19|20)\d\d)\b")
HISTORICAL_YEARS = 20
"""A year this far before publication is background ("the surrender in 1945"), not the
time of the claim's event."""


def effective_year(event_date: str | None, text: str, published: date | None) -> int | None:
    """The year a claim is about: its event date, else a year it names, else publication."""
    named = [int(event_date[:4])] if event_date else []
    named += [int(y) for y in _EVENT_YEAR.findall(text)]
    if published:
        named = [y for y in named if y >= published.year - HISTORICAL_YEARS]
    if named:
        return named[0]
    return published.year if published else None
