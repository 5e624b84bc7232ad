"""Assemble what a fact-check report says, from the database, as plain data."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from provenance.db import models as m
from provenance.db import queries as q
from provenance.db import scope
from provenance.db.reviews import current_reviews
from provenance.domain import chain
from provenance.match.store import figure_timelines

UNTITLED = "untitled article"


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
    cites: tuple[str, ...]
    anonymous: bool
    outlet: str | None
    published: date | None
    url: str | None
    article: str
    article_id: int
    figures: tuple[tuple[str, str | None], ...] = ()
    """Figures written with digits, with their canonical measure: ("51.2%", "vote share")."""

    @property
    def chain(self) -> list[str]:
        """The article, then who passed the claim to whom, outermost first."""
        steps = chain(self.outlet, self.speaker, self.via, self.cites)
        return [self.article, *steps] if self.speaker else [self.article, f"{steps[0]} (own "
                                                            "reporting)", *steps[1:]]


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
    dependence: tuple[tuple[int, int, str], ...] = ()
    """Articles that count as one source, and why: (article id, article id, reason)."""

    def explained(self, titles: dict[int, str]) -> list[str]:
        """Why the group has as many independent sources as it says, in sentences."""
        articles = len({e.article_id for e in self.claims})
        if not self.dependence:
            return [f"Each of the {articles} articles counts as an independent source: none "
                    "carries another's wire copy or repeats its text."]
        return [f"\u201c{titles.get(a, a)}\u201d and \u201c{titles.get(b, b)}\u201d count as "
                f"one source: {why}." for a, b, why in self.dependence]


@dataclass(frozen=True)
class Appearance:
    """An article a reviewed claim appears in."""

    article_id: int
    headline: str
    url: str | None
    outlet: str | None
    published: date | None


@dataclass(frozen=True)
class ReviewEntry:
    """A desk's verdict on a claim, with every article the claim appears in, earliest
    first."""

    id: int
    claim: ClaimEntry
    rating: str
    score: float | None
    best: float | None
    worst: float | None
    note: str | None
    reviewer: str | None
    reviewed_on: date
    appearances: tuple[Appearance, ...]


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
    reviews: list[ReviewEntry] = field(default_factory=list)
    drafts: list[ClaimEntry] = field(default_factory=list)
    """Claims in a conflict or a group that no one has reviewed yet."""
    titles: dict[int, str] = field(default_factory=dict)
    """Each article's title, by id."""
    left_out: dict[str, int] = field(default_factory=dict)
    """How many conflicts, groups, single-source claims and speakers the report does not
    list (``limit``): the lists it cut, only."""

    @property
    def figures(self) -> list[tuple[str, str | None, ClaimEntry]]:
        """Every figure written with digits in the report's claims, by measure."""
        claims = {e.id: e for e in self.single_source}
        for c in self.conflicts:
            claims |= {side.id: side for side in c.sides}
        for g in self.corroborated:
            claims |= {e.id: e for e in g.claims}
        found = [(text, measure, e) for e in claims.values() for text, measure in e.figures]
        return sorted(found, key=lambda f: (f[1] or "~", f[2].published or date.max, f[2].id))

    @property
    def left_out_note(self) -> str | None:
        """What the report does not list, for its scope ("39,395 more conflicts ...")."""
        if not self.left_out:
            return None
        counts = ", ".join(f"{n:,} more {name}" for name, n in self.left_out.items())
        return f"not listed: {counts} (narrow the query, or raise --limit)"

    @property
    def anchored(self) -> set[int]:
        """The claims the report shows in full: in a conflict, a group or single-sourced."""
        return {e.id for c in self.conflicts for e in c.sides} | {
            e.id for g in self.corroborated for e in g.claims} | {
            e.id for e in self.single_source}

    @property
    def narration(self) -> list[ClaimEntry]:
        """Single-source claims in the outlet's own voice: background, folded away."""
        return [e for e in self.single_source if not e.speaker]

    @property
    def attributed(self) -> list[ClaimEntry]:
        """Single-source claims someone is credited with."""
        return [e for e in self.single_source if e.speaker]


