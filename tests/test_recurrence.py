"""Furniture by repetition: a line an outlet prints on many of its pages is not a claim."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from provenance.db import models as m
from provenance.db.engine import make_engine, open_database
from provenance.jobs import ingest_paths
from provenance.nlp.recurrence import recurring_lines

TAGLINE = "The Star belongs to its readers and answers to nobody else."
STORIES = [
    "The county reopened the Mill Lane bridge on Tuesday after six weeks of repairs.\n\n"
    "Engineers replaced two of its steel beams, the county said.",
    "Pupils at Hollis Primary will get free breakfasts from January, the school said.\n\n"
    "The scheme is paid for by a local bakery.",
    "The Saturday market will move to the old bus station while the square is repaved.\n\n"
    "Traders said they had been consulted.",
    "The river path will close for a month while the council rebuilds its retaining wall.\n\n"
    "Cyclists will be sent through the park.",
]


def write(folder: Path, name: str, body: str, outlet: str = "Kettle Valley Star") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.md"
    path.write_text(f"---\noutlet: {outlet}\npublished: 2025-05-0{len(name)}\n---\n{body}\n")
    return path


def claim_texts(db: str) -> list[str]:
    with Session(make_engine(db)) as session:
        return list(session.scalars(select(m.Claim.text)))


def test_a_line_on_three_of_an_outlets_articles_is_furniture_in_all_of_them(
        db_url: str, tmp_path: Path) -> None:
    engine = open_database(db_url)
    for i, story in enumerate(STORIES):  # one run each: earlier articles lose the line too
        ingest_paths(engine, [write(tmp_path / f"run{i}", "a" * (i + 1),
                                    f"{story}\n\n{TAGLINE}")])
    texts = claim_texts(db_url)
    assert not [t for t in texts if "belongs to its readers" in t]
    assert any("Mill Lane bridge" in t for t in texts)
    assert any("free breakfasts" in t for t in texts)
    assert any("retaining wall" in t for t in texts)


def test_a_line_twice_is_kept_and_other_outlets_do_not_count(db_url: str,
                                                              tmp_path: Path) -> None:
    write(tmp_path, "a", f"{STORIES[0]}\n\n{TAGLINE}")
    write(tmp_path, "bb", f"{STORIES[1]}\n\n{TAGLINE}")
    write(tmp_path, "ccc", f"{STORIES[2]}\n\n{TAGLINE}", outlet="Hollis Gazette")
    ingest_paths(open_database(db_url), [tmp_path])
    assert len([t for t in claim_texts(db_url) if "belongs to its readers" in t]) == 3


def test_versions_of_one_article_keep_their_paragraphs() -> None:
    story = STORIES[0] + "\n\nTraffic was diverted through Oakham during the works."
    updates = [story + "\n\nThe bridge carries 9,000 vehicles a day.",
               story.replace("Tuesday", "Tuesday morning")]
    assert recurring_lines(story, updates) == {}
    assert recurring_lines(f"{STORIES[0]}\n\n{TAGLINE}",
                           [f"{s}\n\n{TAGLINE}" for s in STORIES[1:3]]) == {TAGLINE: 3}
