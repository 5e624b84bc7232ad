"""Reading the database: claims with filters, speakers, groups, conflicts, the export."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import Select, func, literal_column, or_, select, text
from sqlalchemy.orm import Session, selectinload

from provenance.db import models as m
from provenance.domain import chain
from provenance.errors import NotFoundError, UnknownTopicError
from provenance.match.store import figure_timelines
from provenance.match.timeline import Timeline
from provenance.text import comparable

SEARCH_MIN = 75
"""rapidfuzz partial_ratio at which ``--search`` counts a claim as a hit."""


@dataclass(frozen=True)
class ClaimFilter:
    """The filters ``prov claims`` and ``prov report`` share; unset means "any"."""

    topics: tuple[str, ...] = ()
    outlet: str | None = None
    speaker: str | None = None
    article: int | None = None
    since: date | None = None
    until: date | None = None
    search: str | None = None
    limit: int | None = None


def check_topics(session: Session, topics: tuple[str, ...], known: list[str]) -> None:
    """Raise :class:`UnknownTopicError` naming the known topics and the closest one."""
    stored = session.scalars(select(m.Topic.name)).all()
    names = sorted(set(known) | set(stored))
    for topic in topics:
        if topic.lower() not in names:
            close = process.extractOne(topic.lower(), names)
            hint = f"; did you mean {close[0]!r}?" if close and close[1] >= 60 else ""
            raise UnknownTopicError(
                f"unknown topic {topic!r}{hint} Known topics: {', '.join(names)} "
                "(see prov topics)"
            )


def claim_loads() -> tuple[Any, ...]:
    """Loader options for what :func:`claim_record` reads, so that listing N claims sends a
    few statements, not a few per claim."""
    return (selectinload(m.Claim.speakers).selectinload(m.ClaimSpeaker.speaker)
            .selectinload(m.Speaker.roles),
            selectinload(m.Claim.topics).selectinload(m.ClaimTopic.topic),
            selectinload(m.Claim.article).selectinload(m.Article.outlet),
            selectinload(m.Claim.quantities))


def _claims_query(f: ClaimFilter) -> Select[Any]:
    return filtered(select(m.Claim).join(m.Article).options(*claim_loads()), f)


def filtered(q: Select[Any], f: ClaimFilter) -> Select[Any]:
    """``q`` (a select over claims joined to their articles) narrowed to ``f`` but its text
    search, in report order: by publication date, then reading order."""
    if f.topics:
        q = q.where(m.Claim.id.in_(
            select(m.ClaimTopic.claim_id).join(m.Topic)
            .where(m.Topic.name.in_([t.lower() for t in f.topics]))))
    if f.outlet:
        outlet = func.lower(m.Outlet.name)
        q = q.join(m.Outlet).where(outlet.contains(f.outlet.lower(), autoescape=True))
    if f.speaker:
        q = q.where(m.Claim.id.in_(
            select(m.ClaimSpeaker.claim_id).join(m.SpeakerAlias, m.SpeakerAlias.speaker_id
                                                 == m.ClaimSpeaker.speaker_id)
            .where(func.lower(m.SpeakerAlias.alias).contains(f.speaker.lower(), autoescape=True))))
    if f.article is not None:
        q = q.where(m.Claim.article_id == f.article)
    if f.since:
        q = q.where(m.Article.published >= f.since)
    if f.until:
        q = q.where(m.Article.published <= f.until)
    return q.order_by(m.Article.published, m.Claim.article_id, m.Claim.position)


def find_claims(session: Session, f: ClaimFilter) -> list[m.Claim]:
    """Claims matching every filter, by publication date then reading order."""
    q = _claims_query(f)
    if not f.search:
        return list(session.scalars(q.limit(f.limit) if f.limit else q))
    words = _WORD.findall(f.search)
    if words:
        hits_q = q.where(m.Claim.id.in_(_full_text(session, words)))
        found = list(session.scalars(hits_q.limit(f.limit) if f.limit else hits_q))
        if found:
            return found
    if words and session.get_bind().dialect.name == "sqlite":
        # A misspelling: each word stands for the indexed words closest to it, so a miss
        # costs a look at the index's vocabulary, not a fuzzy pass over every claim.
        indexed = _indexed_words(session)
        close = [_close_words(w, indexed) for w in words]
        if not all(close):
            return []  # a word close to nothing indexed: no claim holds every word
        hits_q = q.where(m.Claim.id.in_(_full_text(session, close)))
        return list(session.scalars(hits_q.limit(f.limit) if f.limit else hits_q))
    wanted = comparable(f.search)  # no word matched: a misspelling, or words run together
    scored = [(fuzz.partial_ratio(wanted, comparable(c.text)), c) for c in session.scalars(q)]
    hits = [c for s, c in sorted(scored, key=lambda p: -p[0]) if s >= SEARCH_MIN]
    return hits[: f.limit] if f.limit else hits


_WORD = re.compile(r"\w+")


def _full_text(session: Session, words: list[str] | list[list[str]]) -> Select[Any]:
    """Ids of the claims holding every word (as a prefix; a list of words: any of them,
    whole) in their text or sentence: FTS5 on SQLite, the GIN-indexed tsvector on
    PostgreSQL. Words are \\w+ runs, so no search syntax gets through."""
    if session.get_bind().dialect.name == "sqlite":
        query = " AND ".join(f'"{w}"*' if isinstance(w, str) else
                             "(" + " OR ".join(f'"{a}"' for a in w) + ")"
                             for w in words)
        return select(literal_column("rowid")).select_from(text("claims_fts")).where(
            text("claims_fts match :query").bindparams(query=query))
    query = " & ".join(f"{w}:*" for w in words)
    return select(m.Claim.id).where(func.to_tsvector("simple", m.Claim.text).op("@@")(
        func.to_tsquery("simple", query)))


CLOSE_WORDS = 5
"""How many indexed words a misspelt search word stands for, at most."""


def _indexed_words(session: Session) -> list[str]:
    """Every word of the full-text index (SQLite)."""
    session.execute(text("create virtual table if not exists temp.claims_fts_words using "
                         "fts5vocab(main, claims_fts, row)"))
    return list(session.scalars(text("select term from temp.claims_fts_words")))


def _close_words(word: str, indexed: list[str]) -> list[str]:
    """The words of ``indexed`` spelt closest to ``word``."""
    return [w for w, _, _ in process.extract(comparable(word), indexed, scorer=fuzz.ratio,
                                             score_cutoff=SEARCH_MIN, limit=CLOSE_WORDS)]


def get_claim(session: Session, claim_id: int) -> m.Claim:
    claim = session.get(m.Claim, claim_id)
    if claim is None:
        raise NotFoundError(f"no claim with id {claim_id} (see prov claims)")
    return claim


def speaker_name(claim: m.Claim) -> str | None:
    return claim.speakers[0].speaker.name if claim.speakers else None


def _mention(link: m.ClaimSpeaker) -> dict[str, Any]:
    """The words that name one of a claim's speakers, and where they stand in the article."""
    start = link.mention_start
    return {"speaker": link.speaker.name, "text": link.mention, "start": start,
            "end": start + len(link.mention) if start is not None and link.mention else None}


