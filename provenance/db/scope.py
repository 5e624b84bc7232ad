"""What a report covers, read as ids first: a report over 70,000 claims then loads only the
claims, conflicts and groups it shows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from provenance.db import models as m
from provenance.db import queries as q
from provenance.db.engine import id_chunks


def claim_rows(session: Session, f: q.ClaimFilter) -> list[tuple[int, int]]:
    """(claim id, article id) of every claim matching ``f``, in report order."""
    if f.search:
        return [(c.id, c.article_id) for c in q.find_claims(session, f)]
    rows = session.execute(q.filtered(select(m.Claim).join(m.Article), f)
                           .with_only_columns(m.Claim.id, m.Claim.article_id))
    return [(claim, article) for claim, article in rows]


def conflict_sides(session: Session, ids: set[int]) -> list[tuple[int, int, int]]:
    """(conflict id, claim a, claim b) of the conflicts with a claim among ``ids``, by id."""
    found: set[tuple[int, int, int]] = set()
    for chunk in id_chunks(ids):
        found |= {(c, a, b) for c, a, b in session.execute(
            select(m.Conflict.id, m.Conflict.claim_a_id, m.Conflict.claim_b_id).where(or_(
                m.Conflict.claim_a_id.in_(chunk), m.Conflict.claim_b_id.in_(chunk))))}
    return sorted(found)


def group_members(session: Session, ids: set[int]) -> dict[int, list[int]]:
    """The groups holding a claim among ``ids``, by id, with all their members."""
    group_ids: set[int] = set()
    for chunk in id_chunks(ids):
        group_ids |= set(session.scalars(select(m.GroupMember.group_id)
                                         .where(m.GroupMember.claim_id.in_(chunk))))
    members: dict[int, list[int]] = defaultdict(list)
    for chunk in id_chunks(group_ids):
        for group, claim in session.execute(select(m.GroupMember.group_id, m.GroupMember.claim_id)
                                            .where(m.GroupMember.group_id.in_(chunk))):
            members[group].append(claim)
    return {g: members[g] for g in sorted(members)}


def first_speakers(session: Session, ids: set[int]) -> dict[int, str]:
    """The name of each claim's first speaker, for the claims among ``ids`` that have one."""
    first: dict[int, tuple[int, str]] = {}
    for chunk in id_chunks(ids):
        for claim, position, name in session.execute(
                select(m.ClaimSpeaker.claim_id, m.ClaimSpeaker.position, m.Speaker.name)
                .join(m.Speaker, m.Speaker.id == m.ClaimSpeaker.speaker_id)
                .where(m.ClaimSpeaker.claim_id.in_(chunk))):
            if claim not in first or position < first[claim][0]:
                first[claim] = (position, name)
    return {claim: name for claim, (_, name) in first.items()}


def claims(session: Session, ids: Iterable[int]) -> dict[int, m.Claim]:
    """The claims ``ids``, with what a report entry reads of them."""
    return {c.id: c for chunk in id_chunks(set(ids)) for c in session.scalars(
        select(m.Claim).where(m.Claim.id.in_(chunk)).options(*q.claim_loads()))}


def conflicts(session: Session, ids: Iterable[int]) -> list[m.Conflict]:
    """The conflicts ``ids``, by id, with both sides."""
    return sorted((c for chunk in id_chunks(set(ids)) for c in session.scalars(
        select(m.Conflict).where(m.Conflict.id.in_(chunk)).options(*q.conflict_loads()))),
        key=lambda c: c.id)


def groups(session: Session, ids: Iterable[int]) -> list[m.Group]:
    """The groups ``ids``, by id, with their members."""
    return sorted((g for chunk in id_chunks(set(ids)) for g in session.scalars(
        select(m.Group).where(m.Group.id.in_(chunk)).options(q.group_loads()))),
        key=lambda g: g.id)


def articles(session: Session, ids: Iterable[int]) -> dict[int, m.Article]:
    """The articles ``ids``, with their outlets."""
    return {a.id: a for chunk in id_chunks(set(ids)) for a in session.scalars(
        select(m.Article).where(m.Article.id.in_(chunk)).options(
            selectinload(m.Article.outlet)))}
