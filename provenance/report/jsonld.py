"""schema.org ClaimReview (JSON-LD) for every reviewed claim, with PROV-O provenance.

Only claims a desk has reviewed (``prov review``) become ClaimReviews: markup with no
verdict cannot be published. Each item carries the fields Google documents as required
(``claimReviewed``, ``reviewRating.alternateName``, ``url``) and recommended (``author``,
``datePublished``, ``itemReviewed`` with its ``author``, ``datePublished``, ``appearance``
and ``firstAppearance``; the rating's scale). PROV-O terms are written as full IRIs, so
the document keeps the plain ``https://schema.org`` context that Google reads, and each
points to an entity with an ``@id``.
"""

from __future__ import annotations

from typing import Any

from provenance.escape import http_url, json_text
from provenance.report.build import Appearance, ClaimEntry, Report, ReviewEntry
from provenance.report.publication import Publication, slug

SCHEMA = "https://schema.org"
PROV = "http://www.w3.org/ns/prov#"
CLAIM_REVIEWED_MAX = 75
"""Google's advice: a claimReviewed longer than this wraps on a phone."""


def claim_reviews(report: Report, pub: Publication) -> list[dict[str, Any]]:
    """One ClaimReview per reviewed claim of the report."""
    pub.checked()
    return [_review(r, pub) for r in report.reviews]


def render_jsonld(report: Report, pub: Publication) -> str:
    return json_text(claim_reviews(report, pub)) + "\n"


def shortened(text: str, limit: int = CLAIM_REVIEWED_MAX) -> str:
    """``text`` cut at a word to at most ``limit`` characters, marked with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "\u2026"


def _review(r: ReviewEntry, pub: Publication) -> dict[str, Any]:
    url = pub.anchor(f"review-{r.id}")
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": r.rating, "name": r.rating}
    if r.score is not None:
        rating |= {"ratingValue": r.score, "bestRating": r.best, "worstRating": r.worst}
    review: dict[str, Any] = {
        "@context": SCHEMA, "@type": "ClaimReview", "@id": url, "url": url,
        "name": f"Fact check: {shortened(r.claim.text, 120)}",
        "claimReviewed": shortened(r.claim.text),
        "datePublished": r.reviewed_on.isoformat(),
        "author": _reviewer(r, pub),
        "publisher": _organisation(str(pub.publisher), pub.site),
        "reviewRating": rating,
        "itemReviewed": _claim(r.claim, r.appearances, pub),
    }
    if r.note:
        review["reviewBody"] = r.note
    return review


def _reviewer(r: ReviewEntry, pub: Publication) -> dict[str, Any]:
    name = pub.author or r.reviewer
    if name:
        return {"@type": "Person", "name": name}
    return _organisation(str(pub.publisher), pub.site)


def _organisation(name: str, url: str | None = None) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Organization", "name": name}
    if url:
        node["url"] = url
    return node


def _claim(e: ClaimEntry, appearances: tuple[Appearance, ...],
           pub: Publication) -> dict[str, Any]:
    works = [_work(a, pub) for a in appearances]
    source = _source(e, pub)
    claim: dict[str, Any] = {
        "@type": "Claim", "@id": pub.anchor(f"claim-{e.id}"), "text": e.text,
        "author": source, "appearance": works, "firstAppearance": works[0],
        f"{PROV}wasAttributedTo": {"@id": source["@id"]},
        f"{PROV}wasDerivedFrom": [{"@id": w["@id"]} for w in works],
    }
    if appearances[0].published:
        claim["datePublished"] = appearances[0].published.isoformat()
    if e.via:
        claim[f"{PROV}hadPrimarySource"] = [
            {"@id": pub.anchor(f"source-{slug(v)}"), "name": v} for v in e.via]
    if e.kind == "direct_quote":
        claim[f"{PROV}wasQuotedFrom"] = {"@id": source["@id"]}
    return claim


def _source(e: ClaimEntry, pub: Publication) -> dict[str, Any]:
    """Whoever made the claim: the speaker, or the outlet when it speaks for itself."""
    name = e.speaker or e.outlet or "unknown outlet"
    kind = "Person" if e.speaker and e.speaker_kind == "person" else "Organization"
    return {"@type": kind, "@id": pub.anchor(f"source-{slug(name)}"), "name": name}


def _work(a: Appearance, pub: Publication) -> dict[str, Any]:
    url = http_url(a.url)
    work: dict[str, Any] = {"@type": "CreativeWork",
                            "@id": url or pub.anchor(f"article-{a.article_id}"),
                            "headline": a.headline}
    if url:
        work["url"] = url
    if a.published:
        work["datePublished"] = a.published.isoformat()
    if a.outlet:
        work["publisher"] = _organisation(a.outlet)
    return work
