"""``prov groups``, ``prov conflicts`` and ``prov timeline``: what matching found."""

from __future__ import annotations

from enum import Enum
from typing import Any

import typer

from provenance.cli.common import MAX_ID, echo, options, plural
from provenance.cli.query import claim_line
from provenance.db import models as m
from provenance.db import queries as q
from provenance.db.engine import unit_of_work
from provenance.escape import json_text
from provenance.match.conflicts import CONFLICT_KINDS
from provenance.match.store import figure_timelines


class ListFormat(str, Enum):
    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    for name, fn in (("groups", groups), ("conflicts", conflicts), ("timeline", timeline)):
        app.command(name)(fn)


def groups(
    ctx: typer.Context,
    topic: str = typer.Option(None, help="Only groups with a claim under this topic."),
    min_sources: int = typer.Option(1, "--min-sources", min=1, max=MAX_ID,
                                    help="Only groups backed by this many independent sources."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", help="table or json."),
) -> None:
    """Corroboration groups: claims from different articles that state the same thing, how
    many independent sources back each, and why articles count as one source."""
    opts = options(ctx)
    with unit_of_work(opts.engine()) as session:
        if topic:
            q.check_topics(session, (topic,), opts.load_taxonomy().names())
        shown = [g for g in q.groups(session, topic) if q.independent_sources(g) >= min_sources]
        if fmt is ListFormat.json:
            echo(json_text([_group_record(g) for g in shown]))
            return
        for group in shown:
            _print_group(group)
        if not shown:
            echo("no groups match")


def _group_record(group: m.Group) -> dict[str, Any]:
    return {"id": group.id, "independent_sources": q.independent_sources(group),
            "claims": [q.claim_record(mem.claim) for mem in group.members],
            "dependence": [{"articles": [a, b], "reason": why}
                           for a, b, why in group.dependence or ()]}


def _print_group(group: m.Group) -> None:
    articles = len({mem.claim.article_id for mem in group.members})
    echo(f"group {group.id}: {plural(articles, 'article')}, "
         f"{plural(q.independent_sources(group), 'independent source')}")
    for mem in group.members:
        echo(f"  {claim_line(mem.claim)}")
    for a, b, reason in group.dependence or ():
        echo(f"  articles {a} and {b} count as one source: {reason}")


def conflicts(
    ctx: typer.Context,
    topic: str = typer.Option(None, help="Only conflicts with a claim under this topic."),
    kind: str = typer.Option(None, help=f"One of: {', '.join(CONFLICT_KINDS)}."),
    outlet: str = typer.Option(None, help="Only conflicts involving this outlet."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", help="table or json."),
) -> None:
    """Claims that contradict each other (and, kind "update", a source revising its own
    figure): the kind, both sides with source, outlet, date and sentence, and the reason."""
    opts = options(ctx)
    if kind and kind not in CONFLICT_KINDS:
        raise typer.BadParameter(f"--kind must be one of {', '.join(CONFLICT_KINDS)}")
    with unit_of_work(opts.engine()) as session:
        if topic:
            q.check_topics(session, (topic,), opts.load_taxonomy().names())
        found = q.conflicts(session, topic, kind, outlet)
        if fmt is ListFormat.json:
            echo(json_text([{"id": c.id, "kind": c.kind, "reason": c.reason,
                             "claims": [q.claim_record(c.claim_a), q.claim_record(c.claim_b)]}
                            for c in found]))
            return
        if not found:
            echo("no conflicts found")
        for conflict in found:
            echo(f"conflict {conflict.id} ({conflict.kind}): {conflict.reason}")
            for claim in (conflict.claim_a, conflict.claim_b):
                echo(f"  {claim_line(claim)}")
                echo(f"      sentence: {' '.join(claim.sentence.split())}")


def timeline(
    ctx: typer.Context,
    measure: str = typer.Option(None, help="Only measures whose name contains this "
                                           "(deaths, evacuated, damage, ...)."),
    topic: str = typer.Option(None, help="Only figures of claims under this topic."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", help="table or json."),
) -> None:
    """Each measure's figures over time, per source: a source's revisions ("revises")
    and rival figures from other sources ("disputes") are marked."""
    opts = options(ctx)
    with unit_of_work(opts.engine()) as session:
        ids = None
        if topic:
            q.check_topics(session, (topic,), opts.load_taxonomy().names())
            ids = [c.id for c in q.find_claims(session, q.ClaimFilter(topics=(topic,)))]
        found = [t for t in figure_timelines(session, ids)
                 if not measure or measure.lower() in t.measure]
    if fmt is ListFormat.json:
        echo(json_text([q.timeline_record(t) for t in found]))
        return
    if not found:
        echo("no figures changed over time or were disputed")
    for line in found:
        echo(line.measure.replace("_", " ").removeprefix("count:"))
        for p in line.points:
            marks = "".join([f"  revises [{', '.join(map(str, p.revises))}]" if p.revises
                             else "", f"  disputes [{', '.join(map(str, p.disputes))}]"
                             if p.disputes else ""])
            echo(f"  {p.day or 'undated':<10}  {p.figure}  {p.source} ({p.outlet or '?'}) "
                 f"[{p.claim_id}]{marks}")