def claim_record(claim: m.Claim) -> dict[str, Any]:
    """A claim as plain data (the export's and ``--format json``'s shape)."""
    article = claim.article
    return {
        "id": claim.id,
        "article_id": claim.article_id,
        "text": claim.text,
        "sentence": claim.sentence,
        "start": claim.start,
        "end": claim.end,
        "kind": claim.kind,
        "speaker": speaker_name(claim),
        "speakers": [s.speaker.name for s in claim.speakers],
        "mentions": [_mention(s) for s in claim.speakers],
        "via": list(claim.via or []),
        "cites": list(claim.cites or []),
        "rule": claim.rule,
        "chain": chain(article.outlet.name if article.outlet else None, speaker_name(claim),
                       claim.via or [], claim.cites or []),
        "anonymous": claim.anonymous,
        "topics": sorted(t.topic.name for t in claim.topics),
        "event_date": claim.event_date or claim.told_on,
        "told_on": claim.told_on,
        "outlet": article.outlet.name if article.outlet else None,
        "published": article.published.isoformat() if article.published else None,
        "title": article.title,
        "url": article.url,
        "denies": claim.denies_id,
        "quantities": [{"text": q.text, "value": q.value, "low": q.low, "high": q.high,
                        "unit": q.unit, "modifier": q.modifier, "measure": q.measure}
                       for q in claim.quantities],
    }


def speakers_with_counts(session: Session, limit: int | None = None
                         ) -> list[tuple[m.Speaker, int]]:
    """Speakers by how many claims are attributed to them, most first."""
    count = func.count(m.ClaimSpeaker.claim_id)
    q = (select(m.Speaker, count).join(m.ClaimSpeaker).group_by(m.Speaker.id)
         .order_by(count.desc(), m.Speaker.name)
         .options(selectinload(m.Speaker.roles), selectinload(m.Speaker.aliases)))
    return [(s, n) for s, n in session.execute(q.limit(limit) if limit else q).all()]


def topic_counts(session: Session) -> dict[str, int]:
    rows = session.execute(select(m.Topic.name, func.count(m.ClaimTopic.claim_id))
                           .join(m.ClaimTopic, isouter=True).group_by(m.Topic.name)).all()
    return {name: n for name, n in rows}


def groups(session: Session, topic: str | None = None, min_sources: int = 1,
           limit: int | None = None) -> list[m.Group]:
    """Groups by id, with a claim under ``topic`` when given, backed by ``min_sources``
    independent sources or more; at most ``limit``."""
    q = _groups_query(topic, min_sources).options(group_loads()).order_by(m.Group.id)
    return [g for g in session.scalars(q.limit(limit) if limit else q)
            if independent_sources(g) >= min_sources]  # groups matched before the count


def count_groups(session: Session, topic: str | None = None, min_sources: int = 1) -> int:
    """How many groups :func:`groups` finds with no limit (at most)."""
    return _count(session, _groups_query(topic, min_sources))


