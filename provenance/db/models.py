"""The tables, as SQLAlchemy 2 typed models. Alembic migrations are built from these."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class BoundedString(TypeDecorator[str]):
    """A string column that never receives more than its length, nor a NUL.

    PostgreSQL refuses both (SQLite would keep them): one over-long outlet name or speaker
    phrase in one article must not fail the article. Values are cut to the length; NULs,
    which no article needs, are dropped. Applied to comparisons too, so a lookup by a long
    name finds the row stored under it.
    """

    impl = String
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        value = value.replace("\x00", "")
        length = getattr(self.impl_instance, "length", None)
        return value[:length] if length else value


class BoundedText(BoundedString):
    """A text column that never receives a NUL."""

    impl = Text
    cache_ok = True


def _now() -> datetime:
    return datetime.now(timezone.utc)


BROWSING_PREFIX = "claims_fts"
"""Full-text search (FTS5 tables and triggers on SQLite, a GIN index on PostgreSQL) is made
by migration 0009 in SQL the ORM does not model; schema comparisons leave it out."""


def modelled(name: str | None, type_: str, parent_names: object) -> bool:
    """Whether a database object belongs to the models (Alembic's ``include_name`` hook)."""
    return not (name or "").startswith(BROWSING_PREFIX)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Outlet(Base):
    __tablename__ = "outlets"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(BoundedString(200), unique=True)
    articles: Mapped[list[Article]] = relationship(back_populates="outlet")


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlets.id"), index=True)
    source: Mapped[str] = mapped_column(BoundedString(1000))
    format: Mapped[str] = mapped_column(BoundedString(10))
    title: Mapped[str | None] = mapped_column(BoundedString(1000))
    url: Mapped[str | None] = mapped_column(BoundedString(2000))
    published: Mapped[date | None] = mapped_column(Date, index=True)
    raw: Mapped[bytes] = mapped_column(LargeBinary)
    text: Mapped[str] = mapped_column(BoundedText)
    content_hash: Mapped[str] = mapped_column(BoundedString(64), unique=True)
    headline: Mapped[str | None] = mapped_column(BoundedString(1000))
    wire: Mapped[list[str]] = mapped_column(JSON, default=list)
    authors: Mapped[list[str] | None] = mapped_column(JSON, default=list)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)

    outlet: Mapped[Outlet | None] = relationship(back_populates="articles")
    claims: Mapped[list[Claim]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="Claim.position"
    )


class Speaker(Base):
    __tablename__ = "speakers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(BoundedString(300), index=True)
    kind: Mapped[str] = mapped_column(BoundedString(20))
    aliases: Mapped[list[SpeakerAlias]] = relationship(
        back_populates="speaker", cascade="all, delete-orphan"
    )
    roles: Mapped[list[SpeakerRole]] = relationship(
        back_populates="speaker", cascade="all, delete-orphan"
    )


