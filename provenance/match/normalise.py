"""One explicit normalisation of claim text for matching: lemma keys, entities, places."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date

from provenance.match import vocab
from provenance.match.lemmas import lemma
from provenance.nlp import lexicon as lx
from provenance.nlp.numbers import NUMBER_WORDS, digits
from provenance.nlp.speakers import names_people, parse_speaker
from provenance.text import comparable

STOPWORDS = frozenset(
    "a an the of in on at to for from by with and or but as is are was were be been being has"
    " have had will would could should may might can do does did not no it its this that these"
    " those he she they his her their him them we our you your i also than then there which who"
    " whose what when where while after before over under about into up out so such per said"
    " says say told added according both each other some any all more most very just only"
    " two one first new must shall during between against among through without within"
    " including despite amid toward towards part never nor n't likely unlikely probably"
    " possibly perhaps".split()
)
# Words so frequent in news that sharing them says little about sharing a proposition.
COMMON_NEWS_WORDS = frozenset(lemma(w) for w in (
    "government country countries president official officials year years people state states"
    " leader leaders time week month day group report news world number percent million"
    " billion minister ministry nation national foreign public political policy issue issues"
    " part way end include includes made make take took going go come came several many"
    " other new last next earlier later since still already long well").split())

# Capitalised words that name no one: days, months, and numbers opening a sentence.
NOT_NAMES = frozenset(lx.WEEKDAYS + lx.MONTHS) | NUMBER_WORDS | frozenset(
    "hundreds thousand thousands million millions dozens first second third fourth"
    " fifth last next".split())
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_NAME = re.compile(r"\b[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*")
_WORD = re.compile(r"[\s\-/]+")
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|across|outside|around|from)\s+(?:the\s+)?"
    r"([A-Z][\w'-]+(?:\s+(?:and\s+)?[A-Z][\w'-]+)*)")


def normalise_terms(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Content words as lemma keys (synonyms folded) and entities (names; places folded to
    their country)."""
    text = _THOUSANDS.sub("", text)  # "1,900" is one number, not "1" and "900"
    low = comparable(text)
    places = vocab.places()
    entities, name_words = _names(text, low)
    synonyms = vocab.synonyms()
    terms = set()
    for word in _folded_phrasal_verbs(_WORD.split(low)):
        word = digits(word.strip(".'").removesuffix("'s"))  # "fourteen" is "14"
        if not word or word in STOPWORDS or (word.isdigit() and len(word) == 4):
            continue
        if word in places:
            entities.add(places[word])
        elif word not in name_words:
            terms.add(synonyms.get(word) or synonyms.get(lemma(word)) or lemma(word))
    return frozenset(terms), frozenset(entities - {""})


def _folded_phrasal_verbs(words: list[str]) -> list[str]:
    """``words`` with each phrasal verb ("tipped over") as the one word it stands for."""
    phrasal = vocab.phrasal_verbs()
    out: list[str] = []
    for word in words:
        folded = phrasal.get((lemma(out[-1]), word)) if out else None
        if folded:
            out[-1] = folded
        else:
            out.append(word)
    return out


def _names(text: str, low: str) -> tuple[set[str], set[str]]:
    """The entities of ``text`` (``low``: its comparable form), and the words of its
    capitalised names."""
    places = vocab.places()
    entities = {places[m] for m in vocab.multiword_places().findall(low)}
    name_words: set[str] = set()
    for found in _NAME.finditer(text):
        key = comparable(found.group(0)).replace("'s", "")
        if key in places or (found.start() == 0 and names_people(key)
                             and _LOWER_NEXT.match(text, found.end())):
            continue  # "Rescuers pulled 61 people ...": a capital that opens the sentence
        words = [w for w in key.split() if w not in STOPWORDS and w not in NOT_NAMES
                 and len(w) > 2]
        name_words.update(words)
        entities.update(w for w in words if w not in places)
    return entities, name_words


_LOWER_NEXT = re.compile(r"\s+[a-z]")
_OPENER = re.compile(r"^[\W\d]*([A-Z][\w'-]*)\s+(?=[a-z0-9(\"])")
_LOWER_WORD = re.compile(r"(?<![\w'-])[a-z][a-z'-]+")


def story_names(sentences: Iterable[str]) -> Counter[str]:
    """How many of ``sentences`` name each entity, speakers' names included. A capitalised
    word opening a sentence ("Turnout rose", "Final results") does not count when the
    sentences also write it in lower case: its capital says nothing there."""
    sentences = list(sentences)
    counts: Counter[str] = Counter()
    openers: Counter[str] = Counter()
    for sentence in sentences:
        names = _names(sentence, comparable(sentence))[0] - {""}
        counts.update(names)
        if (word := opening_capital(sentence)) in names:
            openers[word] += 1
    lower = lower_words(sentences)
    for word, n in openers.items():
        if word in lower:
            counts[word] -= n
    return +counts


def opening_capital(sentence: str) -> str | None:
    """The capitalised word a sentence opens with, comparable ("Coast guard vessels ..."
    -> "coast")."""
    opener = _OPENER.match(sentence)
    return comparable(opener.group(1)) if opener else None


