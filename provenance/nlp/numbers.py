"""Percentages, money, measurements, clock times and counts in a claim, with modifiers and
what they measure."""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from provenance.domain import Quantity
from provenance.nlp.lexicon import MONTHS

_UNITS_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9}
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
               "seventy": 70, "eighty": 80, "ninety": 90}
_WORD_NUMBERS = {
    **_UNITS_WORDS, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    **_TENS_WORDS, "hundred": 100, "dozen": 12,
}
# "twenty-five", "thirty one": a ten and a unit, one number.
_COMPOUND = (r"(?:" + "|".join(_TENS_WORDS) + r")[- ](?:" + "|".join(_UNITS_WORDS) + r")")
NUMBER_WORDS = frozenset(_WORD_NUMBERS)
"""Numbers in words ("twenty-five" is two of them once hyphens are spaces): a capital
opening a sentence makes no name."""
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9,
           "m": 1e6, "k": 1e3}
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10}
# "Thousands marched" is said of 30,000 too ("tens of thousands" is a way of saying it), not
# of 300,000; "hundreds" is not said of 5,000.
_VAGUE = {"dozens": (24, 144), "hundreds": (200, 999), "thousands": (2e3, 99_999),
          "millions": (2e6, 999e6), "billions": (2e9, 999e9), "scores": (40, 200)}


def _first_letters(words: Iterable[str]) -> str:
    return "".join(sorted({w[0] for w in words}))


_MODIFIERS = ("at least", "at most", "more than", "over", "nearly", "almost", "about", "around",
              "roughly", "approximately", "some", "up to", "fewer than", "less than",
              "just over", "just under", "as many as")
_MODIFIER = rf"(?P<mod>{'|'.join(_MODIFIERS)})"
_NUMBER = (r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:" + _COMPOUND + "|"
           + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
           + r")\b)")  # "one", not the end of "gone"; "seventeen", not "seven"
_SCALE = r"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|m|k)\b)?"
_CURRENCY = r"(?P<cur>{signs})?"  # the signs of currencies.toml, filled in by _pattern()
_PATTERN_TEXT = (
    # Where a figure can start (a quick test before the alternatives): a digit, a currency
    # sign, the space before a number, or the first letter of a modifier or a number word,
    # opening a word ("over", not the end of "turnover").
    rf"(?=[\d{{sign_starts}}]|\s(?:\d|(?i:[{_first_letters(_WORD_NUMBERS)}]))"
    rf"|\b(?i:[{_first_letters([*_MODIFIERS, *_WORD_NUMBERS, 'a few'])}]))"
    rf"(?:\b{_MODIFIER}\s+)?"
    rf"(?:\b(?P<dozen>two|three|four|a few)\s+dozen|{_CURRENCY}\s?{_NUMBER}{_SCALE})"
    r"(?P<pct>\s*(?:%|per\s?cent|percent|percentage points))?"
    r"(?:\s+(?P<unit>{currencies}|{units})\b)?"
    r"(?P<measure>(?:\s+(?!of\b|in\b|on\b|and\b|to\b|the\b|for\b|with\b)[a-z][\w-]*){0,3})"
)  # {units}, {currencies}: the words of units.toml and currencies.toml, by _pattern()
_CLOCK = re.compile(
    r"\b(?P<h>1[0-2]|0?[1-9])(?:[.:](?P<min>[0-5]\d))?\s*(?P<half>[ap]\.m\.?|[ap]m\b)",
    re.IGNORECASE)
# "A third person has died": the count the ordinal brings the total to.
_ORDINAL_COUNT = re.compile(
    r"\b(?:a|the)\s+(?P<ord>" + "|".join(_ORDINALS) + r")\s+(?P<noun>person|victim|death"
    r"|body|man|woman|child|fatality|casualty)\b", re.IGNORECASE)
