"""Markdown rendering of a :class:`Report`."""

from __future__ import annotations

from provenance.escape import markdown_link, markdown_text
from provenance.report.build import ClaimEntry, Report, ReviewEntry
from provenance.report.labels import claim_label, conflict_label
from provenance.report.publication import Publication
from provenance.text import plural

_t = markdown_text


def _when(e: ClaimEntry) -> str:
    return e.published.isoformat() if e.published else "undated"


def _claim_lines(e: ClaimEntry) -> list[str]:
    who = _t(e.speaker) if e.speaker else "the outlet's own reporting"
    role = f", {_t(e.role)}" if e.role else ""
    kind = "" if not e.speaker else f"; {claim_label(e.kind)}"
    return [
        f"- **{_t(e.text)}** (claim {e.id})",
        f"  - who: {who}{role}{kind}" + ("; anonymous source" if e.anonymous else ""),
        f"  - where: {markdown_link(e.outlet or 'unknown outlet', e.url)}, {_when(e)}",
        f"  - sentence: \"{_t(e.sentence)}\"",
        f"  - provenance: {' -> '.join(_t(step) for step in e.chain)}",
    ]


def _brief(e: ClaimEntry) -> str:
    return f"- {_t(e.text)} (claim {e.id}, {_t(e.outlet or 'unknown outlet')}, {_when(e)})"


def _verdict(r: ReviewEntry) -> list[str]:
    score = f" ({r.score:g} on a scale of {r.worst:g} to {r.best:g})" if r.score is not None \
        else ""
    lines = [f"### {_t(r.rating)}{score}: {_t(r.claim.text)}", ""]
    lines += [f"- reviewed {r.reviewed_on}" + (f" by {_t(r.reviewer)}" if r.reviewer else "")]
    if r.note:
        lines.append(f"- why: {_t(r.note)}")
    lines.append("- appears in: " + "; ".join(
        f"{markdown_link(a.headline, a.url)} ({_t(a.outlet or 'unknown outlet')}, "
        f"{a.published or 'undated'})" for a in r.appearances))
    return [*lines, *_claim_lines(r.claim), ""]


def render_markdown(report: Report, pub: Publication | None = None) -> str:
    """The report as Markdown: verdicts, then conflicts, corroboration and the rest."""
    pub = pub or Publication()
    out = ["# Fact-check report", "",
           f"Report of {pub.today.isoformat()}" + (f" by {_t(pub.publisher)}" if pub.publisher
                                                   else "") + ".", "", "## Scope", ""]
    query = ", ".join(f"{k}={v}" for k, v in report.query.items()) or "all claims"
    out += [f"- query: {_t(query)}", f"- articles: {report.articles}",
            f"- outlets: {_t(', '.join(report.outlets)) or 'none'}",
            f"- dates: {report.first or '?'} to {report.last or '?'}"]
    if report.left_out_note:
        out.append(f"- {report.left_out_note}")
    out.append("")
    out += ["## Verdicts", ""]
    if not report.reviews:
        out += ["No claim has been reviewed yet.", ""]
    for r in report.reviews:
        out += _verdict(r)
    if report.drafts:
        out += ["## Awaiting review", "",
                "Claims in a conflict or a group that no one has reviewed yet "
                "(`prov review ID --rating ...`):", ""]
        out += [_brief(e) for e in report.drafts] + [""]
    out += ["## Conflicts", ""]
    if not report.conflicts:
        out += ["No conflicts found.", ""]
    for c in report.conflicts:
        out += [f"### {conflict_label(c.kind)}: {_t(c.reason)}", ""]
        for side in c.sides:
            out += _claim_lines(side)
        out.append("")
    out += ["## Corroborated claims", ""]
    if not report.corroborated:
        out += ["No claim is backed by more than one article.", ""]
    for g in report.corroborated:
        out += [f"### Group {g.id}: {plural(g.outlets, 'outlet')}, "
                f"{plural(g.independent, 'independent source')}", ""]
        out += [_t(line) for line in g.explained(report.titles)] + [""]
        for e in g.claims:
            out += _claim_lines(e)
        out.append("")
    out += ["## Single-source claims (unverified)", ""]
    for e in report.attributed:
        out += _claim_lines(e)
    if report.narration:
        out += ["", f"### The outlets' own reporting ({plural(len(report.narration), 'claim')})",
                ""]
        out += [_brief(e) for e in report.narration]
    out += ["", "## Who said what", ""]
    for speaker, claims in report.speakers.items():
        role = f" ({_t(claims[0].role)})" if claims[0].role else ""
        out.append(f"- **{_t(speaker)}**{role}: " + "; ".join(
            f"{_t(e.text)} (claim {e.id}, {_t(e.outlet or 'unknown outlet')}, {_when(e)})"
            for e in claims))
    out += ["", "## Figures", ""]
    out += _figures(report)
    return "\n".join(out).rstrip() + "\n"


def _figures(report: Report) -> list[str]:
    lines = []
    for measure, points in report.timelines.items():
        lines.append(f"- {_t(measure)} over time: " + " -> ".join(
            f"{_t(p.value)} ({p.published or 'undated'}, {_t(p.claim.outlet or '?')})"
            for p in points))
    for figure, of, e in report.figures:
        lines.append(f"- {_t(figure)}" + (f" ({_t(of)})" if of else "")
                     + f": {_t(e.text)} (claim {e.id}, {_t(e.outlet or 'unknown outlet')}, "
                     f"{_when(e)})")
    return lines or ["No figures."]
