"""Engines, automatic migration to the newest schema, and unit-of-work sessions."""

from __future__ import annotations

import fcntl
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import URL, Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from provenance.config import database_url, redacted
from provenance.errors import DatabaseError

SQLITE_BUSY_TIMEOUT_MS = 30_000
CONNECT_TIMEOUT_S = 10
"""How long to wait for a database server to answer before giving up (a URL's own
``connect_timeout`` wins): a server that accepts and never answers must not hang prov."""


def migrations_dir() -> Path:
    """The Alembic scripts: inside an installed wheel, or the checkout's ``alembic/``."""
    shipped = Path(str(resources.files("provenance").joinpath("_migrations")))
    if shipped.is_dir():
        return shipped
    return Path(__file__).resolve().parents[2] / "alembic"


def alembic_config() -> Config:
    """Alembic settings built in code; the connection is handed over per command."""
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def make_engine(db: str | None = None) -> Engine:
    """An engine for ``--db``/``PROV_DB``/``prov.db``; SQLite gets WAL and foreign keys."""
    url = database_url(db)
    try:
        parsed = _parse_url(url)
        engine = create_engine(parsed, pool_pre_ping=True, connect_args=_connect_args(parsed))
    except (ArgumentError, ImportError, SQLAlchemyError, ValueError) as exc:
        raise DatabaseError(f"cannot use database {redacted(url)}: {_unusable(exc)}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _parse_url(url: str) -> URL:
    """``url`` parsed, where a password may hold a raw ``@``: the credentials end at the last
    ``@`` before the host (SQLAlchemy stops at the first, and takes the rest for the host)."""
    scheme, sep, rest = url.partition("://")
    authority_end = rest.find("/", rest.rfind("@")) if "@" in rest else -1
    authority = rest[:authority_end] if authority_end >= 0 else rest
    at = authority.rfind("@")
    if sep and authority.count("@") > 1:
        rest = authority[:at].replace("@", "%40") + rest[at:]
    return make_url(f"{scheme}{sep}{rest}")


def _unusable(exc: BaseException) -> str:
    if isinstance(exc, ImportError) or "No module named" in str(exc):
        return ("its database driver is not installed (for PostgreSQL: "
                "pip install 'provenance[postgres]')")
    return short_error(exc)


def _connect_args(url: URL) -> dict[str, Any]:
    if url.get_backend_name() != "postgresql" or "connect_timeout" in url.query:
        return {}
    return {"connect_timeout": CONNECT_TIMEOUT_S}


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
    except sqlite3.OperationalError:
        pass  # a read-only database keeps the journal it has, and can still be read
    cursor.close()


def current_revision(engine: Engine) -> str | None:
    with _connect(engine) as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database to ``revision`` (the newest by default), all or nothing."""
    cfg = alembic_config()
    with migration_connection(engine) as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Migrate the database back to ``revision``, all or nothing."""
    cfg = alembic_config()
    with migration_connection(engine) as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection inside one transaction that commits only if every step succeeded.

    PostgreSQL has transactional DDL. SQLite needs two things pysqlite does not do: an
    explicit BEGIN (pysqlite runs DDL outside any transaction, so a killed migration would
    leave half a schema), and foreign keys off (Alembic rebuilds a table by copy, DROP and
    rename, and with foreign keys on the DROP cascades into every child table). The
    migration therefore gets its own SQLite connection, discarded afterwards, and must not
    add foreign-key violations.
    """
    if engine.dialect.name != "sqlite":
        with _connect(engine) as conn, conn.begin():
            yield conn
        return
    migrator = create_engine(engine.url, poolclass=NullPool)
    event.listen(migrator, "connect", _sqlite_migration_pragmas)
    event.listen(migrator, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    try:
        with _connect(migrator) as conn, conn.begin():
            violations_before = _foreign_key_violations(conn)
            _drop_abandoned_table_copies(conn)
            yield conn
            if _foreign_key_violations(conn) > violations_before:
                raise DatabaseError(
                    f"migrating {redacted(str(engine.url))} would break links between"
                    " tables; nothing was changed")
    finally:
        migrator.dispose()


def _sqlite_migration_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # BEGIN/COMMIT are ours, DDL included
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=OFF")  # a no-op once a transaction is open
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def _foreign_key_violations(conn: Connection) -> int:
    return len(conn.exec_driver_sql("PRAGMA foreign_key_check").all())


def _drop_abandoned_table_copies(conn: Connection) -> None:
    """Drop the half-built copies a migration killed by an older prov left behind.

    Before migrations were one transaction, a kill between Alembic's copy and its rename
    left ``_alembic_tmp_<table>`` beside the intact original, and every later migration
    failed on it. The original still holds the data, so the copy is dropped.
    """
    names = set(conn.execute(text("select name from sqlite_master where type = 'table'"))
                .scalars())
    for name in sorted(names):
        if name.startswith(_BATCH_COPY_PREFIX) and name[len(_BATCH_COPY_PREFIX):] in names:
            conn.exec_driver_sql(f'DROP TABLE "{name}"')


_BATCH_COPY_PREFIX = "_alembic_tmp_"


def open_database(db: str | None = None, create: bool = True) -> Engine:
    """An engine whose database is at the newest schema (migrated if it was not).

    With ``create`` false, an SQLite file that does not exist is an error rather than a new
    empty database: reading from a mistyped path must not leave a file behind.
    """
    engine = make_engine(db)
    if not create:
        require_existing(engine)
    head = head_revision(engine)
    if current_revision(engine) != head:
        with _migration_lock(engine):
            if current_revision(engine) != head:  # another process may have just done it
                upgrade(engine)
    return engine


def require_existing(engine: Engine) -> None:
    """Refuse an SQLite file that does not exist, before connecting creates it."""
    path = engine.url.database if engine.dialect.name == "sqlite" else None
    if not path or path == ":memory:" or path.startswith("file:"):  # file: URIs come checked
        return
    if not Path(path).is_file():
        raise DatabaseError(f"no database at {path}; prov ingest PATH or prov demo creates "
                            "one, or pass --db / PROV_DB")


_PG_MIGRATION_LOCK = 0x70726F76  # "prov": one advisory lock id for all prov databases


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """Only one process migrates a database at a time."""
    if engine.dialect.name == "postgresql":
        with _connect(engine) as conn:
            conn.execute(text("select pg_advisory_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
            try:
                yield
            finally:
                conn.execute(text("select pg_advisory_unlock(:k)"), {"k": _PG_MIGRATION_LOCK})
        return
    database = _sqlite_file(engine.url) if engine.dialect.name == "sqlite" else None
    if not database:
        yield
        return
    with open(f"{database}.migrate-lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _sqlite_file(url: URL) -> str | None:
    """The path of an SQLite database file that may be written, or None."""
    database = url.database
    if not database or database == ":memory:" or url.query.get("mode") == "ro":
        return None
    return unquote(database[len("file:"):]) if database.startswith("file:") else database


@contextmanager
def unit_of_work(engine: Engine) -> Iterator[Session]:
    """One transaction: committed when the block ends, rolled back if it raises."""
    session = sessionmaker(engine, expire_on_commit=False)()
    try:
        yield session
        session.commit()
    except OperationalError as exc:
        session.rollback()
        raise DatabaseError(f"database error on {redacted(str(engine.url))}: {short_error(exc)}") \
            from None
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


@contextmanager
def _connect(engine: Engine) -> Iterator[Any]:
    try:
        conn = engine.connect()
    except (OperationalError, SQLAlchemyError) as exc:
        raise DatabaseError(
            f"cannot connect to {redacted(str(engine.url))}: {short_error(exc)}"
            " (check --db / PROV_DB and that the server is running)"
        ) from None
    try:
        yield conn
    finally:
        conn.close()


def short_error(exc: BaseException) -> str:
    """The first line of a database error, without SQLAlchemy's wrapping."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


IDS_PER_STATEMENT = 500
"""Ids one ``IN (...)`` may list: SQLite caps the variables of a statement."""


def id_chunks(ids: Iterable[int]) -> list[list[int]]:
    """``ids`` in order, cut into lists of at most :data:`IDS_PER_STATEMENT`."""
    ordered = sorted(ids)
    return [ordered[i:i + IDS_PER_STATEMENT] for i in range(0, len(ordered), IDS_PER_STATEMENT)]
