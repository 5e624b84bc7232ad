"""Fault injection: kill prov at every point, fill the disk, hold the lock, cut the
connection, feed it hostile input; then count what was lost.

    python benchmarks/faults.py            # all faults, a few minutes on 2 cores
    python benchmarks/faults.py --quick    # fewer kill points

Prints the Markdown tables of docs/reliability.md. A kill is ``os._exit`` in a forked
process after its N-th SQL statement: no rollback, no cleanup, as ``kill -9`` leaves it,
but at a chosen point, so every run tries the same points. "Rows lost" compares the
database after the fault and one re-run with a database that never saw a fault.

The table fillers below are also used by tests/test_migrations.py.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Connection,
    Date,
    DateTime,
    Engine,
    Float,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    create_engine,
    event,
    func,
    select,
    text,
)

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import articles  # noqa: E402

from provenance.db import models as m  # noqa: E402
from provenance.db.engine import make_engine, open_database, upgrade  # noqa: E402
from provenance.errors import ProvError  # noqa: E402
from provenance.jobs import ingest_paths  # noqa: E402

PG_URL = os.environ.get("PROV_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
ROWS_PER_TABLE = 4
KILLED = 9


# --- Filling every table of a schema, and comparing snapshots ------------------------------

def _value(table: Table, column: Any, row: int) -> Any:
    """A distinct, valid value for ``column`` in the ``row``-th generated row."""
    if column.foreign_keys:
        target = next(iter(column.foreign_keys)).column.table
        if target is table:  # a self-reference (a denial) points at the first row
            return 1 if row > 1 else None
        return row
    kind = column.type
    if isinstance(kind, Boolean):
        return row % 2 == 0
    if isinstance(kind, Integer):
        return row
    if isinstance(kind, Float):
        return row + 0.25
    if isinstance(kind, DateTime):
        return datetime(2024, 3, row, 12, tzinfo=timezone.utc)
    if isinstance(kind, Date):
        return date(2024, 3, row)
    if isinstance(kind, LargeBinary):
        return f"raw bytes {row}".encode()
    if isinstance(kind, JSON):
        return [f"{column.name} {row}"]
    if isinstance(kind, String):  # Text included
        value = f"{table.name} {column.name} {row}"
        return value[:kind.length] if kind.length else value
    raise AssertionError(f"no generated value for {table.name}.{column.name} ({kind!r})")


def reflect(conn: Connection) -> MetaData:
    """The tables as the database has them now, without Alembic's own and without the
    full-text index, which is derived from the claims and rebuilt from them."""
    meta = MetaData()
    meta.reflect(conn)
    for name in list(meta.tables):
        if name == "alembic_version" or not m.modelled(name, "table", None):
            meta.remove(meta.tables[name])
    return meta


def fill_every_table(engine: Engine, rows: int = ROWS_PER_TABLE) -> None:
    """``rows`` generated rows in every table, children pointing at their parents."""
    with engine.begin() as conn:
        for table in reflect(conn).sorted_tables:
            conn.execute(table.insert(), [
                {column.name: _value(table, column, row) for column in table.columns}
                for row in range(1, rows + 1)])


Snapshot = dict[str, dict[tuple[Any, ...], dict[str, Any]]]


def snapshot(engine: Engine) -> Snapshot:
    """Every row of every table, keyed by primary key."""
    with engine.connect() as conn:
        return {table.name: {tuple(row[c.name] for c in table.primary_key): dict(row)
                             for row in conn.execute(select(table)).mappings()}
                for table in reflect(conn).sorted_tables}


def lost_rows(before: Snapshot, after: Snapshot, skip: set[tuple[str, str]]) -> list[str]:
    """What ``after`` lacks of ``before``: missing tables, rows and changed values (columns
    in ``skip`` may change, and columns ``after`` does not have are not compared)."""
    problems = []
    for table, rows in before.items():
        if table not in after:
            problems.append(f"table {table} disappeared")
            continue
        missing = rows.keys() - after[table].keys()
        problems += [f"{table} row {key} lost" for key in sorted(missing)]
        for key in rows.keys() & after[table].keys():
            problems += [f"{table}.{column} of {key} changed"
                         for column, value in rows[key].items()
                         if (table, column) not in skip and column in after[table][key]
                         and after[table][key][column] != value]
    return problems


# --- Killing a process after its N-th statement --------------------------------------------

def statements_in(work: Callable[[], object]) -> int:
    """How many SQL statements ``work`` sends."""
    seen: list[None] = []

    def count(*_args: Any) -> None:
        seen.append(None)

    event.listen(Engine, "before_cursor_execute", count)
    try:
        work()
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    return len(seen)


def _die_after(statements: int, work: Callable[[], object]) -> None:
    seen = 0

    def count(*_args: Any) -> None:
        nonlocal seen
        seen += 1
        if seen > statements:
            os._exit(KILLED)  # no rollback, no cleanup: what kill -9 leaves

    event.listen(Engine, "before_cursor_execute", count)
    work()
    os._exit(0)


def killed_after(statements: int, work: Callable[[], object]) -> bool:
    """Run ``work`` in a forked process killed after ``statements`` statements; whether it
    was killed (False: it finished first)."""
    child = multiprocessing.get_context("fork").Process(target=_die_after,
                                                        args=(statements, work))
    child.start()
    child.join(300)
    return child.exitcode == KILLED


def kill_points(total: int, wanted: int) -> list[int]:
    """``wanted`` statement counts spread over ``total``, the first and last included."""
    if total <= wanted:
        return list(range(total))
    return sorted({round(i * (total - 1) / (wanted - 1)) for i in range(wanted)})


# --- The faults ----------------------------------------------------------------------------

def _counts(db: str) -> dict[str, int]:
    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            return {t.__tablename__: conn.scalar(select(func.count()).select_from(t)) or 0
                    for t in (m.Article, m.Claim, m.ClaimSpeaker, m.Speaker, m.Quantity,
                              m.ClaimTopic, m.GroupMember, m.Conflict)}
    finally:
        engine.dispose()


def _consistent(db: str) -> bool:
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            return (conn.execute(text("pragma integrity_check")).scalar() == "ok"
                    and conn.execute(text("pragma foreign_key_check")).all() == []
                    and not conn.scalar(text(
                        "select count(*) from articles a where not exists "
                        "(select 1 from claims c where c.article_id = a.id)")))
    finally:
        engine.dispose()


def _write_corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    for name, outlet, published, body in articles(n):
        (folder / name).write_text(f"---\noutlet: {outlet}\npublished: {published}\n---\n"
                                   f"{body}", encoding="utf-8")


Row = tuple[str, int, int, str]  # fault, tries, failures, rows lost / note


def migration_kills(work: Path, points: int) -> Row:
    """kill -9 during ``db upgrade`` of a populated revision-0001 database."""
    pristine = work / "m0.db"
    engine = make_engine(str(pristine))
    upgrade(engine, "0001")
    fill_every_table(engine)
    before = snapshot(engine)
    engine.dispose()
    probe = work / "m-probe.db"
    shutil.copy(pristine, probe)
    total = statements_in(lambda: open_database(str(probe)).dispose())
    failures, lost = 0, 0
    for point in kill_points(total, points):
        victim = work / f"m-{point}.db"
        shutil.copy(pristine, victim)
        killed_after(point, lambda v=victim: open_database(str(v)))
        try:
            engine = open_database(str(victim))
        except ProvError:
            failures += 1
            continue
        problems = lost_rows(before, snapshot(engine), {("speaker_aliases", "block")})
        engine.dispose()
        lost += len(problems)
        failures += bool(problems)
    return ("kill -9 during a migration (0001 -> head), after each of its statements",
            len(kill_points(total, points)), failures, f"{lost} rows")


def ingest_kills(work: Path, points: int) -> Row:
    """kill -9 during ingest and matching, then one re-run."""
    folder = work / "corpus"
    _write_corpus(folder, 30)
    clean = str(work / "clean.db")
    ingest_paths(open_database(clean), [folder])
    expected = _counts(clean)
    empty = work / "empty.db"  # migrated, so that every kill lands in the ingest itself
    open_database(str(empty)).dispose()
    probe = str(work / "probe.db")
    shutil.copy(empty, probe)
    total = statements_in(lambda: ingest_paths(open_database(probe), [folder]))
    failures, lost = 0, 0
    for point in kill_points(total, points):
        victim = str(work / f"i-{point}.db")
        shutil.copy(empty, victim)
        killed_after(point, lambda v=victim: ingest_paths(open_database(v), [folder]))
        ok = _consistent(victim)
        ingest_paths(open_database(victim), [folder])
        got = _counts(victim)
        missing = sum(max(0, expected[k] - got[k]) for k in expected
                      if k not in ("group_members", "conflicts"))
        lost += missing
        failures += (not ok) or missing > 0 or got["articles"] != expected["articles"] \
            or (expected["group_members"] > 0 and got["group_members"] == 0)
    return ("kill -9 during ingest and matching, then the same ingest again",
            len(kill_points(total, points)), failures, f"{lost} rows")


def disk_full(work: Path) -> Row:
    """The database cannot grow (SQLITE_FULL) part-way through an ingest."""
    folder = work / "corpus-full"
    _write_corpus(folder, 20)
    db = str(work / "full.db")
    open_database(db).dispose()
    pages = _page_count(db) + 40

    def cap(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    event.listen(Engine, "connect", cap)
    try:
        report = ingest_paths(open_database(db), [folder])
        outcome = f"{report.added} stored, then one line: {_first_failure(report)}"
    except ProvError as exc:
        outcome = f"stopped with one line: {exc}"
    finally:
        event.remove(Engine, "connect", cap)
    ok = _consistent(db)
    ingest_paths(open_database(db), [folder])
    clean = str(work / "full-clean.db")
    ingest_paths(open_database(clean), [folder])
    lost = sum(max(0, v - _counts(db)[k]) for k, v in _counts(clean).items())
    return ("disk full part-way through an ingest, then the ingest again", 1,
            int(not ok or lost > 0), f"{lost} rows; {outcome}")


def _page_count(db: str) -> int:
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        pages = int(conn.execute(text("pragma page_count")).scalar() or 0)
    engine.dispose()
    return pages


def _first_failure(report: Any) -> str:
    return report.failures[0].message if report.failures else "none"


def lock_held(work: Path, seconds: float) -> Row:
    """Another process holds SQLite's write lock while an ingest runs."""
    folder = work / "corpus-lock"
    _write_corpus(folder, 10)
    db = str(work / "lock.db")
    open_database(db).dispose()
    holder = create_engine(f"sqlite:///{db}", isolation_level="AUTOCOMMIT")
    conn = holder.connect()
    conn.exec_driver_sql("BEGIN IMMEDIATE")
    release = threading.Timer(seconds, lambda: conn.exec_driver_sql("COMMIT"))
    release.start()
    started = time.monotonic()
    report = ingest_paths(open_database(db), [folder])
    waited = time.monotonic() - started
    release.join()
    conn.close()
    holder.dispose()
    return (f"write lock held by another process for {seconds:.0f} s during an ingest", 1,
            int(report.added != 10), f"0 rows; all 10 stored after {waited:.0f} s")


