"""Sentence splitting with character offsets, robust to abbreviations, initials and quotes.

Works on text already passed through :func:`provenance.text.fold_chars` (straight quotes).
"""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen sen rep gov lt col sgt capt cmdr adm st jr sr inc co corp ltd no vs"
    " jan feb mar apr jun jul aug sep sept oct nov dec mt ft approx est dept univ"
    " a.m p.m e.g i.e v".split()
)
# After an acronym such as "U.S." a new sentence starts only with a word like these.
_SENTENCE_STARTERS = frozenset(
    "the a an he she it they we i but and in on at this that these those his her its their"
    " however meanwhile there after before while when if as so yet".split()
)
_SPEECH_AFTER_QUOTE = re.compile(
    r"(?:[A-Z][\w.'-]*\s+){0,4}?(?:said|says|asked|asks|added|adds|wrote|writes|told|tells"
    r"|replied|shouted|exclaimed|wondered)\b"
)
# A boundary candidate: terminal punctuation, optional closing quote/bracket, then either
# whitespace or (glued text) directly an upper-case letter.
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*(?=\s+|[A-Z\"])")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans of the sentences in ``text[start:end]``, trimmed."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _BOUNDARY.finditer(text, start, end):
        cut = match.end()
        if cut >= end or not _is_boundary(text, match.start(), cut, end):
            continue
        spans.append((begin, cut))
        begin = cut
    spans.append((begin, end))
    return [trimmed for span in spans if (trimmed := _trim(text, *span))]


def _is_boundary(text: str, punct: int, cut: int, end: int) -> bool:
    after = text[cut:end]
    nxt = after.lstrip()
    if not nxt:
        return False
    glued = after[:1] not in (" ", "\n")
    first = nxt[0]
    if glued:
        # "difference.Russian" splits; "brics-russia2024.ru" or "51.2" never reach here.
        return text[punct] == "." and first.isupper() and _word_before(text, punct).islower() \
            and len(_word_before(text, punct)) > 1 and nxt[1:2].islower()
    if not (first.isupper() or first.isdigit() or first in "\"'(["):
        return False
    closing_quote = text[cut - 1] in "\"'"
    if closing_quote and text[punct] in "!?" and _SPEECH_AFTER_QUOTE.match(nxt):
        return False
    if text[punct] != "." or closing_quote:
        return True
    word = _word_before(text, punct)
    if word.lower() in _ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "George W. Bush"
    if "." in word:  # an acronym: "U.S." ends a sentence only before a usual first word
        return nxt.split(" ", 1)[0].strip("\"'").lower() in _SENTENCE_STARTERS
    return True


def _word_before(text: str, punct: int) -> str:
    i = punct
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in ".-'"):
        i -= 1
    return text[i:punct]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
