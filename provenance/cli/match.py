"""``prov match``: group corroborating claims and flag conflicts."""

from __future__ import annotations

import typer

from provenance.cli.common import echo, options
from provenance.db.engine import unit_of_work
from provenance.db.queries import counts
from provenance.jobs import match_new_claims


def register(app: typer.Typer) -> None:
    app.command("match")(match)


def match(
    ctx: typer.Context,
    rebuild: bool = typer.Option(
        False, "--rebuild", help="Recompute all groups and conflicts, with the same term "
        "weights (ingest takes new ones each time the archive doubles)."),
) -> None:
    """Match new claims into groups and conflicts (ingest does this on its own)."""
    engine = options(ctx).engine()
    match_new_claims(engine, rebuild=rebuild)
    with unit_of_work(engine) as session:
        totals = counts(session)
    echo(f"{totals['groups']} groups, {totals['conflicts']} conflicts")