def cut_connections(work: Path) -> Row:
    """PostgreSQL drops the ingest's connections again and again (pg_terminate_backend)."""
    schema = f"faults_{os.getpid()}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'create schema "{schema}"'))
    except Exception as exc:  # noqa: BLE001 - no server: say so in the table
        return ("PostgreSQL connections cut during an ingest", 0, 0,
                f"not run: {str(exc).splitlines()[0]}")
    url = f"{PG_URL}?options=-csearch_path%3D{schema}"
    folder = work / "corpus-cut"
    _write_corpus(folder, 30)
    stop = threading.Event()
    cuts = [0]

    def cutter() -> None:
        while not stop.wait(1.5):
            with admin.connect() as conn:
                cuts[0] += len(conn.execute(text(
                    "select pg_terminate_backend(pid) from pg_stat_activity "
                    "where pid <> pg_backend_pid() and query ilike :s"),
                    {"s": f"%{schema}%"}).all()) + len(conn.execute(text(
                        "select pg_terminate_backend(pid) from pg_stat_activity "
                        "where pid <> pg_backend_pid() and datname = current_database() "
                        "and application_name = 'prov-fault'")).all())

    thread = threading.Thread(target=cutter)
    thread.start()
    outcome = ""
    try:
        report = ingest_paths(open_database(url + "&application_name=prov-fault"), [folder])
        outcome = f"{report.added} stored, {len(report.failures)} failed in one line each"
    except ProvError as exc:
        outcome = f"stopped with one line: {exc}"
    finally:
        stop.set()
        thread.join()
    report = ingest_paths(open_database(url), [folder])
    stored = _counts(url)["articles"]
    with admin.connect() as conn:
        conn.execute(text(f'drop schema "{schema}" cascade'))
    admin.dispose()
    return (f"PostgreSQL connections cut {cuts[0]} times during an ingest, then the ingest"
            " again", 1, int(stored != 30), f"{30 - stored} articles; {outcome}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer kill points")
    args = parser.parse_args()
    points = 8 if args.quick else 40
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rows = [migration_kills(work, points), ingest_kills(work, points), disk_full(work),
                lock_held(work, 5 if args.quick else 40), cut_connections(work)]
    print("| fault | tries | tries that lost data or broke the database | lost |")
    print("|---|---|---|---|")
    for fault, tries, failures, lost in rows:
        print(f"| {fault} | {tries} | {failures} | {lost} |")


if __name__ == "__main__":
    main()
