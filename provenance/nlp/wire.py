"""Wire copy: which news agencies an article credits, and where its dateline ends.

Agencies are credited in a few forms, each a named rule in :data:`CREDIT_FORMS`: a line of
agency names in brackets ("dv/rc (AFP, EFE, Reuters)"), "X contributed reporting", a byline
("By Kestrel staff", a line reading only "Kestrel News Agency"), "Petra Lund, with Kestrel"
and "Vessland Herald with Kestrel",
"distributed by ...", a licence line ("Copyright 2024 Kestrel. All rights reserved.") and
the bracket of a dateline ("BRENNOCK, Oct 13 (Kestrel) - ").
Forms that name people as readily as agencies (bylines, "distributed by") take a name only
when it is a known agency (``agencies.toml``) or is presented as one ("... News Agency",
"... staff"); the others take any capitalised name.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from provenance.text import comparable

_WORD = r"(?!(?:and|of|de)\b)[^\W\d_][\w.&'-]*"  # joining words are no part of a name
_NAME = rf"{_WORD}(?:\s+(?:of\s+|de\s+)?{_WORD}){{0,4}}"
_NAMES = rf"{_NAME}(?:\s*(?:,|/|;|\band\b)\s*{_NAME})*"


@dataclass(frozen=True)
class CreditForm:
    """One way a line credits agencies; ``vouched`` forms take any name they hold."""

    name: str
    pattern: re.Pattern[str]
    vouched: bool


CREDIT_FORMS = (
    CreditForm("bracket", re.compile(
        rf"^(?:[a-z]{{1,4}}(?:/[a-z]{{1,4}})+\s*)?\(\s*(?P<names>{_NAMES})\s*\)\s*$"), True),
    CreditForm("contributed", re.compile(
        rf"^(?P<names>{_NAMES})\s+contributed\s+(?:to\s+)?(?:this\s+)?"
        r"(?:report|reporting|to this report)\.?\s*$"), True),
    CreditForm("with", re.compile(
        rf"^(?:-\s*|{_NAME},\s+)?[Ww]ith\s+(?P<names>{_NAMES})\.?\s*$"), True),
    CreditForm("outlet_with", re.compile(
        rf"^(?P<lead>{_NAME})\s+with\s+(?P<names>{_NAMES})\.?\s*$"), True),
    CreditForm("by", re.compile(rf"^By\s+(?P<names>{_NAMES})\.?\s*$"), False),
    CreditForm("byline", re.compile(rf"^(?![Bb]y\s)(?P<names>{_NAMES})$"), False),
    CreditForm("licence", re.compile(  # "Copyright 2024 The Associated Press. All rights ..."
        r"^(?:[Cc]opyright|©|\([Cc]\))\s*(?:\d{4}\s*)?(?:[Tt]he\s+)?"
        r"(?P<names>[^\W\d_][^.\n\d]{1,60}?)(?:\s+\d{4})?"
        r"(?:\.\s+All\s+rights\s+reserved\b.*|\.?)$"), False),
)
DISTRIBUTOR = CreditForm("distributed", re.compile(
    rf"\b(?:distributed|supplied|provided|syndicated)\s+by\s+(?:the\s+)?(?P<names>{_NAMES})"),
    False)
"""A sentence naming who distributes the article ("This article is distributed by ...")."""
CREDIT_MAX_CHARS = 300
"""A credit line names a few agencies; a longer line is prose, and is not tried."""
BYLINE_MAX_WORDS = 8
"""Longer lines are not bylines: "Kestrel News Agency" is, a heading is not."""

_DATELINE = re.compile(
    r"^(?P<town>[^\W\d_][^\W\d_.'-]*(?:\s+[^\W\d_][^\W\d_.'-]*){0,3})"
    r"(?P<place>(?:,\s+[^\W\d_][\w.'-]*(?:\s+[^\W\d_][\w.'-]*){0,2}){0,2}?)"
    r"(?P<date>,?\s+(?:\d{1,2}\.?\s+[^\W\d_]{3,9}\.?|[^\W\d_]{3,9}\.?\s+\d{1,2})"
    r"(?:,\s*\d{4})?)?"
    r"\s*(?:\((?P<agency>[^()]{2,40})\)\s*)?-{1,2}\s+")


def line_credits(line: str, outlet: str | None = None) -> tuple[str, ...] | None:
    """The agencies a whole line credits, or None when it is no wire credit."""
    line = line.strip()
    if len(line) > CREDIT_MAX_CHARS:
        return None
    for form in CREDIT_FORMS:
        if form.name == "byline" and len(line.split()) > BYLINE_MAX_WORDS:
            continue
        m = form.pattern.match(line)
        if m is None or (form.name == "outlet_with" and not _is_outlet(m.group("lead"), outlet)):
            continue
        found = agencies_in(m.group("names"), form.vouched, outlet)
        if found:
            return found
    return None


def sentence_credits(sentence: str, outlet: str | None = None) -> tuple[str, ...]:
    """Agencies a sentence inside the text presents as the article's distributor."""
    return tuple(a for m in DISTRIBUTOR.pattern.finditer(sentence)
                 for a in agencies_in(m.group("names"), DISTRIBUTOR.vouched, outlet))


