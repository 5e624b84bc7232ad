"""Matching across outlets, on articles written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from provenance.cli import app

HERE = Path(__file__).resolve().parent


def write(folder: Path, name: str, outlet: str, published: str, body: str) -> None:
    (folder / name).write_text(
        f"---\noutlet: {outlet}\npublished: {published}\n---\n{body}\n", encoding="utf-8")


def export(runner: CliRunner, db: str) -> dict:  # type: ignore[type-arg]
    return json.loads(runner.invoke(app, ["--db", db, "export"]).stdout)


def texts(data: dict, ids: list[int]) -> list[str]:  # type: ignore[type-arg]
    by_id = {c["id"]: c["text"] for c in data["claims"]}
    return sorted(by_id[i] for i in ids)


def test_same_proposition_groups_and_other_years_do_not(runner: CliRunner, tmp_path: Path,
                                                        db_url: str) -> None:
    write(tmp_path, "a.md", "North Herald", "2023-05-02",
          "The regional parliament approved a new water treaty with the neighbouring "
          "province on Monday.")
    write(tmp_path, "b.md", "South Ledger", "2023-05-03",
          "Lawmakers in the regional parliament approved the water treaty with the "
          "neighbouring province on Monday.")
    write(tmp_path, "c.md", "South Ledger", "2019-04-10",
          "The regional parliament approved a new water treaty with the neighbouring "
          "province in 2019.")
    runner.invoke(app, ["--db", db_url, "ingest", str(tmp_path)])
    data = export(runner, db_url)
    assert len(data["groups"]) == 1
    assert all("2019" not in t for t in texts(data, data["groups"][0]["claim_ids"]))


def test_numeric_conflict_and_update(runner: CliRunner, tmp_path: Path, sqlite_url: str) -> None:
    write(tmp_path, "a.md", "North Herald", "2023-05-02",
          "Floods on Monday destroyed at least 40 homes in the river valley, the fire "
          "service said.")
    write(tmp_path, "b.md", "South Ledger", "2023-05-02",
          "Floods on Monday destroyed about 12 homes in the river valley, the mayor said.")
    runner.invoke(app, ["--db", sqlite_url, "ingest", str(tmp_path)])
    data = export(runner, sqlite_url)
    kinds = [c["kind"] for c in data["conflicts"]]
    assert kinds == ["numeric"]
    assert "fire service" in data["conflicts"][0]["reason"]
    assert "mayor" in data["conflicts"][0]["reason"]
    assert data["groups"] == []


def test_ingest_grows_groups_without_renumbering(runner: CliRunner, tmp_path: Path,
                                                 sqlite_url: str) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    first.mkdir()
    second.mkdir()
    write(first, "a.md", "North Herald", "2023-05-02",
          "The city council voted to close the coal power plant by 2030.")
    write(first, "b.md", "South Ledger", "2023-05-02",
          "The city council voted on Tuesday to close the coal power plant by 2030.")
    runner.invoke(app, ["--db", sqlite_url, "ingest", str(first)])
    before = export(runner, sqlite_url)["groups"]
    write(second, "c.md", "East Times", "2023-05-03",
          "The council voted to close the city's coal power plant by 2030.")
    runner.invoke(app, ["--db", sqlite_url, "ingest", str(second)])
    after = export(runner, sqlite_url)["groups"]
    assert [g["id"] for g in after] == [g["id"] for g in before]
    assert len(after[0]["claim_ids"]) == 3
    rebuilt = runner.invoke(app, ["--db", sqlite_url, "match", "--rebuild"])
    assert "1 groups" in rebuilt.stdout


def test_wire_copies_count_as_one_independent_source(runner: CliRunner,
                                                     sqlite_url: str) -> None:
    runner.invoke(app, ["--db", sqlite_url, "ingest", str(HERE / "data" / "heldout")])
    out = runner.invoke(app, ["--db", sqlite_url, "groups", "--min-sources", "2"]).stdout
    assert "Bay Courier" not in out and "Coastline News" in out
    out = runner.invoke(app, ["--db", sqlite_url, "conflicts", "--kind", "denial"]).stdout
    assert "port authority" in out and "Norvik Lines" in out


def test_rival_figures_meet_when_their_words_are_everywhere(runner: CliRunner, tmp_path: Path,
                                                            sqlite_url: str) -> None:
    # 120 claims name Harlow, its bridge and what it cost, so none of those words is rare
    # enough to find partners by; the two rival sums must still be compared.
    for n, when in enumerate(_WHEN):
        write(tmp_path, f"bg{n:02d}.md", f"Outlet {when}", "2023-03-01", " ".join(
            f"Shopkeepers in Harlow say the bridge cost them millions of dollars {when} {where}."
            for where in _WHERE))
    write(tmp_path, "a.md", "North Herald", "2023-05-02",
          "The Harlow bridge will cost 300 million dollars, the city engineer said.")
    write(tmp_path, "b.md", "South Ledger", "2023-05-04",
          "The Harlow bridge will cost 340 million dollars, a council report said.")
    runner.invoke(app, ["--db", sqlite_url, "ingest", str(tmp_path)])
    data = export(runner, sqlite_url)
    numeric = [c for c in data["conflicts"] if c["kind"] == "numeric"]
    assert len(numeric) == 1
    assert texts(data, numeric[0]["claim_ids"]) == [
        "The Harlow bridge will cost 300 million dollars",
        "The Harlow bridge will cost 340 million dollars"]


_WHEN = ("this spring", "last winter", "every week", "since June", "each summer", "at night",
         "on market days", "during repairs", "in the holidays", "before the election",
         "after the storm", "through the autumn", "all year", "every weekend", "in the rain",
         "at dawn", "for decades", "in the floods", "at Easter", "in peak season")
_WHERE = ("near the river", "downtown", "by the old mill", "on the east bank",
          "around the station", "along the quay")
