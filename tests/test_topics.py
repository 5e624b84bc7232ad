"""The taxonomy: user files merge over the default, retag applies changes, bad files fail."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from provenance.cli import app
from provenance.nlp.topics import load_taxonomy, tag_claims


def test_related_words_need_paragraph_support() -> None:
    taxonomy = load_taxonomy()
    tags = tag_claims(taxonomy, [
        ("The government imposed an embargo on grain exports.", "", 1),
        ("It also raised tariffs on steel.", "", 1),
        ("Tariffs on steel were raised.", "", 2),
    ])
    assert "sanctions" in tags[0] and "sanctions" in tags[1] and "sanctions" not in tags[2]


def test_two_related_words_no_other_topic_lists_count_on_their_own(tmp_path: Path) -> None:
    desk = tmp_path / "desk.toml"
    desk.write_text('[topics.harvest]\nterms = ["harvest"]\n'
                    'related = ["grain", "silos", "farmers", "tonnes"]\n'
                    '[topics.trade]\nterms = ["tariff"]\nrelated = ["exports", "tonnes"]\n',
                    encoding="utf-8")
    taxonomy = load_taxonomy(desk)
    tags = tag_claims(taxonomy, [("Farmers filled the silos in two days.", "", 1),
                                 ("Farmers sold 300 tonnes.", "", 2),  # tonnes: trade too
                                 ("Farmers met on Monday.", "", 3)])
    assert "harvest" in tags[0] and "harvest" not in tags[1] | tags[2]


def test_context_and_misspellings_count() -> None:
    taxonomy = load_taxonomy()
    assert "sanctions" in tag_claims(taxonomy, [("Those measures hurt us.",
                                                 "he said, referring to sanctions", 1)])[0]
    assert "elections" in tag_claims(taxonomy, [("The electorial council met.", "", 1)])[0]


def test_user_taxonomy_merges_and_retag_applies_it(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("---\noutlet: Farm Weekly\npublished: 2024-03-01\n---\n"
                       "Growers planted more barley and oats this spring than last year.\n")
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    runner.invoke(app, ["--db", db, "ingest", str(article)])
    result = runner.invoke(app, ["--db", db, "claims", "--topic", "agriculture"])
    assert result.exit_code == 2 and "unknown topic" in result.stderr
    custom = tmp_path / "topics.toml"
    custom.write_text('[topics.agriculture]\nterms = ["barley", "harvest", "grower"]\n'
                      '[topics.energy]\nterms = ["windmill"]\n')
    assert "1 claim re-tagged" in runner.invoke(
        app, ["--db", db, "--taxonomy", str(custom), "topics", "retag"]).stdout
    rows = json.loads(runner.invoke(app, ["--db", db, "--taxonomy", str(custom), "claims",
                                          "--topic", "agriculture", "--format", "json"]).stdout)
    assert len(rows) == 1
    merged = load_taxonomy(custom)
    energy = merged.topics["energy"].terms
    assert ("oil",) in energy and ("windmill",) in energy
    listing = runner.invoke(app, ["--db", db, "--taxonomy", str(custom), "topics"]).stdout
    assert "agriculture" in listing


def test_bad_taxonomy_file_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[topics.x\n")
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "d.db"), "--taxonomy", str(bad),
                                      "topics"])
    assert result.exit_code == 2 and "not valid TOML" in result.stderr


def test_filters_with_sql_metacharacters_are_plain_data(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    runner.invoke(app, ["--db", db, "demo"])
    for value in ["'; DROP TABLE claims; --", "%", "_", "\\", "\" OR 1=1 --"]:
        result = runner.invoke(app, ["--db", db, "claims", "--outlet", value, "--speaker",
                                     value, "--format", "json"])
        assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert "82 claims" in runner.invoke(app, ["--db", db, "claims"]).stdout
