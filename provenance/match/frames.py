"""Claim frames: what a claim asserts, in a form matching can compare.

A frame holds the claim's content words and entities, its main predicate, its figures and
what they measure, the time it is about, its source, whether it is negated or hedged, and,
for a denial or confirmation, what it denies or confirms. Frames are built once, when a
claim is stored, from plain values (:class:`ClaimFacts`); matching reads them back.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date
from functools import lru_cache
from typing import Any

from provenance.domain import OWN_REPORTING, Quantity
from provenance.match import vocab
from provenance.match.figures import Figure, figures_of, without_cues
from provenance.match.lemmas import lemma, negated_participles
from provenance.match.normalise import (
    background_year,
    effective_year,
    lower_words,
    named_subject,
    normalise_terms,
    opening_capital,
    people_named,
    place_names,
    story_names,
)
from provenance.match.sources import (
    Source,
    business_mention,
    named_businesses,
    resolved_affiliation,
    resolved_business,
    source_of,
)
from provenance.nlp import lexicon as lx
from provenance.nlp.numbers import NUMBER_WORDS
from provenance.text import comparable

FRAME_VERSION = 39
"""Raised whenever frames would come out differently; stored frames of another version
are built again, and the archive matched again, on the next run."""
_DETERMINERS = frozenset("a an the its his her their our my your this that these those some"
                         " many two three four five".split())
_BETWEEN = frozenset("not never also been then still now already later again just fully"
                     " only yet once being to likely unlikely expected able unable set due"
                     " going".split())
_AUXILIARY = frozenset("is are was were be been has have had will would shall should can"
                       " could may might must do does did".split())


@dataclass(frozen=True)
class ClaimFacts:
    """What is stored about a claim, as plain values: the input of a frame."""

    id: int
    article_id: int
    text: str
    kind: str = OWN_REPORTING
    sentence: str = ""
    speaker: str | None = None
    speaker_kind: str | None = None
    speaker_role: str | None = None
    via: tuple[str, ...] = ()
    outlet: str | None = None
    published: date | None = None
    event_date: str | None = None
    told_on: str | None = None
    quantities: tuple[Quantity, ...] = ()
    topics: frozenset[str] = frozenset()
    denies: int | None = None


@dataclass(frozen=True)
class Target:
    """What a denial denies or a confirmation confirms, as content words and entities."""

    text: str
    terms: frozenset[str]
    entities: frozenset[str]


@dataclass(frozen=True)
class ClaimFrame:
    """One claim as matching sees it."""

    id: int
    article_id: int
    text: str
    sentence: str
    kind: str
    outlet: str | None
    published: date | None
    event_date: str | None
    year: int | None
    source: Source
    chain: tuple[str, ...]
    terms: frozenset[str]
    entities: frozenset[str]
    places: frozenset[str]
    people: frozenset[str]  # surnames of the people named in full
    topics: frozenset[str]
    predicate: str | None
    negated: bool
    modality: str
    stance: str  # "" | "denies" | "confirms"
    target: Target | None
    figures: tuple[Figure, ...]
    denies: int | None = None
    told_on: str | None = None
    """The day the claim was said, when it names no date: dates it, never splits a group."""
    context: frozenset[str] = frozenset()
    """The names the claim's article mentions most: what story it belongs to."""
    subject: frozenset[str] = frozenset()
    """The entities of the name the claim opens with as its actor ("The Angels made ...")."""
    background_year: int | None = None
    """A year long before publication the claim names: then it has no day of its own."""
    comparable_text: str = field(default="", compare=False)

    @property
    def day(self) -> str | None:
        """The day the claim is about: its own day if it has one, else publication, unless
        it is about another year ("In 2019, the mill closed", "cut 9,000 jobs in 1993")."""
        if self.own_day or self.published is None:
            return self.own_day
        if self.background_year is not None or self.year not in (None, self.published.year):
            return None
        return self.published.isoformat()

    @property
    def own_day(self) -> str | None:
        """The day the claim names, else the day it was said: not its article's
        publication, which may be a day later than what it reports."""
        return next((d for d in (self.event_date, self.told_on) if d and len(d) == 10), None)


CONTEXT_NAMES = 30
"""How many of its article's most frequent names place a claim in its story."""


