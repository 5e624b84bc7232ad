"""Questions to the database: claims, sources, show, groups, conflicts, export."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from provenance.cli.common import MAX_ID, echo, options, parse_day, short, write_output
from provenance.cli.listing import Column, ListFormat, Listing, format_option, render
from provenance.db import models as m
from provenance.db import queries as q
from provenance.db.engine import unit_of_work
from provenance.escape import json_text


class ExportFormat(str, Enum):
    json = "json"


def register(app: typer.Typer) -> None:
    for name, fn in (("claims", claims), ("sources", sources), ("show", show),
                     ("export", export)):
        app.command(name)(fn)


def claims(
    ctx: typer.Context,
    topic: list[str] = typer.Option(None, "--topic", help="Topic (repeat for any of several)."),
    outlet: str = typer.Option(None, help="Outlet name, or part of it."),
    speaker: str = typer.Option(None, help="Speaker name or alias, or part of it."),
    article: int = typer.Option(None, min=1, max=MAX_ID, help="Article id."),
    since: str = typer.Option(None, help="Published on or after YYYY-MM-DD."),
    until: str = typer.Option(None, help="Published on or before YYYY-MM-DD."),
    search: str = typer.Option(None, help="Words the claim or its sentence holds (as "
                                          "prefixes); fuzzy when none match."),
    limit: int = typer.Option(None, min=1, max=MAX_ID, help="At most this many claims."),
    fmt: ListFormat = format_option(),
) -> None:
    """List claims, filtered by topic, outlet, speaker, article, date or text."""
    opts = options(ctx)
    flt = q.ClaimFilter(tuple(topic or ()), outlet, speaker, article,
                        parse_day(since, "--since"), parse_day(until, "--until"), search, limit)
    with unit_of_work(opts.engine()) as session:
        if flt.topics:
            q.check_topics(session, flt.topics, opts.load_taxonomy().names())
        records = [q.claim_record(c) for c in q.find_claims(session, flt)]
    echo(render(fmt, CLAIMS, records), nl=False)


CLAIMS = Listing(
    columns=[Column("id", "id", right=True), Column("outlet", "outlet", wrap=True),
             Column("published", "published"), Column("speaker", "speaker", wrap=True),
             Column("kind", "kind"), Column("claim", "text", wrap=True)],
    csv_fields=["id", "article_id", "outlet", "published", "title", "url", "speaker", "kind",
                "via", "anonymous", "topics", "event_date", "text", "sentence"],
    noun="claim", empty="no claims match")


def sources(
    ctx: typer.Context,
    limit: int = typer.Option(None, min=1, max=MAX_ID, help="At most this many speakers."),
    fmt: ListFormat = format_option(),
) -> None:
    """Speakers and sources with their kind, roles, aliases and claim counts."""
    with unit_of_work(options(ctx).engine()) as session:
        rows = [{"name": speaker.name, "kind": speaker.kind, "claims": n,
                 "roles": sorted(r.role for r in speaker.roles),
                 "aliases": sorted(a.alias for a in speaker.aliases if a.alias != speaker.name)}
                for speaker, n in q.speakers_with_counts(session, limit)]
    echo(render(fmt, SOURCES, rows), nl=False)


SOURCES = Listing(
    columns=[Column("claims", "claims", right=True), Column("name", "name"),
             Column("kind", "kind"), Column("roles", "roles", wrap=True),
             Column("also named", "aliases", wrap=True)],
    csv_fields=["name", "kind", "claims", "roles", "aliases"],
    noun="speaker", empty="no speakers yet (prov ingest PATH first)")


def show(
    ctx: typer.Context,
    claim_id: int = typer.Argument(..., min=1, max=MAX_ID, help="Claim id (see prov claims)."),
) -> None:
    """One claim: its sentence, speaker, chain, outlet, article, group and conflicts."""
    with unit_of_work(options(ctx).engine()) as session:
        claim = q.get_claim(session, claim_id)
        r = q.claim_record(claim)
        article = claim.article
        chain = " -> ".join(r["chain"]) + ("" if r["speaker"] else " (its own voice)")
        echo(f"claim {claim.id}: {claim.text}")
        echo(f"  sentence:  {claim.sentence}")
        echo(f"  kind:      {claim.kind}{'  (anonymous source)' if claim.anonymous else ''}")
        echo(f"  chain:     {chain}  (outermost first)")
        echo(f"  article:   {article.id} {article.title or article.source} "
                   f"({r['published'] or 'undated'}) {article.url or ''}".rstrip())
        echo(f"  offsets:   {claim.start}-{claim.end}")
        if r["topics"]:
            echo(f"  topics:    {', '.join(r['topics'])}")
        if claim.event_date:
            echo(f"  event:     {claim.event_date}")
        elif claim.told_on:
            echo(f"  said on:   {claim.told_on}")
        group = q.claim_group(session, claim.id)
        if group is not None:
            echo(f"  group {group.id}:")
            for member in group.members:
                if member.claim_id != claim.id:
                    echo(f"    {claim_line(session.get(m.Claim, member.claim_id))}")
        for conflict in q.claim_conflicts(session, claim.id):
            other = conflict.claim_b if conflict.claim_a_id == claim.id else conflict.claim_a
            echo(f"  conflict ({conflict.kind}): {conflict.reason}")
            echo(f"    {claim_line(other)}")


def claim_line(claim: m.Claim | None) -> str:
    """"[12] Outlet, 2025-03-04, speaker: claim", for listings."""
    if claim is None:
        return "?"
    outlet = claim.article.outlet.name if claim.article.outlet else "?"
    when = claim.article.published.isoformat() if claim.article.published else "undated"
    return f"[{claim.id}] {outlet}, {when}, {q.speaker_name(claim) or 'outlet'}: " \
           f"{short(claim.text, 100)}"


def export(
    ctx: typer.Context,
    fmt: ExportFormat = typer.Option(ExportFormat.json, "--format", help="Export format."),
    output: Path = typer.Option(None, "-o", "--output", help="Write here (default: stdout)."),
) -> None:
    """Everything (articles, claims, groups, conflicts) as one JSON document."""
    with unit_of_work(options(ctx).engine()) as session:
        text = json_text(q.export(session), indent=1)
    if output:
        write_output(output, text + "\n")
    else:
        echo(text)
