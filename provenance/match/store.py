"""Matching against the database: frames in, groups, conflicts and independence out.

Each run builds the frames of claims that have none, then matches the claims not matched
yet against the stored ones. The term weights are a snapshot of the archive, taken again
(and everything matched again) when the archive has grown ``snapshot_growth`` times, when
frames change version, or when claims arrive out of id order; between snapshots a run
gives exactly what ``prov match --rebuild`` gives.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from provenance.db import models as m
from provenance.db.engine import id_chunks
from provenance.domain import Quantity
from provenance.match.candidates import blocking_keys
from provenance.match.cluster import Groups
from provenance.match.config import MatchConfig, default_config
from provenance.match.conflicts import FoundConflict
from provenance.match.engine import Archive, match_frames
from provenance.match.features import TermWeights
from provenance.match.frames import (
    FRAME_VERSION,
    ClaimFacts,
    ClaimFrame,
    build_frame,
    frame_from_record,
    frame_record,
    with_article_context,
)
from provenance.match.independence import ArticleFacts, independence, opening_of
from provenance.match.sources import affiliation
from provenance.match.timeline import Timeline, timelines
from provenance.nlp.wire import dateline_town

_NEW_GROUP_KEYS = 10**12
_ROWS_PER_INSERT = 1000


def update_matches(session: Session, rebuild: bool = False,
                   config: MatchConfig | None = None) -> None:
    """Match claims not matched yet (all of them with ``rebuild``) into groups and conflicts."""
    config = config or default_config()
    reframed = _build_missing_frames(session)
    frames = _load_frames(session)
    state = session.get(m.MatchState, 1)
    unmatched = set(session.scalars(select(m.Claim.id).where(m.Claim.matched.is_(False))))
    if not unmatched and not rebuild and not reframed:
        return
    matched_max = max((i for i in frames if i not in unmatched), default=0)
    full = (rebuild or reframed or state is None or state.frame_version != FRAME_VERSION
            or len(frames) > config.snapshot_growth * state.snapshot_claims
            or any(i < matched_max for i in unmatched))
    if full or state is None:
        state = _take_snapshot(session, frames, state)
        _forget_matches(session)
        unmatched = set(frames)
    frequency = _snapshot(session)
    weigh = term_weights(frequency, state.snapshot_claims)
    archive = _archive(session, frames, unmatched)
    outcome = match_frames((frames[i] for i in sorted(unmatched)), archive, weigh,
                           lambda key: frequency.get(key, 0), config)
    _write_groups(session, archive.groups)
    _write_conflicts(session, outcome.conflicts)
    _mark_matched(session, sorted(unmatched))


def stored_frames(session: Session) -> dict[int, ClaimFrame]:
    """Every claim's frame, built first for claims that have none."""
    _build_missing_frames(session)
    return _load_frames(session)


def _build_missing_frames(session: Session) -> bool:
    """Build the frames claims lack; True when stored frames were of another version."""
    stale = session.scalar(select(func.count()).select_from(m.ClaimFrameRow)
                           .where(m.ClaimFrameRow.version != FRAME_VERSION)) or 0
    if stale:
        session.execute(delete(m.ClaimFrameRow))
    missing = session.execute(
        select(m.Claim.id, m.Claim.article_id)
        .where(~m.Claim.id.in_(select(m.ClaimFrameRow.claim_id))).order_by(m.Claim.id)).all()
    for chunk in _whole_articles(missing, _ROWS_PER_INSERT):
        facts = _facts(session, chunk)
        frames = with_article_context([build_frame(f) for f in facts],
                                      _datelines(session, {f.article_id for f in facts}))
        session.execute(insert(m.ClaimFrameRow), [
            {"claim_id": f.id, "version": FRAME_VERSION, "frame": frame_record(f)}
            for f in frames])
    return bool(stale)


DATELINE_CHARS = 120
"""How much of an article's opening is read for its dateline."""


def _datelines(session: Session, articles: set[int]) -> dict[int, str]:
    """The town of each article's dateline, where it has one."""
    rows = session.execute(select(m.Article.id, func.substr(m.Article.text, 1, DATELINE_CHARS))
                           .where(m.Article.id.in_(articles)))
    return {article: town for article, opening in rows
            if (town := dateline_town(opening.lstrip()))}


