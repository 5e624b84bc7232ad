"""``prov report``: fact-check reports in Markdown, HTML or ClaimReview JSON-LD."""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path

import typer

from provenance.cli.common import echo, note, options, parse_day, write_output
from provenance.db import queries as q
from provenance.db.engine import unit_of_work
from provenance.report import build_report, render


class ReportFormat(str, Enum):
    md = "md"
    html = "html"
    jsonld = "jsonld"


def register(app: typer.Typer) -> None:
    app.command("report")(report)


def report(
    ctx: typer.Context,
    topic: list[str] = typer.Option(None, "--topic", help="Topic (repeat for any of several)."),
    outlet: str = typer.Option(None, help="Outlet name, or part of it."),
    speaker: str = typer.Option(None, help="Speaker name or alias, or part of it."),
    since: str = typer.Option(None, help="Published on or after YYYY-MM-DD."),
    until: str = typer.Option(None, help="Published on or before YYYY-MM-DD."),
    fmt: ReportFormat = typer.Option(ReportFormat.md, "--format", help="md, html or jsonld."),
    output: Path = typer.Option(None, "-o", "--output", help="Write here (default: stdout)."),
    publisher: str = typer.Option(None, envvar="PROV_PUBLISHER",
                                  help="Organisation publishing the ClaimReviews (jsonld)."),
    on: str = typer.Option(None, "--date", help="Review date YYYY-MM-DD (default: today)."),
) -> None:
    """Write a fact-check report: scope, conflicts first, corroborated and single-source
    claims, who said what, figures over time, and each claim's provenance chain."""
    opts = options(ctx)
    flt = q.ClaimFilter(tuple(topic or ()), outlet, speaker, None, parse_day(since, "--since"),
                        parse_day(until, "--until"))
    with unit_of_work(opts.engine()) as session:
        if flt.topics:
            q.check_topics(session, flt.topics, opts.load_taxonomy().names())
        text = render(build_report(session, flt), fmt.value,
                      publisher or os.environ.get("USER", "prov"), parse_day(on, "--date"))
    if output:
        write_output(output, text)
        note(opts, f"report written to {output}")
    else:
        echo(text, nl=False)
