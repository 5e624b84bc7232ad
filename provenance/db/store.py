"""Writing articles and their claims. Functions take ``session`` and never commit."""

from __future__ import annotations

import hashlib
from dataclasses import asdict

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from provenance import domain
from provenance.db import models as m
from provenance.db.reviews import reattach
from provenance.db.speakers import resolve_speakers
from provenance.nlp import recurrence


def content_hash(text: str) -> str:
    """Identity of an article's content: the same text is the same article."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def article_by_hash(session: Session, digest: str) -> m.Article | None:
    return session.scalar(select(m.Article).where(m.Article.content_hash == digest))


def outlet_named(session: Session, name: str | None) -> m.Outlet | None:
    """The outlet of that name, created on first use."""
    if not name:
        return None
    outlet = session.scalar(select(m.Outlet).where(m.Outlet.name == name))
    if outlet is None:
        outlet = m.Outlet(name=name)
        session.add(outlet)
        session.flush()
    return outlet


def topic_named(session: Session, name: str) -> m.Topic:
    topic = session.scalar(select(m.Topic).where(m.Topic.name == name))
    if topic is None:
        topic = m.Topic(name=name)
        session.add(topic)
        session.flush()
    return topic


TITLE_MAX_CHARS = 120
"""A title taken from an article's first line is cut, at a word, to this length."""


def first_line(text: str) -> str | None:
    """The article's first line, as a title when nothing gives one: never the file name."""
    line = next((raw.strip() for raw in text.splitlines() if raw.strip()), "")
    if len(line) > TITLE_MAX_CHARS:
        line = line[:TITLE_MAX_CHARS].rsplit(" ", 1)[0] + "\u2026"
    return line or None


def store_article(session: Session, doc: domain.SourceDocument,
                  extraction: domain.Extraction, digest: str,
                  existing: m.Article | None = None) -> m.Article:
    """Insert (or, given ``existing``, re-extract) one article with all its claims."""
    article = existing or m.Article(content_hash=digest)
    if existing is not None:
        session.execute(delete(m.Claim).where(m.Claim.article_id == existing.id))
        session.flush()
        session.expire(existing, ["claims"])
    article.source, article.format = doc.source, doc.format
    article.title = doc.meta.title or extraction.headline or first_line(doc.text)
    article.url = doc.meta.url
    article.authors = list(doc.meta.authors or extraction.bylined)
    article.published, article.raw, article.text = doc.meta.published, doc.raw, doc.text
    article.headline, article.wire = extraction.headline, list(extraction.wire)
    article.outlet = outlet_named(session, doc.meta.outlet)
    session.add(article)
    session.flush()
    speakers = _claim_speakers(session, extraction.claims)
    topics = {name: topic_named(session, name)
              for name in sorted({t for c in extraction.claims for t in c.topics})}
    if extraction.claims:
        _insert_claims(session, article.id, extraction.claims, speakers, topics)
    if existing is not None:
        reattach(session, article.id)
    return article


def without_furniture(session: Session, doc: domain.SourceDocument,
                       extraction: domain.Extraction,
                       existing: m.Article | None) -> domain.Extraction:
    """Drop the claims of the lines this article shares with enough of its outlet's latest
    articles, here and in them: furniture by repetition (``nlp/recurrence.py``)."""
    if not doc.meta.outlet:
        return extraction
    query = select(m.Article.id, m.Article.text).join(m.Outlet).where(
        m.Outlet.name == doc.meta.outlet)
    if existing is not None:
        query = query.where(m.Article.id != existing.id)
    latest = query.order_by(m.Article.id.desc()).limit(recurrence.OUTLET_WINDOW)
    others = session.execute(latest).all()
    lines = recurrence.recurring_lines(doc.text, [other for _, other in others])
    if not lines:
        return extraction
    # A line already furniture when the earlier articles were stored is not in them.
    new = {line for line, n in lines.items() if n == recurrence.RECURRING_ARTICLES}
    for article_id, other in others if new else ():
        if spans := recurrence.spans_of(other, new):
            _drop_claims_within(session, article_id, spans)
    return recurrence.without_spans(extraction, recurrence.spans_of(doc.text, lines))


def _drop_claims_within(session: Session, article_id: int, spans: list[recurrence.Span]) -> None:
    rows = session.execute(select(m.Claim.id, m.Claim.start, m.Claim.end).where(
        m.Claim.article_id == article_id))
    dropped = [claim_id for claim_id, start, end in rows if recurrence.within(start, end, spans)]
    if dropped:
        session.execute(delete(m.Claim).where(m.Claim.id.in_(dropped)))


_ROWS_PER_INSERT = 1000
"""SQLAlchemy's ordered RETURNING costs time quadratic in the rows of one call."""


def _insert_claims(session: Session, article_id: int, claims: tuple[domain.Claim, ...],
                   speakers: list[list[m.Speaker]], topics: dict[str, m.Topic]) -> None:
    """An article's claims in a few multi-row INSERTs; the unit of work would go row by row."""
    values = [_claim_values(article_id, i, c) for i, c in enumerate(claims)]
    statement = insert(m.Claim).returning(m.Claim.id, sort_by_parameter_order=True)
    ids = [claim_id for start in range(0, len(values), _ROWS_PER_INSERT)
           for claim_id in session.scalars(statement, values[start:start + _ROWS_PER_INSERT])]
    denials = [{"id": ids[i], "denies_id": ids[c.denies]}
               for i, c in enumerate(claims) if c.denies is not None]
    rows = list(zip(ids, claims, speakers))
    children: dict[type[m.Base], list[dict[str, object]]] = {
        m.ClaimSpeaker: [{"claim_id": i, "position": j, "speaker_id": row.id, "mention": s.mention,
                          "mention_start": s.mention_start}
                         for i, c, found in rows
                         for j, (s, row) in enumerate(zip(c.speakers, found))],
        m.ClaimTopic: [{"claim_id": i, "topic_id": topics[t].id} for i, c, _ in rows
                       for t in c.topics],
        m.Quantity: [{"claim_id": i, **asdict(q)} for i, c, _ in rows for q in c.quantities],
        m.ClaimDate: [{"claim_id": i, "text": d.text, "value": d.value, "relative": d.relative}
                      for i, c, _ in rows for d in c.dates],
    }
    if denials:
        session.execute(update(m.Claim), denials)
    for model, values in children.items():
        if values:
            session.execute(insert(model), values)


def _claim_values(article_id: int, position: int, claim: domain.Claim) -> dict[str, object]:
    return {"article_id": article_id, "position": position, "text": claim.text,
            "sentence": claim.sentence, "start": claim.start, "end": claim.end,
            "kind": claim.kind, "anonymous": claim.anonymous, "event_date": claim.event_date,
            "told_on": claim.told_on, "context": claim.context, "via": list(claim.via),
            "cites": list(claim.cites), "rule": claim.rule or None,
            "matched": False}


def _claim_speakers(session: Session,
                    claims: tuple[domain.Claim, ...]) -> list[list[m.Speaker]]:
    """Each claim's canonical speakers."""
    flat = iter(resolve_speakers(session, [s for c in claims for s in c.speakers]))
    return [[next(flat) for _ in c.speakers] for c in claims]
