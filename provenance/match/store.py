"""Matching against the database: frames in, groups, conflicts and independence out.

Each run builds the frames of claims that have none, then matches the claims not matched
yet against the stored ones. It reads only what they can meet: the earlier claims that
share their blocking keys (``claim_keys``), those claims' groups, and the snapshot counts
of the keys and words involved. The term weights are a snapshot of the archive, taken
again (and everything matched again) when the archive has grown ``snapshot_growth`` times,
when frames change version, or when claims arrive out of id order; between snapshots a
run gives exactly what ``prov match --rebuild`` gives, which keeps the snapshot.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from sqlalchemy import delete, func, insert, or_, select, text, update
from sqlalchemy.orm import Session

from provenance.db import models as m
from provenance.db.engine import id_chunks
from provenance.domain import Quantity
from provenance.match.candidates import KeyIndex, blocking_keys
from provenance.match.cluster import Groups
from provenance.match.config import MatchConfig, default_config
from provenance.match.conflicts import FoundConflict
from provenance.match.engine import Archive, blocked_partners, match_frames
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
from provenance.match.independence import OPENING, ArticleFacts, independence, opening_of
from provenance.match.keystore import forget_keys, has_keys, latest_holders, write_keys
from provenance.match.sources import affiliation
from provenance.match.timeline import Timeline, timelines
from provenance.nlp.wire import dateline_town

_NEW_GROUP_KEYS = 10**12
_ROWS_PER_INSERT = 1000


def update_matches(session: Session, rebuild: bool = False,
                   config: MatchConfig | None = None) -> None:
    """Match claims not matched yet (all of them with ``rebuild``) into groups and conflicts,
    ``config.match_batch`` claims at a time. A rebuild keeps the snapshot's term weights
    while they are current, so it finds what the runs before it found."""
    config = config or default_config()
    _one_matcher_at_a_time(session)
    reframed = _build_missing_frames(session)
    state = session.get(m.MatchState, 1)
    unmatched = list(session.scalars(select(m.Claim.id).where(m.Claim.matched.is_(False))
                                     .order_by(m.Claim.id)))
    if not unmatched and not rebuild and not reframed:
        return
    reweigh = reframed or state is None or bool(unmatched) and _must_match_all(
        session, state, unmatched, config)
    if reweigh or state is None:
        state = _take_snapshot(session, state)
    if reweigh or rebuild:
        _forget_matches(session)
        unmatched = list(session.scalars(select(m.ClaimFrameRow.claim_id)
                                         .order_by(m.ClaimFrameRow.claim_id)))
    for start in range(0, len(unmatched), config.match_batch):
        _match_batch(session, unmatched[start:start + config.match_batch],
                     state.snapshot_claims, config)


def _match_batch(session: Session, ids: list[int], claims: int, config: MatchConfig) -> None:
    """Match the claims ``ids`` (above every matched claim) and store what they meet."""
    new = _load_frames(session, ids)
    keys = {i: blocking_keys(f) for i, f in new.items()}
    counts = _StoredCounts(session)
    archive = _stored_archive(session, new, keys, counts, config)
    counts.fetch(f"w:{w}" for f in [*archive.frames.values(), *new.values()]
                 for w in _words(f))
    outcome = match_frames(new.values(), archive, TermWeights(counts.words(), claims),
                           lambda key: counts.get(key, 0), config)
    write_keys(session, keys)
    _write_groups(session, archive.groups)
    _write_conflicts(session, outcome.conflicts)
    _mark_matched(session, sorted(new))


_MATCH_LOCK = 0x6D617463  # "matc": the advisory lock every match run holds


def _one_matcher_at_a_time(session: Session) -> None:
    """On PostgreSQL, wait for any other match run to commit, then hold the lock until this
    transaction ends: two matchers reading the same unmatched claims would group them twice
    and differently. SQLite has one writer at a time and needs none."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("select pg_advisory_xact_lock(:k)"), {"k": _MATCH_LOCK})


def _must_match_all(session: Session, state: m.MatchState, unmatched: list[int],
                    config: MatchConfig) -> bool:
    """Whether this run matches the whole archive again: frames of another version, an
    archive grown ``snapshot_growth`` times since the snapshot, claims that arrived below
    matched ones, or matched claims whose keys are not stored (an archive from before
    ``claim_keys``)."""
    if state.frame_version != FRAME_VERSION:
        return True
    framed = session.scalar(select(func.count()).select_from(m.ClaimFrameRow)) or 0
    if framed > config.snapshot_growth * state.snapshot_claims:
        return True
    matched_max = session.scalar(select(func.max(m.Claim.id)).where(m.Claim.matched.is_(True)))
    return matched_max is not None and (unmatched[0] < matched_max or not has_keys(session))