def with_article_context(frames: list[ClaimFrame],
                         datelines: Mapping[int, str] | None = None) -> list[ClaimFrame]:
    """The frames, each with its article's most frequent names (all of its claims must be
    among ``frames``): "No one was injured in the fire" is about the fire of its article.
    Names are read from the claims' whole sentences, so that the people an article quotes
    ("Ekberg's campaign said") place it in its story too, and so does the town of its
    dateline (``datelines``: article -> town). A source's bare body ("the department's
    spokesman") becomes the body the article names in full, a business said by its noun
    ("the company said") the business the article calls so, and a surname alone ("Bush was
    placed on injured reserve") the person the article names in full. The claim's own
    speaker is not among the people it is about."""
    sentences: dict[int, dict[str, None]] = defaultdict(dict)
    for article, town in (datelines or {}).items():
        sentences[article][town] = None
    for f in frames:
        sentences[f.article_id][f.sentence or f.text] = None  # each sentence once, in order
    top = {article: frozenset(name for name, _ in sorted(
               story_names(found).items(), key=lambda kv: (-kv[1], kv[0]))[:CONTEXT_NAMES])
           for article, found in sentences.items()}
    surnames = {article: frozenset().union(*map(people_named, found))
                for article, found in sentences.items()}
    lower = {article: lower_words(found) for article, found in sentences.items()}
    named: dict[int, set[str]] = defaultdict(set)
    sources: dict[int, list[Source]] = defaultdict(list)
    for f in frames:
        sources[f.article_id].append(f.source)
        if f.source.kind in ("organization", "person"):
            named[f.article_id].add(f.source.name)
    businesses = {article: named_businesses(found) for article, found in sources.items()}
    resolved = [_read_in_article(f, businesses[f.article_id], lower[f.article_id])
                for f in frames]
    return [replace(f, context=top[f.article_id],
                    people=(f.people | (f.entities & surnames[f.article_id]))
                    - _speaker_words(f),
                    source=resolved_affiliation(
                        f.source, sorted(named[f.article_id] - {f.source.name})))
            for f in resolved]


def _read_in_article(frame: ClaimFrame, businesses: frozenset[str],
                     lower: set[str]) -> ClaimFrame:
    """``frame`` with the business its article names read for "the company" (as its source
    and in its text), and without a name made of its opening capital alone."""
    frame = replace(frame, source=resolved_business(frame.source, businesses))
    return _business_named(_opener_uncapitalised(frame, lower), businesses)


def _opener_uncapitalised(frame: ClaimFrame, lower: set[str]) -> ClaimFrame:
    """``frame`` without the entity its opening capital made of a word its article writes
    in lower case elsewhere ("Coast guard vessels rescued 58 people" / "the coast guard
    said"): a word, not a name."""
    word = opening_capital(frame.text)
    if word is None or word not in frame.entities or word not in lower:
        return frame
    return replace(frame, entities=frame.entities - {word},
                   terms=frame.terms | normalise_terms(word)[0])


def _business_named(frame: ClaimFrame, businesses: frozenset[str]) -> ClaimFrame:
    """``frame`` with "the company" it names read as the one business its article names:
    "In 2019, the company shut its Eastbrook plant" names Kilner Steel."""
    mention = business_mention(frame.text) if len(businesses) == 1 else None
    if mention is None:
        return frame
    text = frame.text[:mention.start()] + next(iter(businesses)) + frame.text[mention.end():]
    terms, entities = normalise_terms(frame.text)
    named_terms, named_entities = normalise_terms(text)
    return replace(frame, terms=frame.terms | (named_terms - terms),
                   entities=frame.entities | (named_entities - entities),
                   comparable_text=comparable(text))


def _speaker_words(frame: ClaimFrame) -> set[str]:
    """The words of whoever the claim is attributed to (not of the subject that stands as
    the source of what an outlet says itself)."""
    return set() if frame.kind == OWN_REPORTING else set(comparable(frame.source.name).split())


