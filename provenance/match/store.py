"""Matching against the database: load claims as features, write groups and conflicts."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from provenance.db import models as m
from provenance.domain import Quantity
from provenance.match.cluster import grow_groups
from provenance.match.conflicts import FoundConflict, denials, numeric, rivals
from provenance.match.normalise import ClaimFeatures, effective_year, normalise_terms
from provenance.match.score import same_claims, score_candidates

_NEW_GROUP_KEYS = 10**12
_IDS_PER_STATEMENT = 500  # SQLite caps the variables in one statement


def load_features(session: Session) -> list[ClaimFeatures]:
    """Every stored claim, normalised for matching.

    Plain rows, four queries: loading every claim as an ORM object took most of the time.
    """
    speaker = dict(session.execute(
        select(m.ClaimSpeaker.claim_id, m.Speaker.name).join(m.Speaker)
        .where(m.ClaimSpeaker.position == 0)).all())
    quantities: dict[int, list[Quantity]] = defaultdict(list)
    for q in session.execute(select(
            m.Quantity.claim_id, m.Quantity.text, m.Quantity.value, m.Quantity.unit,
            m.Quantity.modifier, m.Quantity.low, m.Quantity.high, m.Quantity.measure)
            .order_by(m.Quantity.id)):
        quantities[q.claim_id].append(Quantity(q.text, q.value, q.unit, q.modifier, q.low,
                                               q.high, q.measure))
    topics: dict[int, set[str]] = defaultdict(set)
    for claim_id, name in session.execute(
            select(m.ClaimTopic.claim_id, m.Topic.name).join(m.Topic)):
        topics[claim_id].add(f"topic:{name}")
    claims = session.execute(
        select(m.Claim.id, m.Claim.article_id, m.Claim.kind, m.Claim.text, m.Claim.sentence,
               m.Claim.event_date, m.Claim.denies_id, m.Article.published,
               m.Outlet.name.label("outlet"))
        .join(m.Article, m.Claim.article_id == m.Article.id)
        .outerjoin(m.Outlet, m.Article.outlet_id == m.Outlet.id)
        .order_by(m.Claim.id))
    return [_features(row, speaker.get(row.id), tuple(quantities.get(row.id, ())),
                      frozenset(topics.get(row.id, ())))
            for row in claims]


def _features(row: Any, speaker: str | None, quantities: tuple[Quantity, ...],
              topics: frozenset[str]) -> ClaimFeatures:
    terms, entities = normalise_terms(row.text)
    return ClaimFeatures(
        id=row.id, article_id=row.article_id, outlet=row.outlet, speaker=speaker,
        kind=row.kind, text=row.text, terms=terms, entities=entities, quantities=quantities,
        year=effective_year(row.event_date, row.text, row.published),
        event_date=row.event_date, published=row.published, sentence=row.sentence,
        denies=row.denies_id, topics=topics,
    )


def update_matches(session: Session, rebuild: bool = False) -> None:
    """Match claims not matched yet (all of them with ``rebuild``) into groups and conflicts."""
    if rebuild:
        session.execute(delete(m.Conflict))
        session.execute(delete(m.Group))
        session.execute(update(m.Claim).values(matched=False))
        session.flush()
    new_ids = set(session.scalars(select(m.Claim.id).where(m.Claim.matched.is_(False))))
    if not new_ids:
        return
    features = load_features(session)
    by_id = {f.id: f for f in features}
    scored = score_candidates(features, new_ids)
    _write_groups(session, new_ids, same_claims(scored), {f.id: f.article_id for f in features})
    new_features = {i: f for i, f in by_id.items() if i in new_ids}
    found = denials(by_id) + rivals(new_features.values()) + numeric(scored, by_id)
    _write_conflicts(session, [c for c in found if c.a in new_ids or c.b in new_ids])
    ids = sorted(new_ids)
    for start in range(0, len(ids), _IDS_PER_STATEMENT):
        chunk = ids[start:start + _IDS_PER_STATEMENT]
        session.execute(update(m.Claim).where(m.Claim.id.in_(chunk)).values(matched=True))
    session.flush()


def _write_groups(session: Session, new_ids: set[int], same: dict[tuple[int, int], float],
                  article_of: dict[int, int]) -> None:
    groups: dict[int, set[int]] = {}
    for member in session.scalars(select(m.GroupMember)):
        groups.setdefault(member.group_id, set()).add(member.claim_id)
    # Groups created now get placeholder keys; the database gives them their real ids.
    changed = grow_groups(new_ids, same, groups, article_of, next_key=_NEW_GROUP_KEYS)
    for key, members in changed.items():
        group = session.get(m.Group, key) if key < _NEW_GROUP_KEYS else None
        if group is None:
            group = m.Group()
            session.add(group)
        known = {mem.claim_id for mem in group.members}
        group.members.extend(m.GroupMember(claim_id=c) for c in sorted(members - known))
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
