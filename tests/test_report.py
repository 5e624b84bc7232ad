"""Reports: golden Markdown and JSON-LD on the seeds, escaped HTML for hostile articles."""

from __future__ import annotations

import json
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.cli import app

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("report") / "r.db")
    assert CliRunner().invoke(app, ["--db", db, "ingest", str(ROOT / "seeds")]).exit_code == 0
    return db


def report(db: str, *args: str) -> str:
    result = CliRunner().invoke(app, ["--db", db, "report", "--publisher", "Test Desk",
                                      "--date", "2026-01-01", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("fmt, name", [("md", "elections.md"), ("jsonld", "elections.jsonld")])
def test_report_matches_golden_file(seeded: str, fmt: str, name: str) -> None:
    text = report(seeded, "--topic", "elections", "--format", fmt)
    golden = GOLDEN / name
    if os.environ.get("PROV_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_markdown_puts_conflicts_first(seeded: str) -> None:
    text = report(seeded, "--format", "md")
    order = [text.index(h) for h in ("## Scope", "## Conflicts", "## Corroborated claims",
                                     "## Single-source claims", "## Who said what",
                                     "## Figures over time")]
    assert order == sorted(order)
    assert "denial: Donald Trump" in text and "Le Point -> anonymous sources" in text


def test_jsonld_items_have_claimreview_fields(seeded: str) -> None:
    doc = json.loads(report(seeded, "--format", "jsonld"))
    assert doc["@graph"]
    for item in doc["@graph"]:
        assert item["@type"] == "ClaimReview"
        for key in ("claimReviewed", "itemReviewed", "author", "datePublished", "url",
                    "reviewRating"):
            assert item[key], key
        claim = item["itemReviewed"]
        assert claim["@type"] == "Claim" and claim["author"]["name"] and claim["appearance"]
        assert item["author"]["name"] == "Test Desk"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_escapes_hostile_articles(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.md"
    hostile.write_text(
        "---\noutlet: <b>Evil</b> Times\npublished: 2024-01-01\n"
        "url: javascript:alert(1)\n---\n"
        "The minister said <script>alert('x')</script> the budget had grown by 5%.\n\n"
        "Officials confirmed that <img src=x onerror=alert(2)> taxes would rise.\n",
        encoding="utf-8")
    db = str(tmp_path / "h.db")
    CliRunner().invoke(app, ["--db", db, "ingest", str(hostile)])
    out = tmp_path / "r.html"
    result = CliRunner().invoke(app, ["--db", db, "report", "--format", "html", "-o", str(out)])
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    parser = _Collector()
    parser.feed(page)
    assert "script" not in parser.tags and "img" not in parser.tags and "b" not in parser.tags
    assert "<script>alert('x')</script>" in "".join(parser.text)
    assert "http" not in page.split("<style>")[0]  # no external resources
    assert "javascript:" not in page