def _words(frame: ClaimFrame) -> frozenset[str]:
    """What term weights are asked of for one frame: its terms, entities and what it denies."""
    return frame.terms | frame.entities | (frame.target.terms if frame.target else frozenset())


class _StoredCounts(Mapping[str, int]):
    """The snapshot's counts (``match_keys``), read from the database when asked for, or in
    a few statements by :meth:`fetch`. :meth:`words` gives a word's count by the word
    alone, as :class:`TermWeights` asks for it."""

    def __init__(self, session: Session, prefix: str = "",
                 known: dict[str, int] | None = None) -> None:
        self._session, self._prefix = session, prefix
        self._known: dict[str, int] = {} if known is None else known

    def fetch(self, keys: Iterable[str]) -> None:
        missing = sorted({k for k in keys if k not in self._known})
        for start in range(0, len(missing), _ROWS_PER_INSERT):
            chunk = missing[start:start + _ROWS_PER_INSERT]
            self._known.update(dict.fromkeys(chunk, 0))
            self._known.update(self._session.execute(
                select(m.MatchKey.key, m.MatchKey.claims).where(m.MatchKey.key.in_(chunk))
            ).all())

    def words(self) -> _StoredCounts:
        return _StoredCounts(self._session, "w:", self._known)

    def __getitem__(self, key: str) -> int:
        full = self._prefix + key
        if full not in self._known:
            self.fetch([full])
        if not self._known[full]:
            raise KeyError(key)
        return self._known[full]

    def __iter__(self) -> Iterator[str]:
        return (k[len(self._prefix):] for k, n in self._known.items()
                if n and k.startswith(self._prefix))

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _stored_archive(session: Session, new: dict[int, ClaimFrame],
                    keys: dict[int, frozenset[str]], counts: _StoredCounts,
                    config: MatchConfig) -> Archive:
    """What matching ``new`` claims (with their blocking ``keys``) reads of the archive: the
    earlier claims blocking finds for them (through ``claim_keys``), the groups of those,
    the first members of each group (``max_group_members``) and the claims the new ones
    deny."""
    probed = set().union(*keys.values())
    counts.fetch(probed)
    holders = latest_holders(session, probed, config.max_block) if has_keys(session) else {}
    # A scratch index to find the partners; the run itself fills a fresh one.
    found = blocked_partners(keys, KeyIndex(holders), lambda k: counts.get(k, 0),
                             config) - new.keys()
    groups = _groups_of(session, found)
    wanted = found | {c for members in groups.values()
                      for c in sorted(members)[:config.max_group_members]} \
        | {f.denies for f in new.values() if f.denies is not None and f.denies not in new}
    frames = _load_frames(session, wanted)
    article_of = {f.id: f.article_id for f in frames.values()}
    for chunk in id_chunks(set().union(*groups.values()) - article_of.keys()):
        article_of.update(session.execute(select(m.Claim.id, m.Claim.article_id)
                                          .where(m.Claim.id.in_(chunk))).all())
    return Archive(frames=frames, index=KeyIndex(holders), article_of=article_of,
                   groups=Groups(groups, _NEW_GROUP_KEYS))


def _groups_of(session: Session, claims: set[int]) -> dict[int, set[int]]:
    """Every member of the groups of ``claims``."""
    group_ids: set[int] = set()
    for chunk in id_chunks(claims):
        group_ids.update(session.scalars(select(m.GroupMember.group_id)
                                         .where(m.GroupMember.claim_id.in_(chunk))))
    groups: dict[int, set[int]] = defaultdict(set)
    for chunk in id_chunks(group_ids):
        for group_id, claim_id in session.execute(
                select(m.GroupMember.group_id, m.GroupMember.claim_id)
                .where(m.GroupMember.group_id.in_(chunk))):
            groups[group_id].add(claim_id)
    return groups


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
    columns = select(m.Conflict.claim_a_id, m.Conflict.claim_b_id, m.Conflict.kind,
                     m.Conflict.reason).where(m.Conflict.kind.in_(("update", "numeric")))
    rows = session.execute(columns).all() if claim_ids is None else {
        row for chunk in id_chunks(frames) for row in session.execute(columns.where(or_(
            m.Conflict.claim_a_id.in_(chunk), m.Conflict.claim_b_id.in_(chunk))))}
    conflicts = [FoundConflict(a, b, kind, reason)
                 for a, b, kind, reason in sorted(rows, key=lambda r: (r[0], r[1], r[2]))]
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