def dateline_town(text: str) -> str | None:
    """The town a dateline opening ``text`` names ("VELKA, Sept 16 (AFP) - ..." -> VELKA)."""
    return _DATELINE.match(text).group("town") if dateline(text)[0] else None  # type: ignore[union-attr]


def dateline(paragraph: str) -> tuple[int, tuple[str, ...]]:
    """How many characters of ``paragraph`` its dateline takes, and the agencies in its
    bracket: "ÉCIJA, Spain, Nov 19 (EFE) - ..." -> (len, ("EFE",)). A dateline's town is
    in capitals, or it carries a date or an agency; any script."""
    m = _DATELINE.match(paragraph)
    if m is None:
        return 0, ()
    town, place = m.group("town"), m.group("place")
    capitals = all(w[:1].isupper() for w in f"{town} {place}".replace(",", " ").split())
    if not (town.isupper() or (capitals and (m.group("date") or m.group("agency")))):
        return 0, ()
    bracket = m.group("agency")
    return m.end(), agencies_in(bracket, True, None) if bracket else ()


def agencies_in(names: str, vouched: bool, outlet: str | None) -> tuple[str, ...]:
    """The agencies among ``names`` ("AFP, EFE and Reuters"), by the names prov reports;
    any capitalised name when ``vouched``, else only those known or presented as agencies.
    The article's own outlet is never its wire."""
    out = []
    for raw in re.split(r"\s*(?:,|/|;|\band\b)\s*", names):
        raw = raw.strip(" .")
        bare = _without_suffix(raw)
        known = _known().get(comparable(bare)) or _known().get(comparable(raw))
        if known is None and not (raw[:1].isupper() and (vouched or bare != raw)):
            continue
        name = known or bare
        if outlet and comparable(name) in comparable(outlet):
            continue
        out.append(name)
    return tuple(dict.fromkeys(out))


def _is_outlet(name: str, outlet: str | None) -> bool:
    """"Vessland Herald with Kestrel": the lead is the outlet itself (or an agency)."""
    return bool(outlet and comparable(name) == comparable(outlet)) \
        or comparable(name) in _known()


def _without_suffix(name: str) -> str:
    for suffix in _suffixes():
        if name.endswith(" " + suffix):
            return name[:-len(suffix) - 1].strip()
    return name


@lru_cache(maxsize=1)
def _data() -> dict[str, dict[str, list[str]]]:
    raw = resources.files("provenance.nlp").joinpath("agencies.toml").read_text("utf-8")
    return tomllib.loads(raw)


@lru_cache(maxsize=1)
def _known() -> dict[str, str]:
    """Every name and alias of a known agency (comparable) -> the name prov reports."""
    out = {}
    for name, aliases in _data()["agencies"].items():
        for alias in (name, *aliases):
            out[comparable(alias)] = name
    return out


@lru_cache(maxsize=1)
def _suffixes() -> tuple[str, ...]:
    return tuple(sorted(_data()["credit_words"]["suffixes"], key=len, reverse=True))
