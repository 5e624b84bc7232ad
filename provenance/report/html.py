"""A self-contained HTML page (inline CSS, no network). Everything taken from articles is
escaped, so an article containing markup comes out as text."""

from __future__ import annotations

from html import escape

from provenance.report.build import ClaimEntry, Report

_CSS = """
body{font:16px/1.5 Georgia,serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
h1,h2,h3{font-family:Helvetica,Arial,sans-serif;line-height:1.2}
h2{border-bottom:2px solid #333;padding-bottom:.2rem;margin-top:2.2rem}
.claim{border-left:4px solid #999;padding:.3rem .8rem;margin:.8rem 0;background:#fafafa}
.conflict .claim{border-color:#c0392b}.group .claim{border-color:#27ae60}
.meta{font:13px/1.4 Helvetica,Arial,sans-serif;color:#555}
blockquote{margin:.3rem 0;font-style:italic;color:#444}
.kind{font:12px Helvetica,Arial,sans-serif;background:#eee;padding:0 .3rem;border-radius:3px}
@media print{body{margin:0;max-width:none}.claim{break-inside:avoid}a{color:#000}}
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _claim(e: ClaimEntry) -> str:
    who = _e(e.speaker) if e.speaker else "outlet&#39;s own reporting"
    role = f", {_e(e.role)}" if e.role else ""
    safe_url = e.url if e.url and e.url.lower().startswith(("https://", "http://")) else None
    link = (f'<a href="{_e(safe_url)}">{_e(e.outlet or "source")}</a>' if safe_url
            else _e(e.outlet or "unknown outlet"))
    when = e.published.isoformat() if e.published else "undated"
    anonymous = " &middot; anonymous source" if e.anonymous else ""
    chain = " &rarr; ".join(_e(step) for step in e.chain)
    return (f'<div class="claim" id="claim-{e.id}"><strong>{_e(e.text)}</strong> '
            f'<span class="kind">{_e(e.kind.replace("_", " "))}</span>'
            f'<div class="meta">{who}{role} &middot; {link} &middot; {when}{anonymous}'
            f' &middot; <a href="#claim-{e.id}">#{e.id}</a></div>'
            f"<blockquote>{_e(' '.join(e.sentence.split()))}</blockquote>"
            f'<div class="meta">provenance: {chain}</div></div>')


def render_html(report: Report) -> str:
    """The report as one HTML document, conflicts first."""
    query = ", ".join(f"{k}={v}" for k, v in report.query.items()) or "all claims"
    parts = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
             "<title>Fact-check report</title>", f"<style>{_CSS}</style></head><body>",
             "<h1>Fact-check report</h1>", "<h2>Scope</h2><ul>",
             f"<li>query: {_e(query)}</li><li>articles: {report.articles}</li>",
             f"<li>outlets: {_e(', '.join(report.outlets) or 'none')}</li>",
             f"<li>dates: {_e(report.first or '?')} to {_e(report.last or '?')}</li></ul>",
             "<h2>Conflicts</h2>"]
    if not report.conflicts:
        parts.append("<p>No conflicts found.</p>")
    for c in report.conflicts:
        parts.append(f'<section class="conflict"><h3>{_e(c.kind)}: {_e(c.reason)}</h3>')
        parts += [_claim(side) for side in c.sides]
        parts.append("</section>")
    parts.append("<h2>Corroborated claims</h2>")
    if not report.corroborated:
        parts.append("<p>No claim is backed by more than one article.</p>")
    for g in report.corroborated:
        parts.append(f'<section class="group"><h3>Group {g.id}: {g.outlets} outlets, '
                     f"{g.independent} independent sources</h3>")
        parts += [_claim(e) for e in g.claims]
        parts.append("</section>")
    parts.append("<h2>Single-source claims (unverified)</h2>")
    parts += [_claim(e) for e in report.single_source]
    parts.append("<h2>Who said what</h2><ul>")
    for speaker, claims in report.speakers.items():
        role = f" ({_e(claims[0].role)})" if claims[0].role else ""
        links = "; ".join(f'<a href="#claim-{e.id}">{_e(e.text)}</a>' for e in claims)
        parts.append(f"<li><strong>{_e(speaker)}</strong>{role}: {links}</li>")
    parts.append("</ul><h2>Figures over time</h2>")
    if not report.timelines:
        parts.append("<p>No figure changed over time.</p>")
    else:
        parts.append("<ul>")
        for measure, points in report.timelines.items():
            steps = " &rarr; ".join(
                f'<a href="#claim-{p.claim.id}">{_e(p.value)}</a> ({_e(p.published or "undated")}'
                f", {_e(p.claim.outlet)})" for p in points)
            parts.append(f"<li>{_e(measure)}: {steps}</li>")
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
