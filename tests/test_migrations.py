"""Migrations are the schema: no drift from the models, and no row is ever lost to one.

The upgrade and downgrade tests fill every table of the schema at a past revision with
generated rows (children pointing at parents), migrate, and compare every row and column
that both schemas hold. The kill tests stop a migration after each of its statements, as
``kill -9`` would, and check that the database still opens and finishes upgrading.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
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
    event,
    select,
    text,
)

from provenance.db.engine import (
    alembic_config,
    current_revision,
    downgrade,
    head_revision,
    make_engine,
    open_database,
    upgrade,
)
from provenance.db.models import Base

REVISIONS = [script.revision for script in
             reversed(list(ScriptDirectory.from_config(alembic_config()).walk_revisions()))]
ROWS_PER_TABLE = 4
# Columns a migration rewrites on purpose: (revision, table, column).
REWRITTEN_BY = {("0003", "speaker_aliases", "block")}


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
        return datetime(2024, 3, row, 12, tzinfo=UTC)
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


def _reflect(conn: Connection) -> MetaData:
    meta = MetaData()
    meta.reflect(conn)
    meta.remove(meta.tables["alembic_version"])
    return meta


def _fill_every_table(engine: Engine) -> None:
    with engine.begin() as conn:
        for table in _reflect(conn).sorted_tables:
            conn.execute(table.insert(), [
                {column.name: _value(table, column, row) for column in table.columns}
                for row in range(1, ROWS_PER_TABLE + 1)])


def _snapshot(engine: Engine) -> dict[str, dict[tuple[Any, ...], dict[str, Any]]]:
    """Every row of every table, keyed by primary key."""
    with engine.connect() as conn:
        return {table.name: {tuple(row[c.name] for c in table.primary_key): dict(row)
                             for row in conn.execute(select(table)).mappings()}
                for table in _reflect(conn).sorted_tables}


def _assert_nothing_lost(before: dict[str, Any], after: dict[str, Any], skip: set[Any]) -> None:
    for table, rows in before.items():
        assert table in after, f"table {table} disappeared"
        assert after[table].keys() == rows.keys(), f"rows of {table} changed"
        for key, row in rows.items():
            for column, value in row.items():
                if (table, column) not in skip and column in after[table][key]:
                    assert after[table][key][column] == value, f"{table}.{column} of {key}"


def _rewritten_after(revision: str) -> set[tuple[str, str]]:
    later = REVISIONS[REVISIONS.index(revision) + 1:]
    return {(table, column) for rev, table, column in REWRITTEN_BY if rev in later}


def test_models_and_migrations_do_not_drift(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                Base.metadata)
    assert diff == []


@pytest.mark.parametrize("revision", REVISIONS[:-1])
def test_upgrade_from_every_past_revision_keeps_every_row(db_url: str, revision: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine, revision)
    _fill_every_table(engine)
    before = _snapshot(engine)
    assert all(len(rows) == ROWS_PER_TABLE for rows in before.values())

    open_database(db_url)  # what any command does first

    assert current_revision(engine) == head_revision(engine)
    _assert_nothing_lost(before, _snapshot(engine), _rewritten_after(revision))


def test_upgrade_rewrites_organisation_blocks_for_the_new_rule(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.execute(text("insert into speakers (id, name, kind) values"
                          " (1, 'Ministry of Defence', 'organization')"))
        conn.execute(text("insert into speaker_aliases (id, speaker_id, alias, block) values"
                          " (1, 1, 'Ministry of Defence', 'mini')"))
    upgrade(engine)
    with engine.connect() as conn:
        assert conn.scalar(text("select block from speaker_aliases where id = 1")) == \
            "mini defe"


@pytest.mark.parametrize("revision", REVISIONS[:-1])
def test_downgrade_keeps_every_row_the_older_schema_can_hold(db_url: str, revision: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    _fill_every_table(engine)
    before = _snapshot(engine)
    downgrade(engine, revision)
    assert current_revision(engine) == revision
    _assert_nothing_lost(before, _snapshot(engine), _rewritten_after(revision))


def test_downgrade_to_nothing_and_back_up(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    downgrade(engine, "base")
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == head_revision(engine)


def _migrate_and_die_after(db: str, statements: int) -> None:
    """In a forked child: run the migration and vanish after ``statements`` statements."""
    seen = 0

    def count(*_args: Any) -> None:
        nonlocal seen
        seen += 1
        if seen > statements:
            os._exit(9)  # no rollback, no cleanup: what kill -9 leaves

    event.listen(Engine, "before_cursor_execute", count)
    open_database(db)
    os._exit(0)


def _statements_in_upgrade(db: str) -> int:
    seen: list[object] = []
    listener = lambda *_args: seen.append(None)
    event.listen(Engine, "before_cursor_execute", listener)
    try:
        open_database(db)
    finally:
        event.remove(Engine, "before_cursor_execute", listener)
    return len(seen)


@pytest.mark.parametrize("start", ["empty", "0001"])
def test_migration_killed_after_any_statement_leaves_a_database_that_upgrades(
        tmp_path: Path, start: str) -> None:
    pristine = tmp_path / "pristine.db"
    if start != "empty":
        engine = make_engine(str(pristine))
        upgrade(engine, start)
        _fill_every_table(engine)
        engine.dispose()
    before = _snapshot(make_engine(str(pristine))) if start != "empty" else {}
    probe = tmp_path / "probe.db"
    _copy_database(pristine, probe)
    total = _statements_in_upgrade(str(probe))
    fork = multiprocessing.get_context("fork")
    for point in range(total):
        victim = tmp_path / f"killed-{point}.db"
        _copy_database(pristine, victim)
        child = fork.Process(target=_migrate_and_die_after, args=(str(victim), point))
        child.start()
        child.join(60)
        assert child.exitcode == 9, f"the migration ended before statement {point}"
        engine = open_database(str(victim))
        assert current_revision(engine) == head_revision(engine), f"killed at {point}"
        _assert_nothing_lost(before, _snapshot(engine), _rewritten_after(start)
                             if start != "empty" else set())
        engine.dispose()


def _copy_database(source: Path, target: Path) -> None:
    if source.exists():
        shutil.copy(source, target)


def test_upgrade_clears_the_table_copy_an_older_killed_migration_left(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    upgrade(engine, "0001")
    _fill_every_table(engine)
    before = _snapshot(engine)
    with engine.begin() as conn:  # where older prov stopped when killed mid-rebuild
        conn.execute(text("create table _alembic_tmp_claims as select * from claims"))

    open_database(sqlite_url)

    after = _snapshot(engine)
    assert "_alembic_tmp_claims" not in after
    _assert_nothing_lost(before, after, _rewritten_after("0001"))
