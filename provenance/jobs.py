"""Whole jobs over the database: ingest files, re-tag topics. Each article is one unit."""

from __future__ import annotations

import random
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, delete, select
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from provenance.db import models as m
from provenance.db.engine import short_error, unit_of_work
from provenance.db.store import (
    article_by_hash,
    content_hash,
    store_article,
    topic_named,
    without_furniture,
)
from provenance.domain import ArticleMeta, Extraction, SourceDocument
from provenance.errors import DatabaseError
from provenance.ingest.readers import Input, ReadFailure, find_files, input_name, read_input
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
    unread: list[tuple[str, int]] = field(default_factory=list)
    """Articles with sentences too long to read for attribution, and how many."""


WRITE_ATTEMPTS = 6
"""How often an article's transaction is retried when another writer got in first."""


def ingest_paths(engine: Engine, paths: Sequence[Input], *, override: ArticleMeta = ArticleMeta(),
                 force: bool = False, taxonomy: Taxonomy | None = None,
                 progress: Progress | None = None, match: bool = True,
                 workers: int = 1, follow_links: bool = False) -> IngestReport:
    """Read, extract and store every article under ``paths`` (files, folders, URLs or bytes
    already read), then update matching.

    With ``workers`` > 1, extraction runs in that many processes; writes stay in this one,
    one transaction per article. Links out of a folder are refused unless ``follow_links``.
    """
    taxonomy = taxonomy or load_taxonomy()
    found = find_files(paths, follow_links)
    report = IngestReport(failures=list(found.refused))
    work = _work(engine, found.files, override, force, report)
    with _extractor(workers) as pool:
        for item, extraction in _in_order(pool, partial(_extract, taxonomy=taxonomy), work,
                                          window=4 * workers):
            if isinstance(extraction, ReadFailure):
                report.failures.append(extraction)
            elif item.doc is not None and extraction is not None:
                _store(engine, item.doc, extraction, force, report)
            if item.ends_file and progress:
                progress(input_name(item.path))
    if match:  # also when nothing was added: a killed run may have left claims unmatched
        match_new_claims(engine)
    return report


def match_new_claims(engine: Engine, rebuild: bool = False) -> None:
    """Group and flag conflicts for the claims not matched yet (all with ``rebuild``), in one
    transaction retried when a concurrent writer deadlocks or conflicts with it."""
    _retrying(lambda session: update_matches(session, rebuild=rebuild), engine)


@dataclass(frozen=True)
class _WorkItem:
    """One document to extract, or a file with nothing (left) to extract."""

    path: Input
    doc: SourceDocument | None
    ends_file: bool


def _work(engine: Engine, files: list[Input], override: ArticleMeta, force: bool,
          report: IngestReport) -> Iterator[_WorkItem]:
    for path in files:
        docs = []
        for item in _read(path, override):
            if isinstance(item, ReadFailure):
                report.failures.append(item)
            elif _needs_extraction(engine, item, force):
                docs.append(item)
            else:
                report.unchanged += 1
        if not docs:
            yield _WorkItem(path, None, True)
        for i, doc in enumerate(docs):
            yield _WorkItem(path, doc, i == len(docs) - 1)


def _read(item: Input, override: ArticleMeta) -> Iterator[SourceDocument | ReadFailure]:
    """``read_input``, where even an error prov did not foresee fails this input alone."""
    try:
        yield from read_input(item, override)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the run
        yield ReadFailure(input_name(item), f"could not be read ({_described(exc)})")


def _extract(item: _WorkItem, taxonomy: Taxonomy) -> Extraction | ReadFailure | None:
    if item.doc is None:
        return None
    try:
        return extract(item.doc, taxonomy)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
        return ReadFailure(item.doc.source, f"extraction failed ({_described(exc)})")


def _described(exc: BaseException) -> str:
    text = str(exc).splitlines()
    return f"{type(exc).__name__}: {text[0][:200]}" if text else type(exc).__name__


A = TypeVar("A")
B = TypeVar("B")
T = TypeVar("T")


def _in_order(pool: Executor, fn: Callable[[A], B], items: Iterable[A],
              window: int) -> Iterator[tuple[A, B]]:
    """``fn`` over ``items`` in ``pool``, results in input order, at most ``window`` ahead,
    so that the files of a large folder are not all read into memory at once."""
    pending: deque[tuple[A, Future[B]]] = deque()
    for item in items:
        pending.append((item, pool.submit(fn, item)))
        if len(pending) >= window:
            first, future = pending.popleft()
            yield first, future.result()
    for first, future in pending:
        yield first, future.result()


@contextmanager
def _extractor(workers: int) -> Iterator[Executor]:
    if workers <= 1:
        yield _InProcess()
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield pool


class _InProcess(Executor):
    """Runs each task at once, in this process."""

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        future: Future[object] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:  # noqa: BLE001 - raised again by result(), as map() would
            future.set_exception(exc)
        return future


def _needs_extraction(engine: Engine, doc: SourceDocument, force: bool) -> bool:
    digest = content_hash(doc.text)
    return force or _retrying(lambda session: article_by_hash(session, digest) is None, engine)


def _store(engine: Engine, doc: SourceDocument, extraction: Extraction, force: bool,
           report: IngestReport) -> None:
    digest = content_hash(doc.text)

    def write(session: Session) -> tuple[str, int]:
        existing = article_by_hash(session, digest)
        if existing is not None and not force:
            return "unchanged", 0  # another process stored it meanwhile
        kept = without_furniture(session, doc, extraction, existing)
        store_article(session, doc, kept, digest, existing)
        return "added" if existing is None else "updated", len(kept.claims)

    try:
        outcome, claims = _retrying(write, engine)
    except (DataError, IntegrityError) as exc:  # this article's data, not the database
        report.failures.append(ReadFailure(doc.source, f"could not be stored ({short_error(exc)})"))
        return
    if outcome == "unchanged":
        report.unchanged += 1
        return
    report.claims += claims
    if extraction.unread:
        report.unread.append((doc.source, extraction.unread))
    if outcome == "added":
        report.added += 1
    else:
        report.updated += 1


def _retrying(work: Callable[[Session], T], engine: Engine) -> T:
    """Run ``work`` in a transaction, again when a concurrent writer made it fail."""
    for attempt in range(WRITE_ATTEMPTS - 1):
        try:
            with unit_of_work(engine) as session:
                return work(session)
        except (IntegrityError, DatabaseError, OperationalError):
            time.sleep(0.1 * 2 ** attempt + random.random() * 0.1)
    with unit_of_work(engine) as session:
        return work(session)


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
