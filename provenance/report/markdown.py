"""Markdown rendering of a :class:`Report`."""

from __future__ import annotations

from provenance.escape import markdown_link, markdown_text
from provenance.report.build import ClaimEntry, Report

_t = markdown_text


def _when(e: ClaimEntry) -> str:
    return e.published.isoformat() if e.published else "undated"


def _claim_lines(e: ClaimEntry) -> list[str]:
    who = _t(e.speaker) if e.speaker else "outlet's own reporting"
    role = f", {_t(e.role)}" if e.role else ""
    return [
        f"- **{_t(e.text)}** (claim {e.id})",
        f"  - who: {who}{role}; {e.kind.replace('_', ' ')}"
        + ("; anonymous source" if e.anonymous else ""),
        f"  - where: {markdown_link(e.outlet or 'unknown outlet', e.url)}, {_when(e)}",
        f"  - sentence: \"{_t(e.sentence)}\"",
        f"  - provenance: {' -> '.join(_t(step) for step in e.chain)}",
    ]


def render_markdown(report: Report) -> str:
    """The report as Markdown, conflicts first."""
    out = ["# Fact-check report", "", "## Scope", ""]
    query = ", ".join(f"{k}={v}" for k, v in report.query.items()) or "all claims"
    out += [f"- query: {_t(query)}", f"- articles: {report.articles}",
            f"- outlets: {_t(', '.join(report.outlets)) or 'none'}",
            f"- dates: {report.first or '?'} to {report.last or '?'}", ""]
    out += ["## Conflicts", ""]
    if not report.conflicts:
        out += ["No conflicts found.", ""]
    for c in report.conflicts:
        out += [f"### {c.kind}: {_t(c.reason)}", ""]
        for side in c.sides:
            out += _claim_lines(side)
        out.append("")
    out += ["## Corroborated claims", ""]
    if not report.corroborated:
        out += ["No claim is backed by more than one article.", ""]
    for g in report.corroborated:
        out += [f"### Group {g.id}: {g.outlets} outlets, {g.independent} independent sources", ""]
        for e in g.claims:
            out += _claim_lines(e)
        out.append("")
    out += ["## Single-source claims (unverified)", ""]
    for e in report.single_source:
        out += _claim_lines(e)
    out += ["", "## Who said what", ""]
    for speaker, claims in report.speakers.items():
        role = f" ({_t(claims[0].role)})" if claims[0].role else ""
        out.append(f"- **{_t(speaker)}**{role}: " + "; ".join(
            f"{_t(e.text)} (claim {e.id}, {_t(e.outlet or 'unknown outlet')}, {_when(e)})"
            for e in claims))
    out += ["", "## Figures over time", ""]
    if not report.timelines:
        out.append("No figure changed over time.")
    for measure, points in report.timelines.items():
        out.append(f"- {_t(measure)}: " + " -> ".join(
            f"{_t(p.value)} ({p.published or 'undated'}, {_t(p.claim.outlet or '?')})"
            for p in points))
    return "\n".join(out).rstrip() + "\n"
