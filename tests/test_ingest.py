"""Reading files: formats, metadata precedence, encodings, bad input."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from provenance.db import models as m
from provenance.db.engine import make_engine
from provenance.domain import ArticleMeta, SourceDocument
from provenance.errors import InputError
from provenance.ingest.decode import decode
from provenance.ingest.readers import ReadFailure, find_files, read_file
from provenance.jobs import ingest_paths

PAGES = Path(__file__).resolve().parent / "data" / "pages"
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import compare_html  # noqa: E402 - the benchmark's scoring of pages against their gold


def read_one(path: Path, override: ArticleMeta = ArticleMeta()) -> SourceDocument:
    items = list(read_file(path, override))
    assert len(items) == 1 and isinstance(items[0], SourceDocument), items
    return items[0]


def test_front_matter_gives_metadata_and_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Dam opens\noutlet: Valley Post\npublished: 2023-06-15\n"
                    "url: https://example.org/a\n---\nThe dam opened on Monday.\n")
    doc = read_one(path)
    assert doc.meta == ArticleMeta("Valley Post", date(2023, 6, 15), "https://example.org/a",
                                   "Dam opens")
    assert doc.text.strip() == "The dam opened on Monday."


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text('<html><head><meta property="og:site_name" content="Coast Times">'
                    '<meta property="article:published_time" content="2022-01-05T10:00:00Z">'
                    '<link rel="canonical" href="https://example.org/c"><title>T</title></head>'
                    "<body><nav>Home | World</nav><article><p>First &amp; second.</p>"
                    "<script>var x = 1;</script><p>Third.</p></article>"
                    "<footer>Contact</footer></body></html>")
    doc = read_one(path)
    assert doc.text == "First & second.\n\nThird."
    assert (doc.meta.outlet, doc.meta.published, doc.meta.url) == (
        "Coast Times", date(2022, 1, 5), "https://example.org/c")


def test_a_box_with_a_form_and_a_blurb_is_furniture_but_never_the_story(
        tmp_path: Path) -> None:
    signup = ('<div class="box"><h3>Morning Brief</h3><p>What matters in Holm, every day.</p>'
              '<form><input type="email"><button>Join</button></form></div>')
    path = tmp_path / "a.html"
    path.write_text(f"<html><body><article><p>The ferry did not sail.</p>{signup}"
                    "<p>It sails again on Friday.</p></article></body></html>")
    assert read_one(path).text == "The ferry did not sail.\n\nIt sails again on Friday."
    story = "The council closed the bridge after an inspection found cracked piers. " * 8
    path.write_text(f'<html><body><div class="content"><p>{story}</p>'
                    "<form><textarea></textarea><button>Comment</button></form></div>"
                    "</body></html>")
    assert read_one(path).text.startswith("The council closed the bridge")


def test_own_pages_keep_every_paragraph_and_no_furniture_reaches_a_claim() -> None:
    pages = [p for p in compare_html.gold_pages() if p["path"].startswith("tests/")]
    misses: list[str] = []
    totals = compare_html.score(compare_html.prov_reader, pages, misses)
    fields = sum(f in page for page in pages for f in compare_html.FIELDS)
    assert len(pages) >= 8
    assert (totals["lost"], totals["kept_after_cleaning"], totals["fields_right"]) == (
        0, 0, fields), misses


def test_a_byline_names_the_authors_when_metadata_does_not(sqlite_url: str,
                                                            tmp_path: Path) -> None:
    body = "By Ines Carvalho, Transport Correspondent\n\nThe tram line opened on Monday.\n"
    (tmp_path / "a.md").write_text(f"---\noutlet: Tejo Post\n---\n{body}")
    (tmp_path / "b.md").write_text(f"---\noutlet: Tejo Post\nauthor: Rui Sal\n---\n{body}"
                                   "It carries 9,000 people a day.\n")
    ingest_paths(make_engine(sqlite_url), [tmp_path])
    with Session(make_engine(sqlite_url)) as session:
        stored = dict(session.execute(select(m.Article.source, m.Article.authors)).all())
    assert {Path(k).name: v for k, v in stored.items()} == {
        "a.md": ["Ines Carvalho"], "b.md": ["Rui Sal"]}


def test_an_amp_page_keeps_its_metadata_and_drops_its_components() -> None:
    doc = read_one(PAGES / "amp_ferry.html")  # no <article>: the body is read
    assert doc.meta == ArticleMeta("Northport Gazette", date(2025, 3, 4),
                                   "https://northport.example/news/ferry-fares",
                                   "Ferry fares to rise by a fifth in spring",
                                   authors=("Iris Calloway",))
    assert doc.text.split("\n\n")[1:] == [
        "Ferry fares between Northport and the islands will rise by 20 percent from April,"
        " the operator said on Tuesday.",
        "The operator blamed the cost of fuel, which it said had doubled in two years.",
        "Island councillors said the rise would hurt families who depend on the crossing."]


_LINKED_DATA = json.dumps({"@context": "https://schema.org", "@graph": [
    {"@type": "WebSite", "name": "not the article"},
    {"@type": ["NewsArticle"], "headline": "Ferry service halted after storm",
     "datePublished": "2031-02-03T07:15:00+01:00",
     "publisher": {"@type": "Organization", "name": "Harbour Gazette"}},
]})


def test_html_json_ld_inside_a_graph_wins_over_the_head(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text(f'<html><head><title>Ferry | Harbour Gazette</title>'
                    f'<meta property="og:title" content="Ferry halted">'
                    f'<script type="application/ld+json">{_LINKED_DATA}</script></head>'
                    "<body><p>The ferry did not sail on Monday.</p></body></html>")
    doc = read_one(path)
    assert (doc.meta.outlet, doc.meta.published, doc.meta.title) == (
        "Harbour Gazette", date(2031, 2, 3), "Ferry service halted after storm")
    assert doc.text == "The ferry did not sail on Monday."


def test_broken_json_ld_is_skipped_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text('<html><head><script type="application/ld+json">{"@type": </script>'
                    '<meta name="dc.date" content="2031-02-03"></head>'
                    "<body><div><p>The ferry did not sail.</p></div></body></html>")
    assert read_one(path).meta.published == date(2031, 2, 3)


@pytest.mark.parametrize("tag, published", [
    ('<meta name="date" content="April 6, 2031">', date(2031, 4, 6)),
    ('<meta name="date" content="Sun, 06 Apr 2031 10:00:00 GMT">', date(2031, 4, 6)),
    ('<meta name="DC.date" content="06.04.2031">', date(2031, 4, 6)),
    ('<time datetime="2031-04-06T09:00">6 April</time>', date(2031, 4, 6)),
])
def test_html_dates_in_the_forms_pages_write_them(tmp_path: Path, tag: str,
                                                  published: date) -> None:
    path = tmp_path / "a.html"
    path.write_text(f"<html><head>{tag}</head><body>{tag}<p>The pier reopened.</p></body></html>")
    assert read_one(path).meta.published == published


def test_published_option_overrides_an_unreadable_page_date(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text('<html><head><meta name="date" content="the day before"></head>'
                    "<body><p>The pier reopened.</p></body></html>")
    assert isinstance(list(read_file(path))[0], ReadFailure)
    doc = read_one(path, ArticleMeta(published=date(2031, 4, 6)))
    assert doc.meta.published == date(2031, 4, 6)


def test_jsonl_with_news_please_fields(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    rows = [{"maintext": "One article.", "source_domain": "a.example", "date_publish":
             "2021-03-04 08:00:00", "title": "One"},
            {"text": "Two article.", "outlet": "B", "published": "2021-03-05"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    docs = list(read_file(path))
    assert [d.source for d in docs] == [f"{path}#1", f"{path}#2"]  # type: ignore[union-attr]
    assert docs[0].meta.outlet == "a.example"  # type: ignore[union-attr]
    assert docs[1].meta.published == date(2021, 3, 5)  # type: ignore[union-attr]


def test_manifest_fills_in_but_file_metadata_and_options_win(tmp_path: Path) -> None:
    (tmp_path / "manifest.toml").write_text(
        '[defaults]\noutlet = "Folder Outlet"\n[files."a.md"]\npublished = 2020-01-02\n'
        'title = "From manifest"\n')
    (tmp_path / "a.md").write_text("---\ntitle: From file\n---\nText here.\n")
    doc = read_one(tmp_path / "a.md")
    assert (doc.meta.outlet, doc.meta.published, doc.meta.title) == (
        "Folder Outlet", date(2020, 1, 2), "From file")
    doc = read_one(tmp_path / "a.md", ArticleMeta(outlet="Option"))
    assert doc.meta.outlet == "Option"


def test_cp1252_and_latin1_are_decoded() -> None:
    assert decode("Caf\u00e9 \u201cquoted\u201d".encode("cp1252")) == "Caf\u00e9 \u201cquoted\u201d"
    assert decode("Se\u00f1or".encode("latin-1")) == "Se\u00f1or"


@pytest.mark.parametrize("content, message", [
    (b"", "empty"), (b"\x00\x01\x02\x03" * 10, "binary"), (b"   \n\t ", "empty"),
])
def test_decode_rejects_empty_and_binary(content: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode(content)


def test_bad_files_become_one_line_failures(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json")
    (tmp_path / "front.md").write_text("---\ntitle: [unclosed\n---\nBody.\n")
    (tmp_path / "list.json").write_text("[1, 2]")
    failures = [item for p in sorted(tmp_path.iterdir()) for item in read_file(p)]
    assert all(isinstance(f, ReadFailure) and "\n" not in f.message for f in failures)
    assert len(failures) == 4  # the JSON list holds two bad records


def test_find_files_skips_hidden_and_unsupported(tmp_path: Path) -> None:
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("x")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("b")
    assert [p.name for p in find_files([tmp_path]).files] == ["b.txt"]


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=300))
def test_reading_arbitrary_bytes_never_raises(tmp_path_factory: pytest.TempPathFactory,
                                              data: bytes) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    for name in ("a.txt", "a.md", "a.html", "a.json", "a.jsonl"):
        (folder / name).write_bytes(data)
        for item in read_file(folder / name):
            assert isinstance(item, (SourceDocument, ReadFailure))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_front_matter_fuzz_never_raises_past_input_error(tmp_path_factory: pytest.TempPathFactory,
                                                          body: str) -> None:
    path = tmp_path_factory.mktemp("fm") / "a.md"
    path.write_text(f"---\n{body}\n---\ntext\n", encoding="utf-8")
    for item in read_file(path):
        assert isinstance(item, (SourceDocument, ReadFailure))


@pytest.mark.parametrize("name, content, expected", [
    ("a.json",
     json.dumps({"text": "The pier reopened.", "authors": ["Mira Okafor", "Osprey staff"]}),
     ("Mira Okafor", "Osprey staff")),
    ("a.md", "---\nauthor: Mira Okafor and Tom Reyes\n---\nThe pier reopened.\n",
     ("Mira Okafor", "Tom Reyes")),
    ("a.html", '<html><head><script type="application/ld+json">'
     + json.dumps({"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Mira Okafor"}]})
     + "</script></head><body><p>The pier reopened.</p></body></html>", ("Mira Okafor",)),
    ("b.html", '<html><head><meta name="author" content="Tom Reyes"></head>'
     "<body><p>The pier reopened.</p></body></html>", ("Tom Reyes",)),
])
def test_authors_are_read_from_metadata(tmp_path: Path, name: str, content: str,
                                        expected: tuple[str, ...]) -> None:
    path = tmp_path / name
    path.write_text(content)
    assert read_one(path).meta.authors == expected
