"""Assemble what a fact-check report says, from the database, as plain data."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

from sqlalchemy.orm import Session

from provenance.db import models as m
from provenance.db import queries as q
from provenance.match.store import figure_timelines


@dataclass(frozen=True)
class ClaimEntry:
    """One claim with everything needed to trace it back to its source."""

    id: int
    text: str
    sentence: str
    kind: str
    speaker: str | None
    speaker_kind: str | None
    role: str | None
    via: tuple[str, ...]
    anonymous: bool
    outlet: str | None
    published: date | None
    url: str | None
    article: str
    article_id: int

    @property
    def chain(self) -> list[str]:
        """speaker -> via -> outlet -> article."""
        who = self.speaker or f"{self.outlet or 'the outlet'} (own reporting)"
        return [who, *self.via, self.outlet or "unknown outlet", self.article]


@dataclass(frozen=True)
class ConflictEntry:
    kind: str
    reason: str
    sides: tuple[ClaimEntry, ClaimEntry]


@dataclass(frozen=True)
class GroupEntry:
    id: int
    claims: tuple[ClaimEntry, ...]
    outlets: int
    independent: int


@dataclass(frozen=True)
class FigurePoint:
    published: date | None
    value: str
    claim: ClaimEntry


@dataclass
class Report:
    """What a report holds, in the order it is shown."""

    query: dict[str, str]
    articles: int
    outlets: list[str]
    first: date | None
    last: date | None
    conflicts: list[ConflictEntry] = field(default_factory=list)
    corroborated: list[GroupEntry] = field(default_factory=list)
    single_source: list[ClaimEntry] = field(default_factory=list)
    speakers: dict[str, list[ClaimEntry]] = field(default_factory=dict)
    timelines: dict[str, list[FigurePoint]] = field(default_factory=dict)


def entry(claim: m.Claim) -> ClaimEntry:
    article = claim.article
    speaker = claim.speakers[0].speaker if claim.speakers else None
    roles = sorted(r.role for r in speaker.roles) if speaker else []
    return ClaimEntry(
        id=claim.id, text=claim.text, sentence=claim.sentence, kind=claim.kind,
        speaker=speaker.name if speaker else None, speaker_kind=speaker.kind if speaker else None,
        role=roles[0] if roles else None,
        via=tuple(claim.via or ()), anonymous=claim.anonymous,
        outlet=article.outlet.name if article.outlet else None, published=article.published,
        url=article.url,
        article=article.title or article.headline or PurePath(article.source).name,
        article_id=article.id,
    )


def build_report(session: Session, flt: q.ClaimFilter) -> Report:
    """The report for every claim matching ``flt``."""
    claims = q.find_claims(session, flt)
    ids = {c.id for c in claims}
    articles = {c.article_id: c.article for c in claims}
    dates = sorted(a.published for a in articles.values() if a.published)
    report = Report(
        query={k: ", ".join(v) if isinstance(v, tuple) else str(v)
               for k, v in vars(flt).items() if v not in (None, ())},
        articles=len(articles),
        outlets=sorted({a.outlet.name for a in articles.values() if a.outlet}),
        first=dates[0] if dates else None, last=dates[-1] if dates else None,
    )
    in_conflict: set[int] = set()
    for conflict in q.conflicts(session):
        if conflict.claim_a_id in ids or conflict.claim_b_id in ids:
            report.conflicts.append(ConflictEntry(conflict.kind, conflict.reason,
                                                  (entry(conflict.claim_a),
                                                   entry(conflict.claim_b))))
            in_conflict |= {conflict.claim_a_id, conflict.claim_b_id}
    grouped: set[int] = set()
    for group in q.groups(session):
        members = [mem.claim for mem in group.members]
        if not any(c.id in ids for c in members):
            continue
        grouped |= {c.id for c in members}
        report.corroborated.append(GroupEntry(
            group.id, tuple(entry(c) for c in members),
            len({c.article.outlet_id for c in members}), q.independent_sources(group)))
    by_speaker: dict[str, list[ClaimEntry]] = defaultdict(list)
    for claim in claims:
        e = entry(claim)
        if claim.id not in grouped and claim.id not in in_conflict:
            report.single_source.append(e)
        if e.speaker:
            by_speaker[e.speaker].append(e)
    report.speakers = dict(sorted(by_speaker.items(), key=lambda kv: (-len(kv[1]), kv[0])))
    report.timelines = _timelines(session, claims)
    return report


def _timelines(session: Session, claims: list[m.Claim]) -> dict[str, list[FigurePoint]]:
    """Each measure's figures over time (``prov timeline``), for the report's claims."""
    by_id = {c.id: c for c in claims}
    out = {}
    for line in figure_timelines(session, by_id):
        points = [FigurePoint(by_id[p.claim_id].article.published, p.figure,
                              entry(by_id[p.claim_id])) for p in line.points]
        out[line.measure.replace("_", " ").removeprefix("count:")] = points
    return out
