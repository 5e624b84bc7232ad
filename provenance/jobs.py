"""Whole jobs over the database: ingest files, re-tag topics. Each article is one unit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, delete, select

from provenance.db import models as m
from provenance.db.engine import unit_of_work
from provenance.db.store import article_by_hash, content_hash, store_article, topic_named
from provenance.domain import ArticleMeta, SourceDocument
from provenance.ingest.readers import ReadFailure, find_files, read_file
from provenance.match import update_matches
from provenance.nlp.pipeline import extract
from provenance.nlp.topics import Taxonomy, load_taxonomy, tag_claims

Progress = Callable[[str], None]


@dataclass
class IngestReport:
    """What an ingest run did, article by article."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    claims: int = 0
    failures: list[ReadFailure] = field(default_factory=list)


def ingest_paths(engine: Engine, paths: list[Path], *, override: ArticleMeta = ArticleMeta(),
                 force: bool = False, taxonomy: Taxonomy | None = None,
                 progress: Progress | None = None, match: bool = True) -> IngestReport:
    """Read, extract and store every article under ``paths``, then update matching."""
    taxonomy = taxonomy or load_taxonomy()
    report = IngestReport()
    for path in find_files(paths):
        for item in read_file(path, override):
            if isinstance(item, ReadFailure):
                report.failures.append(item)
            else:
                _ingest_one(engine, item, force, taxonomy, report)
        if progress:
            progress(str(path))
    if match and (report.added or report.updated):
        with unit_of_work(engine) as session:
            update_matches(session)
    return report


def _ingest_one(engine: Engine, doc: SourceDocument, force: bool, taxonomy: Taxonomy,
                report: IngestReport) -> None:
    digest = content_hash(doc.text)
    with unit_of_work(engine) as session:
        existing = article_by_hash(session, digest)
        if existing is not None and not force:
            report.unchanged += 1
            return
    extraction = extract(doc, taxonomy)
    with unit_of_work(engine) as session:
        existing = article_by_hash(session, digest)
        store_article(session, doc, extraction, digest, existing)
    report.claims += len(extraction.claims)
    if existing is None:
        report.added += 1
    else:
        report.updated += 1


def seed_folder() -> Path:
    """The sample articles: shipped inside the wheel, or the checkout's ``seeds/``."""
    shipped = Path(__file__).resolve().parent / "_seeds"
    return shipped if shipped.is_dir() else Path(__file__).resolve().parents[1] / "seeds"


def retag(engine: Engine, taxonomy: Taxonomy | None = None) -> int:
    """Re-apply the taxonomy to every stored claim; returns how many claims changed."""
    taxonomy = taxonomy or load_taxonomy()
    changed = 0
    with unit_of_work(engine) as session:
        for article in session.scalars(select(m.Article)):
            claims = list(article.claims)
            lines = _paragraphs(article.text, claims)
            tags = tag_claims(taxonomy, [(c.text, c.context, line)
                                         for c, line in zip(claims, lines)])
            for claim, topics in zip(claims, tags):
                if {t.topic.name for t in claim.topics} == topics:
                    continue
                session.execute(delete(m.ClaimTopic).where(m.ClaimTopic.claim_id == claim.id))
                claim.topics = [m.ClaimTopic(topic=topic_named(session, t))
                                for t in sorted(topics)]
                changed += 1
    return changed


def _paragraphs(text: str, claims: list[m.Claim]) -> list[int]:
    return [text.count("\n", 0, c.start) for c in claims]
