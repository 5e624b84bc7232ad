"""Migrations are the schema: no drift from the models, data survives upgrades."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from provenance.db.engine import current_revision, downgrade, head_revision, make_engine, upgrade
from provenance.db.models import Base


def test_models_and_migrations_do_not_drift(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                Base.metadata)
    assert diff == []


def test_upgrade_from_first_revision_keeps_data(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text("insert into outlets (id, name) values (1, 'Old Outlet')"))
        conn.execute(text(
            "insert into articles (id, outlet_id, source, format, raw, text, content_hash, wire,"
            " ingested_at) values (1, 1, 'a.txt', 'txt', :raw, 'Old text.', 'h1', '[]',"
            " CURRENT_TIMESTAMP)"), {"raw": b"Old text."})
        conn.execute(text(
            "insert into claims (id, article_id, position, text, sentence, start, \"end\","
            " kind, anonymous, context, via) values (1, 1, 0, 'Old text.', 'Old text.', 0, 9,"
            " 'none', false, '', '[]')"))
        conn.execute(text("insert into speakers (id, name, kind) values"
                          " (1, 'Ministry of Defence', 'organization')"))
        conn.execute(text("insert into speaker_aliases (id, speaker_id, alias, block) values"
                          " (1, 1, 'Ministry of Defence', 'mini')"))
    upgrade(engine)
    assert current_revision(engine) == head_revision(engine)
    with engine.connect() as conn:
        row = conn.execute(text("select text, matched from claims where id = 1")).one()
        block = conn.scalar(text("select block from speaker_aliases where id = 1"))
    assert row.text == "Old text." and not row.matched
    assert block == "mini defe"  # re-blocked by 0003, so the alias is still found


def test_downgrade_and_upgrade_round_trip(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    downgrade(engine, "base")
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == head_revision(engine)
