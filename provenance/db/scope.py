"""What a report covers, read as ids and through a subquery of its filter: a report over
70,000 claims then loads only the claims, conflicts and groups it shows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from provenance.db import models as m
from provenance.db import queries as q
from provenance.db.engine import id_chunks


@dataclass(frozen=True)
class Scope:
    """The claims a report covers: (claim id, article id) in report order, and the select
    over them when SQL can say which they are (not after a text search)."""

    rows: list[tuple[int, int]]
    matching: Select[Any] | None

    @property
    def ids(self) -> set[int]:
        return {claim for claim, _ in self.rows}

    def holds(self, column: InstrumentedAttribute[int],
              article: bool = False) -> list[ColumnElement[bool]]:
        """Conditions, one a statement, that ``column`` names a claim of the scope (or,
        with ``article``, an article of its claims): a subquery, or the ids in chunks (tens
        of thousands of bound ids cost more to send than the subquery costs to run)."""
        if self.matching is not None:
            of = m.Claim.article_id if article else m.Claim.id
            return [column.in_(self.matching.with_only_columns(of))]
        ids = {a for _, a in self.rows} if article else self.ids
        return [column.in_(chunk) for chunk in id_chunks(ids)]


def claim_rows(session: Session, f: q.ClaimFilter) -> Scope:
    """The claims matching ``f``, in report order."""
    if f.search:
        return Scope([(c.id, c.article_id) for c in q.find_claims(session, f)], None)
    matching = q.filtered(select(m.Claim).join(m.Article), f)
    rows = session.execute(matching.with_only_columns(m.Claim.id, m.Claim.article_id))
    return Scope([(claim, article) for claim, article in rows], matching.order_by(None))


@dataclass(frozen=True)
class Coverage:
    """The articles a scope's claims come from: how many, their outlets, first and last day."""

    articles: int
    outlets: list[str]
    first: date | None
    last: date | None


def coverage(session: Session, scope: Scope) -> Coverage:
    """Which articles the claims of ``scope`` come from."""
    articles: set[int] = set()
    outlets: set[str] = set()
    days: set[date] = set()
    for held in scope.holds(m.Article.id, article=True):
        for article, outlet, published in session.execute(
                select(m.Article.id, m.Outlet.name, m.Article.published)
                .outerjoin(m.Outlet, m.Outlet.id == m.Article.outlet_id).where(held)):
            articles.add(article)
            outlets |= {outlet} if outlet else set()
            days |= {published} if published else set()
    return Coverage(len(articles), sorted(outlets), min(days, default=None),
                    max(days, default=None))


def conflict_sides(session: Session, scope: Scope) -> list[tuple[int, int, int]]:
    """(conflict id, claim a, claim b) of the conflicts with a claim in ``scope``, by id."""
    found: set[tuple[int, int, int]] = set()
    for a_held, b_held in zip(scope.holds(m.Conflict.claim_a_id),
                              scope.holds(m.Conflict.claim_b_id)):
        found |= {(c, a, b) for c, a, b in session.execute(
            select(m.Conflict.id, m.Conflict.claim_a_id, m.Conflict.claim_b_id)
            .where(or_(a_held, b_held)))}
    return sorted(found)


def group_members(session: Session, scope: Scope) -> dict[int, list[int]]:
    """The groups holding a claim in ``scope``, by id, with all their members."""
    group_ids: set[int] = set()
    for held in scope.holds(m.GroupMember.claim_id):
        group_ids |= set(session.scalars(select(m.GroupMember.group_id).where(held).distinct()))
    members: dict[int, list[int]] = defaultdict(list)
    for chunk in id_chunks(group_ids):
        for group, claim in session.execute(select(m.GroupMember.group_id, m.GroupMember.claim_id)
                                            .where(m.GroupMember.group_id.in_(chunk))):
            members[group].append(claim)
    return {g: members[g] for g in sorted(members)}


def first_speakers(session: Session, scope: Scope) -> dict[int, str]:
    """The name of each claim's first speaker, for the claims of ``scope`` that have one."""
    first: dict[int, str] = {}
    for held in scope.holds(m.ClaimSpeaker.claim_id):
        first |= {claim: name for claim, name in session.execute(
            select(m.ClaimSpeaker.claim_id, m.Speaker.name)
            .join(m.Speaker, m.Speaker.id == m.ClaimSpeaker.speaker_id)
            .where(held, m.ClaimSpeaker.position == 0))}
    return first


def claims(session: Session, ids: Iterable[int]) -> dict[int, m.Claim]:
    """The claims ``ids``, with what a report entry reads of them."""
    return {c.id: c for chunk in id_chunks(set(ids)) for c in session.scalars(
        select(m.Claim).where(m.Claim.id.in_(chunk)).options(*_entry_loads()))}


def _entry_loads() -> tuple[Any, ...]:
    """What a report entry reads of a claim: its speakers and their roles, its article and
    outlet, its figures (not its topics)."""
    return (selectinload(m.Claim.speakers).selectinload(m.ClaimSpeaker.speaker)
            .selectinload(m.Speaker.roles),
            selectinload(m.Claim.article).selectinload(m.Article.outlet),
            selectinload(m.Claim.quantities))


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
