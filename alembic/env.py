"""Alembic environment: runs migrations on the connection prov hands over, or on PROV_DB."""

from __future__ import annotations

from alembic import context

from provenance.db.engine import make_engine, migration_connection
from provenance.db.models import Base, modelled

target_metadata = Base.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=modelled,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    with migration_connection(make_engine(context.config.get_main_option("sqlalchemy.url"))) \
            as conn:
        _run(conn)
