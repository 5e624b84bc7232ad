"""Fact-check reports: a report object built from the database, then one renderer per format."""

from __future__ import annotations

from datetime import date

from provenance.report.build import Report, build_report
from provenance.report.html import render_html
from provenance.report.jsonld import render_jsonld
from provenance.report.markdown import render_markdown

FORMATS = ("md", "html", "jsonld")


def render(report: Report, fmt: str, publisher: str = "prov", today: date | None = None) -> str:
    """The report in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "jsonld":
        return render_jsonld(report, publisher, today)
    return render_html(report) if fmt == "html" else render_markdown(report)


__all__ = ["FORMATS", "Report", "build_report", "render"]
