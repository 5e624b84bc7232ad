"""Tell journalism from page furniture, by general rules rather than phrase lists.

Two passes. Lines first: captions and photo credits, bylines, wire credits, menus and
headings (lines that do not end a sentence) never yield claims. Then sentences: appeals,
sign-up boxes and forms speak to the reader ("you", "we", "our", imperatives, site
vocabulary); a neutral sentence between two such sentences belongs to the same box.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from provenance.domain import OWN_REPORTING
from provenance.nlp import wire
from provenance.nlp.attribution import attribute, has_cue
from provenance.nlp.segment import split_sentences

_TERMINAL = re.compile(r"[.!?][\"')\]]*\s*$")
_CAPTION = re.compile(
    r"\b(?:Photo(?:graph)?s?|Images?|Foto|Pictures?|Credit|Illustration)\s*:"
    r"|\b(?:Getty Images|AP Photo|Reuters/|AFP/|EPA/|via Getty)"
    r"|(?:^|[.!?]\s)(?:[A-Z][\w.'-]+\s){1,3}[A-Z]?[\w.'-]*\s/\s[\w .'-]+\.?\s*$"
)
_CAPTION_MARKS = (":", "/", "Getty", "AP Photo")
"""What one of the caption patterns needs in the text: a quick test before the search."""
_CAPITALISED = r"[A-Z][\w.'-]+"
_CREDIT = re.compile(
    r"^\(?\s*(?:[Aa]dditional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Tt]ranslated)"
    rf"\s+by\b|^By\s+{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,3}}\s*(?:,|and\b|$)"
)
_PERSON = rf"{_CAPITALISED}(?:\s+{_CAPITALISED}){{1,3}}"
_BYLINE = re.compile(
    rf"^By\s+(?P<names>{_PERSON}(?:\s+and\s+{_PERSON})?)\s*(?:[,|\u00b7\u2022]|-\s|$)")
"""A byline naming its writers: "By Sara Lindqvist", "By Jon Akers and Mei Lund, Port
Reporters | 2 May 2025"."""
_MENU_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*\u2022\u00d7|>])\s*")
_QUOTED = re.compile(r"\"[^\"]*\"?")
# "X told me": the reporter as the one spoken to, not the page speaking to the reader.
_INTERVIEWER = re.compile(r"\b(?:told|asked|wrote to|said to|emailed|texted)\s+(?:me|us)\b")
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
# The outlet's own voice ("we", "our"), which reports use only to appeal; and a writer's
# "I" (but not "(I-Vt.)", the initial in "I. M. Pei" or the numeral in "Level I"), which
# columns and first-person reports use too, so it weighs half.
_FIRST_PLURAL = re.compile(r"\b(?:we|our|ours|us)\b|\bWe\b|\bOur\b")
_FIRST_SINGULAR = re.compile(r"\b(?:me|my)\b|\bI\b(?![-.])(?<![A-Z][a-z] I)(?<![A-Z][a-z]{2} I)"
                             r"(?<![A-Z][a-z]{3} I)(?<![A-Z][a-z]{4} I)(?<![A-Z][a-z]{5} I)")
CAPTION_MAX_WORDS = 60
"""A line with a photo credit is a caption up to this length; in a longer paragraph (an
article sent as one block) only the sentence with the credit is."""
APPEAL_THRESHOLD = 2.0
"""Score at which a sentence is taken as speaking to the reader rather than reporting."""


@dataclass(frozen=True)
class Unit:
    """A sentence (or a heading line) of the article, with its verdict."""

    start: int
    end: int
    kind: str  # body | heading | caption | credit | wire | menu | notice | boilerplate
    appeal: float = 0.0
    line: int = 0


@dataclass(frozen=True)
class Cleaned:
    """The article's units in order, the wire services credited, its headline, and the
    writers its byline names."""

    units: tuple[Unit, ...]
    wire: tuple[str, ...]
    headline: str | None
    bylined: tuple[str, ...] = ()

    def body(self) -> list[Unit]:
        return [u for u in self.units if u.kind == "body"]


