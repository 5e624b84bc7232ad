"""``prov match``: group corroborating claims and flag conflicts."""

from __future__ import annotations

import typer

from provenance.cli.common import options
from provenance.db.engine import unit_of_work
from provenance.db.queries import counts
from provenance.match import update_matches


def register(app: typer.Typer) -> None:
    app.command("match")(match)


def match(
    ctx: typer.Context,
    rebuild: bool = typer.Option(False, "--rebuild", help="Recompute all groups and conflicts."),
) -> None:
    """Match new claims into groups and conflicts (ingest does this on its own)."""
    with unit_of_work(options(ctx).engine()) as session:
        update_matches(session, rebuild=rebuild)
        totals = counts(session)
    typer.echo(f"{totals['groups']} groups, {totals['conflicts']} conflicts")
