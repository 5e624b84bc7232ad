"""``prov groups``, ``prov conflicts`` and ``prov timeline``: what matching found."""

from __future__ import annotations

import textwrap
from typing import Any

import typer

from provenance.cli.common import MAX_ID, Options, echo, note, options
from provenance.cli.listing import (
    Column,
    ListFormat,
    Listing,
    format_option,
    render,
    terminal_width,
)
from provenance.db import models as m
from provenance.db import queries as q
from provenance.db.engine import unit_of_work
from provenance.match.conflicts import CONFLICT_KINDS
from provenance.match.store import figure_timelines


def register(app: typer.Typer) -> None:
    for name, fn in (("groups", groups), ("conflicts", conflicts), ("timeline", timeline)):
        app.command(name)(fn)


SHOWN = 200
"""How many groups or conflicts a listing shows unless told: a page a desk reads, not an
archive's tens of thousands."""


def _more(opts: Options, shown: int, total: int, noun: str) -> None:
    if total > shown:
        note(opts, f"showing {shown} of {total} {noun}; --limit 0 shows all, the filters "
                   "narrow them")


def groups(
    ctx: typer.Context,
    topic: str = typer.Option(None, help="Only groups with a claim under this topic."),
    min_sources: int = typer.Option(1, "--min-sources", min=1, max=MAX_ID,
                                    help="Only groups backed by this many independent sources."),
    limit: int = typer.Option(SHOWN, min=0, help="At most this many groups, the first found "
                              "(0: all of them); stderr says how many more."),
    fmt: ListFormat = format_option(),
) -> None:
    """Corroboration groups: claims from different articles that state the same thing, how
    many independent sources back each, and why articles count as one source."""
    opts = options(ctx)
    with unit_of_work(opts.engine()) as session:
        if topic:
            q.check_topics(session, (topic,), opts.load_taxonomy().names())
        records = [_group_record(g) for g in q.groups(session, topic, min_sources,
                                                       limit or None)]
        if limit and len(records) == limit:
            _more(opts, len(records), q.count_groups(session, topic, min_sources), "groups")
    rows = [{**claim, "group": g["id"], "independent_sources": g["independent_sources"],
             "_section": i == 0 and n > 0} for n, g in enumerate(records)
            for i, claim in enumerate(g["claims"])]
    echo(render(fmt, GROUPS, rows, records), nl=False)
    if fmt is ListFormat.table:
        for g in records:
            for link in g["dependence"]:
                a, b = link["articles"]
                echo(textwrap.fill(f"group {g['id']}: articles {a} and {b} count as one "
                                   f"source: {link['reason']}", terminal_width(),
                                   subsequent_indent="  "))


GROUPS = Listing(
    columns=[Column("group", "group", right=True), Column("sources", "independent_sources",
                                                          right=True),
             Column("id", "id", right=True), Column("outlet", "outlet", wrap=True),
             Column("published", "published"), Column("speaker", "speaker", wrap=True),
             Column("claim", "text", wrap=True)],
    csv_fields=["group", "independent_sources", "id", "article_id", "outlet", "published",
                "title", "url", "speaker", "kind", "text", "sentence"],
    noun="grouped claim", empty="no groups match")


def _group_record(group: m.Group) -> dict[str, Any]:
    return {"id": group.id, "independent_sources": q.independent_sources(group),
            "claims": [q.claim_record(mem.claim) for mem in group.members],
            "dependence": [{"articles": [a, b], "reason": why}
                           for a, b, why in group.dependence or ()]}


