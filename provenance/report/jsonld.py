"""schema.org ClaimReview drafts (JSON-LD) with PROV-O terms, one per checked claim.

``reviewRating`` is a placeholder for the fact-checker: ``ratingValue`` is null and
``alternateName`` reads "UNRATED - to be completed by a reviewer" until a human decides.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from provenance.escape import http_url, json_text
from provenance.report.build import ClaimEntry, Report

RATING_PLACEHOLDER = "UNRATED - to be completed by a reviewer"


def _author(e: ClaimEntry) -> dict[str, Any]:
    if e.speaker:
        kind = "Person" if e.speaker_kind == "person" else "Organization"
        return {"@type": kind, "name": e.speaker}
    return {"@type": "Organization", "name": e.outlet or "unknown outlet"}


def _review(e: ClaimEntry, publisher: str, today: date, why: str,
            related: list[ClaimEntry]) -> dict[str, Any]:
    appearance = [{"@type": "CreativeWork", "headline": x.article, "url": http_url(x.url),
                   "datePublished": x.published.isoformat() if x.published else None,
                   "publisher": {"@type": "Organization", "name": x.outlet}}
                  for x in [e, *related]]
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "claimReviewed": e.text,
        "author": {"@type": "Organization", "name": publisher},
        "datePublished": today.isoformat(),
        "url": f"#claim-{e.id}",
        "reviewRating": {"@type": "Rating", "ratingValue": None, "bestRating": 5,
                         "worstRating": 1, "alternateName": RATING_PLACEHOLDER},
        "itemReviewed": {
            "@type": "Claim", "author": _author(e),
            "datePublished": e.published.isoformat() if e.published else None,
            "appearance": appearance, "firstAppearance": appearance[0],
        },
        "prov:wasAttributedTo": e.speaker or e.outlet,
        "prov:hadPrimarySource": list(e.via) or None,
        "prov:wasQuotedFrom": e.speaker if e.kind == "direct_quote" else None,
        "description": why,
    }
    return review


def render_jsonld(report: Report, publisher: str = "prov", today: date | None = None) -> str:
    """Every conflicting or corroborated claim as a ClaimReview draft."""
    today = today or date.today()
    items: list[dict[str, Any]] = []
    seen: set[int] = set()
    for c in report.conflicts:
        for side in c.sides:
            if side.id not in seen:
                seen.add(side.id)
                items.append(_review(side, publisher, today, f"{c.kind} conflict: {c.reason}",
                                     []))
    for g in report.corroborated:
        head, *rest = g.claims
        if head.id not in seen:
            seen.add(head.id)
            items.append(_review(head, publisher, today,
                                 f"reported by {g.outlets} outlets, {g.independent} independent"
                                 " sources", rest))
    doc = {"@context": {"@vocab": "https://schema.org/", "prov": "http://www.w3.org/ns/prov#"},
           "@graph": items}
    return json_text(doc) + "\n"
