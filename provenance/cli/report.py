"""``prov report``: fact-check reports in Markdown, HTML or ClaimReview JSON-LD."""

from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path

import typer

from provenance.cli.common import echo, note, options, parse_day, plural, write_output
from provenance.db import queries as q
from provenance.db.engine import unit_of_work
from provenance.report import Publication, build_report, render
from provenance.report.build import REPORT_LIMIT


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
    publisher: str = typer.Option(None, envvar="PROV_PUBLISHER", show_envvar=True,
                                  help="Organisation publishing the report (jsonld needs it)."),
    base_url: str = typer.Option(None, "--base-url", envvar="PROV_BASE_URL", show_envvar=True,
                                 help="Address the report is published at; each ClaimReview "
                                      "gets an anchor in it (jsonld needs it)."),
    author: str = typer.Option(None, envvar="PROV_AUTHOR", show_envvar=True,
                               help="Person credited with the reviews (default: each review's "
                                    "reviewer, else the publisher)."),
    on: str = typer.Option(None, "--date", help="Report date YYYY-MM-DD (default: today)."),
    limit: int = typer.Option(REPORT_LIMIT, min=0,
                              help="List at most this many conflicts, groups, single-source "
                                   "claims, speakers and figures of a measure (0: all); the "
                                   "report says how many it leaves out."),
) -> None:
    """Write a fact-check report: scope, verdicts, conflicts, corroborated and single-source
    claims, who said what, figures, and each claim's provenance chain. JSON-LD holds one
    ClaimReview per reviewed claim (prov review); the HTML page embeds the same markup."""
    opts = options(ctx)
    flt = q.ClaimFilter(tuple(topic or ()), outlet, speaker, None, parse_day(since, "--since"),
                        parse_day(until, "--until"))
    pub = Publication(publisher, base_url, author, parse_day(on, "--date") or date.today())
    if fmt is ReportFormat.jsonld:
        pub.checked()
    with unit_of_work(opts.engine()) as session:
        if flt.topics:
            q.check_topics(session, flt.topics, opts.load_taxonomy().names())
        built = build_report(session, flt, limit or None)
    text = render(built, fmt.value, pub)
    if fmt is ReportFormat.html and built.reviews and not (publisher and base_url):
        note(opts, "prov: note: the page carries no ClaimReview markup; give --publisher and "
                   "--base-url to embed it")
    if built.drafts:
        waiting = "awaits" if len(built.drafts) == 1 else "await"
        note(opts, f"prov: note: {plural(len(built.drafts), 'claim')} in conflicts or groups "
                   f"{waiting} review (prov review ID --rating ...)")
    if output:
        write_output(output, text)
        note(opts, f"report written to {output}")
    else:
        echo(text, nl=False)