def build_frame(facts: ClaimFacts) -> ClaimFrame:
    """The frame of one claim."""
    text = facts.text
    terms, entities = normalise_terms(text)
    terms -= _source_terms(facts)
    stance, target = _stance(facts)
    figures = figures_of(text, facts.quantities, facts.sentence)
    # "No one had died" gives deaths 0: its "no" is the figure, not a negated predicate.
    nought = any(f.value == 0 and f.text.lower().startswith("no") for f in figures)
    return ClaimFrame(
        id=facts.id, article_id=facts.article_id, text=text, sentence=facts.sentence,
        kind=facts.kind, outlet=facts.outlet, published=facts.published,
        event_date=facts.event_date,
        year=effective_year(facts.event_date, text, facts.published),
        source=source_of(facts.speaker, facts.speaker_kind, facts.speaker_role, text,
                         facts.outlet),
        chain=facts.via, terms=terms, entities=entities, places=place_names(text),
        people=people_named(text),
        topics=facts.topics, predicate=predicate(text),
        negated=not nought and _negated(without_cues(text, {f.measure for f in figures})),
        modality=_modality(text), stance=stance, target=target,
        figures=figures, denies=facts.denies,
        told_on=facts.told_on, subject=named_subject(text),
        background_year=background_year(text, facts.published), comparable_text=comparable(text))


def _source_terms(facts: ClaimFacts) -> frozenset[str]:
    """The words of the speaker a claim names in its own text ("The defence ministry put the
    losses at 900"): who says it is the frame's source, not part of what is said."""
    if not facts.speaker or comparable(facts.speaker) not in comparable(facts.text):
        return frozenset()
    return normalise_terms(facts.speaker)[0]


@lru_cache(maxsize=1)
def _negation() -> tuple[re.Pattern[str], re.Pattern[str]]:
    spec = vocab.cues()["negation"]
    linked = [f"{verb} {participle}" for verb in spec["linking"]
              for participle in negated_participles()]
    return vocab.phrase_pattern(spec["words"] + linked), vocab.phrase_pattern(spec["except"])


@lru_cache(maxsize=1)
def _refusals() -> frozenset[str]:
    """The verbs of the negation cues that take an infinitive ("refused to recognise"):
    the claim's predicate is the infinitive."""
    return frozenset(lemma(cue.split()[0]) for cue in vocab.cues()["negation"]["words"]
                     if cue.endswith(" to"))


_CLAUSE_END = re.compile(r",\s+(?:and|but|while|whereas|although|though)\s+|;\s+|\s+-\s+")


def _main_clause(text: str) -> str:
    """The claim up to its first coordinated clause: negation and hedges are read there."""
    m = _CLAUSE_END.search(text)
    return text[:m.start()] if m else text


# "2,000 jobs were at risk, not 1,200", "three wolves escaped, not two", "it was a fox, not a
# wolf": a figure or a word corrected, not a predicate negated.
_CORRECTION = re.compile(
    r",\s*not\s+(?:about\s+|some\s+)?(?:\d[\d,.]*\b|(?:"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r")\b|(?:[\w'-]+\s+){0,3}[\w'-]+\s*[.!]?\s*$)")


def _negated(text: str) -> bool:
    """Whether the claim's own predicate is negated ("did not order", "No siren sounded")."""
    low = _CORRECTION.sub(" ", _main_clause(text).lower().replace("\u2019", "'"))
    cue, exception = _negation()
    return bool(cue.search(exception.sub(" ", low).replace("n't", " n't")))


_NOT_CLASSES = ("conditional", "opposite", "alone")  # read otherwise


@lru_cache(maxsize=1)
def _modalities() -> list[tuple[str, re.Pattern[str]]]:
    spec = vocab.cues()["modality"]
    return [(name, vocab.phrase_pattern(words)) for name, words in spec.items()
            if name not in _NOT_CLASSES]


@lru_cache(maxsize=1)
def opposite_modalities() -> frozenset[frozenset[str]]:
    """Pairs of modality classes that contradict each other (likely / unlikely)."""
    return frozenset(frozenset(pair) for pair in vocab.cues()["modality"]["opposite"])


@lru_cache(maxsize=1)
def opposite_predicates() -> frozenset[frozenset[str]]:
    """Pairs of predicate lemma keys that say the opposite of each other (pass / fail)."""
    return frozenset(frozenset(lemma(w) for w in pair)
                     for pair in vocab.cues()["opposites"]["predicates"])


