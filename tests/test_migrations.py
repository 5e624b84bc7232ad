"""Migrations are the schema: no drift from the models, and no row is ever lost to one.

The upgrade and downgrade tests fill every table of the schema at a past revision with
generated rows (children pointing at parents), migrate, and compare every row and column
that both schemas hold. The kill tests stop a migration after each of its statements, as
``kill -9`` would, and check that the database still opens and finishes upgrading.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from provenance.db.engine import (
    alembic_config,
    current_revision,
    downgrade,
    head_revision,
    make_engine,
    open_database,
    upgrade,
)
from provenance.db.models import Base, modelled

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from faults import (  # noqa: E402
    ROWS_PER_TABLE,
    fill_every_table,
    killed_after,
    lost_rows,
    snapshot,
    statements_in,
)

REVISIONS = [script.revision for script in
             reversed(list(ScriptDirectory.from_config(alembic_config()).walk_revisions()))]
# Columns a migration rewrites on purpose: (revision, table, column).
REWRITTEN_BY = {("0003", "speaker_aliases", "block"), ("0009", "claims", "kind"),
                ("0010", "speaker_aliases", "block")}


def _rewritten_after(revision: str) -> set[tuple[str, str]]:
    later = REVISIONS[REVISIONS.index(revision) + 1:] if revision in REVISIONS else REVISIONS
    return {(table, column) for rev, table, column in REWRITTEN_BY if rev in later}


def test_models_and_migrations_do_not_drift(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True,
                                                         "include_name": modelled})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


@pytest.mark.parametrize("revision", REVISIONS[:-1])
def test_upgrade_from_every_past_revision_keeps_every_row(db_url: str, revision: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine, revision)
    fill_every_table(engine)
    before = snapshot(engine)
    assert all(len(rows) == ROWS_PER_TABLE for rows in before.values())

    open_database(db_url)  # what any command does first

    assert current_revision(engine) == head_revision(engine)
    assert lost_rows(before, snapshot(engine), _rewritten_after(revision)) == []


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


def test_upgrade_refolds_blocks_of_names_with_undecomposed_letters(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine, "0009")
    with engine.begin() as conn:
        conn.execute(text("insert into speakers (id, name, kind) values"
                          " (1, 'Jan Błaszczyk', 'person'), (2, 'Ana Ruiz', 'person')"))
        conn.execute(text("insert into speaker_aliases (id, speaker_id, alias, block) values"
                          " (1, 1, 'Jan Błaszczyk', 'błas'), (2, 2, 'Ana Ruiz', 'ruiz')"))
    upgrade(engine)
    with engine.connect() as conn:
        blocks = dict(conn.execute(text("select id, block from speaker_aliases")).all())
    assert blocks == {1: "blas", 2: "ruiz"}


@pytest.mark.parametrize("revision", REVISIONS[:-1])
def test_downgrade_keeps_every_row_the_older_schema_can_hold(db_url: str, revision: str,
                                                             tmp_path: Path) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    fill_every_table(engine)
    before = snapshot(engine)
    downgrade(engine, revision)
    assert current_revision(engine) == revision
    older = _tables_at(revision, tmp_path)
    kept = {table: rows for table, rows in before.items() if table in older}
    assert lost_rows(kept, snapshot(engine), _rewritten_after(revision)) == []


def _tables_at(revision: str, tmp_path: Path) -> set[str]:
    """The tables a database at ``revision`` has."""
    scratch = make_engine(str(tmp_path / f"scratch-{revision}.db"))
    upgrade(scratch, revision)
    return set(snapshot(scratch))


def test_downgrade_to_nothing_and_back_up(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    downgrade(engine, "base")
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == head_revision(engine)


@pytest.mark.parametrize("start", ["empty", "0001"])
def test_migration_killed_after_any_statement_leaves_a_database_that_upgrades(
        tmp_path: Path, start: str) -> None:
    pristine = tmp_path / "pristine.db"
    before = {}
    if start != "empty":
        engine = make_engine(str(pristine))
        upgrade(engine, start)
        fill_every_table(engine)
        before = snapshot(engine)
        engine.dispose()
    probe = tmp_path / "probe.db"
    _copy_database(pristine, probe)
    total = statements_in(lambda: open_database(str(probe)).dispose())
    for point in range(total):
        victim = tmp_path / f"killed-{point}.db"
        _copy_database(pristine, victim)
        assert killed_after(point, lambda v=victim: open_database(str(v))), \
            f"the migration ended before statement {point}"
        engine = open_database(str(victim))
        assert current_revision(engine) == head_revision(engine), f"killed at {point}"
        assert lost_rows(before, snapshot(engine), _rewritten_after(start)) == []
        engine.dispose()


def test_upgrade_clears_the_table_copy_an_older_killed_migration_left(tmp_path: Path) -> None:
    sqlite_url = str(tmp_path / "prov.db")
    engine = make_engine(sqlite_url)
    upgrade(engine, "0001")
    fill_every_table(engine)
    before = snapshot(engine)
    with engine.begin() as conn:  # where older prov stopped when killed mid-rebuild
        conn.execute(text("create table _alembic_tmp_claims as select * from claims"))

    open_database(sqlite_url)

    after = snapshot(engine)
    assert "_alembic_tmp_claims" not in after
    assert lost_rows(before, after, _rewritten_after("0001")) == []


def _copy_database(source: Path, target: Path) -> None:
    if source.exists():
        shutil.copy(source, target)
