"""A self-contained HTML page (inline CSS, no network), readable on a phone. Everything
taken from articles is escaped, so an article containing markup comes out as text; the
embedded JSON-LD escapes ``</`` so that no claim can close its script element."""

from __future__ import annotations

from html import escape

from provenance.errors import InputError
from provenance.escape import http_url, json_text
from provenance.report.build import ClaimEntry, ConflictEntry, GroupEntry, Report, ReviewEntry
from provenance.report.jsonld import claim_reviews
from provenance.report.labels import claim_label, conflict_label
from provenance.report.publication import Publication
from provenance.text import plural

_CSS = """
body{font:16px/1.5 Georgia,serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
h1,h2,h3{font-family:Helvetica,Arial,sans-serif;line-height:1.2}
h2{border-bottom:2px solid #333;padding-bottom:.2rem;margin-top:2.2rem}
.claim{border-left:4px solid #999;padding:.3rem .8rem;margin:.8rem 0;background:#fafafa;
overflow-wrap:anywhere}
.conflict .claim{border-color:#c0392b}.group .claim{border-color:#27ae60}
.verdict{border:2px solid #2c3e50;padding:.5rem .9rem;margin:1rem 0}
.rating{font:bold 15px Helvetica,Arial,sans-serif;background:#2c3e50;color:#fff;
padding:.1rem .5rem;border-radius:3px}
.meta,.why{font:13px/1.4 Helvetica,Arial,sans-serif;color:#555}
.why{color:#333;margin:.3rem 0}
blockquote{margin:.3rem 0;font-style:italic;color:#444}
.kind{font:12px Helvetica,Arial,sans-serif;background:#eee;padding:0 .3rem;border-radius:3px}
summary{cursor:pointer;font-family:Helvetica,Arial,sans-serif}
@media (max-width:40rem){body{margin:1rem auto;font-size:15px}h1{font-size:1.5rem}}
@media print{body{margin:0;max-width:none}.claim{break-inside:avoid}a{color:#000}
details{display:block}}
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _link(text: str, url: str | None) -> str:
    safe = http_url(url)
    return f'<a href="{_e(safe)}">{_e(text)}</a>' if safe else _e(text)


def _claim(e: ClaimEntry, anchor: bool = True) -> str:
    who = _e(e.speaker) if e.speaker else "the outlet&#39;s own reporting"
    role = f", {_e(e.role)}" if e.role else ""
    kind = f' <span class="kind">{_e(claim_label(e.kind))}</span>' if e.speaker else ""
    when = e.published.isoformat() if e.published else "undated"
    anonymous = " &middot; anonymous source" if e.anonymous else ""
    chain = " &rarr; ".join(_e(step) for step in e.chain)
    where = f' id="claim-{e.id}"' if anchor else ""
    return (f'<div class="claim"{where}><strong>{_e(e.text)}</strong>{kind}'
            f'<div class="meta">{who}{role} &middot; {_link(e.outlet or "unknown outlet", e.url)}'
            f' &middot; {when}{anonymous} &middot; <a href="#claim-{e.id}">#{e.id}</a></div>'
            f"<blockquote>{_e(' '.join(e.sentence.split()))}</blockquote>"
            f'<div class="meta">provenance: {chain}</div></div>')


def _verdict(r: ReviewEntry, anchored: set[int]) -> str:
    score = (f" ({r.score:g} on a scale of {r.worst:g} to {r.best:g})"
             if r.score is not None else "")
    by = f" by {_e(r.reviewer)}" if r.reviewer else ""
    seen = "; ".join(f"{_link(a.headline, a.url)} ({_e(a.outlet or 'unknown outlet')}, "
                     f"{_e(a.published or 'undated')})" for a in r.appearances)
    note = f'<p class="why">Why: {_e(r.note)}</p>' if r.note else ""
    claim = _claim(r.claim, anchor=r.claim.id not in anchored)  # else shown further down
    return (f'<section class="verdict" id="review-{r.id}"><h3><span class="rating">'
            f"{_e(r.rating)}</span>{score}</h3>{claim}{note}"
            f'<p class="meta">Reviewed {r.reviewed_on}{by}. Appears in: {seen}</p></section>')


def _conflict(c: ConflictEntry) -> str:
    return (f'<section class="conflict"><h3>{_e(conflict_label(c.kind))}</h3>'
            f'<p class="why">{_e(c.reason)}</p>{"".join(_claim(s) for s in c.sides)}</section>')


def _group(g: GroupEntry, titles: dict[int, str]) -> str:
    why = "".join(f'<p class="why">{_e(line)}</p>' for line in g.explained(titles))
    return (f'<section class="group"><h3>Group {g.id}: {plural(g.outlets, "outlet")}, '
            f'{plural(g.independent, "independent source")}</h3>{why}'
            f'{"".join(_claim(e) for e in g.claims)}</section>')


def _markup(report: Report, pub: Publication) -> str:
    """The ClaimReview JSON-LD, when there are verdicts and a publisher and address."""
    if not report.reviews:
        return ""
    try:
        items = claim_reviews(report, pub)
    except InputError:
        return ""  # the page stands without markup; prov report --format jsonld says why
    text = json_text(items).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def _figures(report: Report) -> list[str]:
    items = []
    for measure, points in report.timelines.items():
        steps = " &rarr; ".join(
            f'<a href="#claim-{p.claim.id}">{_e(p.value)}</a> ({_e(p.published or "undated")}'
            f", {_e(p.claim.outlet or '?')})" for p in points)
        items.append(f"<li>{_e(measure)} over time: {steps}</li>")
    for figure, of, e in report.figures:
        label = f" ({_e(of)})" if of else ""
        items.append(f'<li><strong>{_e(figure)}</strong>{label}: <a href="#claim-{e.id}">'
                     f"{_e(e.text)}</a> ({_e(e.outlet or 'unknown outlet')}, "
                     f"{_e(e.published or 'undated')})</li>")
    return ["<ul>", *items, "</ul>"] if items else ["<p>No figures.</p>"]


def render_html(report: Report, pub: Publication | None = None) -> str:
    """The report as one HTML document: verdicts, conflicts, corroboration, the rest."""
    pub = pub or Publication()
    query = ", ".join(f"{k}={v}" for k, v in report.query.items()) or "all claims"
    by = f" by {_e(pub.publisher)}" if pub.publisher else ""
    parts = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f'<meta name="date" content="{pub.today.isoformat()}">',
             "<title>Fact-check report</title>", f"<style>{_CSS}</style>",
             _markup(report, pub), "</head><body>",
             "<h1>Fact-check report</h1>",
             f'<p class="meta">Report of <time datetime="{pub.today.isoformat()}">'
             f"{pub.today.isoformat()}</time>{by}.</p>", "<h2>Scope</h2><ul>",
             f"<li>query: {_e(query)}</li><li>articles: {report.articles}</li>",
             f"<li>outlets: {_e(', '.join(report.outlets) or 'none')}</li>",
             f"<li>dates: {_e(report.first or '?')} to {_e(report.last or '?')}</li>"
             + (f"<li>{_e(report.left_out_note)}</li>" if report.left_out_note else "")
             + "</ul>", "<h2>Verdicts</h2>"]
    anchored = report.anchored
    parts += [_verdict(r, anchored) for r in report.reviews] or [
        "<p>No claim has been reviewed yet.</p>"]
    if report.drafts:
        parts += ["<h2>Awaiting review</h2><ul>"] + [
            f'<li><a href="#claim-{e.id}">{_e(e.text)}</a> (claim {e.id})</li>'
            for e in report.drafts] + ["</ul>"]
    parts.append("<h2>Conflicts</h2>")
    parts += [_conflict(c) for c in report.conflicts] or ["<p>No conflicts found.</p>"]
    parts.append("<h2>Corroborated claims</h2>")
    parts += [_group(g, report.titles) for g in report.corroborated] or [
        "<p>No claim is backed by more than one article.</p>"]
    parts.append("<h2>Single-source claims (unverified)</h2>")
    parts += [_claim(e) for e in report.attributed]
    if report.narration:
        parts += [f"<details><summary>The outlets&#39; own reporting "
                  f"({plural(len(report.narration), 'claim')}), not attributed to anyone"
                  "</summary>", *[_claim(e) for e in report.narration], "</details>"]
    parts.append("<h2>Who said what</h2><ul>")
    for speaker, claims in report.speakers.items():
        role = f" ({_e(claims[0].role)})" if claims[0].role else ""
        links = "; ".join(f'<a href="#claim-{e.id}">{_e(e.text)}</a>' if e.id in anchored
                          else f"{_e(e.text)} (claim {e.id})" for e in claims)
        parts.append(f"<li><strong>{_e(speaker)}</strong>{role}: {links}</li>")
    parts += ["</ul><h2>Figures</h2>", *_figures(report), "</body></html>"]
    return "\n".join(p for p in parts if p) + "\n"
