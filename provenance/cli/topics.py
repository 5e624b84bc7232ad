"""``prov topics``: the taxonomy and claim counts; re-tagging stored claims."""

from __future__ import annotations

import typer

from provenance.cli.common import echo, options, plural
from provenance.cli.listing import Column, ListFormat, Listing, format_option, render
from provenance.db.engine import unit_of_work
from provenance.db.queries import topic_counts
from provenance.jobs import retag

app = typer.Typer(help="Topics: list them with claim counts, or re-apply the taxonomy.",
                  invoke_without_command=True)


@app.callback()
def list_topics(ctx: typer.Context, fmt: ListFormat = format_option()) -> None:
    """List the taxonomy's topics with how many stored claims each has."""
    if ctx.invoked_subcommand is not None:
        return
    opts = options(ctx)
    names = opts.load_taxonomy().names()
    with unit_of_work(opts.engine()) as session:
        found = topic_counts(session)
    rows = [{"topic": name, "claims": found.get(name, 0)}
            for name in sorted(set(names) | set(found))]
    echo(render(fmt, TOPICS, rows), nl=False)


TOPICS = Listing(columns=[Column("claims", "claims", right=True), Column("topic", "topic")],
                 csv_fields=["topic", "claims"], noun="topic", empty="no topics")


@app.command("retag")
def retag_cmd(ctx: typer.Context) -> None:
    """Re-apply the (possibly changed) taxonomy to stored claims, without re-ingesting."""
    opts = options(ctx)
    changed = retag(opts.engine(), opts.load_taxonomy())
    echo(f"{plural(changed, 'claim')} re-tagged")
