"""``prov db``: schema migrations."""

from __future__ import annotations

import typer

from provenance.cli.common import echo, options
from provenance.db.engine import (
    current_revision,
    head_revision,
    make_engine,
    require_existing,
    upgrade,
)

app = typer.Typer(help="Database schema: show or apply migrations.", no_args_is_help=True)


@app.command("upgrade")
def upgrade_cmd(ctx: typer.Context) -> None:
    """Migrate the database to the newest schema (prov also does this on its own)."""
    engine = make_engine(options(ctx).db)
    upgrade(engine)
    echo(f"database at revision {current_revision(engine)}")


@app.command("current")
def current_cmd(ctx: typer.Context) -> None:
    """Show the database's schema revision and the newest one prov knows."""
    engine = make_engine(options(ctx).db)
    require_existing(engine)
    echo(f"current: {current_revision(engine) or '(empty database)'}")
    echo(f"head:    {head_revision(engine)}")
