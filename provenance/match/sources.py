"""Who stands behind a claim, compared across articles.

The source of a claim is its speaker; for the outlet's own voice, the named person or body
the sentence makes its subject ("Governor Marchand raised her estimate ..."); else the outlet.
Two claims have one source when the names denote one speaker, or when a person speaks for
the body the other names ("Tomas Brandt, director of the Tarran Civil Protection Agency"
and "the civil protection agency"): the authority quoted by two papers is one source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from provenance.nlp.lexicon import BUSINESS_HEADS, head_noun
from provenance.nlp.speakers import names_body, names_people, parse_speaker, same_speaker
from provenance.text import comparable

_AFFILIATION = re.compile(
    r"\b(?:of|for|at|heads?|leads?|runs?|with)\s+(?:the\s+)?(?P<org>[\w'.-]+(?:\s+[\w'.-]+){0,6})$"
    r"|^(?:the\s+)?(?P<owner>[\w'.-]+(?:\s+[\w'.-]+){0,4}?)'s\s+[a-z]",  # "the board's chief"
    re.IGNORECASE)
# Words that place a body without naming it: "the provincial civil protection agency" and
# "the Tarran Civil Protection Agency" are one agency.
_PLACING = frozenset("the national provincial federal state regional local city county"
                     " municipal central".split())
# The subject of an outlet's sentence about what someone did: "Governor Élise Marchand on
# Friday raised her estimate ..."; names of any script, so no [A-Z].
_SUBJECT = re.compile(r"^(?P<np>(?:[^\W\d_][\w'.-]*\s+){0,5}?[^\W\d_][\w'.-]*)\s+"
                      r"(?:on\s+\w+\s+)?(?:has\s+|had\s+|have\s+)?"
                      r"(?:[a-z]+ed|put|set|cut|said|says|gave|made)\b")


@dataclass(frozen=True)
class Source:
    """A claim's source: a name, the kind of speaker, and the body it speaks for."""

    name: str
    kind: str  # person | organization | outlet | group | anonymous | own (the outlet's voice)
    affiliation: str | None = None


# Nouns by which a report names a business it has just named: "Korvath Steel will cut 400
# jobs, the company said" is said by Korvath Steel.
# Only nouns that name a business and nothing else: "the group said" after "Israeli troops
# killed 12" is a rights group, not the troops.
_BUSINESS_NOUNS = frozenset(
    "company firm maker manufacturer producer steelmaker carmaker automaker airline carrier"
    " retailer lender insurer utility brewer conglomerate".split())
_NAMED_SUBJECT = re.compile(r"^(?P<np>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4})\s+[a-z]")


# A spokesperson no one names speaks for the body the claim opens with: "The council has
# not closed the footpath, a spokesman said" is the council's spokesman.
_SPOKESPEOPLE = frozenset("spokesman spokeswoman spokesperson".split())
_BODY_FIRST = re.compile(
    r"^the\s+(?P<body>(?:[\w'-]+\s+){0,3}?[\w'-]+)\s+(?:(?:has|have|had|is|are|was|were"
    r"|will|would|did|does|do|could|can|may|might|should)\b|[a-z]+ed\b)", re.IGNORECASE)


def source_of(speaker: str | None, kind: str | None, role: str | None, text: str,
              outlet: str | None) -> Source:
    """The source of one claim (see the module docstring)."""
    if speaker and comparable(speaker) in _SPOKESPEOPLE and not affiliation(role):
        body = _BODY_FIRST.match(text)
        if body and names_body(head_noun(body.group("body"))):
            return Source(speaker, kind or "person", body.group("body"))
    if speaker and comparable(speaker) in _BUSINESS_NOUNS:
        named = _NAMED_SUBJECT.match(text)
        if named and named.group("np").lower().split()[0] not in ("the", "a", "an", "its"):
            return Source(named.group("np"), "organization", speaker)
    if speaker:
        return Source(speaker, kind or "person", affiliation(role))
    subject = _SUBJECT.match(text)
    if subject and subject.group("np")[:1].isupper():
        found = parse_speaker(subject.group("np"))
        if found is not None and (found.kind in ("person", "organization") or (
                found.kind == "group" and names_people(head_noun(found.name)))):
            return Source(found.name, found.kind, affiliation(found.role))
    return Source(outlet or "unknown outlet", "own")


