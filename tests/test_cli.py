"""The command line, end to end on the seeds, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import event, select
from typer.testing import CliRunner

from provenance.cli import app
from provenance.db import models as m
from provenance.db import queries as q
from provenance.db.engine import open_database, unit_of_work
from provenance.jobs import ingest_paths

SEEDS = Path(__file__).resolve().parents[1] / "seeds"



def prov(runner: CliRunner, db: str, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--db", db, *args])
    return result.exit_code, result.stdout, result.stderr


def test_demo_reports_counts_and_top_speakers(runner: CliRunner, db_url: str) -> None:
    code, out, _ = prov(runner, db_url, "demo")
    assert code == 0
    assert "5 added" in out
    assert "5 articles" in out
    assert "Nicolás Maduro" in out


def test_ingest_twice_changes_nothing(runner: CliRunner, db_url: str) -> None:
    prov(runner, db_url, "ingest", str(SEEDS))
    first = json.loads(prov(runner, db_url, "export", "--format", "json")[1])
    code, out, _ = prov(runner, db_url, "ingest", str(SEEDS))
    second = json.loads(prov(runner, db_url, "export", "--format", "json")[1])
    assert code == 0 and "0 added" in out and "5 unchanged" in out
    assert len(first["claims"]) == len(second["claims"]) > 50
    assert [c["id"] for c in first["claims"]] == [c["id"] for c in second["claims"]]
    rules = {c["rule"] for c in first["claims"]}  # which rule credited each claim
    assert "reporting_verb" in rules and all(c["rule"] for c in first["claims"] if c["speaker"])


def test_force_reextracts_without_duplicating(runner: CliRunner, sqlite_url: str) -> None:
    prov(runner, sqlite_url, "ingest", str(SEEDS))
    before = json.loads(prov(runner, sqlite_url, "export")[1])
    code, out, _ = prov(runner, sqlite_url, "ingest", "--force", str(SEEDS))
    after = json.loads(prov(runner, sqlite_url, "export")[1])
    assert code == 0 and "5 re-extracted" in out
    assert len(after["articles"]) == len(before["articles"]) == 5
    assert len(after["claims"]) == len(before["claims"])


def test_claims_by_topic_finds_sanctions_without_the_word(runner: CliRunner,
                                                          db_url: str) -> None:
    prov(runner, db_url, "ingest", str(SEEDS))
    code, out, _ = prov(runner, db_url, "claims", "--topic", "sanctions", "--format", "json")
    assert code == 0
    texts = [c["text"] for c in json.loads(out)]
    assert any("coercive measures" in t for t in texts)
    assert all("sanctions" in c["topics"] for c in json.loads(out))


def test_claims_filters_combine(runner: CliRunner, sqlite_url: str) -> None:
    prov(runner, sqlite_url, "ingest", str(SEEDS))
    code, out, _ = prov(runner, sqlite_url, "claims", "--outlet", "moscow times", "--since",
                        "2025-01-01", "--speaker", "putin", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and rows
    assert {r["outlet"] for r in rows} == {"The Moscow Times"}
    assert all(r["published"] >= "2025-01-01" and r["speaker"] == "Vladimir Putin" for r in rows)


def test_claims_search_is_fuzzy(runner: CliRunner, sqlite_url: str) -> None:
    prov(runner, sqlite_url, "ingest", str(SEEDS))
    code, out, _ = prov(runner, sqlite_url, "claims", "--search", "strategic partnersip treaty",
                        "--format", "csv", "--limit", "3")
    assert code == 0
    assert "strategic partnership treaty" in out.splitlines()[1]


def test_unknown_topic_is_one_line_with_closest_match(runner: CliRunner,
                                                      sqlite_url: str) -> None:
    code, out, err = prov(runner, sqlite_url, "claims", "--topic", "sanction")
    assert code == 2
    assert err.count("\n") == 1 and "did you mean 'sanctions'" in err and "elections" in err


def test_sources_show_roles_and_counts(runner: CliRunner, db_url: str) -> None:
    prov(runner, db_url, "ingest", str(SEEDS))
    code, out, _ = prov(runner, db_url, "sources", "--format", "json")
    assert code == 0
    ushakov = next(row for row in json.loads(out) if row["name"] == "Yuri Ushakov")
    assert ushakov["kind"] == "person" and ushakov["claims"] >= 1
    assert any("presidential press advisor" in role for role in ushakov["roles"])
    code, out, _ = prov(runner, db_url, "sources")
    assert code == 0 and "Yuri Ushakov" in out and "speakers" in out.splitlines()[-1]


def test_show_gives_sentence_chain_and_article(runner: CliRunner, sqlite_url: str) -> None:
    prov(runner, sqlite_url, "ingest", str(SEEDS))
    rows = json.loads(prov(runner, sqlite_url, "claims", "--speaker", "Le Point",
                           "--format", "json")[1])
    code, out, _ = prov(runner, sqlite_url, "show", str(rows[0]["id"]))
    assert code == 0
    assert "The Moscow Times -> Le Point -> anonymous sources  (outermost first)" in out
    assert "citing anonymous sources" in out


def test_show_unknown_claim_fails_cleanly(runner: CliRunner, sqlite_url: str) -> None:
    code, _, err = prov(runner, sqlite_url, "show", "99999")
    assert code == 2 and "no claim with id 99999" in err and "Traceback" not in err


def test_bad_files_are_skipped_and_reported(runner: CliRunner, sqlite_url: str,
                                            tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text("The minister said the bridge would open in May.\n")
    (folder / "empty.txt").write_text("   \n")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (folder / "broken.json").write_text('{"text": "unterminated')
    code, out, err = prov(runner, sqlite_url, "ingest", str(folder))
    assert code == 1
    assert "1 added" in out and "3 failed" in out
    lines = err.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith("prov: skipped") for line in lines)


def test_missing_path_is_reported(runner: CliRunner, sqlite_url: str, tmp_path: Path) -> None:
    code, _, err = prov(runner, sqlite_url, "ingest", str(tmp_path / "nope.txt"))
    assert code == 1 and "no such file" in err


def test_unreachable_database_is_one_line(runner: CliRunner) -> None:
    code, _, err = prov(runner, "postgresql+psycopg://bob:secret@127.0.0.1:1/none", "sources")
    assert code == 3
    assert "cannot connect" in err and "secret" not in err and err.count("\n") == 1


@pytest.mark.parametrize("command", [[], ["ingest"], ["demo"], ["claims"], ["sources"],
                                     ["show"], ["groups"], ["conflicts"], ["export"],
                                     ["topics"], ["topics", "retag"], ["match"], ["db"],
                                     ["db", "upgrade"], ["db", "current"]])
def test_every_command_has_help(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert len(result.stdout.strip().splitlines()) > 3


def test_db_commands_report_revision(runner: CliRunner, db_url: str) -> None:
    code, out, _ = prov(runner, db_url, "db", "upgrade")
    assert code == 0 and "revision" in out
    code, out, _ = prov(runner, db_url, "db", "current")
    current, head = (line.split()[-1] for line in out.splitlines())
    assert current == head


def test_an_untitled_article_is_shown_by_its_first_line_not_its_path(
        runner: CliRunner, sqlite_url: str, tmp_path: Path) -> None:
    article = tmp_path / "untitled.txt"
    article.write_text("The ferry to Port Ellis sank on Monday, the coastguard said.\n"
                       "All 40 passengers were rescued, officials said.\n")
    assert prov(runner, sqlite_url, "ingest", str(article))[0] == 0
    code, out, _ = prov(runner, sqlite_url, "show", "1")
    assert code == 0
    assert "article:   1 The ferry to Port Ellis sank on Monday" in out
    assert str(tmp_path) not in out.split("article:")[1].splitlines()[0]


def test_conflicts_are_limited_and_say_how_many_more(runner: CliRunner, db_url: str) -> None:
    prov(runner, db_url, "ingest", str(SEEDS))
    every = json.loads(prov(runner, db_url, "conflicts", "--limit", "0", "--format", "json")[1])
    assert len(every) >= 2
    code, out, err = prov(runner, db_url, "conflicts", "--limit", "1", "--format", "json")
    assert code == 0 and [c["id"] for c in json.loads(out)] == [every[0]["id"]]
    assert f"showing 1 of {len(every)} conflicts" in err
    outlet = every[0]["claims"][0]["outlet"]
    narrowed = json.loads(prov(runner, db_url, "conflicts", "--limit", "0", "--outlet",
                               outlet.upper(), "--format", "json")[1])
    assert narrowed and all(outlet in {c["outlet"] for c in r["claims"]} for r in narrowed)
    assert "showing" not in prov(runner, db_url, "conflicts")[2]  # all fit the default
    code, out, err = prov(runner, db_url, "groups", "--limit", "1", "--format", "json")
    groups = json.loads(prov(runner, db_url, "groups", "--format", "json")[1])
    assert len(json.loads(out)) == 1 and (len(groups) == 1 or f"of {len(groups)} groups" in err)


def test_listings_send_a_few_statements_however_many_claims(tmp_path: Path) -> None:
    """Loading what each row shows row by row costs a statement per claim (N+1): an export
    of 30,000 claims sent 30,000 statements."""
    counts = []
    engine = open_database(str(tmp_path / "n.db"))
    for folder in (SEEDS, SEEDS.parent / "tests" / "data" / "election"):
        ingest_paths(engine, [folder], workers=1)
        sent = [0]

        def listener(*_: object) -> None:
            sent[0] += 1
        event.listen(engine, "before_cursor_execute", listener)
        with unit_of_work(engine) as session:
            data = q.export(session)
            [q.claim_record(c.claim_a) for c in q.conflicts(session)]
        event.remove(engine, "before_cursor_execute", listener)
        counts.append((len(data["claims"]), sent[0]))
    (fewer, first), (more, second) = counts
    assert more > fewer and second == first, counts


def test_the_export_places_each_speaker_mention_in_its_article(runner: CliRunner,
                                                                db_url: str) -> None:
    """A report or a scorer can find the words that name a claim's speaker."""
    prov(runner, db_url, "ingest", str(SEEDS))
    exported = json.loads(prov(runner, db_url, "export", "--format", "json")[1])
    with unit_of_work(open_database(db_url)) as session:
        texts = dict(session.execute(select(m.Article.id, m.Article.text)).all())
    placed = [(mention, texts[c["article_id"]]) for c in exported["claims"]
              for mention in c["mentions"] if mention["start"] is not None]
    assert len(placed) > 20
    assert all(text[mention["start"]:mention["end"]] == mention["text"]
               for mention, text in placed)
