"""Writing articles and their claims. Functions take ``session`` and never commit."""

from __future__ import annotations

import hashlib

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, joinedload

from provenance import domain
from provenance.db import models as m
from provenance.nlp.speakers import same_speaker
from provenance.text import comparable


# Speakers already resolved while storing one article, by (name, kind, role).
SpeakerCache = dict[tuple[str, str, str | None], m.Speaker]


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
    article.title, article.url = doc.meta.title, doc.meta.url
    article.published, article.raw, article.text = doc.meta.published, doc.raw, doc.text
    article.headline, article.wire = extraction.headline, list(extraction.wire)
    article.outlet = outlet_named(session, doc.meta.outlet)
    session.add(article)
    session.flush()
    resolved: SpeakerCache = {}
    rows = [_claim_row(session, article, i, c, resolved)
            for i, c in enumerate(extraction.claims)]
    session.flush()
    for row, claim in zip(rows, extraction.claims):
        if claim.denies is not None:
            row.denies_id = rows[claim.denies].id
    session.flush()
    return article


def _claim_row(session: Session, article: m.Article, position: int,
               claim: domain.Claim, resolved: SpeakerCache) -> m.Claim:
    row = m.Claim(
        article_id=article.id, position=position, text=claim.text, sentence=claim.sentence,
        start=claim.start, end=claim.end, kind=claim.kind, anonymous=claim.anonymous,
        event_date=claim.event_date, context=claim.context, via=list(claim.via),
    )
    for i, speaker in enumerate(claim.speakers):
        canonical = _resolved(session, speaker, resolved)
        row.speakers.append(m.ClaimSpeaker(position=i, speaker=canonical, mention=speaker.mention))
    row.topics = [m.ClaimTopic(topic=topic_named(session, t)) for t in claim.topics]
    row.quantities = [m.Quantity(text=q.text, value=q.value, low=q.low, high=q.high,
                                 unit=q.unit, modifier=q.modifier, measure=q.measure)
                      for q in claim.quantities]
    row.dates = [m.ClaimDate(text=d.text, value=d.value, relative=d.relative)
                 for d in claim.dates]
    session.add(row)
    return row


def _resolved(session: Session, speaker: domain.Speaker,
              resolved: SpeakerCache) -> m.Speaker:
    """``resolve_speaker``, once per name within an article (its claims repeat speakers)."""
    key = (speaker.name, speaker.kind, speaker.role)
    found = resolved.get(key)
    if found is None or speaker.kind == "anonymous":
        found = resolved[key] = resolve_speaker(session, speaker)
    return found


def speaker_block(name: str, kind: str) -> str:
    """Blocking key: speakers are only compared with those sharing it.

    A person's is the start of the surname; an organisation's the starts of its first two
    content words, so that "ministry of defence" and "ministry of health" fall apart.
    """
    words = comparable(name).split() or [""]
    keys = words[-1:] if kind == "person" else [w for w in words if len(w) > 3][:2] or words[:1]
    return " ".join(key[:4] for key in keys)


def resolve_speaker(session: Session, speaker: domain.Speaker) -> m.Speaker:
    """The canonical speaker a mention refers to, created or enriched as needed."""
    block = speaker_block(speaker.name, speaker.kind)
    found = None
    if speaker.kind != "anonymous":  # unnamed sources in two articles are not one person
        candidates = session.scalars(
            select(m.SpeakerAlias).where(m.SpeakerAlias.block == block)
            .options(joinedload(m.SpeakerAlias.speaker))
        ).all()
        # Each alias must fit, and so must the fullest name: a bare "Okonkwo" alias must not
        # draw "Chidi Okonkwo" into "Adaeze Okonkwo".
        matches = [a.speaker for a in candidates
                   if same_speaker(speaker.name, speaker.kind, a.alias, a.speaker.kind)
                   and same_speaker(speaker.name, speaker.kind, a.speaker.name, a.speaker.kind)]
        found = max(matches, key=lambda s: len(s.name), default=None)
    if found is None:
        found = m.Speaker(name=speaker.name, kind=speaker.kind)
        session.add(found)
    elif len(speaker.name.split()) > len(found.name.split()) and speaker.kind == found.kind:
        found.name = speaker.name  # "Maduro" first, "Nicolás Maduro" later: keep the fuller
    _add_alias(found, speaker.name, speaker.kind)
    if speaker.role and speaker.role not in {r.role for r in found.roles}:
        found.roles.append(m.SpeakerRole(role=speaker.role))
    session.flush()
    return found


def _add_alias(speaker: m.Speaker, alias: str, kind: str) -> None:
    if alias not in {a.alias for a in speaker.aliases}:
        speaker.aliases.append(m.SpeakerAlias(alias=alias, block=speaker_block(alias, kind)))
