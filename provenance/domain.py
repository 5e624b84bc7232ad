"""Plain data passed between the pipeline stages (no database, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

OWN_REPORTING = "outlet"
"""The kind of a claim in the outlet's own voice, credited to no one (named "none" before
migration 0009: spreadsheets read that as an empty cell)."""
CLAIM_KINDS = ("direct_quote", "indirect", "according_to", "reported", "denial", OWN_REPORTING)
SPEAKER_KINDS = ("person", "organization", "outlet", "group", "anonymous")


@dataclass(frozen=True)
class ArticleMeta:
    """What is known about an article besides its text."""

    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()

    def merged(self, override: ArticleMeta) -> ArticleMeta:
        """Fields of ``override`` that are set win over this one's."""
        return ArticleMeta(
            outlet=override.outlet or self.outlet,
            published=override.published or self.published,
            url=override.url or self.url,
            title=override.title or self.title,
            authors=override.authors or self.authors,
        )


@dataclass(frozen=True)
class SourceDocument:
    """One article as read from disk: original bytes, its text, and metadata."""

    source: str
    raw: bytes
    text: str
    meta: ArticleMeta
    format: str


def chain(outlet: str | None, speaker: str | None, via: tuple[str, ...] | list[str],
          cites: tuple[str, ...] | list[str] = ()) -> list[str]:
    """Who passed a claim to whom, outermost first: the outlet, those who carried the words
    (innermost last), the speaker, and whom the speaker cites. With no speaker, the outlet
    speaks for itself."""
    carried = [v for v in reversed(via) if v not in cites]
    head = [outlet or "unknown outlet", *carried]
    return [*head, speaker, *cites] if speaker else [*head, *cites]


@dataclass(frozen=True)
class RawInput:
    """An article that is not a file on disk (fetched from a URL, or read from stdin): its
    name, bytes, the file suffix its format reads as, and what is known of it already."""

    source: str
    raw: bytes
    suffix: str
    meta: ArticleMeta = ArticleMeta()


@dataclass(frozen=True)
class Speaker:
    """Whoever a claim is attributed to, as named in one article."""

    name: str
    kind: str = "person"
    role: str | None = None
    mention: str | None = None
    mention_start: int | None = None
    """Where ``mention`` stands in the article's text: the words that name the speaker for
    this claim (for a pronoun, the pronoun; for a quote that runs on, the mention that
    named its speaker)."""


@dataclass(frozen=True)
class Quantity:
    """A number in a claim, with what it measures where the sentence says it."""

    text: str
    value: float | None
    unit: str
    modifier: str | None = None
    low: float | None = None
    high: float | None = None
    measure: str | None = None


@dataclass(frozen=True)
class DateMention:
    """A date expression resolved against the publication date (ISO, partial allowed)."""

    text: str
    value: str
    relative: bool = False
    target: bool = False  # "by 2030", "since 1921": a deadline or background, not the event


@dataclass(frozen=True)
class Claim:
    """One atomic assertion of an article, with who it is attributed to and how."""

    text: str
    sentence: str
    start: int
    end: int
    kind: str = OWN_REPORTING
    speakers: tuple[Speaker, ...] = ()
    via: tuple[str, ...] = ()
    """Every intermediary named, innermost first: those the speaker cites, then those that
    carried the speaker's words towards the outlet."""
    anonymous: bool = False
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    event_date: str | None = None
    told_on: str | None = None
    """For a claim naming no date, the date of its telling ("said on Wednesday that ...")."""
    topics: tuple[str, ...] = ()
    context: str = ""
    denies: int | None = None
    cites: tuple[str, ...] = ()
    """The part of ``via`` the speaker relies on ("citing anonymous sources")."""
    sentence_start: int = 0
    rule: str = ""
    """The attribution rule that credited the claim ("trailing_said"); "" for the outlet's
    own voice, "quote_run" for a quotation's later sentences, "hanging" for a participle's
    words ("..., adding that ...")."""

    @property
    def speaker(self) -> Speaker | None:
        return self.speakers[0] if self.speakers else None


@dataclass(frozen=True)
class Extraction:
    """Everything the pipeline found in one article."""

    claims: tuple[Claim, ...]
    wire: tuple[str, ...] = ()
    headline: str | None = None
    unread: int = 0
    """Sentences too long to read for attribution, kept as the outlet's own claims."""
    bylined: tuple[str, ...] = ()
    """The writers the article's byline names (its authors, when metadata names none)."""