_VAGUE_PATTERN = re.compile(
    r"\b(?P<word>dozens|hundreds|thousands|millions|billions|scores)\s+of\s+"
    r"(?:(?P<scale>millions|billions|thousands)\s+of\s+)?(?P<measure>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_ANY_NUMBER_WORD = re.compile(
    r"\b(?:" + "|".join(_WORD_NUMBERS) + r"|dozens|hundreds|thousands|millions|billions|scores"
    r"|few|several|" + "|".join(_ORDINALS) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _currencies() -> dict[str, dict[str, str]]:
    """``currencies.toml``: the unit of each currency sign and word."""
    raw = resources.files("provenance.nlp").joinpath("currencies.toml").read_text("utf-8")
    return tomllib.loads(raw)


def _currency_unit(sign_or_word: str) -> str | None:
    spec = _currencies()
    return spec["signs"].get(sign_or_word) or spec["words"].get(sign_or_word)


@lru_cache(maxsize=1)
def money_units() -> frozenset[str]:
    """Every unit of money a figure can have."""
    spec = _currencies()
    return frozenset(spec["signs"].values()) | frozenset(spec["words"].values())


_STOP = frozenset("had has have was were is are will would could to in on at by for and the a an"
                  " as after before from with without over since across near or".split())
# What makes a bare number word a figure: "rose to five", "bringing the toll to four".
_LEVEL_BEFORE = re.compile(
    r"\b(?:(?:rose|risen|rises|climbed|jumped|fell|dropped|increased|decreased|grew)\s+to"
    r"|reached|stands\s+at|stood\s+at|(?:toll|total|count|tally)\s+(?:of|to|at|is|was))\s*$",
    re.IGNORECASE)
_MONTH_NAMES = "|".join(sorted(set(MONTHS) | {m[:3] for m in MONTHS} | {"sept"},
                              key=len, reverse=True))
_DAY_OF_MONTH = re.compile(rf"\s+(?:{_MONTH_NAMES})\b", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTH_NAMES})\.?\s+$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


