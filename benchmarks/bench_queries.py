"""How long the questions a desk asks every day take on an archive, against a plain indexed
fetch from the same database in the same run.

    python benchmarks/bench_queries.py --articles 10000      # builds the archive first
    python benchmarks/bench_queries.py --db archive.db       # an archive you have

Each command runs in this process through the CLI (``CliRunner``), as a user would call it
but without Python's start-up, three times; the best time is given. The baseline reads the
first 50 rows of ``claims`` by primary key with ``sqlite3``: the floor of any listing.
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from typer.testing import CliRunner

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from corpus import articles, write_articles  # noqa: E402

from provenance.cli import app  # noqa: E402

ROUNDS = 3


def build(folder: Path, n: int) -> Path:
    """A SQLite archive of ``n`` generated articles, ingested as a user does."""
    corpus = write_articles(folder / "corpus", articles(n))
    db = folder / "archive.db"
    subprocess.run([sys.executable, "-m", "provenance", "--db", str(db), "ingest",
                    "--workers", "2", str(corpus)], check=True, stdout=subprocess.DEVNULL)
    return db


def questions(db: Path) -> list[tuple[str, list[str]]]:
    """The commands to time, with a topic, speaker and word the archive holds."""
    with sqlite3.connect(db) as conn:
        topic = conn.execute("select t.name from claim_topics ct join topics t on t.id ="
                             " ct.topic_id group by t.name order by count(*) desc").fetchone()
        speaker = conn.execute("select s.name from claim_speakers cs join speakers s on s.id ="
                               " cs.speaker_id group by s.name order by count(*) desc"
                               ).fetchone()
        claim = conn.execute("select max(id) from claims").fetchone()[0]
    word = "minister"
    name = speaker[0].split()[-1]
    return [
        (f"claims --topic {topic[0]} --limit 50", ["claims", "--topic", topic[0], "--limit",
                                                   "50"]),
        (f"claims --search {word} --limit 50", ["claims", "--search", word, "--limit", "50"]),
        (f"claims --speaker {name} --limit 50", ["claims", "--speaker", name, "--limit", "50"]),
        ("conflicts", ["conflicts"]),
        ("groups --min-sources 2", ["groups", "--min-sources", "2"]),
        (f"show {claim // 2}", ["show", str(claim // 2)]),
        (f"report --topic {topic[0]} --format html", ["report", "--topic", topic[0],
                                                      "--format", "html"]),
    ]


def time_command(runner: CliRunner, db: Path, args: list[str]) -> float:
    runs = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        result = runner.invoke(app, ["--db", str(db), *args])
        runs.append(time.perf_counter() - started)
        if result.exit_code != 0:
            raise SystemExit(f"prov {' '.join(args)} failed: {result.output[-300:]}")
    return min(runs)


def baseline(db: Path) -> float:
    runs = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        with sqlite3.connect(db) as conn:
            conn.execute("select id, text from claims order by id limit 50").fetchall()
        runs.append(time.perf_counter() - started)
    return min(runs)


def report(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        counts = [conn.execute(f"select count(*) from {t}").fetchone()[0]
                  for t in ("articles", "claims", "conflicts")]
    runner = CliRunner()
    runner.invoke(app, ["--db", str(db), "claims", "--limit", "1"])  # warm the caches
    base = baseline(db)
    print(f"\n### Queries on an archive of {counts[0]:,} articles, {counts[1]:,} claims, "
          f"{counts[2]:,} conflicts (best of {ROUNDS})\n")
    print(f"Baseline, 50 claims by id with sqlite3: {base * 1000:.1f} ms\n")
    print("| command | seconds | / baseline | target |")
    print("|---|---|---|---|")
    for label, args in questions(db):
        seconds = time_command(runner, db, args)
        target = 3.0 if args[0] == "report" else 0.5
        verdict = "met" if seconds < target else "missed"
        print(f"| `prov {label}` | {seconds:.2f} | {seconds / base:,.0f} | < {target} s: "
              f"{verdict} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, help="an existing SQLite archive")
    ap.add_argument("--articles", type=int, default=10000,
                    help="generate and ingest this many articles first (without --db)")
    args = ap.parse_args()
    if args.db:
        report(args.db)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        report(build(Path(tmp), args.articles))
    return 0


if __name__ == "__main__":
    sys.exit(main())