class SpeakerAlias(Base):
    __tablename__ = "speaker_aliases"
    __table_args__ = (UniqueConstraint("speaker_id", "alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(BoundedString(300))
    block: Mapped[str] = mapped_column(BoundedString(20), index=True)
    speaker: Mapped[Speaker] = relationship(back_populates="aliases")


class SpeakerRole(Base):
    __tablename__ = "speaker_roles"
    __table_args__ = (UniqueConstraint("speaker_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(BoundedString(300))
    speaker: Mapped[Speaker] = relationship(back_populates="roles")


class Claim(Base):
    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(BoundedText)
    sentence: Mapped[str] = mapped_column(BoundedText)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(BoundedString(20))
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    event_date: Mapped[str | None] = mapped_column(BoundedString(10))
    told_on: Mapped[str | None] = mapped_column(BoundedString(10))
    """The date of the telling ("said on Wednesday that ..."), for a claim naming none."""
    context: Mapped[str] = mapped_column(BoundedText, default="")
    via: Mapped[list[str]] = mapped_column(JSON, default=list)
    cites: Mapped[list[str] | None] = mapped_column(JSON, default=list)
    """The part of ``via`` the speaker cites; NULL for claims stored before migration 0011."""
    rule: Mapped[str | None] = mapped_column(BoundedString(40), nullable=True)
    """The attribution rule that credited the claim; NULL before migration 0012."""
    matched: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(),
                                          index=True)
    denies_id: Mapped[int | None] = mapped_column(
        ForeignKey("claims.id", ondelete="SET NULL"), index=True
    )

    article: Mapped[Article] = relationship(back_populates="claims")
    speakers: Mapped[list[ClaimSpeaker]] = relationship(
        cascade="all, delete-orphan", order_by="ClaimSpeaker.position"
    )
    topics: Mapped[list[ClaimTopic]] = relationship(cascade="all, delete-orphan")
    quantities: Mapped[list[Quantity]] = relationship(cascade="all, delete-orphan")
    dates: Mapped[list[ClaimDate]] = relationship(cascade="all, delete-orphan")


class ClaimSpeaker(Base):
    __tablename__ = "claim_speakers"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id"), index=True)
    mention: Mapped[str | None] = mapped_column(BoundedString(300))
    mention_start: Mapped[int | None] = mapped_column(Integer)
    """Where ``mention`` stands in the article's text (None for claims stored before 0013)."""
    speaker: Mapped[Speaker] = relationship()


class Topic(Base):
    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(BoundedString(100), unique=True)


class ClaimTopic(Base):
    __tablename__ = "claim_topics"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[int] = mapped_column(
        ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    topic: Mapped[Topic] = relationship()


class Quantity(Base):
    __tablename__ = "quantities"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(BoundedString(300))
    value: Mapped[float | None] = mapped_column(Float)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(BoundedString(20))
    modifier: Mapped[str | None] = mapped_column(BoundedString(30))
    measure: Mapped[str | None] = mapped_column(BoundedString(200))


class ClaimDate(Base):
    __tablename__ = "claim_dates"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(BoundedString(200))
    value: Mapped[str] = mapped_column(BoundedString(10))
    relative: Mapped[bool] = mapped_column(Boolean, default=False)


class Group(Base):
    __tablename__ = "groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    independent: Mapped[int | None] = mapped_column(Integer)
    """Independent sources behind the group, counted when it was last matched."""
    dependence: Mapped[list[list[object]] | None] = mapped_column(JSON)
    """Why articles count as one source: [article id, article id, reason] for each link."""
    members: Mapped[list[GroupMember]] = relationship(
        back_populates="group", cascade="all, delete-orphan"
    )


class GroupMember(Base):
    __tablename__ = "group_members"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    group_id: Mapped[int] = mapped_column(
        ForeignKey("groups.id", ondelete="CASCADE"), index=True
    )
    score: Mapped[float] = mapped_column(Float, default=1.0)
    group: Mapped[Group] = relationship(back_populates="members")
    claim: Mapped[Claim] = relationship()


class Conflict(Base):
    __tablename__ = "conflicts"
    __table_args__ = (UniqueConstraint("claim_a_id", "claim_b_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(BoundedString(20))
    reason: Mapped[str] = mapped_column(BoundedText)
    claim_a_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), index=True
    )
    claim_b_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), index=True
    )
    claim_a: Mapped[Claim] = relationship(foreign_keys=[claim_a_id])
    claim_b: Mapped[Claim] = relationship(foreign_keys=[claim_b_id])


class ClaimFrameRow(Base):
    """A claim's frame (``provenance.match.frames``), stored so matching never rebuilds it."""

    __tablename__ = "claim_frames"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer)
    frame: Mapped[dict[str, object]] = mapped_column(JSON)


class ClaimKey(Base):
    """A blocking key a matched claim holds, as a 64-bit hash (``match.keystore``): a match
    run looks up the earlier claims sharing its new claims' keys here, and reads only those."""

    __tablename__ = "claim_keys"
    __table_args__ = {"sqlite_with_rowid": False}

    key: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class MatchKey(Base):
    """How many claims held a key when term weights were last computed (the snapshot)."""

    __tablename__ = "match_keys"

    key: Mapped[str] = mapped_column(BoundedString(300), primary_key=True)
    claims: Mapped[int] = mapped_column(Integer)


class MatchState(Base):
    """One row: the size of the archive at the snapshot, and the frame version it used."""

    __tablename__ = "match_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    snapshot_claims: Mapped[int] = mapped_column(Integer)
    frame_version: Mapped[int] = mapped_column(Integer)


class Review(Base):
    """A fact-checker's verdict on a claim. Reviews are the desk's own work, so they outlive
    the claim's row: re-extracting an article sets ``claim_id`` to NULL, and the review is
    attached again to the new claim with the same text (``db.reviews.reattach``)."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int | None] = mapped_column(
        ForeignKey("claims.id", ondelete="SET NULL"), index=True
    )
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), index=True
    )
    claim_text: Mapped[str] = mapped_column(BoundedText)
    """The claim as it read when reviewed."""
    rating: Mapped[str] = mapped_column(BoundedString(200))
    rating_value: Mapped[float | None] = mapped_column(Float)
    best_rating: Mapped[float | None] = mapped_column(Float)
    worst_rating: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str | None] = mapped_column(BoundedText)
    reviewer: Mapped[str | None] = mapped_column(BoundedString(300))
    reviewed_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)

    claim: Mapped[Claim | None] = relationship()
