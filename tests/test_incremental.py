"""Matching new claims reads only what they can meet (the stored keys of earlier claims, and
the frames and groups those keys lead to), and finds what matching the whole archive again
finds."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, event, select
from sqlalchemy.engine import Engine
from test_reliability import DATA, _matches, exported, invoke

from provenance.db.engine import open_database, unit_of_work
from provenance.db.models import ClaimKey
from provenance.jobs import ingest_paths
from provenance.match.candidates import blocking_keys
from provenance.match.config import default_config
from provenance.match.store import stored_frames, update_matches


def _ingest_in_batches(db: str, story: Path, tmp_path: Path) -> None:
    """The first two articles of ``story`` in one ingest, then one article per ingest."""
    files = sorted(p for p in story.iterdir() if p.suffix != ".yaml")
    for n, batch in enumerate([files[:2], *([f] for f in files[2:])]):
        folder = tmp_path / f"{story.name}{n}"
        folder.mkdir()
        for path in batch:
            shutil.copy(path, folder)
        code, out = invoke(db, "ingest", str(folder))
        assert code == 0, out


@pytest.mark.parametrize("story", ["election", "spill", "tariff", "flight"])
def test_matching_article_by_article_equals_a_rebuild(story: str, sqlite_url: str,
                                                      tmp_path: Path) -> None:
    _ingest_in_batches(sqlite_url, DATA / story, tmp_path)
    incremental = _matches(exported(sqlite_url))
    assert invoke(sqlite_url, "match", "--rebuild")[0] == 0
    assert _matches(exported(sqlite_url)) == incremental
    assert incremental[0] and incremental[1]


def test_a_rebuild_between_snapshots_keeps_what_ingest_found(sqlite_url: str) -> None:
    """In this order the archive never doubles after the second article, so the last two
    are matched with the weights of the first two; a rebuild must not reweigh them."""
    order = ["02_harbour_voice.html", "01_varnos_daily.md", "04_radio_varnos.txt",
             "03_southern_wire.json"]
    for name in order:
        code, out = invoke(sqlite_url, "ingest", str(DATA / "boat" / name))
        assert code == 0, out
    incremental = _matches(exported(sqlite_url))
    assert invoke(sqlite_url, "match", "--rebuild")[0] == 0
    assert _matches(exported(sqlite_url)) == incremental and incremental[0]


def test_matching_article_by_article_equals_a_rebuild_on_postgres(pg_url: str,
                                                                  tmp_path: Path) -> None:
    _ingest_in_batches(pg_url, DATA / "election", tmp_path)
    incremental = _matches(exported(pg_url))
    assert invoke(pg_url, "match", "--rebuild")[0] == 0
    assert _matches(exported(pg_url)) == incremental


@pytest.fixture
def frames_read() -> Iterator[set[int]]:
    """The claim ids whose frames any statement selected, while the test runs."""
    read: set[int] = set()

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "claim_frames.frame" in statement and "claim_frames.claim_id IN" in statement:
            read.update(p for p in parameters if isinstance(p, int))

    event.listen(Engine, "before_cursor_execute", record)
    yield read
    event.remove(Engine, "before_cursor_execute", record)


def _claims_of(db: str, folder: str) -> set[int]:
    data = exported(db)
    articles = {a["id"] for a in data["articles"] if folder in str(a["source"])}
    return {c["id"] for c in data["claims"] if c["article_id"] in articles}  # type: ignore[misc]


def test_a_match_run_reads_no_frame_of_an_unrelated_story(sqlite_url: str, tmp_path: Path,
                                                          frames_read: set[int]) -> None:
    assert invoke(sqlite_url, "ingest", str(DATA / "storm"))[0] == 0
    assert invoke(sqlite_url, "ingest", str(DATA / "mine"))[0] == 0
    later = tmp_path / "later"
    later.mkdir()
    (later / "valley_radio.md").write_text(
        "---\noutlet: Valley Radio\npublished: 2026-05-21\n---\n"
        "Sixteen miners were still trapped at Dunmore on Wednesday, the union said.\n", "utf-8")
    frames_read.clear()
    assert invoke(sqlite_url, "ingest", str(later))[0] == 0
    assert frames_read, "the run read no stored frame"
    assert not frames_read & _claims_of(sqlite_url, "storm")
    assert frames_read & _claims_of(sqlite_url, "mine")


def _keyed_claims(db: str) -> tuple[set[int], set[int]]:
    """The claims whose frames have blocking keys, and those with keys stored."""
    with unit_of_work(open_database(db, create=False)) as session:
        with_keys = {i for i, f in stored_frames(session).items() if blocking_keys(f)}
        stored = set(session.scalars(select(ClaimKey.claim_id)))
    return with_keys, stored


def test_an_archive_without_stored_keys_is_matched_again_once(sqlite_url: str,
                                                              tmp_path: Path) -> None:
    _ingest_in_batches(sqlite_url, DATA / "spill", tmp_path)  # an archive matched ...
    with unit_of_work(open_database(sqlite_url)) as session:
        session.execute(delete(ClaimKey))  # ... before its keys were stored
    more = tmp_path / "more"
    shutil.copytree(DATA / "election", more, ignore=shutil.ignore_patterns("*.yaml"))
    assert invoke(sqlite_url, "ingest", str(more))[0] == 0
    with_keys, stored = _keyed_claims(sqlite_url)
    assert _claims_of(sqlite_url, "spill") & with_keys and with_keys == stored
    matched = _matches(exported(sqlite_url))
    assert invoke(sqlite_url, "match", "--rebuild")[0] == 0
    assert _matches(exported(sqlite_url)) == matched


def test_matching_in_small_batches_gives_what_one_batch_gives(sqlite_url: str) -> None:
    engine = open_database(sqlite_url)
    ingest_paths(engine, [DATA / "spill", DATA / "election"], match=False)
    with unit_of_work(engine) as session:
        update_matches(session, config=replace(default_config(), match_batch=5))
    batched = _matches(exported(sqlite_url))
    assert invoke(sqlite_url, "match", "--rebuild")[0] == 0
    assert _matches(exported(sqlite_url)) == batched
    assert batched[0] and batched[1]