def lower_words(sentences: Iterable[str]) -> set[str]:
    """The words ``sentences`` write in lower case."""
    return {w for sentence in sentences for w in _LOWER_WORD.findall(sentence)}


# Two or more capitalised words (Latin capitals, accented ones included).
_CAPITAL = "[A-ZÀ-ÖØ-Þ]"
_FULL_NAME = re.compile(rf"(?<!\w){_CAPITAL}[\w'-]+(?:\s+(?:de\s+|da\s+|del\s+|van\s+|von\s+)?"
                        rf"{_CAPITAL}[\w'-]+)+")
# Last words that make a capitalised name a place or a thing, not a person.
_NOT_PERSON_HEADS = frozenset(
    "dam river lake sea bay bridge street road avenue square center centre hospital school"
    " university college church cathedral mosque temple plant factory station airport port"
    " hall park stadium arena hotel tower building house palace court prison camp market mall"
    " store mountain mount valley island county province state city town village district"
    " agency board council office ministry department party union association company"
    " corporation institute foundation committee commission army police".split()) \
    | lx.BUSINESS_HEADS
# Last words of the names of events, prizes and agreements: "Victory Day", "World War II",
# "the World Cup" are no people, and "in World War II" names no place.
_EVENT_HEADS = frozenset(
    "day war cup games olympics prize award awards festival summit conference forum treaty"
    " accord agreement act revolution crisis championship championships league".split())
_ROMAN = re.compile(r"^[ivx]+$")  # "Charles III" is Charles; "World War II" is a war


# First words that make a capitalised name a place: "Mt Cook", "North Carolina".
_NOT_PERSON_FIRST = frozenset(
    "mt mount lake port fort cape north south east west upper lower greater".split())


def people_named(text: str) -> frozenset[str]:
    """The surnames of the people a claim names in full ("Reggie Bush" -> "bush"; not
    "Unconditional Russian": a demonym is a country)."""
    found = set()
    for m in _FULL_NAME.finditer(text):
        speaker = parse_speaker(m.group(0))
        if speaker is None or speaker.kind != "person" or " " not in speaker.name:
            continue
        words = [w.removesuffix("'s").rstrip("'") for w in comparable(speaker.name).split()]
        if _ROMAN.match(words[-1]):
            words = words[:-1]  # a regnal name alone ("Charles III") is a person's
        if words[-1] in _NOT_PERSON_HEADS or words[0] in NOT_NAMES | _NOT_PERSON_FIRST \
                or _names_event(" ".join(words)) or " ".join(words) in vocab.places() \
                or words[-1] in vocab.places():
            continue
        found.add(words[-1])
    return frozenset(found)


_OPENING_NAME = re.compile(r"^(?P<the>The\s+)?(?P<np>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,4})"
                           r"\s+(?P<next>[a-z]+)")
# Verbs after which the opening name is a source, not the actor: two sources that count
# one toll corroborate each other ("The Red Cross counted 14 dead").
_SAYING = lx.SOURCING_VERBS | {"according"}


def named_subject(text: str) -> frozenset[str]:
    """The entities of the name a claim opens with, when it is the subject of what the
    claim says ("The Angels have made an offer", "Boston Red Sox made"): a name after "The",
    of two words or more, or a place. Empty for a common word that opens a sentence
    ("Rescuers pulled"), and for a source ("The ministry said", "The Red Cross counted")."""
    m = _OPENING_NAME.match(text)
    if not m or m.group("next") in _SAYING:
        return frozenset()
    name = m.group("np")
    entities = normalise_terms(name)[1]
    named = bool(m.group("the")) or len(name.split()) > 1 or comparable(name) in vocab.places()
    return entities if named else frozenset()


def place_names(text: str) -> frozenset[str]:
    """The places a claim is located in ("homes in Brennock and Lowford"), as entities."""
    places = vocab.places()
    found = {places[m] for m in vocab.multiword_places().findall(comparable(text))}
    for m in _LOCATIVE.finditer(text):
        for name in re.split(r"\s+and\s+", m.group(1)):
            key = comparable(name)
            if key not in NOT_NAMES and not _names_event(key):  # "from Thursday"
                found.add(places.get(key, key))
    return frozenset(found - {""})


def _names_event(name: str) -> bool:
    words = [w for w in name.split() if not _ROMAN.match(w)]
    return bool(words) and words[-1] in _EVENT_HEADS


_EVENT_YEAR = re.compile(r"(?<!\bby )(?<!\buntil )(?<!\bbefore )(?<!\bto )(?<!\bsince )"
                         r"\b((?:19|20)\d\d)\b")
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


def background_year(text: str, published: date | None) -> int | None:
    """A year the claim names too long before publication to be its event's
    (:data:`HISTORICAL_YEARS`): what it says holds then, or is background ("cut 60,000 jobs
    in 1993", "the surrender in 1945"), and is not a figure of the publication's day."""
    if published is None:
        return None
    for m in _EVENT_YEAR.finditer(text):
        clause = _CLAUSE_START.split(text[:m.start()])[-1]
        if int(m.group(1)) < published.year - HISTORICAL_YEARS and not _SINCE.search(clause):
            return int(m.group(1))
    return None


_CLAUSE_START = re.compile(r"[,;:]")
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)  # "the highest since records began in 1921"
