"""A desk's verdicts: recorded, listed in every format, and never lost to re-extraction."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

from typer.testing import CliRunner

from provenance.cli import app
from provenance.db.engine import open_database, unit_of_work
from provenance.db.reviews import Verdict, add_review, all_reviews
from provenance.db.store import article_by_hash, content_hash, store_article
from provenance.domain import ArticleMeta, SourceDocument
from provenance.nlp.pipeline import extract

ARTICLE = ("The port authority said on Monday that 4,000 containers had been stranded by "
           "the strike.\n\nThe dockers' union said the figure was closer to 9,000.\n")
REVISED = ("The port authority said on Monday that 4,000 containers had been stranded by "
           "the strike.\n\nThe dockers' union said the figure was closer to 9,000.\n\n"
           "Talks resume on Thursday, the mediator said.\n")


def prov(runner: CliRunner, db: str, *args: str, stdin: str | None = None
         ) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--db", db, *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def claim_id(runner: CliRunner, db: str, words: str) -> int:
    rows = json.loads(prov(runner, db, "claims", "--format", "json")[1])
    return next(int(r["id"]) for r in rows if words in r["text"])


def ingest(runner: CliRunner, db: str, text: str, *flags: str) -> None:
    code, _, err = prov(runner, db, "ingest", "--outlet", "Harbour Post", "--published",
                        "2025-06-02", *flags, "-", stdin=text)
    assert code == 0, err


def test_a_review_is_stored_and_listed(runner: CliRunner, db_url: str) -> None:
    ingest(runner, db_url, ARTICLE)
    cid = claim_id(runner, db_url, "4,000 containers")
    code, out, _ = prov(runner, db_url, "review", str(cid), "--rating", "Disputed",
                        "--score", "2", "--note", "The union counts twice as many.",
                        "--reviewer", "Desk A", "--date", "2025-06-03")
    assert code == 0 and "Disputed" in out
    rows = json.loads(prov(runner, db_url, "reviews", "--format", "json")[1])
    assert [(r["claim_id"], r["rating"], r["rating_value"], r["best_rating"],
             r["worst_rating"], r["reviewer"], r["reviewed_on"]) for r in rows] == [
        (cid, "Disputed", 2.0, 5.0, 1.0, "Desk A", "2025-06-03")]
    table = prov(runner, db_url, "reviews")[1]
    assert "Disputed" in table and table.rstrip().endswith("1 review")
    sheet = list(csv.DictReader(io.StringIO(prov(runner, db_url, "reviews", "--format",
                                                 "csv")[1])))
    assert sheet[0]["rating"] == "Disputed" and "4,000 containers" in sheet[0]["claim_text"]


def test_a_review_outlives_re_extraction_of_its_article(runner: CliRunner,
                                                         db_url: str) -> None:
    ingest(runner, db_url, ARTICLE)
    cid = claim_id(runner, db_url, "4,000 containers")
    prov(runner, db_url, "review", str(cid), "--rating", "Unproven")
    ingest(runner, db_url, ARTICLE, "--force")
    new_id = claim_id(runner, db_url, "4,000 containers")  # rebuilt rows (SQLite reuses ids)
    rows = json.loads(prov(runner, db_url, "reviews", "--format", "json")[1])
    assert [(r["claim_id"], r["rating"]) for r in rows] == [(new_id, "Unproven")]


def test_a_review_whose_claim_is_no_longer_extracted_stays_listed(sqlite_url: str) -> None:
    """When a newer prov extracts an article differently, a review of a claim that is gone
    keeps its text and waits, detached, rather than vanishing."""
    doc = SourceDocument("harbour.txt", REVISED.encode(), REVISED,
                         ArticleMeta(outlet="Harbour Post"), "txt")
    extraction = extract(doc)
    engine = open_database(sqlite_url)
    with unit_of_work(engine) as session:
        article = store_article(session, doc, extraction, content_hash(doc.text))
        talks = next(c for c in article.claims if "Talks resume" in c.text)
        add_review(session, talks.id, Verdict("True"))
    fewer = replace(extraction, claims=tuple(c for c in extraction.claims
                                             if "Talks resume" not in c.text))
    with unit_of_work(engine) as session:
        existing = article_by_hash(session, content_hash(doc.text))
        store_article(session, doc, fewer, content_hash(doc.text), existing)
    with unit_of_work(engine) as session:
        [review] = all_reviews(session)
        assert review.claim_id is None and review.rating == "True"
        assert "Talks resume" in review.claim_text and review.article_id == existing.id


def test_review_errors_are_one_line(runner: CliRunner, sqlite_url: str) -> None:
    ingest(runner, sqlite_url, ARTICLE)
    cid = str(claim_id(runner, sqlite_url, "4,000 containers"))
    for args, words in [((str(10**9), "--rating", "False"), "no claim with id"),
                        ((cid, "--rating", "  "), "--rating must say"),
                        ((cid, "--rating", "False", "--score", "7"), "outside the scale"),
                        ((cid, "--rating", "False", "--best", "3"), "need a --score"),
                        ((cid, "--rating", "False", "--date", "June 3"), "YYYY-MM-DD")]:
        code, _, err = prov(runner, sqlite_url, "review", *args)
        assert code == 2 and err.strip().count("\n") == 0 and words in err, (args, err)
    assert json.loads(prov(runner, sqlite_url, "reviews", "--format", "json")[1]) == []
