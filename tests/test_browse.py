"""The database as people browse it: SQL views, full-text search, and words for kinds."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from provenance.cli import app
from provenance.db.engine import downgrade, make_engine, upgrade

STORY = ("The water board said on Monday that the reservoir stood at 41 percent of capacity."
         "\n\nFarmers' unions dispute the figure. The drought has lasted three summers.\n")
FOLLOW_UP = ("A board spokeswoman, Ines Carvalho, told reporters the reservoir had fallen to "
             "38 percent.\n\nIrrigation quotas will be cut in July.\n")


def prov(runner: CliRunner, db: str, *args: str, stdin: str | None = None) -> str:
    result = runner.invoke(app, ["--db", db, *args], input=stdin)
    assert result.exit_code == 0, result.output
    return result.stdout


def ingest_story(runner: CliRunner, db: str) -> None:
    for outlet, day, body in (("Valley Courier", "2025-08-04", STORY),
                              ("Delta Post", "2025-08-06", FOLLOW_UP)):
        prov(runner, db, "ingest", "--outlet", outlet, "--published", day, "-", stdin=body)


def test_plain_sqlite3_finds_the_views_and_searches_claims(runner: CliRunner,
                                                            sqlite_url: str) -> None:
    ingest_story(runner, sqlite_url)
    with sqlite3.connect(sqlite_url) as conn:
        views = {r[0] for r in conn.execute("select name from sqlite_master where type='view'")}
        assert {"claims_view", "conflicts_view", "groups_view"} <= views
        columns = [r[1] for r in conn.execute("pragma table_info(claims_view)")]
        for wanted in ("id", "text", "sentence", "kind", "speaker", "via", "anonymous",
                       "outlet", "published", "title", "url", "topics"):
            assert wanted in columns
        rows = conn.execute("select speaker, outlet, published from claims_view "
                            "where text like '%38 percent%'").fetchall()
        assert rows == [("Ines Carvalho", "Delta Post", "2025-08-06")]
        hits = conn.execute("select rowid from claims_fts where claims_fts match "
                            "'reservoir'").fetchall()
        assert len(hits) == 2
        # Datasette shows a search box on a table whose FTS table names it as content.
        assert conn.execute("select count(*) from sqlite_master where sql like "
                            "'%VIRTUAL TABLE%USING FTS%content=\"claims\"%'").fetchone() == (1,)


def test_full_text_index_follows_re_extraction(runner: CliRunner, sqlite_url: str) -> None:
    ingest_story(runner, sqlite_url)
    prov(runner, sqlite_url, "ingest", "--force", "--outlet", "Valley Courier", "-",
         stdin=STORY)
    with sqlite3.connect(sqlite_url) as conn:
        claims = conn.execute("select count(*) from claims").fetchone()[0]
        indexed = conn.execute("select count(*) from claims_fts_docsize").fetchone()[0]
        conn.execute("insert into claims_fts(claims_fts) values ('integrity-check')")  # raises
    assert indexed == claims  # no stale entries for the rows re-extraction replaced
    found = json.loads(prov(runner, sqlite_url, "claims", "--search", "reservoir",
                            "--format", "json"))
    assert len(found) == 2 and all("reservoir" in c["sentence"] for c in found)


def test_search_uses_whole_words_then_falls_back_to_fuzzy(runner: CliRunner,
                                                          db_url: str) -> None:
    ingest_story(runner, db_url)
    words = json.loads(prov(runner, db_url, "claims", "--search", "irrigat",
                            "--format", "json"))
    assert [c["text"] for c in words] == ["Irrigation quotas will be cut in July."]
    misspelt = json.loads(prov(runner, db_url, "claims", "--search", "resevoir",
                               "--format", "json"))
    assert misspelt and all("reservoir" in c["text"] for c in misspelt)
    hostile = prov(runner, db_url, "claims", "--search", 'reservoir" OR * NEAR(', "--format",
                   "json")
    assert isinstance(json.loads(hostile), list)


def test_views_exist_on_postgresql_too(runner: CliRunner, db_url: str) -> None:
    ingest_story(runner, db_url)
    engine = create_engine(db_url if "://" in db_url else f"sqlite:///{db_url}")
    with engine.connect() as conn:
        rows = conn.execute(text("select kind, speaker, outlet from claims_view "
                                 "order by id")).all()
        assert ("outlet", None, "Valley Courier") in [tuple(r) for r in rows]
        assert conn.execute(text("select count(*) from groups_view")).scalar() is not None
        assert conn.execute(text("select count(*) from conflicts_view")).scalar() is not None
    engine.dispose()


def test_own_reporting_is_a_word_not_an_empty_cell(runner: CliRunner, sqlite_url: str) -> None:
    ingest_story(runner, sqlite_url)
    kinds = {c["kind"] for c in json.loads(prov(runner, sqlite_url, "claims", "--format",
                                                "json"))}
    assert "outlet" in kinds and "none" not in kinds


def test_upgrade_renames_the_kind_none_and_downgrade_restores_it(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "old.db"))
    upgrade(engine, "0008")
    with engine.begin() as conn:
        conn.execute(text("insert into articles (id, source, format, raw, text, content_hash, "
                          "wire, ingested_at) values (1, 'a.txt', 'txt', x'00', 't', 'h', "
                          "'[]', '2025-01-01')"))
        conn.execute(text("insert into claims (id, article_id, position, text, sentence, "
                          "start, \"end\", kind, anonymous, context, via, matched) values "
                          "(1, 1, 0, 'Quotas fall.', 'Quotas fall.', 0, 12, 'none', 0, '', "
                          "'[]', 0)"))
    upgrade(engine)
    with engine.connect() as conn:
        assert conn.execute(text("select kind from claims")).scalar() == "outlet"
        assert conn.execute(text("select count(*) from claims_fts where claims_fts "
                                 "match 'quotas'")).scalar() == 1
    downgrade(engine, "0008")
    with engine.connect() as conn:
        assert conn.execute(text("select kind from claims")).scalar() == "none"
    engine.dispose()