def says_opposite(a: ClaimFrame, b: ClaimFrame) -> bool:
    """Whether the claims' predicates are opposites ("failed" / "passed")."""
    return a.predicate is not None and b.predicate is not None \
        and frozenset((a.predicate, b.predicate)) in opposite_predicates()


@lru_cache(maxsize=1)
def lone_modalities() -> frozenset[str]:
    """Modality classes that agree with no other ("pretended to sign" is no hedge of
    "could sign")."""
    return frozenset(vocab.cues()["modality"]["alone"])


def _modality(text: str) -> str:
    """The claim's hedge: conditional, or the first class of ``cues.toml`` whose words it
    holds (unlikely, likely, possible, planned, feigned), or ""."""
    first = text.split(" ", 1)[0].lower().strip("\"'")
    if first in vocab.cues()["modality"]["conditional"]:
        return "conditional"
    # Modal verbs are lower case: "may" is a month when it is "May".
    words = _main_clause(text[:1].lower() + text[1:])
    return next((name for name, pattern in _modalities() if pattern.search(words)), "")


def _either(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_COPULA = r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been|remains?)"
_UTTERLY = r"(?:(?:completely|totally|entirely|simply|utterly|wholly|patently|clearly)\s+)?"


@lru_cache(maxsize=1)
def _stance_patterns() -> dict[str, re.Pattern[str]]:
    """Patterns whose ``target`` group is what a claim denies or confirms, by name, and
    ``hint``, which a claim must match for any of them to."""
    spec = vocab.cues()["stance"]
    objects, denies = _either(spec["objects"]), _either(sorted(lx.DENIAL_VERBS))
    when = r"(?:\s+(?:on|last|this|late|early)\s+\w+|\s+(?:yesterday|today|again|also|publicly))?"
    tail = (rf"{when}(?:\s+(?:{objects}))?(?:\s+(?:from|by|in)\s+[^,.;]{{1,60}}?)?\s+that"
            r"\s+(?P<target>.+)")  # "denied on Thursday that ...", "denied reports that ..."
    said = rf"(?:\b(?:{objects})(?:\s+(?:that|of|about))?|\b(?:{_either(spec['claimants'])})" \
        r"(?:\s+that)?)"
    verdict = rf"(?:{_COPULA}(?:\s+(?:{_either(spec['verdicts'])}))?|{_either(spec['verdicts'])})"
    patterns = {
        "denies": rf"\b(?:{denies}){tail}",
        "denies_doing": rf"\b(?:{denies})\s+(?:(?:{_either(spec['gerund_adverbs'])})\s+)*"
                        rf"(?!(?:{_either(spec['granted'])})\b)"
                        r"(?P<target>(?:having\s+[a-z]+|[a-z]+ing)\b.+)",  # "denied taking"
        "denies_clause": rf"\b(?:{denies})(?:\s+(?:{_either(spec['gerund_adverbs'])}))?\s+"
                         r"(?P<target>(?:he|she|they|we|i)\s+[a-z]+\b.+)",  # "denied she took"
        "denies_of": rf"\b(?:{denies})\s+(?:{objects})\s+(?:of|about)\s+(?P<target>.+)",
        "called_false": rf"{said}(?:\s+(?P<target>.+?))??\s+{verdict}\s+{_UTTERLY}"
                        rf"[\"'\u2018\u201c]?(?:{_either(spec['falsity'])})\b",
        "confirms": rf"\b(?:{_either(sorted(lx.CONFIRMATION_VERBS))}){tail}",
        "no_evidence": rf"\b(?:{_either(spec['no_evidence'])})\s+(?P<target>.+)",
        # Every pattern above needs one of these words: most claims are spared the rest.
        "hint": rf"\b(?:{denies}|{_either(sorted(lx.CONFIRMATION_VERBS))}"
                rf"|{_either(spec['falsity'])}|{_either(spec['no_evidence'])})",
    }
    return {name: re.compile(p, re.IGNORECASE | re.DOTALL) for name, p in patterns.items()}


_STANCES = (("denies", "denies"), ("denies", "denies_doing"), ("denies", "denies_clause"),
            ("denies", "denies_of"),
            ("denies", "called_false"), ("denies", "no_evidence"), ("confirms", "confirms"))


