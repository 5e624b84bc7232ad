"""Several ingest processes at once, and a killed ingest: nothing lost, nothing doubled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.exc import OperationalError

from provenance.db import models as m
from provenance.db.engine import make_engine

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def prov(db: str, *args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PROV_DB": db}
    return subprocess.Popen([sys.executable, "-m", "provenance", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def counts(db: str) -> tuple[int, ...]:
    """Articles, claims, outlets, speakers and topics stored."""
    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            return tuple(conn.scalar(select(func.count()).select_from(table)) or 0
                         for table in (m.Article, m.Claim, m.Outlet, m.Speaker, m.Topic))
    finally:
        engine.dispose()


def test_eight_concurrent_ingests_store_each_article_and_speaker_once(
        db_url: str, sqlite_url: str) -> None:
    reference = prov(sqlite_url, "ingest", str(ROOT / "seeds"))
    assert reference.wait(120) == 0
    files = sorted(str(p) for p in (ROOT / "seeds").iterdir() if p.suffix != ".toml")
    # Each process starts at another article, so that articles naming one speaker are
    # written at the same moment by different processes.
    procs = [prov(db_url, "ingest", *files[i % len(files):], *files[:i % len(files)])
             for i in range(8)]
    for p in procs:
        assert p.wait(300) == 0, p.stderr.read() if p.stderr else ""
    assert counts(db_url) == counts(sqlite_url)


def matches(db: str) -> tuple[set[frozenset[int]], set[tuple[int, int, str]]]:
    """The groups (as sets of claim ids) and the conflicts stored."""
    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            groups: dict[int, set[int]] = {}
            for group, claim in conn.execute(select(m.GroupMember.group_id,
                                                    m.GroupMember.claim_id)):
                groups.setdefault(group, set()).add(claim)
            conflicts = {(a, b, kind) for a, b, kind in conn.execute(
                select(m.Conflict.claim_a_id, m.Conflict.claim_b_id, m.Conflict.kind))}
    finally:
        engine.dispose()
    return {frozenset(g) for g in groups.values()}, conflicts


def test_concurrent_ingests_match_as_a_rebuild_does(db_url: str) -> None:
    """Four processes ingest and match one story at once, each its own articles: the
    matchers take turns, and what they leave is what matching everything again finds."""
    files = sorted(str(p) for p in (ROOT / "tests" / "data" / "boat").iterdir()
                   if p.suffix in (".md", ".html", ".json", ".txt"))
    procs = [prov(db_url, "ingest", path) for path in files]
    for p in procs:
        assert p.wait(300) == 0, p.stderr.read() if p.stderr else ""
    groups, conflicts = matches(db_url)
    assert groups and conflicts
    assert prov(db_url, "match", "--rebuild").wait(300) == 0
    assert matches(db_url) == (groups, conflicts)


def write_corpus(folder: Path, n: int) -> None:
    from corpus import articles

    folder.mkdir()
    for name, outlet, published, body in articles(n):
        (folder / name).write_text(f"---\noutlet: {outlet}\npublished: {published}\n---\n"
                                   f"{body}", encoding="utf-8")


def stored_articles(db: str) -> int:
    """Articles stored so far; 0 while the file or its tables are still being created."""
    if not Path(db).exists():
        return 0
    try:
        return counts(db)[0]
    except OperationalError:  # migrations not finished, or the writer holds the lock
        return 0


def test_killed_ingest_leaves_a_consistent_database(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    write_corpus(folder, 150)
    db = str(tmp_path / "k.db")
    proc = prov(db, "ingest", str(folder))
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        if stored_articles(db) >= 5:
            break  # killed mid-way, with some articles stored and more to come
        time.sleep(0.1)
    assert proc.poll() is None, "ingest finished before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        assert conn.execute(text("pragma integrity_check")).scalar() == "ok"
        assert conn.execute(text("pragma foreign_key_check")).all() == []
        orphans = conn.scalar(text(
            "select count(*) from articles a where not exists "
            "(select 1 from claims c where c.article_id = a.id)"))
    assert orphans == 0
    assert prov(db, "ingest", str(folder)).wait(300) == 0
    fresh = str(tmp_path / "fresh.db")
    assert prov(fresh, "ingest", str(folder)).wait(300) == 0
    assert counts(db)[:2] == counts(fresh)[:2]