def _take_snapshot(session: Session, state: m.MatchState | None) -> m.MatchState:
    """Count, over every stored frame, the claims holding each blocking key and each word."""
    ids = list(session.scalars(select(m.ClaimFrameRow.claim_id)))
    counts: Counter[str] = Counter()
    for chunk in id_chunks(ids):
        counts.update(key_counts(_load_frames(session, chunk).values()))
    session.execute(delete(m.MatchKey))
    rows = [{"key": k, "claims": n} for k, n in sorted(counts.items())]
    for start in range(0, len(rows), _ROWS_PER_INSERT):
        session.execute(insert(m.MatchKey), rows[start:start + _ROWS_PER_INSERT])
    if state is None:
        state = m.MatchState(id=1, snapshot_claims=0, frame_version=FRAME_VERSION)
        session.add(state)
    state.snapshot_claims, state.frame_version = len(ids), FRAME_VERSION
    session.flush()
    return state


def _forget_matches(session: Session) -> None:
    session.execute(delete(m.Conflict))
    session.execute(delete(m.Group))
    forget_keys(session)
    session.execute(update(m.Claim).values(matched=False))
    session.flush()


def _write_groups(session: Session, groups: Groups) -> None:
    """Store the groups a run changed (new ones, and the members old ones gained), with
    how many independent sources each has, in a few statements: no ORM objects."""
    changed = sorted(groups.changed)
    stored = {g for chunk in id_chunks(k for k in changed if k < _NEW_GROUP_KEYS)
              for g in session.scalars(select(m.Group.id).where(m.Group.id.in_(chunk)))}
    fresh = [key for key in changed if key not in stored]
    ids = dict(zip(fresh, session.scalars(
        insert(m.Group).returning(m.Group.id, sort_by_parameter_order=True),
        [{"independent": None}] * len(fresh)))) if fresh else {}
    ids.update((key, key) for key in stored)
    known: set[int] = set()
    for chunk in id_chunks(stored):
        known.update(session.scalars(select(m.GroupMember.claim_id)
                                     .where(m.GroupMember.group_id.in_(chunk))))
    rows = [{"claim_id": c, "group_id": ids[key], "score": 1.0} for key in changed
            for c in sorted(groups.members[key] - known)]
    for start in range(0, len(rows), _ROWS_PER_INSERT):
        session.execute(insert(m.GroupMember), rows[start:start + _ROWS_PER_INSERT])
    _count_independence(session, {ids[key]: groups.members[key] for key in changed})


def _count_independence(session: Session, groups: Mapping[int, set[int]]) -> None:
    """Store each group's independent sources (group id -> its claims)."""
    article_of: dict[int, int] = {}
    for chunk in id_chunks(set().union(*groups.values())):
        article_of.update(session.execute(select(m.Claim.id, m.Claim.article_id)
                                          .where(m.Claim.id.in_(chunk))).all())
    facts: dict[int, ArticleFacts] = {}
    for chunk in id_chunks(set(article_of.values())):
        facts.update((row.id, ArticleFacts(row.id, row.outlet, tuple(row.wire or ()),
                                           opening_of(row.opening)))
                     for row in session.execute(
                         select(m.Article.id, m.Article.wire,
                                func.substr(m.Article.text, 1, OPENING).label("opening"),
                                m.Outlet.name.label("outlet"))
                         .outerjoin(m.Outlet, m.Article.outlet_id == m.Outlet.id)
                         .where(m.Article.id.in_(chunk))))
    rows = []
    for group_id, members in groups.items():
        articles = sorted({facts[article_of[c]] for c in members}, key=lambda a: a.id)
        independent, dependence = independence(articles)
        rows.append({"id": group_id, "independent": independent, "dependence": dependence})
    if rows:  # by primary key, many rows a statement
        session.execute(update(m.Group), rows)


def _write_conflicts(session: Session, found: list[FoundConflict]) -> None:
    """Store what a run found, leaving out conflicts already stored (every one found
    involves a claim of the run, so only theirs are read)."""
    involved = {c.a for c in found} | {c.b for c in found}
    existing: set[tuple[int, int, str]] = set()
    for chunk in id_chunks(involved):
        for a, b, kind in session.execute(
                select(m.Conflict.claim_a_id, m.Conflict.claim_b_id, m.Conflict.kind)
                .where(m.Conflict.claim_a_id.in_(chunk) | m.Conflict.claim_b_id.in_(chunk))):
            existing |= {(a, b, kind), (b, a, kind)}
    rows = []
    for c in found:
        if (c.a, c.b, c.kind) not in existing:
            existing |= {(c.a, c.b, c.kind), (c.b, c.a, c.kind)}
            rows.append({"claim_a_id": c.a, "claim_b_id": c.b, "kind": c.kind,
                         "reason": c.reason})
    for start in range(0, len(rows), _ROWS_PER_INSERT):
        session.execute(insert(m.Conflict), rows[start:start + _ROWS_PER_INSERT])


def _mark_matched(session: Session, ids: list[int]) -> None:
    for chunk in id_chunks(ids):
        session.execute(update(m.Claim).where(m.Claim.id.in_(chunk)).values(matched=True))
    session.flush()