def _stance(facts: ClaimFacts) -> tuple[str, Target | None]:
    patterns = _stance_patterns()
    for stance, key in _STANCES if patterns["hint"].search(facts.text) else ():
        m = patterns[key].search(facts.text)
        if m:
            target = m.group("target")
            return stance, _target(target) if target else None
    if facts.kind == "denial":
        return "denies", None
    return "", None


def _target(text: str) -> Target:
    text = _HAVING.sub("", text.strip(" .,"))  # "denied having met him": met him
    terms, entities = normalise_terms(text)
    return Target(text, terms, entities)


_HAVING = re.compile(r"^having\s+", re.IGNORECASE)


STATIVE = frozenset(lemma(w) for w in ("be", "have"))
"""Predicates that say what something is or has, not what was done."""


def predicate(text: str) -> str | None:
    """The lemma key of the claim's main verb: the first past form after the subject, or
    the verb after an auxiliary ("did not open", "were then opened")."""
    words = [w.strip(",.;:\"'") for w in text.split()]
    for i, word in enumerate(words):
        low = word.lower()
        before = words[i - 1].lower() if i else ""
        if i > 0 and low.endswith("ed") and word.islower() and len(low) > 4 \
                and before not in _DETERMINERS and not before.endswith("ing"):
            if lemma(low) in _refusals() and i + 2 < len(words) and words[i + 1] == "to":
                return lemma(words[i + 2].lower())  # "refused to recognise": recognise
            return lemma(low)  # "unnamed" in "citing unnamed workers" is not a verb
        if low in _AUXILIARY and not (i and word[:1].isupper()):  # "every May 9": a month
            rest = [w.lower() for w in words[i + 1:i + 5] if w.lower() not in _BETWEEN]
            return lemma(rest[0]) if rest and rest[0].isalpha() else lemma(low)
    return None


def frame_record(frame: ClaimFrame) -> dict[str, Any]:
    """The frame as plain JSON values, for storage (read field by field: ``asdict`` copies
    every value deeply, which cost as much as building the frame)."""
    record = {f.name: getattr(frame, f.name) for f in fields(frame)}
    record["source"] = _shallow(frame.source)
    if frame.comparable_text == comparable(frame.text):
        record.pop("comparable_text")  # kept only when names were resolved in it
    record["published"] = frame.published.isoformat() if frame.published else None
    for key in ("terms", "entities", "places", "people", "topics", "context", "subject"):
        record[key] = sorted(record[key])
    if frame.target is not None:
        record["target"] = {"text": frame.target.text, "terms": sorted(frame.target.terms),
                            "entities": sorted(frame.target.entities)}
    record["chain"] = list(frame.chain)
    record["figures"] = [{**_shallow(f), "places": sorted(f.places)} for f in frame.figures]
    return record


def _shallow(value: Any) -> dict[str, Any]:
    return {f.name: getattr(value, f.name) for f in fields(value)}


def frame_from_record(record: dict[str, Any]) -> ClaimFrame:
    """The frame :func:`frame_record` stored."""
    target = record.get("target")
    return ClaimFrame(
        id=record["id"], article_id=record["article_id"], text=record["text"],
        sentence=record["sentence"], kind=record["kind"], outlet=record["outlet"],
        published=date.fromisoformat(record["published"]) if record["published"] else None,
        event_date=record["event_date"], year=record["year"], source=Source(**record["source"]),
        chain=tuple(record["chain"]), terms=frozenset(record["terms"]),
        entities=frozenset(record["entities"]), places=frozenset(record["places"]),
        people=frozenset(record["people"]),
        topics=frozenset(record["topics"]), predicate=record["predicate"],
        negated=record["negated"], modality=record["modality"], stance=record["stance"],
        target=Target(target["text"], frozenset(target["terms"]), frozenset(target["entities"]))
        if target else None,
        figures=tuple(Figure(**{**f, "places": frozenset(f["places"])})
                      for f in record["figures"]),
        denies=record["denies"], told_on=record.get("told_on"),
        context=frozenset(record["context"]), subject=frozenset(record["subject"]),
        background_year=record.get("background_year"),
        comparable_text=record.get("comparable_text") or comparable(record["text"]))