def entry(claim: m.Claim) -> ClaimEntry:
    article = claim.article
    speaker = claim.speakers[0].speaker if claim.speakers else None
    roles = sorted(r.role for r in speaker.roles) if speaker else []
    return ClaimEntry(
        id=claim.id, text=claim.text, sentence=claim.sentence, kind=claim.kind,
        speaker=speaker.name if speaker else None, speaker_kind=speaker.kind if speaker else None,
        role=roles[0] if roles else None,
        via=tuple(claim.via or ()), cites=tuple(claim.cites or ()), anonymous=claim.anonymous,
        outlet=article.outlet.name if article.outlet else None, published=article.published,
        url=article.url, article=article_title(article), article_id=article.id,
        figures=tuple((qty.text, _measure_name(qty.measure)) for qty in claim.quantities
                      if _DIGIT.search(qty.text)),
    )


_DIGIT = re.compile(r"\d")


def article_title(article: m.Article) -> str:
    """What a report calls an article: its title, else its headline; never a file name."""
    return article.title or article.headline or UNTITLED


def _measure_name(measure: str | None) -> str | None:
    return measure.replace("_", " ").removeprefix("count:") if measure else None


REPORT_LIMIT = 200
"""How many conflicts, groups, single-source claims, speakers and figures of a measure a
report lists by default; it says how many more there are (``prov report --limit``)."""
SPEAKER_SHARE = 10
"""Each speaker lists at most ``limit // SPEAKER_SHARE`` claims (20 by default)."""


def build_report(session: Session, flt: q.ClaimFilter, limit: int | None = REPORT_LIMIT
                 ) -> Report:
    """The report for every claim matching ``flt``, each list cut at ``limit`` (None: all).
    Only what it shows is loaded: the rest is read as ids and counted."""
    covered = scope.claim_rows(session, flt)
    rows, ids = covered.rows, covered.ids
    articles = scope.coverage(session, covered)
    report = Report(
        query={k: ", ".join(v) if isinstance(v, tuple) else str(v)
               for k, v in vars(flt).items() if v not in (None, ())},
        articles=articles.articles, outlets=articles.outlets, first=articles.first,
        last=articles.last,
    )
    sides = scope.conflict_sides(session, covered)
    members = scope.group_members(session, covered)
    in_conflict = {x for _, a, b in sides for x in (a, b)}
    grouped = {c for group in members.values() for c in group}
    shown = _add_conflicts_and_groups(session, report, sides, list(members), limit)
    single = [c for c, _ in rows if c not in grouped and c not in in_conflict]
    listed = _cut(single, limit)
    speaker_of = scope.first_speakers(session, covered)
    speakers = _top_speakers(speaker_of, [c for c, _ in rows], limit)
    loaded = scope.claims(session, set(listed)
                          | {c for picked in speakers.values() for c in picked})
    report.single_source = [entry(loaded[c]) for c in listed]
    report.speakers = {name: [entry(loaded[c]) for c in picked]
                       for name, picked in speakers.items()}
    shown |= {c: loaded[c] for c in listed}  # what the figures may link to
    report.timelines = _timelines(session, [shown[c] for c, _ in rows if c in shown], limit)
    report.left_out = _left_out(report, len(sides), len(members), len(single),
                                len(set(speaker_of.values())))
    _add_reviews(session, report, ids)
    return report


def _cut(items: list[int], limit: int | None) -> list[int]:
    return items if limit is None else items[:limit]


