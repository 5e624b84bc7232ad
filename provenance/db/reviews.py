"""Fact-checkers' verdicts on claims: stored, listed, and kept across re-extraction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from provenance.db import models as m
from provenance.db.queries import get_claim
from provenance.errors import InputError

DEFAULT_BEST, DEFAULT_WORST = 5.0, 1.0
"""The scale of a numeric rating when only ``--score`` is given (the ClaimReview default)."""
REATTACH_MIN = 90
"""rapidfuzz ratio at which a re-extracted claim is the one a review was about."""


@dataclass(frozen=True)
class Verdict:
    """What a reviewer decided: a rating in words, optionally a score on a scale."""

    rating: str
    score: float | None = None
    best: float | None = None
    worst: float | None = None
    note: str | None = None
    reviewer: str | None = None
    on: date | None = None

    def checked(self) -> Verdict:
        """The verdict with its scale filled in; :class:`InputError` when it does not hold."""
        rating = " ".join(self.rating.split())
        if not rating:
            raise InputError("--rating must say something, such as 'False' or 'Misleading'")
        if self.score is None and (self.best is not None or self.worst is not None):
            raise InputError("--best and --worst need a --score")
        best, worst = self.best, self.worst
        if self.score is not None:
            best = DEFAULT_BEST if best is None else best
            worst = DEFAULT_WORST if worst is None else worst
            if not worst <= self.score <= best:
                raise InputError(f"--score {self.score:g} is outside the scale "
                                 f"{worst:g} (worst) to {best:g} (best)")
        return Verdict(rating, self.score, best, worst, self.note, self.reviewer,
                       self.on or date.today())


def add_review(session: Session, claim_id: int, verdict: Verdict) -> m.Review:
    """Store a verdict on a claim; a later review of the same claim supersedes it."""
    claim = get_claim(session, claim_id)
    v = verdict.checked()
    review = m.Review(claim_id=claim.id, article_id=claim.article_id, claim_text=claim.text,
                      rating=v.rating, rating_value=v.score, best_rating=v.best,
                      worst_rating=v.worst, note=v.note, reviewer=v.reviewer,
                      reviewed_on=v.on)
    session.add(review)
    session.flush()
    return review


def all_reviews(session: Session, claim_id: int | None = None) -> list[m.Review]:
    """Every review, oldest first (of one claim, given ``claim_id``)."""
    query = select(m.Review).order_by(m.Review.id)
    if claim_id is not None:
        query = query.where(m.Review.claim_id == claim_id)
    return list(session.scalars(query))


def current_reviews(session: Session) -> dict[int, m.Review]:
    """The latest review of each claim that has one."""
    return {r.claim_id: r for r in all_reviews(session) if r.claim_id is not None}


def reattach(session: Session, article_id: int) -> None:
    """Give the reviews of a re-extracted article back to its new claims: to the claim with
    the same text, else the most similar one when it is close enough. A review whose claim
    is no longer extracted keeps its text and stays listed, detached."""
    detached = list(session.scalars(select(m.Review).where(
        m.Review.article_id == article_id, m.Review.claim_id.is_(None))))
    if not detached:
        return
    rows = session.execute(select(m.Claim.id, m.Claim.text).where(m.Claim.article_id
                                                                   == article_id))
    texts = {claim_id: text for claim_id, text in rows}
    for review in detached:
        best = process.extractOne(review.claim_text, texts, scorer=fuzz.ratio,
                                  score_cutoff=REATTACH_MIN)
        if best is not None:
            review.claim_id = best[2]  # (text, score, claim id)
    session.flush()
