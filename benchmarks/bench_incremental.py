"""What adding a few articles to a large archive costs, against adding the same articles to
an empty database in the same run (issue 18: at most 3x).

    python benchmarks/bench_incremental.py --articles 10000      # builds the archive first
    python benchmarks/bench_incremental.py --db archive.db       # an archive you have

The archive holds the first ``--articles`` generated articles; the new ones are the next
``--new`` of the same generator, so they share its stories, names and outlets. Each ingest
runs as a user runs it (``prov ingest`` in a fresh process, matching included) on a copy of
the archive, three times; the best time is given.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import articles, write_articles  # noqa: E402

ROUNDS = 3


def ingest(db: Path, folder: Path, workers: int = 1) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "provenance", "--db", str(db), "ingest",
                    "--workers", str(workers), str(folder)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def best_ingest(start: Path | None, folder: Path, scratch: Path) -> float:
    """The best of :data:`ROUNDS` ingests of ``folder`` into a copy of ``start`` (or into
    a new database)."""
    runs = []
    for i in range(ROUNDS):
        db = scratch / f"run{i}.db"
        db.unlink(missing_ok=True)
        if start is not None:
            shutil.copyfile(start, db)
        runs.append(ingest(db, folder))
        db.unlink()
    return min(runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", type=Path, help="an archive built from the first --articles")
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--new", type=int, default=10)
    args = ap.parse_args()
    generated = articles(args.articles + args.new)
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        archive = args.db
        if archive is None:
            archive = scratch / "archive.db"
            started = time.perf_counter()
            ingest(archive, write_articles(scratch / "old", generated[:args.articles]), workers=2)
            print(f"built the archive of {args.articles:,} articles in "
                  f"{time.perf_counter() - started:.0f} s")
        new = write_articles(scratch / "new", generated[args.articles:])
        empty = best_ingest(None, new, scratch)
        full = best_ingest(archive, new, scratch)
    print(f"\n| {args.new} new articles into | seconds (best of {ROUNDS}) | / empty | target |")
    print("|---|---|---|---|")
    print(f"| an empty database | {empty:.2f} | 1.0 | |")
    verdict = "met" if full <= 3 * empty else "missed"
    print(f"| the {args.articles:,}-article archive | {full:.2f} | {full / empty:.1f} | "
          f"<= 3x: {verdict} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