def group_loads() -> Any:
    return selectinload(m.Group.members).selectinload(m.GroupMember.claim) \
        .options(*claim_loads())


def conflict_loads() -> tuple[Any, ...]:
    return (selectinload(m.Conflict.claim_a).options(*claim_loads()),
            selectinload(m.Conflict.claim_b).options(*claim_loads()))


def _count(session: Session, query: Select[Any]) -> int:
    return session.scalar(select(func.count()).select_from(query.subquery())) or 0


def _groups_query(topic: str | None, min_sources: int) -> Select[Any]:
    q = select(m.Group)
    if min_sources > 1:
        q = q.where(or_(m.Group.independent >= min_sources, m.Group.independent.is_(None)))
    if topic:
        q = q.where(m.Group.id.in_(
            select(m.GroupMember.group_id).join(m.ClaimTopic, m.ClaimTopic.claim_id
                                                == m.GroupMember.claim_id)
            .join(m.Topic).where(m.Topic.name == topic.lower())))
    return q


def independent_sources(group: m.Group) -> int:
    """The independent sources matching counted for ``group`` (its articles, before)."""
    if group.independent is not None:
        return group.independent
    return len({mem.claim.article_id for mem in group.members})


def conflicts(session: Session, topic: str | None = None, kind: str | None = None,
              outlet: str | None = None, limit: int | None = None) -> list[m.Conflict]:
    """Conflicts by id, with a claim under ``topic`` or from ``outlet`` (a part of its
    name) when given; at most ``limit``."""
    q = _conflicts_query(topic, kind, outlet).order_by(m.Conflict.id).options(
        *conflict_loads())
    return list(session.scalars(q.limit(limit) if limit else q))


def count_conflicts(session: Session, topic: str | None = None, kind: str | None = None,
                    outlet: str | None = None) -> int:
    """How many conflicts :func:`conflicts` finds with no limit."""
    return _count(session, _conflicts_query(topic, kind, outlet))


def _conflicts_query(topic: str | None, kind: str | None, outlet: str | None) -> Select[Any]:
    q = select(m.Conflict)
    if kind:
        q = q.where(m.Conflict.kind == kind)
    wanted = []
    if topic:
        wanted.append(select(m.ClaimTopic.claim_id).join(m.Topic)
                      .where(m.Topic.name == topic.lower()))
    if outlet:
        wanted.append(select(m.Claim.id).join(m.Article).join(m.Outlet).where(
            func.lower(m.Outlet.name).contains(outlet.lower(), autoescape=True)))
    for claims in wanted:
        q = q.where(or_(m.Conflict.claim_a_id.in_(claims), m.Conflict.claim_b_id.in_(claims)))
    return q


def claim_conflicts(session: Session, claim_id: int) -> list[m.Conflict]:
    return list(session.scalars(select(m.Conflict).where(
        or_(m.Conflict.claim_a_id == claim_id, m.Conflict.claim_b_id == claim_id))))


def claim_group(session: Session, claim_id: int) -> m.Group | None:
    member = session.get(m.GroupMember, claim_id)
    return member.group if member else None


def counts(session: Session) -> dict[str, int]:
    """How many rows of each main kind the database holds."""
    return {
        "articles": session.scalar(select(func.count(m.Article.id))) or 0,
        "claims": session.scalar(select(func.count(m.Claim.id))) or 0,
        "speakers": session.scalar(select(func.count(m.Speaker.id))) or 0,
        "groups": session.scalar(select(func.count(m.Group.id))) or 0,
        "conflicts": session.scalar(select(func.count(m.Conflict.id))) or 0,
    }


def export(session: Session) -> dict[str, Any]:
    """Everything, in the form ``../shared/eval/README.md`` describes."""
    articles = session.scalars(select(m.Article).order_by(m.Article.id)
                               .options(selectinload(m.Article.outlet))).all()
    claims = find_claims(session, ClaimFilter())
    return {
        "articles": [{"id": a.id, "source": a.source, "outlet": a.outlet.name if a.outlet
                      else None, "published": a.published.isoformat() if a.published else None,
                      "url": a.url, "title": a.title, "authors": list(a.authors or []),
                      "wire": list(a.wire or [])}
                     for a in articles],
        "claims": [claim_record(c) for c in claims],
        "groups": [{"id": g.id, "claim_ids": sorted(mem.claim_id for mem in g.members),
                    "independent_sources": independent_sources(g),
                    "dependence": [{"articles": [a, b], "reason": why}
                                   for a, b, why in g.dependence or ()]}
                   for g in groups(session)],
        "conflicts": [{"id": c.id, "claim_ids": [c.claim_a_id, c.claim_b_id], "kind": c.kind,
                       "reason": c.reason} for c in conflicts(session)],
        "timelines": [timeline_record(t) for t in figure_timelines(session)],
    }


def timeline_record(timeline: Timeline) -> dict[str, Any]:
    """A measure's timeline as plain data."""
    return {"measure": timeline.measure, "points": [asdict(p) for p in timeline.points]}
