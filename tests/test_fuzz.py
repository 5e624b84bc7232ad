"""Hostile input end to end: tag soup, deep nesting, huge paragraphs, stray quotes.

Whatever the bytes, a file is read or refused in one line, extraction returns, and the
database holds whole articles only.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from typer.testing import CliRunner

from provenance.cli import app
from provenance.db.engine import make_engine
from provenance.domain import SourceDocument
from provenance.ingest.readers import ReadFailure, read_file
from provenance.nlp.pipeline import extract

FRAGMENTS = ["<div>", "</div>", "<p>", "</p>", "<script>", "</script>", "<style>", "<!--",
             "-->", "<br/>", "&amp;", "&#x;", "&#99999999;", "<a href='", '"', "\u201c",
             "\u201d", "'", "<article>", "<meta property='og:title' content='", "<title>",
             "</title>", "<![CDATA[", "]]>", "<", ">", "\n\n", " said ", "The minister said ",
             "12.5%", " on Friday. ", "\x00", "\ufeff", "é", "—"]
tag_soup = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=60)


def documents(path: Path) -> list[SourceDocument]:
    items = list(read_file(path))
    assert all(isinstance(i, (SourceDocument, ReadFailure)) for i in items)
    assert all("\n" not in i.message for i in items if isinstance(i, ReadFailure))
    return [i for i in items if isinstance(i, SourceDocument)]


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tag_soup)
def test_tag_soup_is_read_and_extracted(tmp_path: Path, parts: list[str]) -> None:
    path = tmp_path / "soup.html"
    path.write_text("".join(parts), encoding="utf-8", errors="surrogatepass")
    for doc in documents(path):
        for claim in extract(doc).claims:
            assert 0 <= claim.start <= claim.end <= len(doc.text)


@pytest.mark.parametrize("depth", [50, 5000])
def test_deeply_nested_html(tmp_path: Path, depth: int) -> None:
    body = "<div><span>" * depth + "The mayor said the bridge would reopen." + "</span>" * depth
    path = tmp_path / "deep.html"
    path.write_text(f"<html><body>{body}</body></html>")
    docs = documents(path)
    assert docs and "bridge would reopen" in docs[0].text


@pytest.mark.parametrize("paragraph", [
    "word " * 40_000,                              # 200 kB, no sentence end
    '"' * 5000 + "He said so." + "\u201c" * 5000,   # quotes that never close
    "The minister said " * 5000,                   # attribution without content
    "1,000,000.5% " * 5000,                        # numbers only
])
def test_huge_paragraphs_finish_quickly(tmp_path: Path, paragraph: str) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(paragraph)
    started = time.perf_counter()
    for doc in documents(path):
        extract(doc)
    assert time.perf_counter() - started < 30  # no catastrophic regex backtracking


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(tag_soup.map("".join), st.binary(max_size=200).map(repr)),
                min_size=1, max_size=4))
def test_cli_ingest_of_garbage_stores_whole_articles(tmp_path_factory: pytest.TempPathFactory,
                                                     bodies: list[str]) -> None:
    folder = tmp_path_factory.mktemp("garbage")
    for i, body in enumerate(bodies):
        (folder / f"{i}.{('html', 'txt', 'md', 'json')[i % 4]}").write_text(
            body, encoding="utf-8", errors="surrogatepass")
    db = str(folder / "prov.db")
    result = CliRunner().invoke(app, ["--db", db, "ingest", str(folder)])
    assert result.exit_code in (0, 1) and "Traceback" not in result.output
    added, unchanged, failed = (int(re.search(rf"(\d+) {word}", result.stdout).group(1))
                                for word in ("added", "unchanged", "failed"))
    with make_engine(db).connect() as conn:
        articles = conn.execute(text("select count(*) from articles")).scalar()
        orphans = conn.execute(text(
            "select count(*) from claims c where not exists "
            "(select 1 from articles a where a.id = c.article_id)")).scalar()
    assert orphans == 0 and articles == added  # what the report says, nothing half-stored
    assert added + unchanged + failed >= len(bodies)  # every file accounted for