@lru_cache(maxsize=1)
def _units() -> dict[str, tuple[str, float]]:
    """Unit word -> (base unit, factor), from ``units.toml``."""
    raw = resources.files("provenance.nlp").joinpath("units.toml").read_text("utf-8")
    return {word: (dimension["base"], float(unit["factor"]))
            for dimension in tomllib.loads(raw).values() for unit in dimension["units"]
            for word in unit["words"]}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    def alternation(words: Iterable[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                        for w in sorted(words, key=len, reverse=True))
    text = _PATTERN_TEXT.replace("{units}", alternation(_units())) \
        .replace("{currencies}", alternation(_currencies()["words"])) \
        .replace("{signs}", alternation(_currencies()["signs"])) \
        .replace("{sign_starts}", re.escape(_first_letters(_currencies()["signs"])))
    return re.compile(text, re.IGNORECASE)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``; years and dates are left to the date stage."""
    if not (_DIGIT.search(text) or _ANY_NUMBER_WORD.search(text) or _NONE.search(text)):
        return []
    # Clock times and proportions ("four in ten") first: their numbers are no counts.
    read = [(m.span(), _clock(m)) for m in _CLOCK.finditer(text)] + [
        (m.span(), q) for m in _PROPORTION.finditer(text) if (q := _proportion(m)) is not None]
    found = [q for m in _pattern().finditer(text)
             if not any(a < m.end("num" if m.group("num") else 0) and m.start() < b
                        for (a, b), _ in read)
             and (q := _from_match(m, text)) is not None]
    found += [_vague(m) for p in (_VAGUE_PATTERN, _FEW_PATTERN) for m in p.finditer(text)]
    found += [q for _, q in read]
    found += [Quantity(m.group(0), float(_ORDINALS[m.group("ord").lower()]), "count", None,
                       None, None, m.group("noun").lower()) for m in _ORDINAL_COUNT.finditer(text)]
    found += [Quantity(m.group(0), 0.0, "count", None, None, None, m.group("noun"))
              for m in _NONE.finditer(text)]
    return found


# "No one had died", "nobody was hurt", "there were no deaths": a count of nought.
_NONE = re.compile(r"\b(?:[Nn]o(?: |-)one|[Nn]obody|[Nn]o\s+(?P<noun>deaths|injuries|casualties"
                   r"|fatalities|victims|arrests))\b")


_PROPORTION_NUMBER = r"\d{1,3}|" + "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
_PROPORTION = re.compile(
    rf"(?:\b{_MODIFIER}\s+)?\b(?P<n>{_PROPORTION_NUMBER})\s+(?:in|out\s+of)\s+"
    rf"(?P<d>{_PROPORTION_NUMBER})\b(?P<measure>(?:\s+(?!of\b|in\b|on\b|and\b|to\b|the\b)"
    r"[a-z][\w-]*){0,3})", re.IGNORECASE)


def _proportion(m: re.Match[str]) -> Quantity | None:
    """"Nearly four in ten adults", "one out of five": a percentage."""
    n, d = _value(m.group("n")), _value(m.group("d"))
    after = (m.group("measure") or "").split()
    if not 0 < n < d or (after and after[0].lower() in _units()):
        return None  # "ten in two rows", "scored 3 in 10 minutes": no share
    return Quantity(m.group(0).strip(), round(100 * n / d, 1), "%", _mod(m), None, None,
                    _measure(m))


def _clock(m: re.Match[str]) -> Quantity:
    """"9.40 p.m." as minutes after midnight."""
    hour = int(m.group("h")) % 12 + (12 if m.group("half").lower().startswith("p") else 0)
    return Quantity(m.group(0), float(hour * 60 + int(m.group("min") or 0)), "clock")


def _from_match(m: re.Match[str], text: str) -> Quantity | None:
    if m.group("dozen"):
        base = {"two": 24, "three": 36, "four": 48, "a few": 36}[m.group("dozen").lower()]
        return Quantity(m.group(0).strip(), float(base), "count", _mod(m), None, None,
                        _measure(m))
    raw = m.group("num")
    if raw is None:
        return None
    if raw.lower() == "one" and re.search(r"\b[Nn]o[ -]$", text[:m.start("num")]):
        return None  # "no one" is nought (_NONE), not one
    if _FEW_BEFORE.search(text, 0, m.start("num")):
        return None  # "a few hundred": read by _FEW_PATTERN
    after = text[m.end("num"):m.end("num") + 3]
    if _YEAR.match(raw) and not m.group("pct") and not m.group("cur"):
        return None
    if after[:1] in (":", "/") or after[:2] in ("th", "st", "nd", "rd") or \
            text[max(0, m.start("num") - 1):m.start("num")] in (":", "/", "."):
        return None
    if not m.group("scale") and (after[:1].isalpha() or re.match(r"-[a-z]", after)):
        return None  # "her 80s", "a 67-year-old man", "a 24-hour strike": not a count
    if _DAY_OF_MONTH.match(text, m.end("num")) or _MONTH_BEFORE.search(text, 0, m.start("num")):
        return None  # "4 March 2014", "March 4": a date
    if re.match(r"\s+times\b", text[m.end("num"):]):
        return None  # "almost three times Monday's figure": a ratio, not a count
    value = _value(raw) * _SCALES.get((m.group("scale") or "").lower(), 1)
    if not math.isfinite(value):
        return None  # four hundred nines are no figure, and no database stores infinity
    unit, value = _unit(m, value, text)
    if unit == "count" and raw.lower() in _WORD_NUMBERS and not _measure(m) \
            and not _LEVEL_BEFORE.search(text, 0, m.start()) \
            and not (raw.lower() != "one" and _PARTITIVE.match(text, m.end("num"))):
        return None  # "one of them" is no figure; "the toll rose to five" is, and so is
        # "Thirty of its sailors"
    figure = m.string[m.start():m.start("measure")].strip()  # "about 200", not "... residents"
    return Quantity(figure, value, unit, _mod(m), None, None, _measure(m))


# "Thirty of its sailors", "twelve of the injured": a part of a group the words name.
_PARTITIVE = re.compile(r"\s+of\s+(?:its|their|his|her|our|the)\s+[a-z]+(?:s|ed)\b")


def _unit(m: re.Match[str], value: float, text: str) -> tuple[str, float]:
    """The figure's unit, and its value in that unit's base."""
    if m.group("pct"):
        return "%", value
    word = " ".join((m.group("unit") or "").lower().split())
    if word == "pounds" and not m.group("cur") and not m.group("scale") \
            and re.match(r"\s+of\b", text[m.end("unit"):]):
        word = "lb"  # "1,200 pounds of an explosive chemical": a weight, not money
    if word in _units():
        base, factor = _units()[word]
        return base, value * factor
    return _currency_unit(m.group("cur") or word) or "count", value


# "a few hundred fish", "several thousand people": as vague as "hundreds of", not 100.
_FEW = r"\b(?i:a\s+few|several|a\s+couple\s+of)\s+"
_FEW_PATTERN = re.compile(_FEW + r"(?P<word>hundred|thousand|million|billion)"
                          r"\s+(?:of\s+)?(?P<measure>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})")
_FEW_BEFORE = re.compile(_FEW + "$")


def _vague(m: re.Match[str]) -> Quantity:
    word = m.group("word").lower()
    low, high = _VAGUE[word if word in _VAGUE else word + "s"]
    scale = m.groupdict().get("scale")
    words = m.group("measure").lower().split()
    unit = "count"
    if scale:
        factor = _SCALES[scale.lower().rstrip("s")]
        low, high = low * factor, high * factor
    if currency := _currency_unit(words[0]):
        unit = currency
        words = words[1:]
    text = m.group(0) if word in _VAGUE else m.string[m.start():m.end("word")]  # "a few hundred"
    return Quantity(text, None, unit, "approximately", float(low), float(high),
                    clean_measure(words))


def digits(word: str) -> str:
    """A number in words as digits ("fourteen" -> "14"); any other word as it is."""
    return str(int(_value(word))) if word.lower() in NUMBER_WORDS else word


def _value(raw: str) -> float:
    low = raw.lower()
    if low in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[low])
    if low[:1].isalpha():  # "twenty-five"
        return float(sum(_WORD_NUMBERS[w] for w in re.split(r"[- ]", low)))
    return float(low.replace(",", ""))


def _mod(m: re.Match[str]) -> str | None:
    return m.group("mod").lower() if m.group("mod") else None


def _measure(m: re.Match[str]) -> str | None:
    words = (m.group("measure") or "").split()
    if "pct" in m.re.groupindex and m.group("pct") and not words:
        share = re.match(r"\s+of\s+(?:the\s+|all\s+)?([a-z][\w-]*)", m.string[m.end():])
        words = [share.group(1)] if share else []
    return clean_measure(words)


def clean_measure(words: list[str]) -> str | None:
    """Keep the noun phrase: drop verbs and function words that trail a figure."""
    kept: list[str] = []
    for i, word in enumerate(words[:3]):
        low = word.lower()
        verb_like = low.endswith("ing") or (i > 0 and low.endswith("ed"))
        if low in _STOP or verb_like or low in ("percent", "of", "worth"):
            break
        kept.append(low)
        if _plural(low):
            break  # a plural ends its noun phrase: "three men leave", "four men took part"
    return " ".join(kept) or None


_IRREGULAR_PLURALS = frozenset("men women people children".split())


def _plural(word: str) -> bool:
    return word in _IRREGULAR_PLURALS or (
        len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "news")))


def compatible(a: Quantity, b: Quantity, tolerance: float = 0.01) -> bool:
    """Whether two figures for the same thing can both be true ("at least 11" vs 12)."""
    if a.unit != b.unit:
        return True
    lo_a, hi_a = _bounds(a)
    lo_b, hi_b = _bounds(b)
    finite = [abs(v) for v in (lo_a, hi_a, lo_b, hi_b) if v != float("inf")]
    slack = tolerance * max(finite + [1.0])
    return lo_a <= hi_b + slack and lo_b <= hi_a + slack


def _bounds(q: Quantity) -> tuple[float, float]:
    if q.value is None:
        return (q.low or 0.0), (q.high or float("inf"))
    v = q.value
    mod = q.modifier or ""
    if mod in ("at least", "more than", "over", "just over"):
        return v, float("inf")
    if mod in ("at most", "fewer than", "less than", "up to", "just under", "as many as"):
        return 0.0, v
    if mod in ("nearly", "almost", "about", "around", "roughly", "approximately", "some"):
        return v * 0.9, v * 1.1
    if q.unit == "count" and v == int(v):
        return v, v  # "three dead" and "four dead" cannot both hold
    decimals = len(str(v).split(".")[1].rstrip("0")) if "." in str(v) else 0
    half = 0.5 * 10 ** -decimals  # "44%" covers 43.5 to 44.5
    return v - half, v + half
