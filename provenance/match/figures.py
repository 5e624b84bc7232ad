"""What each figure of a claim measures, in the words of ``vocab/measures.toml``.

"4,100 people were now out of their homes" and "more than 6,000 people had been forced
from their homes" both count the evacuated; "peaked at 7.6 metres" is a peak level, "stood
at 6.9 metres" a level. A figure takes the measure whose cue stands nearest to it, among
the measures of its unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from provenance.domain import Quantity
from provenance.match import vocab
from provenance.match.lemmas import lemma
from provenance.match.normalise import STOPWORDS, place_names
from provenance.nlp.numbers import money_units

UNNAMED_MEASURES = ("count:", "share:")
"""Prefixes of the measures of figures no cue names: the noun a count counts
("count:ship"), the noun a percentage is a share of ("share:driver"). A percentage change
("fall:demand", :func:`_changed`) is named by its direction: a rise is never a fall of the
same size."""
CUE_REACH = 80
"""How many characters from a figure a cue may stand and still say what it measures."""
_TOKEN = re.compile(r"[a-z][a-z'-]*")
_CLAUSE_BREAK = re.compile(r";|,\s+(?:while|whereas|but)\s+|\s+-\s+")


@dataclass(frozen=True)
class Figure:
    """One figure of a claim: what it measures, its value or bounds, and how it ages."""

    measure: str
    unit: str
    value: float | None
    low: float | None
    high: float | None
    modifier: str | None
    text: str
    time: str  # "point": compared within a day; "event": across the days of one event
    places: frozenset[str] = frozenset()  # the places named just after it: "homes in Lowford"
    scope: str = ""  # "wide" (across the province), "local" (in the town), or ""

    def as_quantity(self) -> Quantity:
        return Quantity(self.text, self.value, self.unit, self.modifier, self.low, self.high,
                        self.measure)


@dataclass(frozen=True)
class _Measure:
    name: str
    unit: str
    time: str
    phrases: re.Pattern[str] | None
    words: frozenset[str]
    openers: frozenset[str] | None = None  # first words of the phrases; None: any word
    snapshot: re.Pattern[str] | None = None  # phrases of a count in progress
    adjacent: bool = False  # its cue must follow the figure at once ("40 percent of ballots")
    around: re.Pattern[str] | None = None  # a verb before and a noun after ("cut 400 jobs")
    objects: frozenset[str] | None = None  # what its verb cues may take part "in"; None: any


@lru_cache(maxsize=1)
def _measures() -> tuple[_Measure, ...]:
    out = []
    for name, spec in vocab.measures().items():
        cues = [c.lower() for c in spec["cues"]]
        phrases = [c for c in cues if " " in c]
        openers = frozenset(p.split()[0] for p in phrases)
        out.append(_Measure(spec.get("same_as", name), spec["unit"], spec["time"],
                            vocab.phrase_pattern(phrases) if phrases else None,
                            frozenset(lemma(c) for c in cues if " " not in c),
                            openers if all(_TOKEN.fullmatch(w) for w in openers) else None,
                            vocab.phrase_pattern(spec["snapshot_cues"])
                            if spec.get("snapshot_cues") else None,
                            bool(spec.get("adjacent", False)), _around(spec),
                            frozenset(spec["objects"]) if "objects" in spec else None))
    return tuple(out)


def _around(spec: dict[str, list[str]]) -> re.Pattern[str] | None:
    """"cut 400 jobs", "created some 2,000 jobs": a verb, the figure, the noun it counts."""
    if not spec.get("verbs"):
        return None
    verbs, nouns = (vocab.phrase_pattern(spec[k]).pattern for k in ("verbs", "nouns"))
    gap = r"(?:[^,.;]|(?<=\d)[,.](?=\d)){1,30}?"  # "1,100" is one figure, not a clause break
    return re.compile(rf"{verbs}\s+{gap}\s+{nouns}")


def unit_class(unit: str) -> str:
    """"money" for any currency (``nlp/currencies.toml``), else the unit itself."""
    return "money" if unit in money_units() else unit


def figures_of(text: str, quantities: tuple[Quantity, ...],
               sentence: str = "") -> tuple[Figure, ...]:
    """The figures of a claim with their measures; those nothing names are left out. A
    claim whose ``sentence`` reports a count in progress ("..., with three quarters of
    ballots counted") gives snapshots, compared only with figures of their day."""
    if not quantities:
        return ()
    low = text.lower()
    out: list[Figure] = []
    for q in quantities:
        at = low.find(q.text.lower())
        if at >= 0 and _is_prior(low, at, at + len(q.text)):
            continue  # "up from the 58 percent it gave a day earlier": not what it says now
        if at >= 0 and _AGE_BOUND.search(low, max(0, at - 40), at):
            continue  # "children under 10": an age, not a count
        if at >= 0 and _DIFFERENCE.match(low, at + len(q.text)):
            continue  # "40 centimetres above the previous record": a gap, not a level
        clause = _clause(low, at if at >= 0 else 0)
        measure = _nearest(low, clause, at, at + len(q.text), unit_class(q.unit)) \
            if at >= 0 else None
        if measure is None:
            measure = _unnamed_measure(q, low[at + len(q.text):] if at >= 0 else "",
                                       low[max(0, at - CUE_REACH):at] if at >= 0 else "")
        if measure is not None:
            places, scope = _scope(text, at)
            out.append(Figure(measure.name, q.unit, q.value, q.low, q.high, q.modifier, q.text,
                              measure.time, places, scope))
    whole = (sentence or text).lower()
    if out and any(m.snapshot is not None and m.snapshot.search(whole) for m in _measures()):
        out = [replace(f, time="point") for f in out]  # a count in progress: its day only
    return tuple(out)


def without_cues(text: str, measures: set[str]) -> str:
    """``text`` with the cue phrases of ``measures`` blanked: in "About 50 people were
    unaccounted for" the "not" of "unaccounted for" says what is counted (the missing), it
    negates nothing."""
    low = text.lower()
    if len(low) != len(text):
        return text
    for measure in _measures():
        if measure.name in measures and measure.phrases is not None:
            for m in measure.phrases.finditer(low):
                text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return text


def is_unnamed(measure: str) -> bool:
    """Whether ``measure`` is only the noun a figure counts or is a share of."""
    return measure.startswith(UNNAMED_MEASURES)


_SHARE_OF = re.compile(r"\s+of\s+(?:(?:the|its|their|his|her|our|all|an?|those|these)\s+)?"
                       r"([a-z][a-z'-]*)(?:\s+([a-z][a-z'-]*))?")


# "the share of adults ... was 30 percent" before a bare percentage: what it is a share of.
_SHARE_BEFORE = re.compile(r"\b(?:share|proportion|percentage)(?=" + _SHARE_OF.pattern
                           + r")[^,;.]{0,80}$")  # the same groups as _SHARE_OF
# "the number of households ...", "the tally of arrests ..." before a bare count.
_NUMBER_OF = re.compile(r"\b(?:number|tally|total|count)\s+of\s+(?:the\s+)?([a-z][a-z'-]*)"
                        r"[^,;.]{0,60}$")


def _unnamed_measure(q: Quantity, after: str, before: str = "") -> _Measure | None:
    """A count's noun ("count:ship", "the number of homes ... rose to 40": "count:home"), or
    what a percentage is a share of ("85 percent of train drivers stayed away" ->
    "share:driver"), for a figure no cue names."""
    if q.unit == "count" and q.measure and len(q.measure) > 2:
        noun = lemma(q.measure.split()[-1])
        return _Measure(f"count:{noun}", "count", "point", None, frozenset())
    counted = _NUMBER_OF.search(before) if q.unit == "count" and not q.measure else None
    if counted:  # "The number of households without water has risen to 15,000"
        return _Measure(f"count:{lemma(counted.group(1))}", "count", "point", None, frozenset())
    if q.unit != "%":
        return None
    m = _SHARE_OF.match(after)
    if m is None:
        changed = _changed(before)  # "the share of drivers fell 5 percent": a change
        # "the share of adults ... was 30 percent"
        m = _SHARE_BEFORE.search(before) if changed is None else None
        if m is None:
            return changed
    noun = m.group(1)
    second = m.group(2)
    if second and second not in STOPWORDS and not second.endswith(("ed", "ing")):
        noun = second  # "train drivers": drivers
    return None if noun in STOPWORDS else _Measure(f"share:{lemma(noun)}", "%", "point", None,
                                                   frozenset())


def _changed(before: str) -> _Measure | None:
    """What a percentage right after a verb of change measures: "Demand for steel plate
    fell 30 percent" -> "fall:demand" (the subject's head: the word before its first
    preposition, else its last word)."""
    for direction, pattern in _change_verbs():
        verb = pattern.search(before)
        if verb is None:
            continue
        subject = re.split(r"[,;:]", before[:verb.start()])[-1]
        head = _SUBJECT_PREPOSITION.split(subject, maxsplit=1)[0]  # "demand for steel plate"
        words = [w for w in _TOKEN.findall(head) if w not in STOPWORDS]
        return _Measure(f"{direction}:{lemma(words[-1])}", "%", "event", None, frozenset()) \
            if words else None
    return None


_SUBJECT_PREPOSITION = re.compile(r" (?:for|of|in) ")


def opposite_change(measure: str) -> str | None:
    """The same change the other way ("fall:price" for "rise:price"), or None for a measure
    that is no change: a rise and a fall of one thing cannot both hold."""
    direction, _, subject = measure.partition(":")
    directions = _change_directions()
    if direction not in directions or len(directions) != 2:
        return None
    return f"{directions[1 - directions.index(direction)]}:{subject}"


@lru_cache(maxsize=1)
def _change_directions() -> tuple[str, ...]:
    return tuple(vocab.cues()["change"])


@lru_cache(maxsize=1)
def _change_verbs() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each direction of change with a pattern of its verbs ending the text before a figure."""
    return tuple((direction, re.compile(rf"{vocab.phrase_pattern(verbs).pattern}(?:\s+by)?\s*$"))
                 for direction, verbs in vocab.cues()["change"].items())


_CHANGE_FROM = re.compile(
    r"(?:\b(?:up|down)|\b(?:rose|rising|risen|fell|falling|fallen|climbed|dropped|jumped|grew"
    r"|increased|decreased|revised|raised|lowered|cut|changed)\b[^,.;]{0,40}?)\s+from"
    r"(?:\s+(?:the|an?|about|some|around|roughly|its|their))*\s*$|\bcompared\s+(?:with|to)"
    r"(?:\s+(?:the|an?|about|some))*\s*$")
_FROM_TO = re.compile(r"\bfrom(?:\s+(?:the|an?|about|some))*\s*$")
_THEN_TO = re.compile(r"^[^,.;]{0,12}?\s+to\s+(?:about\s+|some\s+)?\d")


_AGE_BOUND = re.compile(
    r"(?:\b(?:children|people|adults|residents|patients|men|women|girls|boys|pupils|students"
    r"|voters|those|anyone)\s+(?:under|over|older\s+than|younger\s+than|between)"
    r"|\baged|\bages?)\s+(?:of\s+)?$")


# After a figure: it measures the gap to another value ("40 centimetres above the previous
# record", "3,000 votes more than her rival"), unless that value is a datum ("sea level").
_DIFFERENCE = re.compile(r"\s+(?:above|below|higher\s+than|lower\s+than|more\s+than"
                         r"|fewer\s+than|less\s+than|short\s+of|ahead\s+of|behind)\s+"
                         r"(?!sea\s+level|ground\b)")
_REJECTED = re.compile(r"(?:,\s*not|\brather\s+than|\binstead\s+of)(?:\s+(?:the|about|some))*\s*$")


def _is_prior(text: str, start: int, end: int) -> bool:
    """Whether the figure at ``start:end`` is a value it replaced or rejects: "up from 58
    percent", "rose from 8 to 14", "compared with 49 percent in 2021", "2,000, not 1,200"."""
    before = text[max(0, start - 60):start]
    return _CHANGE_FROM.search(before) is not None or _REJECTED.search(before) is not None or (
        _FROM_TO.search(before) is not None and _THEN_TO.match(text[end:end + 30]) is not None)


SCOPE_BEFORE, SCOPE_AFTER = 30, 80
"""How far before and after a figure the words that place it are looked for."""
PLACE_AFTER = 40
"""How far after a figure the place it counts in may be named ("640 homes in Lowford")."""


_WORD_REST = re.compile(r"[\w'-]*(?:\s+[A-Z][\w'-]*)*")  # the word, and the name it opens


def _scope(text: str, at: int) -> tuple[frozenset[str], str]:
    if at < 0:
        return frozenset(), ""
    end = min(at + PLACE_AFTER, len(text))
    if rest := _WORD_REST.match(text, end):
        end = rest.end()  # to the end of the name the reach stops in: no half a name
    places = place_names(text[at:end])
    window = text[max(0, at - SCOPE_BEFORE):at + SCOPE_AFTER].lower()
    if _scope_pattern("wide").search(window):
        return places, "wide"
    return places, "local" if places or _scope_pattern("local").search(window) else ""


@lru_cache(maxsize=2)
def _scope_pattern(kind: str) -> re.Pattern[str]:
    return vocab.phrase_pattern(vocab.cues()["scope"][kind])


def _clause(text: str, at: int) -> tuple[int, int]:
    start, end = 0, len(text)
    for m in _CLAUSE_BREAK.finditer(text):
        if m.end() <= at:
            start = m.end()
        elif m.start() >= at:
            end = m.start()
            break
    return start, end


def _nearest(text: str, clause: tuple[int, int], at: int, end: int,
             unit: str) -> _Measure | None:
    lo, hi = max(clause[0], at - CUE_REACH), min(clause[1], at + CUE_REACH)
    by_word, with_phrases = _cues_of(unit)
    tokens = [(m.start(), m.group(0)) for m in _TOKEN.finditer(text, lo, hi)]
    found = [(start, order, measure) for start, token in tokens
             for order, measure in by_word.get(lemma(token), ())]
    present = {token for _, token in tokens}
    for order, measure, phrases in with_phrases:
        if measure.openers is None or not measure.openers.isdisjoint(present):
            found += [(m.start(), order, measure) for m in phrases.finditer(text, lo, hi)
                      if _takes_object(measure, text, m.end())]
    found = [f for f in found if not f[2].adjacent or 0 <= f[0] - end <= 1]
    found += [(at, order, measure) for order, measure, around in _around_of(unit)
              if any(m.start() < at and m.end() > end for m in around.finditer(text, lo, hi))]
    best = min(found, key=lambda f: (abs(f[0] - at), f[1]), default=None)
    return best[2] if best else None


_OBJECT = re.compile(r"\s+in\s+([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,3})")


def _takes_object(measure: _Measure, text: str, end: int) -> bool:
    """Whether a cue phrase ending at ``end`` names this measure: "took part in the
    march" counts marchers, "took part in the raid" or "in the vote" does not; a bare
    "had taken part" does. The object's noun may stand three words on ("in Saturday's
    anti-government march")."""
    if measure.objects is None:
        return True
    m = _OBJECT.match(text, end)
    return m is None or not measure.objects.isdisjoint(m.group(1).split())


@lru_cache(maxsize=None)
def _around_of(unit: str) -> tuple[tuple[int, _Measure, re.Pattern[str]], ...]:
    """The measures of one unit read from a verb and a noun around the figure, each with
    its place in the vocabulary and that pattern."""
    return tuple((order, measure, measure.around) for order, measure in enumerate(_measures())
                 if measure.unit == unit and measure.around is not None)


@lru_cache(maxsize=None)
def _cues_of(unit: str) -> tuple[dict[str, list[tuple[int, _Measure]]],
                                 tuple[tuple[int, _Measure, re.Pattern[str]], ...]]:
    """The measures of one unit by each cue word, and those with cue phrases, each with its
    place in the vocabulary (the first listed wins a tie)."""
    by_word: dict[str, list[tuple[int, _Measure]]] = {}
    with_phrases = []
    for order, measure in enumerate(_measures()):
        if measure.unit != unit:
            continue
        for word in measure.words:
            by_word.setdefault(word, []).append((order, measure))
        if measure.phrases is not None:
            with_phrases.append((order, measure, measure.phrases))
    return by_word, tuple(with_phrases)
