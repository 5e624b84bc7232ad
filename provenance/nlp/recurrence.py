"""Furniture by repetition: a line an outlet prints on many of its pages ("Advertisement",
a newsletter's tagline, a standing appeal) is not journalism, whatever its words say.

Pure functions over article texts; the ingest job gives them an outlet's latest articles.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import replace
from functools import lru_cache

from provenance.domain import Extraction
from provenance.text import fold_chars

RECURRING_ARTICLES = 3
"""In how many of one outlet's articles (this one included) a line must recur to be
furniture. Two could be a follow-up repeating its background paragraph; furniture recurs on
every page. Higher lets more furniture through before it is recognised, lower takes more
repeated background for furniture."""
VERSION_SHARE = 0.5
"""Share of its lines an article must share with another to be a version of it (an update, a
re-post under another address): versions of one article count once, or a story updated
three times would lose all its paragraphs."""
OUTLET_WINDOW = 50
"""How many of an outlet's latest articles a new one is compared with (cost bound; a site's
furniture is on all of them)."""

Span = tuple[int, int]


def line_spans(text: str) -> dict[str, list[Span]]:
    """Every non-empty line of ``text``, its characters folded and its whitespace collapsed,
    and where it stands (folding keeps offsets)."""
    spans: dict[str, list[Span]] = {}
    pos = 0
    for raw in fold_chars(text).split("\n"):
        if key := " ".join(raw.split()):
            lead = len(raw) - len(raw.lstrip())
            spans.setdefault(key, []).append((pos + lead, pos + len(raw.rstrip())))
        pos += len(raw) + 1
    return spans


def recurring_lines(text: str, others: Sequence[str]) -> dict[str, int]:
    """The lines of ``text`` that recur in enough of ``others`` (the outlet's other
    articles) to be furniture, each with the number of articles it is in (this one
    included, counted up to one past :data:`RECURRING_ARTICLES`), versions of one article
    counted once."""
    own = _lines(text)
    holders: dict[str, list[frozenset[str]]] = defaultdict(list)
    for other in others:
        lines = _lines(other)
        for line in lines & own:
            holders[line].append(lines)
    counts = {line: 1 + _distinct(own, held) for line, held in holders.items()
              if 1 + len(held) >= RECURRING_ARTICLES}
    return {line: n for line, n in counts.items() if n >= RECURRING_ARTICLES}


def _distinct(own: frozenset[str], held: list[frozenset[str]]) -> int:
    """How many of the articles ``held`` are versions neither of ``own`` nor of one another,
    up to :data:`RECURRING_ARTICLES` (enough to tell a line just reaching it)."""
    kept: list[frozenset[str]] = []
    for lines in held:
        if not any(_versions(lines, seen) for seen in (own, *kept)):
            kept.append(lines)
            if len(kept) == RECURRING_ARTICLES:
                break
    return len(kept)


@lru_cache(maxsize=1024)
def _lines(text: str) -> frozenset[str]:
    """The lines of one article. An outlet's latest articles are read again for each new one:
    the cache holds the windows of about twenty outlets ingested together."""
    return frozenset(line_spans(text))


def _versions(a: frozenset[str], b: frozenset[str]) -> bool:
    return len(a & b) >= VERSION_SHARE * min(len(a), len(b))


def spans_of(text: str, lines: Collection[str]) -> list[Span]:
    """Where the lines ``lines`` stand in ``text``."""
    return [span for line, spans in line_spans(text).items() if line in lines for span in spans]


def within(start: int, end: int, spans: Sequence[Span]) -> bool:
    """Whether the stretch ``start``-``end`` lies inside one of ``spans``."""
    return any(s <= start and end <= e for s, e in spans)


def without_spans(extraction: Extraction, spans: Sequence[Span]) -> Extraction:
    """``extraction`` less the claims drawn from ``spans``; a denial keeps pointing at what
    it denies, or at nothing when that went."""
    kept = [i for i, c in enumerate(extraction.claims) if not within(c.start, c.end, spans)]
    if len(kept) == len(extraction.claims):
        return extraction
    index = {old: new for new, old in enumerate(kept)}
    claims = tuple(replace(c, denies=None if c.denies is None else index.get(c.denies))
                   for c in (extraction.claims[i] for i in kept))
    return replace(extraction, claims=claims)
