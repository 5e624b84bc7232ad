"""Fact-check reports: a report object built from the database, then one renderer per format."""

from __future__ import annotations

from provenance.report.build import Report, build_report
from provenance.report.html import render_html
from provenance.report.jsonld import render_jsonld
from provenance.report.markdown import render_markdown
from provenance.report.publication import Publication

FORMATS = ("md", "html", "jsonld")


def render(report: Report, fmt: str, pub: Publication | None = None) -> str:
    """The report in ``fmt`` (one of :data:`FORMATS`); JSON-LD needs a complete ``pub``."""
    pub = pub or Publication()
    if fmt == "jsonld":
        return render_jsonld(report, pub)
    return render_html(report, pub) if fmt == "html" else render_markdown(report, pub)


__all__ = ["FORMATS", "Publication", "Report", "build_report", "render"]