def _whole_articles(rows: Iterable[Any], size: int) -> Iterator[list[int]]:
    """Claim ids in chunks of about ``size``, never splitting an article (its context is
    read from all its claims)."""
    chunk: list[int] = []
    last = None
    for claim_id, article_id in rows:
        if len(chunk) >= size and article_id != last:
            yield chunk
            chunk = []
        chunk.append(claim_id)
        last = article_id
    if chunk:
        yield chunk


def _facts(session: Session, ids: list[int]) -> list[ClaimFacts]:
    """What is stored about the claims ``ids``, as plain values."""
    speakers = {row.claim_id: row for row in session.execute(
        select(m.ClaimSpeaker.claim_id, m.Speaker.id, m.Speaker.name, m.Speaker.kind)
        .join(m.Speaker).where(m.ClaimSpeaker.position == 0, m.ClaimSpeaker.claim_id.in_(ids)))}
    affiliated = _affiliated_roles(session, {s.id for s in speakers.values()})
    quantities = _quantities(session, ids)
    topics: dict[int, set[str]] = defaultdict(set)
    for claim_id, name in session.execute(select(m.ClaimTopic.claim_id, m.Topic.name)
                                          .join(m.Topic).where(m.ClaimTopic.claim_id.in_(ids))):
        topics[claim_id].add(name)
    rows = session.execute(
        select(m.Claim.id, m.Claim.article_id, m.Claim.kind, m.Claim.text, m.Claim.sentence,
               m.Claim.event_date, m.Claim.told_on, m.Claim.denies_id, m.Claim.via,
               m.Article.published, m.Outlet.name.label("outlet"))
        .join(m.Article, m.Claim.article_id == m.Article.id)
        .outerjoin(m.Outlet, m.Article.outlet_id == m.Outlet.id)
        .where(m.Claim.id.in_(ids)).order_by(m.Claim.id))
    out = []
    for row in rows:
        speaker = speakers.get(row.id)
        out.append(ClaimFacts(
            id=row.id, article_id=row.article_id, text=row.text, kind=row.kind,
            sentence=row.sentence, speaker=speaker.name if speaker else None,
            speaker_kind=speaker.kind if speaker else None,
            speaker_role=affiliated.get(speaker.id) if speaker else None,
            via=tuple(row.via or ()), outlet=row.outlet, published=row.published,
            event_date=row.event_date, told_on=row.told_on,
            quantities=tuple(quantities.get(row.id, ())),
            topics=frozenset(topics.get(row.id, ())), denies=row.denies_id))
    return out


def _affiliated_roles(session: Session, speaker_ids: set[int]) -> dict[int, str]:
    """Each speaker's first role that names a body it speaks for."""
    found: dict[int, str] = {}
    for speaker_id, role in session.execute(
            select(m.SpeakerRole.speaker_id, m.SpeakerRole.role).order_by(m.SpeakerRole.id)
            .where(m.SpeakerRole.speaker_id.in_(speaker_ids))):
        if speaker_id not in found and affiliation(role):
            found[speaker_id] = role
    return found


def _quantities(session: Session, ids: list[int]) -> dict[int, list[Quantity]]:
    out: dict[int, list[Quantity]] = defaultdict(list)
    for q in session.scalars(select(m.Quantity).where(m.Quantity.claim_id.in_(ids))
                             .order_by(m.Quantity.id)):
        out[q.claim_id].append(Quantity(q.text, q.value, q.unit, q.modifier, q.low, q.high,
                                        q.measure))
    return out


def _load_frames(session: Session, ids: Iterable[int] | None = None) -> dict[int, ClaimFrame]:
    query = select(m.ClaimFrameRow.claim_id, m.ClaimFrameRow.frame)
    if ids is not None:
        query = query.where(m.ClaimFrameRow.claim_id.in_(list(ids)))
    return {claim_id: frame_from_record(record)
            for claim_id, record in session.execute(query.order_by(m.ClaimFrameRow.claim_id))}


def figure_timelines(session: Session, claim_ids: Iterable[int] | None = None) -> list[Timeline]:
    """The timelines of the measures of the claims ``claim_ids`` (all by default)."""
    frames = _load_frames(session, claim_ids)
    conflicts = [FoundConflict(c.claim_a_id, c.claim_b_id, c.kind, c.reason)
                 for c in session.scalars(select(m.Conflict).where(
                     m.Conflict.kind.in_(("update", "numeric"))))]
    return timelines(frames.values(), conflicts)


