"""``prov review`` and ``prov reviews``: a fact-checker's verdicts on claims."""

from __future__ import annotations

from typing import Any

import typer

from provenance.cli.common import MAX_ID, echo, options, parse_day
from provenance.cli.listing import Column, ListFormat, Listing, format_option, render
from provenance.db import models as m
from provenance.db.engine import unit_of_work
from provenance.db.reviews import Verdict, add_review, all_reviews


def register(app: typer.Typer) -> None:
    app.command("review")(review)
    app.command("reviews")(reviews)


def review(
    ctx: typer.Context,
    claim_id: int = typer.Argument(..., min=1, max=MAX_ID, help="Claim id (see prov claims)."),
    rating: str = typer.Option(..., help="The verdict in words: True, Misleading, False, ..."),
    score: float = typer.Option(None, help="The verdict as a number on the scale below."),
    best: float = typer.Option(None, help="The best score of the scale (default 5)."),
    worst: float = typer.Option(None, help="The worst score of the scale (default 1)."),
    note: str = typer.Option(None, help="Why: the evidence, in a sentence or two."),
    reviewer: str = typer.Option(None, envvar="PROV_REVIEWER", help="Who reviewed it."),
    on: str = typer.Option(None, "--date", help="Review date YYYY-MM-DD (default: today)."),
) -> None:
    """Record a verdict on a claim. Only reviewed claims become ClaimReviews in
    prov report --format jsonld; a new review of a claim supersedes the old one."""
    verdict = Verdict(rating, score, best, worst, note, reviewer, parse_day(on, "--date"))
    with unit_of_work(options(ctx).engine()) as session:
        stored = add_review(session, claim_id, verdict)
        echo(f"review {stored.id} of claim {claim_id}: {stored.rating}"
             + (f" ({stored.rating_value:g} of {stored.worst_rating:g}-{stored.best_rating:g})"
                if stored.rating_value is not None else ""))


def reviews(
    ctx: typer.Context,
    claim_id: int = typer.Option(None, "--claim", min=1, max=MAX_ID,
                                 help="Only the reviews of this claim."),
    fmt: ListFormat = format_option(),
) -> None:
    """Every verdict recorded, oldest first. A review whose claim is no longer extracted
    (its article changed) is listed with claim "-" and the text it was given for."""
    with unit_of_work(options(ctx).engine()) as session:
        rows = [review_record(r) for r in all_reviews(session, claim_id)]
    echo(render(fmt, REVIEWS, rows), nl=False)


REVIEWS = Listing(
    columns=[Column("review", "id", right=True), Column("claim", "claim_id", right=True),
             Column("date", "reviewed_on"), Column("rating", "rating"),
             Column("reviewer", "reviewer"), Column("claim text", "claim_text", wrap=True),
             Column("note", "note", wrap=True)],
    csv_fields=["id", "claim_id", "article_id", "reviewed_on", "rating", "rating_value",
                "best_rating", "worst_rating", "reviewer", "note", "claim_text"],
    noun="review", empty="no reviews yet (prov review CLAIM_ID --rating TEXT)")


def review_record(r: m.Review) -> dict[str, Any]:
    return {"id": r.id, "claim_id": r.claim_id, "article_id": r.article_id,
            "claim_text": r.claim_text, "rating": r.rating, "rating_value": r.rating_value,
            "best_rating": r.best_rating, "worst_rating": r.worst_rating, "note": r.note,
            "reviewer": r.reviewer, "reviewed_on": r.reviewed_on.isoformat()}
