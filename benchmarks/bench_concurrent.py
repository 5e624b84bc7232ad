"""Ingest throughput of several `prov ingest` processes on one PostgreSQL database.

    python benchmarks/bench_concurrent.py [--articles 1000] [--processes 4]

The same generated articles are ingested as a user runs it (`prov ingest --workers 1`,
matching included) three ways, each into a new database: by one process into SQLite, by
one process into PostgreSQL, and split between N processes started together against one
PostgreSQL database. Prints the wall times, the throughput ratios, and whether the
concurrent run stored the same articles and claims as the single one (nothing lost or
duplicated). Needs a PostgreSQL server (``PROV_BENCH_PG`` or the local default).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import articles, write_articles  # noqa: E402
from run import PG_URL, database, postgres_answers  # noqa: E402


def ingest(url: str, folders: list[Path]) -> float:
    """Wall seconds for one `prov ingest` process per folder, all started together."""
    started = time.perf_counter()
    running = [subprocess.Popen([sys.executable, "-m", "provenance", "--db", url, "ingest",
                                 "--workers", "1", str(folder)], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL) for folder in folders]
    if any(p.wait() != 0 for p in running):
        raise SystemExit("a prov ingest process failed")
    return time.perf_counter() - started


def counts(url: str) -> tuple[int, int, int]:
    """Articles, claims and speakers stored at ``url``."""
    engine = create_engine(url if "://" in url else f"sqlite:///{url}")
    with engine.connect() as conn:
        found = tuple(conn.execute(text(f"select count(*) from {table}")).scalar_one()
                      for table in ("articles", "claims", "speakers"))
    engine.dispose()
    return found  # type: ignore[return-value]


def split(folder: Path, parts: int) -> list[Path]:
    """The files of ``folder`` dealt into ``parts`` new folders beside it."""
    out = [folder.parent / f"{folder.name}_part{i}" for i in range(parts)]
    for part in out:
        part.mkdir()
    for i, path in enumerate(sorted(folder.iterdir())):
        shutil.copy(path, out[i % parts] / path.name)
    return out


def measure(n: int, processes: int) -> None:
    """Print the table for ``n`` generated articles and ``processes`` concurrent ingests."""
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        folder = write_articles(scratch / "corpus", articles(n))
        parts = split(folder, processes)
        with database("sqlite", scratch) as url:
            sqlite = ingest(url, [folder])
            sqlite_counts = counts(url)
        with database("postgresql", scratch) as url:
            one = ingest(url, [folder])
            one_counts = counts(url)
        with database("postgresql", scratch) as url:
            many = ingest(url, parts)
            many_counts = counts(url)
    print(f"\n### Concurrent ingest ({n} articles, `prov ingest --workers 1` each)\n")
    print("| run | seconds | articles/s | articles, claims, speakers |\n|---|---|---|---|")
    print(f"| SQLite, 1 process | {sqlite:.1f} | {n / sqlite:.1f} | {sqlite_counts} |")
    print(f"| PostgreSQL, 1 process | {one:.1f} | {n / one:.1f} | {one_counts} |")
    print(f"| PostgreSQL, {processes} processes | {many:.1f} | {n / many:.1f} "
          f"| {many_counts} |")
    print(f"\nPostgreSQL / SQLite, one process: {sqlite / one:.2f}x the throughput; "
          f"{processes} processes / one: {one / many:.2f}x. Same articles and claims as "
          f"one process: {'yes' if many_counts[:2] == one_counts[:2] else 'NO'}; speakers "
          f"{many_counts[2] - one_counts[2]:+d}.")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--processes", type=int, default=4)
    args = ap.parse_args()
    if not postgres_answers():
        print(f"no PostgreSQL server at {PG_URL}", file=sys.stderr)
        return 2
    measure(args.articles, args.processes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