def affiliation(role: str | None) -> str | None:
    """The body a role speaks for: "director of the Tarran Civil Protection Agency", "the
    board's chief executive"."""
    m = _AFFILIATION.search(role or "")
    org = (m.group("org") or m.group("owner")) if m else None
    return org if org and org.lower() not in ("the", "a", "an") else None


def same_source(a: Source, b: Source) -> bool:
    """Whether two sources are one (see the module docstring)."""
    if a.kind == "anonymous" or b.kind == "anonymous":
        return a.name == b.name
    if same_speaker(a.name, a.kind, b.name, b.kind) or _same_body(a.name, b.name):
        return True
    return any(_same_body(x, y, head_only=True)
               for x, y in ((a.affiliation, b.name), (a.name, b.affiliation),
                            (a.affiliation, b.affiliation)) if x and y)


def _same_body(x: str, y: str, head_only: bool = False) -> bool:
    """Whether two names of bodies name one: the shorter's words all in the longer (two at
    least), or, for a role's body, the bare head noun of the other ("the board"). Bodies
    placed at different levels ("the state health department", "the county health
    department") differ."""
    px, py = _placing_words(x), _placing_words(y)
    if px and py and not px & py:
        return False
    wx, wy = _body_words(x), _body_words(y)
    small, large = sorted((wx, wy), key=len)
    if len(small) >= 2:
        return small <= large
    long_name = y if wy is large else x
    if _first_name(x) and _first_name(x) == _first_name(y) \
            and 1 in (len(_named(x)), len(_named(y))):
        return True  # "Steelmaker Korvath" and "Korvath Steel": a company by its first name
    last = comparable(long_name).split()[-1:] if long_name else []
    return head_only and len(small) == 1 and list(small) == last


def _named(name: str) -> list[str]:
    """A body's name without the noun that may describe it first ("Steelmaker Korvath")."""
    words = comparable(name).split()
    return words[1:] if len(words) > 1 and words[0] in _BUSINESS_NOUNS else words


def _first_name(name: str) -> str | None:
    named = _named(name)
    return named[0] if named and name.split()[-1][:1].isupper() else None


def _placing_words(name: str) -> frozenset[str]:
    return frozenset(w for w in comparable(name).split() if w in _PLACING and w != "the")


_BUSINESS_MENTION = re.compile(rf"\bthe\s+(?:{'|'.join(sorted(_BUSINESS_NOUNS))})\b",
                               re.IGNORECASE)


def named_businesses(sources: Iterable[Source]) -> frozenset[str]:
    """The businesses an article's sources name: called by a noun ("Kilner Steel will
    close its mill, the company said") or named as one ("Pellman Metals said")."""
    return frozenset(s.name for s in sources if (
        s.kind == "organization" and _bare_business(s.affiliation)) or (
        s.kind in ("organization", "person") and _business_name(s.name)))


def business_mention(text: str) -> re.Match[str] | None:
    """Where ``text`` names a business by its noun: "In 2019, the company shut a plant"."""
    return _BUSINESS_MENTION.search(text)


def _business_name(name: str) -> bool:
    words = comparable(name).split()
    return len(words) > 1 and words[-1] in BUSINESS_HEADS


def resolved_business(source: Source, businesses: frozenset[str]) -> Source:
    """``source`` said by a bare business noun ("420 jobs will go, the company said") read
    as the one business its article names so (:func:`named_businesses`), if only one."""
    noun = _bare_business(source.name)
    if noun and source.kind != "own" and len(businesses) == 1:
        return Source(next(iter(businesses)), "organization", noun)
    return source


def _bare_business(name: str | None) -> str | None:
    noun = comparable(name or "").removeprefix("the ")
    return noun if noun in _BUSINESS_NOUNS else None


def resolved_affiliation(source: Source, names: Iterable[str]) -> Source:
    """``source`` with a bare body noun ("the department's spokesman") read as the body of
    that noun its article names in full ("the county health department")."""
    bare = comparable(source.affiliation or "").removeprefix("the ").split()
    if len(bare) != 1:
        return source
    full = [n for n in names if comparable(n).split()[-1:] == bare and len(n.split()) > 1]
    if not full and bare[0] in _BUSINESS_NOUNS:
        # "the airline's safety chief": the one business its article names, if only one.
        full = sorted({n for n in names if n[:1].isupper()})
        full = full if len(full) == 1 else []
    return replace(source, affiliation=full[0]) if full else source


def _body_words(name: str) -> frozenset[str]:
    return frozenset(w for w in _named(name) if w not in _PLACING)