def conflicts(
    ctx: typer.Context,
    topic: str = typer.Option(None, help="Only conflicts with a claim under this topic."),
    kind: str = typer.Option(None, help=f"One of: {', '.join(CONFLICT_KINDS)}."),
    outlet: str = typer.Option(None, help="Only conflicts involving this outlet."),
    limit: int = typer.Option(SHOWN, min=0, help="At most this many conflicts, "
                              "the first found (0: all of them); stderr says how many more."),
    fmt: ListFormat = format_option(),
) -> None:
    """Claims that contradict each other (and, kind "update", a source revising its own
    figure): the kind, both sides with source, outlet, date and sentence, and the reason."""
    opts = options(ctx)
    if kind and kind not in CONFLICT_KINDS:
        raise typer.BadParameter(f"--kind must be one of {', '.join(CONFLICT_KINDS)}")
    with unit_of_work(opts.engine()) as session:
        if topic:
            q.check_topics(session, (topic,), opts.load_taxonomy().names())
        records = [{"id": c.id, "kind": c.kind, "reason": c.reason,
                    "claims": [q.claim_record(c.claim_a), q.claim_record(c.claim_b)]}
                   for c in q.conflicts(session, topic, kind, outlet, limit or None)]
        if limit and len(records) == limit:
            _more(opts, len(records), q.count_conflicts(session, topic, kind, outlet),
                  "conflicts")
    echo(render(fmt, CONFLICTS, [_conflict_row(r) for r in records], records,
                _conflict_table(records)), nl=False)


CONFLICTS = Listing(
    columns=[Column("conflict", "conflict", right=True), Column("kind", "kind"),
             Column("side", "side"), Column("id", "id", right=True),
             Column("source", "source", wrap=True), Column("claim, and its sentence", "said",
                                                        wrap=True)],
    csv_fields=["id", "kind", "reason", "a_id", "a_outlet", "a_published", "a_speaker",
                "a_text", "a_sentence", "b_id", "b_outlet", "b_published", "b_speaker",
                "b_text", "b_sentence"],
    noun="conflict", empty="no conflicts found")


def _conflict_table(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Three table rows a conflict: each side, then why they conflict."""
    rows = []
    for n, record in enumerate(records):
        for i, claim in enumerate(record["claims"]):
            rows.append({"conflict": "" if i else record["id"], "kind": "" if i else
                         record["kind"], "side": "AB"[i], "id": claim["id"],
                         "source": _source(claim), "said": _said(claim),
                         "_section": n > 0 and i == 0})
        rows.append({"side": "why", "said": record["reason"]})
    return rows


def _conflict_row(record: dict[str, Any]) -> dict[str, Any]:
    row = {key: record[key] for key in ("id", "kind", "reason")}
    for side, claim in zip("ab", record["claims"], strict=True):
        row |= {f"{side}_{key}": claim[key]
                for key in ("id", "outlet", "published", "speaker", "text", "sentence")}
    return row


def _source(claim: dict[str, Any]) -> str:
    """Who said it, in which outlet, when: "Ana Ruiz, in El Sol, 2025-03-04"."""
    return ", ".join([str(claim["speaker"] or "the outlet itself"),
                      f"in {claim['outlet'] or 'an unknown outlet'}",
                      str(claim["published"] or "undated")])


def _said(claim: dict[str, Any]) -> str:
    """The claim, and the sentence it came from when that says more."""
    sentence = " ".join(str(claim["sentence"]).split())
    return claim["text"] if sentence == claim["text"] else f"{claim['text']}\n  in: {sentence}"


def timeline(
    ctx: typer.Context,
    measure: str = typer.Option(None, help="Only measures whose name contains this "
                                           "(deaths, evacuated, damage, ...)."),
    topic: str = typer.Option(None, help="Only figures of claims under this topic."),
    fmt: ListFormat = format_option(),
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
    records = [q.timeline_record(t) for t in found]
    rows = [{**point, "measure": r["measure"].replace("_", " ").removeprefix("count:"),
             "day": point["day"] or "undated", "_section": i == 0 and n > 0,
             "marks": "; ".join([f"revises {', '.join(map(str, point['revises']))}"] *
                                bool(point["revises"]) +
                                [f"disputes {', '.join(map(str, point['disputes']))}"] *
                                bool(point["disputes"]))}
            for n, r in enumerate(records) for i, point in enumerate(r["points"])]
    echo(render(fmt, TIMELINE, rows, records), nl=False)


TIMELINE = Listing(
    columns=[Column("measure", "measure"), Column("day", "day"), Column("figure", "figure"),
             Column("source", "source", wrap=True), Column("outlet", "outlet"),
             Column("claim", "claim_id", right=True), Column("marks", "marks", wrap=True)],
    csv_fields=["measure", "day", "figure", "source", "outlet", "claim_id", "revises",
                "disputes"],
    noun="figure", empty="no figures changed over time or were disputed")