def clean(text: str, outlet: str | None = None, title: str | None = None) -> Cleaned:
    """Classify every line and sentence of ``text`` (already character-folded)."""
    units: list[Unit] = []
    credits: list[str] = []
    writers: list[str] = []
    headline = None
    spans = _lines(text)
    for number, (start, end) in enumerate(spans):
        line = text[start:end]
        kind, credited = _line_kind(line, outlet)
        if kind == "heading" and _leads_into_quote(line, spans[number + 1:number + 2], text):
            kind = "body"
        credits += credited
        if kind == "heading" and headline is None and not units:
            headline = line.strip()
        if kind == "credit":
            writers += byline_writers(line, outlet)
        if kind != "body":
            units.append(Unit(start, end, kind, _appeal(line, outlet), number))
            continue
        skip, credited = wire.dateline(line)
        credits += credited
        quoting = False  # a quote a sentence before this one opened and did not close
        for s, e in split_sentences(text, start + skip, end):
            if label := _LABEL.match(text, s, e):
                s = label.end()  # "UPDATE: Streamly said ...": a label, no speaker
            sentence = text[s:e]
            kind = _sentence_kind(sentence)
            if kind == "notice":
                credits += wire.sentence_credits(sentence, outlet)
            # Inside a quotation, "we" and "you" are the speaker's, not the outlet's appeal.
            units.append(Unit(s, e, kind, _appeal('"' * quoting + sentence, outlet), number))
            quoting = (quoting + sentence.count('"')) % 2 == 1
    if title and headline is None:
        headline = title
    return Cleaned(tuple(_smooth(units)), tuple(dict.fromkeys(credits)), headline,
                   tuple(dict.fromkeys(writers)))


def byline_writers(line: str, outlet: str | None = None) -> tuple[str, ...]:
    """The people a byline line names ("By Sara Lindqvist, Port Reporter" -> Sara
    Lindqvist); an agency or the outlet itself is no writer ("By Reuters Staff")."""
    m = _BYLINE.match(line.strip())
    if m is None:
        return ()
    names = re.split(r"\s+and\s+", m.group("names"))
    return tuple(n for n in names if not wire.agencies_in(n, False, None)
                 and not (outlet and outlet.lower() in n.lower()))


# Words a desk puts before a story's first sentence: "UPDATE:", "BREAKING -".
_LABEL = re.compile(r"(?:UPDATED?|BREAKING(?:\s+NEWS)?|EXCLUSIVE|WATCH|LIVE|ANALYSIS|OPINION"
                    r"|EDITORIAL|CORRECTION|FACT\s+CHECK|VIDEO|PHOTOS|DEVELOPING)\s*[:\-|]\s+")


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = raw.index(stripped[0])
            spans.append((pos + lead, pos + lead + len(stripped)))
        pos += len(raw) + 1
    return spans


def _leads_into_quote(line: str, following: list[tuple[int, int]], text: str) -> bool:
    """"Ana Ruiz continued:" before a paragraph that opens a quotation: the sentence that
    says whose it is, not a heading."""
    return line.rstrip().endswith(":") and bool(following) \
        and text[following[0][0]:following[0][1]].startswith('"')


def _line_kind(line: str, outlet: str | None) -> tuple[str, tuple[str, ...]]:
    credited = wire.line_credits(line, outlet)
    if credited:
        return "wire", credited
    if _CREDIT.match(line):
        return "credit", ()
    if len(line.split()) <= CAPTION_MAX_WORDS and _is_caption(line):
        return "caption", ()
    if _link_share(line) >= LINK_SHARE:
        return "menu", ()
    if not _TERMINAL.search(line):
        words = len(line.split())
        if _MENU_ITEM.match(line) and words <= 6:
            return "menu", ()
        return ("heading", ()) if words < 25 else ("body", ())
    return "body", ()


def _sentence_kind(sentence: str) -> str:
    """A sentence of a paragraph: a credit inside it takes its own sentence, not the
    paragraph; so do links and a notice the page makes about itself."""
    if _is_caption(sentence):
        return "caption"
    if _link_share(sentence) >= LINK_SHARE:
        return "menu"
    return "notice" if is_notice(sentence) else "body"


def _is_caption(text: str) -> bool:
    return any(mark in text for mark in _CAPTION_MARKS) and bool(_CAPTION.search(text))


_MARKDOWN_LINK = re.compile(r"!?\[[^\]]*\]\([^)]*\)")
LINK_SHARE = 0.5
"""Share of a line's characters inside Markdown links at which it is navigation."""


def _link_share(line: str) -> float:
    linked = sum(len(m.group(0)) for m in _MARKDOWN_LINK.finditer(line))
    return linked / len(line) if line else 0.0


