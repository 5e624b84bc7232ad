"""Reports: golden Markdown and JSON-LD on the seeds, escaped HTML for hostile articles."""

from __future__ import annotations

import json
import os
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from provenance.cli import app
from provenance.db import scope
from provenance.db.engine import open_database, unit_of_work
from provenance.db.queries import ClaimFilter
from provenance.report.jsonld import shortened

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden"


PUBLISHED = ("--publisher", "Test Desk", "--base-url", "https://desk.example/checks/story",
             "--date", "2026-01-01")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The seeds, with a verdict on one side of a conflict about elections (the golden
    files' topic) and on the later claim of the first group."""
    db = str(tmp_path_factory.mktemp("report") / "r.db")
    assert CliRunner().invoke(app, ["--db", db, "ingest", str(ROOT / "seeds")]).exit_code == 0
    conflict = next(c for c in json.loads(cli(db, "conflicts", "--format", "json"))
                    if "elections" in c["claims"][0]["topics"])
    group = json.loads(cli(db, "groups", "--format", "json"))[0]
    latest = max(group["claims"], key=lambda c: c["published"])
    cli(db, "review", str(conflict["claims"][0]["id"]), "--rating", "Disputed", "--score", "2",
        "--note", "One side denies it.", "--reviewer", "R. Checker", "--date", "2025-12-30")
    cli(db, "review", str(latest["id"]), "--rating", "Accurate", "--date", "2025-12-31")
    return db


def cli(db: str, *args: str) -> str:
    result = CliRunner().invoke(app, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def report(db: str, *args: str) -> str:
    return cli(db, "report", *PUBLISHED, *args)


@pytest.mark.parametrize("fmt, name", [("md", "elections.md"), ("jsonld", "elections.jsonld"),
                                       ("html", "elections.html")])
def test_report_matches_golden_file(seeded: str, fmt: str, name: str) -> None:
    text = report(seeded, "--topic", "elections", "--format", fmt)
    golden = GOLDEN / name
    if os.environ.get("PROV_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_markdown_puts_verdicts_then_conflicts_first(seeded: str) -> None:
    text = report(seeded, "--format", "md")
    order = [text.index(h) for h in ("## Scope", "## Verdicts", "## Awaiting review",
                                     "## Conflicts", "## Corroborated claims",
                                     "## Single-source claims", "## Who said what",
                                     "## Figures")]
    assert order == sorted(order)
    assert "Denied: Donald Trump" in text and "Le Point -> anonymous sources" in text
    assert "Rival claims: " in text
    assert "Report of 2026-01-01 by Test Desk." in text


GOOGLE_REQUIRED = {"ClaimReview": ("claimReviewed", "reviewRating", "url"),
                   "Rating": ("alternateName",)}
GOOGLE_RECOMMENDED = {"ClaimReview": ("author", "datePublished", "itemReviewed"),
                      "Claim": ("appearance", "author", "datePublished", "firstAppearance"),
                      "Rating": ("bestRating", "name", "ratingValue", "worstRating")}
"""The fields Google documents for fact-check markup
(developers.google.com/search/docs/appearance/structured-data/factcheck)."""


def google_problems(item: dict[str, Any], scored: bool) -> list[str]:
    problems = []
    if item.get("@context") != "https://schema.org" or item.get("@type") != "ClaimReview":
        problems.append("not a schema.org ClaimReview at the root")
    nodes = {"ClaimReview": item, "Rating": item.get("reviewRating") or {},
             "Claim": item.get("itemReviewed") or {}}
    for kind, node in nodes.items():
        if node.get("@type") != kind:
            problems.append(f"{kind} has @type {node.get('@type')!r}")
        wanted = GOOGLE_REQUIRED.get(kind, ()) + GOOGLE_RECOMMENDED.get(kind, ())
        if kind == "Rating" and not scored:
            wanted = ("alternateName", "name")
        problems += [f"{kind}.{key} missing" for key in wanted if node.get(key) in (None, "", [])]
    if len(item.get("claimReviewed", "")) > 75:
        problems.append("claimReviewed over 75 characters")
    if not str(item.get("url", "")).startswith("https://desk.example/checks/story#"):
        problems.append(f"url {item.get('url')!r} is not an anchor in the report's address")
    for work in nodes["Claim"].get("appearance", []):
        if not work.get("headline") or work.get("url", "") is None:
            problems.append(f"appearance without headline or with a null url: {work}")
    return problems


def test_jsonld_passes_googles_required_and_recommended_fields(seeded: str) -> None:
    items = json.loads(report(seeded, "--format", "jsonld"))
    reviews = json.loads(cli(seeded, "reviews", "--format", "json"))
    assert len(items) == len(reviews) == 2  # only reviewed claims, one ClaimReview each
    for item in items:
        assert google_problems(item, scored=item["reviewRating"]["name"] == "Disputed") == []
    assert "null" not in report(seeded, "--format", "jsonld")
    assert {i["author"]["name"] for i in items} == {"R. Checker", "Test Desk"}
    assert len({i["url"] for i in items}) == 2


def test_jsonld_first_appearance_is_the_earliest_article(seeded: str) -> None:
    items = json.loads(report(seeded, "--format", "jsonld"))
    grouped = next(i for i in items if i["reviewRating"]["name"] == "Accurate")["itemReviewed"]
    dates = [w["datePublished"] for w in grouped["appearance"]]
    assert len(dates) >= 2 and grouped["firstAppearance"]["datePublished"] == min(dates)
    assert grouped["datePublished"] == min(dates)


def test_jsonld_provenance_terms_point_to_entities(seeded: str) -> None:
    for item in json.loads(report(seeded, "--format", "jsonld")):
        claim = item["itemReviewed"]
        ids = {claim["author"]["@id"]} | {w["@id"] for w in claim["appearance"]}
        assert claim[PROV + "wasAttributedTo"]["@id"] in ids
        assert {d["@id"] for d in claim[PROV + "wasDerivedFrom"]} <= ids
        for source in claim.get(PROV + "hadPrimarySource", []):
            assert source["@id"].startswith("https://") and source["name"]


PROV = "http://www.w3.org/ns/prov#"


@pytest.mark.parametrize("missing, words", [("--publisher", "--publisher"),
                                            ("--base-url", "--base-url")])
def test_jsonld_without_publisher_or_address_is_one_line(seeded: str, missing: str,
                                                         words: str) -> None:
    args = list(PUBLISHED)
    del args[args.index(missing):args.index(missing) + 2]
    result = CliRunner(env={"PROV_PUBLISHER": None, "PROV_BASE_URL": None}).invoke(
        app, ["--db", seeded, "report", "--format", "jsonld", *args])
    assert result.exit_code == 2 and words in result.stderr
    assert result.stderr.strip().count("\n") == 0 and result.stdout == ""


def test_html_is_made_for_phones_and_embeds_the_markup(seeded: str) -> None:
    page = report(seeded, "--format", "html")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "Report of <time datetime=\"2026-01-01\">2026-01-01</time> by Test Desk." in page
    embedded = page.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert json.loads(embedded) == json.loads(report(seeded, "--format", "jsonld"))
    assert "<details><summary>The outlets&#39; own reporting" in page
    for raw in ("<h3>denial", "<h3>rival", ">none<", "1 independent sources"):
        assert raw not in page


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


def test_html_markup_cannot_be_closed_by_a_claim(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("---\noutlet: Harbour Post\npublished: 2024-01-01\n---\n"
                       "The mayor said the </script><script>alert(1)</script> fee would double."
                       "\n", encoding="utf-8")
    db = str(tmp_path / "h.db")
    cli(db, "ingest", str(article))
    claim = json.loads(cli(db, "claims", "--format", "json"))[0]
    cli(db, "review", str(claim["id"]), "--rating", "False")
    page = report(db, "--format", "html")
    parser = _Collector()
    parser.feed(page)
    assert parser.tags.count("script") == 1
    embedded = page.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "</script>" in json.loads(embedded)[0]["itemReviewed"]["text"]


@given(st.text(min_size=0, max_size=300))
def test_claim_reviewed_is_short_and_a_prefix_of_the_claim(text: str) -> None:
    short = shortened(text)
    flat = " ".join(text.split())
    assert len(short) <= 75
    assert short == flat or (short.endswith("\u2026") and flat.startswith(short[:-1]))


def test_a_config_file_gives_publisher_and_address_and_flags_win(seeded: str,
                                                                 tmp_path: Path) -> None:
    config = tmp_path / "prov.toml"
    config.write_text('[report]\npublisher = "File Desk"\n'
                      'base_url = "https://file.example/checks/a"\n', encoding="utf-8")
    runner = CliRunner(env={"PROV_PUBLISHER": None, "PROV_BASE_URL": None})
    args = ["--db", seeded, "--config", str(config), "report", "--format", "jsonld"]
    items = json.loads(runner.invoke(app, args).stdout)
    assert {i["publisher"]["name"] for i in items} == {"File Desk"}
    assert all(i["url"].startswith("https://file.example/checks/a#") for i in items)
    items = json.loads(runner.invoke(app, [*args, "--publisher", "Flag Desk"]).stdout)
    assert {i["publisher"]["name"] for i in items} == {"Flag Desk"}


def test_a_config_file_prov_cannot_use_is_one_line(seeded: str, tmp_path: Path) -> None:
    config = tmp_path / "prov.toml"
    config.write_text('[reprot]\npublisher = "Typo Desk"\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["--db", seeded, "--config", str(config), "claims"])
    assert result.exit_code == 2 and "unknown section [reprot]" in result.stderr
    assert result.stderr.strip().count("\n") == 0


def test_a_limited_report_lists_the_first_entries_and_says_how_many_it_leaves_out(
        seeded: str) -> None:
    full = report(seeded, "--limit", "0")
    cut = report(seeded, "--limit", "1")
    assert "not listed" not in full

    def conflicts(text: str) -> int:
        return text.split("## Conflicts")[1].split("## Corroborated")[0].count("\n### ")

    assert conflicts(cut) == 1 < conflicts(full)
    single = full.split("## Single-source claims")[1].split("## Who said what")[0]
    assert "not listed:" in cut and "more single-source claims" in cut
    assert len(cut.split("## Single-source claims")[1].split("## Who said what")[0]) \
        < len(single)
    page = report(seeded, "--limit", "1", "--format", "html")
    anchors = set(re.findall(r'id="claim-(\d+)"', page))
    assert set(re.findall(r'href="#claim-(\d+)"', page)) <= anchors  # no link goes nowhere


def test_a_scope_read_by_subquery_covers_what_its_ids_cover(seeded: str) -> None:
    """A report's scope is selected in SQL, or (after a text search) held as ids: both
    must reach the same articles, conflicts, groups and speakers."""
    with unit_of_work(open_database(seeded)) as session:
        selected = scope.claim_rows(session, ClaimFilter(since=date(2020, 1, 1)))
        held = scope.Scope(selected.rows, None)
        assert selected.matching is not None and selected.rows
        for read in (scope.coverage, scope.conflict_sides, scope.group_members,
                     scope.first_speakers):
            assert read(session, selected) == read(session, held), read.__name__
        assert scope.conflict_sides(session, held) and scope.group_members(session, held)
