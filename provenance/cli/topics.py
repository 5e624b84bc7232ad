"""``prov topics``: the taxonomy and claim counts; re-tagging stored claims."""

from __future__ import annotations

import typer

from provenance.cli.common import echo, options
from provenance.db.engine import unit_of_work
from provenance.db.queries import topic_counts
from provenance.jobs import retag

app = typer.Typer(help="Topics: list them with claim counts, or re-apply the taxonomy.",
                  invoke_without_command=True)


@app.callback()
def list_topics(ctx: typer.Context) -> None:
    """List the taxonomy's topics with how many stored claims each has."""
    if ctx.invoked_subcommand is not None:
        return
    opts = options(ctx)
    names = opts.load_taxonomy().names()
    with unit_of_work(opts.engine()) as session:
        found = topic_counts(session)
    for name in sorted(set(names) | set(found)):
        echo(f"{found.get(name, 0):5d}  {name}")


@app.command("retag")
def retag_cmd(ctx: typer.Context) -> None:
    """Re-apply the (possibly changed) taxonomy to stored claims, without re-ingesting."""
    opts = options(ctx)
    changed = retag(opts.engine(), opts.load_taxonomy())
    echo(f"{changed} claims re-tagged")