def is_notice(sentence: str) -> bool:
    """Whether a sentence is a notice the page makes about itself: "This article may not be
    reproduced without permission", "It was first published in 2014 and may be out of
    date", "© 2026 Brennock Courier Ltd"."""
    text = sentence.strip()
    if text.startswith(("\u00a9", "(c) ", "(C) ", "Copyright ")):
        return True
    low = text.lower()
    patterns = _notice_patterns()
    if patterns["features"].match(low) and patterns["states"].search(low):
        return True  # "Comments are closed for this article."
    # An opening "It" is the page only next to rights words: "It may not be republished".
    return bool(text.startswith("It ") or patterns["self"].search(low)) \
        and bool(patterns["rights"].search(low) or patterns["policies"].search(low))


@lru_cache(maxsize=1)
def _notice_patterns() -> dict[str, re.Pattern[str]]:
    """What a page calls itself, the vocabulary of publishing rights and of its policies,
    the page's own features and their states (``notices.toml``), by name."""
    raw = resources.files("provenance.nlp").joinpath("notices.toml").read_text("utf-8")
    spec = tomllib.loads(raw)["notices"]
    return {key: re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in spec[key])})\b")
            for key in ("self", "rights", "policies", "features", "states")}


@lru_cache(maxsize=1)
def _appeals() -> dict[str, list[str]]:
    raw = resources.files("provenance.nlp").joinpath("appeals.toml").read_text("utf-8")
    return tomllib.loads(raw)["appeals"]  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def _appeal_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """An opening imperative, and the site's own vocabulary (``appeals.toml``)."""
    spec = _appeals()
    nouns_too = spec["nouns_too"]
    verbs = _alternation(w for w in spec["imperatives"] if w not in nouns_too)
    nouns, objects = _alternation(nouns_too), _alternation(spec["imperative_objects"])
    return (re.compile(rf"^(?:please\s+)?(?:(?:{verbs})\b|(?:{nouns})"
                       rf"(?:\s*(?:[.!:,]|$)|\s+(?:{objects})\b))", re.IGNORECASE),
            re.compile(rf"\b(?:{'|'.join(spec['site'])})\b", re.IGNORECASE))


@lru_cache(maxsize=1)
def _outlet_itself() -> re.Pattern[str]:
    """How a newsroom names its own work in an appeal ("our journalists", ``appeals.toml``)."""
    return re.compile(rf"\b(?:{_alternation(_appeals()['outlet_itself'])})\b", re.IGNORECASE)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(map(re.escape, words))


_PARTS = re.compile(r"[:;]\s+|\s+[-\u2013\u2014]\s+")
"""What separates the parts of a sentence that may each open with an imperative."""


def _appeal(sentence: str, outlet: str | None) -> float:
    """How much a sentence addresses the reader rather than reports (0 = not at all)."""
    bare = _INTERVIEWER.sub(" ", _QUOTED.sub(" ", sentence))
    ours = 2.0 * min(2, len(_FIRST_PLURAL.findall(bare)))
    score = ours + 2.0 * min(2, len(_SECOND_PERSON.findall(bare)))
    score += 1.0 * min(2, len(_FIRST_SINGULAR.findall(bare)))
    if score and has_cue(bare) and attribute(bare).kind != OWN_REPORTING:
        # "..., a conviction that you are with them, Clarke said": his "you"; but "our work"
        # outside quotation marks is the outlet's ("The authorities claim our work ...")
        return ours if _outlet_itself().search(bare) else 0.0
    imperatives, site = _appeal_patterns()
    if any(imperatives.match(part.strip()) for part in _PARTS.split(bare)):
        score += 2.0  # "Support local journalism: become a member today"
    if site.search(bare):
        score += 1.0
    if outlet and outlet.lower() in bare.lower():
        score += 1.0
        if bare.strip().lower().startswith(f"{outlet.lower()}:"):
            score += 1.0  # "Radio Holm: news on the hour": the outlet's label on a slogan
    if bare.rstrip().endswith(("?", "!")):
        score += 1.0
    return score


def _smooth(units: list[Unit]) -> list[Unit]:
    """Mark appeals, and neutral body sentences caught between two appeals."""
    marked = [u.appeal >= APPEAL_THRESHOLD or u.kind in ("menu", "notice", "boilerplate")
              for u in units]
    out = []
    for i, unit in enumerate(units):
        if unit.kind != "body":
            out.append(unit)
            continue
        before = marked[i - 1] if i > 0 else False
        after = marked[i + 1] if i + 1 < len(units) else before
        if marked[i] or (before and after):
            out.append(Unit(unit.start, unit.end, "boilerplate", unit.appeal, unit.line))
        else:
            out.append(unit)
    return out