def key_counts(frames: Iterable[ClaimFrame]) -> Counter[str]:
    """How many claims hold each blocking key, and each word (``w:``)."""
    counts: Counter[str] = Counter()
    for frame in frames:
        counts.update(blocking_keys(frame))
        counts.update(f"w:{w}" for w in frame.terms | frame.entities)
    return counts


def term_weights(counts: Mapping[str, int], claims: int) -> TermWeights:
    """The term weights of a snapshot."""
    return TermWeights({k[2:]: n for k, n in counts.items() if k.startswith("w:")}, claims)


def _take_snapshot(session: Session, frames: dict[int, ClaimFrame],
                   state: m.MatchState | None) -> m.MatchState:
    """Count, over every frame, the claims holding each blocking key and each word."""
    counts = key_counts(frames.values())
    session.execute(delete(m.MatchKey))
    rows = [{"key": k, "claims": n} for k, n in sorted(counts.items())]
    for start in range(0, len(rows), _ROWS_PER_INSERT):
        session.execute(insert(m.MatchKey), rows[start:start + _ROWS_PER_INSERT])
    if state is None:
        state = m.MatchState(id=1, snapshot_claims=0, frame_version=FRAME_VERSION)
        session.add(state)
    state.snapshot_claims, state.frame_version = len(frames), FRAME_VERSION
    session.flush()
    return state


def _snapshot(session: Session) -> dict[str, int]:
    return dict(session.execute(select(m.MatchKey.key, m.MatchKey.claims)).all())


def _forget_matches(session: Session) -> None:
    session.execute(delete(m.Conflict))
    session.execute(delete(m.Group))
    session.execute(update(m.Claim).values(matched=False))
    session.flush()


def _archive(session: Session, frames: dict[int, ClaimFrame], unmatched: set[int]) -> Archive:
    """The matched claims, indexed in id order, and their groups."""
    groups: dict[int, set[int]] = defaultdict(set)
    for claim_id, group_id in session.execute(select(m.GroupMember.claim_id,
                                                     m.GroupMember.group_id)):
        groups[group_id].add(claim_id)
    archive = Archive(groups=Groups(groups, _NEW_GROUP_KEYS))
    for claim_id in sorted(set(frames) - unmatched):
        archive.add(frames[claim_id])
    return archive


def _write_groups(session: Session, groups: Groups) -> None:
    changed = sorted(groups.changed)
    rows = {g.id: g for g in session.scalars(
        select(m.Group).where(m.Group.id.in_([k for k in changed if k < _NEW_GROUP_KEYS])))}
    touched = []
    for key in changed:
        group = rows.get(key) or m.Group()
        if group.id is None:
            session.add(group)
        known = {mem.claim_id for mem in group.members}
        group.members.extend(m.GroupMember(claim_id=c) for c in sorted(groups.members[key] - known))
        touched.append(group)
    session.flush()
    _count_independence(session, touched)


def _count_independence(session: Session, groups: list[m.Group]) -> None:
    claim_ids = [mem.claim_id for g in groups for mem in g.members]
    article_of = dict(session.execute(select(m.Claim.id, m.Claim.article_id)
                                      .where(m.Claim.id.in_(claim_ids))).all()) \
        if claim_ids else {}
    facts = {row.id: ArticleFacts(row.id, row.outlet, tuple(row.wire or ()),
                                  opening_of(row.text))
             for row in session.execute(
                 select(m.Article.id, m.Article.wire, m.Article.text,
                        m.Outlet.name.label("outlet"))
                 .outerjoin(m.Outlet, m.Article.outlet_id == m.Outlet.id)
                 .where(m.Article.id.in_(set(article_of.values()))))}
    for group in groups:
        articles = {facts[article_of[mem.claim_id]] for mem in group.members}
        group.independent, group.dependence = independence(sorted(articles, key=lambda a: a.id))
    session.flush()


def _write_conflicts(session: Session, found: list[FoundConflict]) -> None:
    existing = {(c.claim_a_id, c.claim_b_id, c.kind) for c in session.scalars(select(m.Conflict))}
    for c in found:
        key = (c.a, c.b, c.kind)
        if key in existing or (c.b, c.a, c.kind) in existing:
            continue
        existing.add(key)
        session.add(m.Conflict(claim_a_id=c.a, claim_b_id=c.b, kind=c.kind, reason=c.reason))
    session.flush()


def _mark_matched(session: Session, ids: list[int]) -> None:
    for chunk in id_chunks(ids):
        session.execute(update(m.Claim).where(m.Claim.id.in_(chunk)).values(matched=True))
    session.flush()