def _add_conflicts_and_groups(session: Session, report: Report,
                              sides: list[tuple[int, int, int]], group_ids: list[int],
                              limit: int | None) -> dict[int, m.Claim]:
    """The first ``limit`` conflicts and groups; the claims they show, by id."""
    shown: dict[int, m.Claim] = {}
    for conflict in scope.conflicts(session, _cut([c for c, _, _ in sides], limit)):
        report.conflicts.append(ConflictEntry(conflict.kind, conflict.reason,
                                              (entry(conflict.claim_a),
                                               entry(conflict.claim_b))))
        shown |= {conflict.claim_a_id: conflict.claim_a, conflict.claim_b_id: conflict.claim_b}
    for group in scope.groups(session, _cut(group_ids, limit)):
        claims = [mem.claim for mem in group.members]
        shown |= {c.id: c for c in claims}
        report.corroborated.append(GroupEntry(
            group.id, tuple(entry(c) for c in claims),
            len({c.article.outlet_id for c in claims}), q.independent_sources(group),
            _dependence(group)))
        report.titles |= {c.article_id: article_title(c.article) for c in claims}
    return shown


def _top_speakers(speaker_of: dict[int, str], order: list[int],
                  limit: int | None) -> dict[str, list[int]]:
    """The most quoted speakers (most claims first, then by name), each with its first
    claims in report order."""
    by_speaker: dict[str, list[int]] = defaultdict(list)
    for claim in order:
        if claim in speaker_of:
            by_speaker[speaker_of[claim]].append(claim)
    ranked = sorted(by_speaker.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    share = None if limit is None else max(1, limit // SPEAKER_SHARE)
    return {name: _cut(claims, share) for name, claims in ranked[:limit]}


def _left_out(report: Report, conflicts: int, groups: int, single: int,
              speakers: int) -> dict[str, int]:
    """How many of each list the report does not show, where it leaves some out."""
    shown = {"conflicts": (conflicts, len(report.conflicts)),
             "groups": (groups, len(report.corroborated)),
             "single-source claims": (single, len(report.single_source)),
             "speakers": (speakers, len(report.speakers))}
    return {name: total - listed for name, (total, listed) in shown.items() if total > listed}


def _dependence(group: m.Group) -> tuple[tuple[int, int, str], ...]:
    return tuple((int(str(a)), int(str(b)), str(why)) for a, b, why in group.dependence or ())


def _add_reviews(session: Session, report: Report, ids: set[int]) -> None:
    """The verdicts on the report's claims; the conflicting and corroborated claims without
    one are drafts."""
    verdicts = current_reviews(session)
    groups = {e.id: g for g in report.corroborated for e in g.claims}
    for claim_id in sorted(ids & verdicts.keys()):
        review = verdicts[claim_id]
        claim = entry(review.claim) if review.claim else None
        if claim is None:
            continue
        related = groups[claim_id].claims if claim_id in groups else (claim,)
        report.reviews.append(ReviewEntry(
            review.id, claim, review.rating, review.rating_value, review.best_rating,
            review.worst_rating, review.note, review.reviewer, review.reviewed_on,
            _appearances(related)))
    checked: dict[int, ClaimEntry] = {}
    for c in report.conflicts:
        checked |= {side.id: side for side in c.sides}
    for g in report.corroborated:
        checked |= {e.id: e for e in g.claims}
    report.drafts = [e for i, e in sorted(checked.items()) if i not in verdicts]


def _appearances(claims: tuple[ClaimEntry, ...]) -> tuple[Appearance, ...]:
    """One appearance an article, earliest first (undated last)."""
    seen: dict[int, Appearance] = {}
    for e in claims:
        seen.setdefault(e.article_id, Appearance(e.article_id, e.article, e.url, e.outlet,
                                                  e.published))
    return tuple(sorted(seen.values(), key=lambda a: (a.published is None,
                                                      a.published or date.min)))


def _timelines(session: Session, claims: list[m.Claim],
               limit: int | None) -> dict[str, list[FigurePoint]]:
    """Each measure's figures over time (``prov timeline``), for the claims the report
    shows, at most ``limit`` a measure."""
    by_id = {c.id: c for c in claims}
    out = {}
    for line in figure_timelines(session, by_id):
        points = [FigurePoint(by_id[p.claim_id].article.published, p.figure,
                              entry(by_id[p.claim_id])) for p in line.points[:limit]]
        out[line.measure.replace("_", " ").removeprefix("count:")] = points
    return out
