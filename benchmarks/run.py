"""Every prov benchmark in one run, each next to a baseline measured in the same run.

    pip install -e '.[postgres,bench]'
    python benchmarks/run.py             # full run, about 15 minutes on 2 cores
    python benchmarks/run.py --quick     # small sizes, a minute or two

Prints Markdown tables (the ones in docs/performance.md). Sections:

- extraction: prov's pipeline on generated ~600-word articles, one process, against a
  naive extractor (every sentence a claim, "said" marks attribution);
- ingest: extraction with 2 worker processes plus writing, into SQLite and PostgreSQL,
  then matching; the baseline writes the same articles' text, one transaction each, into a
  one-table database on the same server;
- target: ``prov ingest --workers 2`` of 10,000 articles into a new SQLite file, end to end,
  as a user runs it, against the 5-minute target;
- queries: the daily questions (``claims --topic/--search/--speaker``, ``conflicts``,
  ``groups --min-sources 2``, ``show``, ``report --format html``) on that archive, against
  a plain indexed fetch (``bench_queries.py``);
- concurrent ingest (with PostgreSQL): one process into SQLite, one into PostgreSQL, and
  four at once into one PostgreSQL database (``bench_concurrent.py``), with the counts
  each stored;
- matching: ``bench_matching.py`` at 1k/10k/100k claims against all-pairs rapidfuzz.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Column, Integer, MetaData, Table, Text, create_engine, text

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_matching import child as matching_child  # noqa: E402
from bench_queries import report as queries_on  # noqa: E402
from corpus import articles, write_articles  # noqa: E402

from provenance.db.engine import make_engine, unit_of_work, upgrade  # noqa: E402
from provenance.domain import ArticleMeta, SourceDocument  # noqa: E402
from provenance.jobs import ingest_paths  # noqa: E402
from provenance.match import update_matches  # noqa: E402
from provenance.nlp.pipeline import extract  # noqa: E402
from provenance.nlp.topics import load_taxonomy  # noqa: E402

PG_URL = os.environ.get("PROV_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
_SENTENCE = re.compile(r"(?<=[.!?\"])\s+")
_SAID = re.compile(r"\b(?:said|says|told|according to)\b")


def documents(n: int) -> list[SourceDocument]:
    return [SourceDocument(name, body.encode(), body, ArticleMeta(outlet=outlet,
                                                                  published=published), "txt")
            for name, outlet, published, body in articles(n)]


def naive_claims(body: str) -> list[tuple[str, bool]]:
    return [(s, bool(_SAID.search(s))) for s in _SENTENCE.split(body) if s.strip()]


def bench_extraction(n: int) -> None:
    docs, taxonomy = documents(n), load_taxonomy()
    extract(docs[0], taxonomy)  # warm the caches a long run would have warm
    started = time.perf_counter()
    claims = sum(len(extract(d, taxonomy).claims) for d in docs)
    prov = time.perf_counter() - started
    started = time.perf_counter()
    naive = sum(len(naive_claims(d.text)) for d in docs)
    base = time.perf_counter() - started
    words = sum(len(d.text.split()) for d in docs)
    print(f"\n### Extraction ({n} articles, {words // n} words each, one process)\n")
    print("| extractor | articles/s | claims/s | words per claim |\n|---|---|---|---|")
    print(f"| prov | {n / prov:.0f} | {claims / prov:.0f} | {words / claims:.1f} |")
    print(f"| naive baseline | {n / base:.0f} | {naive / base:.0f} | {words / naive:.1f} |")
    print(f"\nprov takes {prov / base:.0f}x the naive extractor's time.")


@contextmanager
def database(kind: str, folder: Path) -> Iterator[str]:
    """A new, empty database of ``kind``: an SQLite file or a PostgreSQL schema."""
    if kind == "sqlite":
        yield str(folder / f"{uuid.uuid4().hex[:8]}.db")
        return
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'create schema "{schema}"'))
    try:
        yield f"{PG_URL}{'&' if '?' in PG_URL else '?'}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'drop schema "{schema}" cascade'))
        admin.dispose()


def raw_inserts(url: str, docs: list[SourceDocument]) -> float:
    """Seconds to store each article's text alone, one transaction per article."""
    engine = make_engine(url)
    table = Table("bench_raw", MetaData(), Column("id", Integer, primary_key=True),
                  Column("source", Text), Column("body", Text))
    table.create(engine)
    started = time.perf_counter()
    for doc in docs:
        with engine.begin() as conn:
            conn.execute(table.insert().values(source=doc.source, body=doc.text))
    engine.dispose()
    return time.perf_counter() - started


def bench_ingest(n: int, kinds: list[str], scratch: Path) -> None:
    folder = scratch / f"ingest{n}"
    write_articles(folder, articles(n))
    docs = documents(n)
    print(f"\n### Ingest ({n} articles, 2 extraction processes, one writer)\n")
    print("| database | extract + store | articles/s | matching | baseline: text only "
          "| ingest / baseline |\n|---|---|---|---|---|---|")
    for kind in kinds:
        with database(kind, scratch) as url:
            engine = make_engine(url)
            upgrade(engine)
            started = time.perf_counter()
            report = ingest_paths(engine, [folder], match=False, workers=2)
            stored = time.perf_counter() - started
            started = time.perf_counter()
            with unit_of_work(engine) as session:
                update_matches(session)
            matched = time.perf_counter() - started
            engine.dispose()
        with database(kind, scratch) as url:
            base = raw_inserts(url, docs)
        print(f"| {kind} | {stored:.1f} s | {report.added / stored:.0f} | {matched:.1f} s "
              f"| {base:.1f} s | {stored / base:.1f} |")


def bench_target(n: int, scratch: Path) -> None:
    folder = scratch / f"target{n}"
    write_articles(folder, articles(n))
    db = scratch / "target.db"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "provenance", "--db", str(db), "ingest",
                    "--workers", "2", str(folder)], check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    with database("sqlite", scratch) as url:
        base = raw_inserts(url, documents(n))
    print(f"\n### Target: `prov ingest --workers 2` of {n} articles into SQLite\n")
    print("| prov ingest + matching | peak memory (largest process) | baseline: text only "
          "| target |")
    print("|---|---|---|---|")
    verdict = ("met" if seconds <= 300 else "missed") if n >= 10000 else "set for 10,000"
    print(f"| {seconds:.0f} s | {peak:.0f} MB | {base:.0f} s | 300 s: {verdict} |")


def bench_matching(sizes: list[int], baseline_max: int) -> None:
    print("\n### Matching (generated claims, each run in its own process)\n")
    print("| claims | prov | prov peak | all-pairs cdist | cdist peak | prov / baseline |")
    print("|---|---|---|---|---|---|")
    for n in sizes:
        prov = matching_child("prov", n)
        base = matching_child("baseline", n) if n <= baseline_max else None
        cells = (f"{base['seconds']:.2f} s | {base['peak_mb']:.0f} MB | "
                 f"{prov['seconds'] / base['seconds']:.2f}") if base else "not run | | "
        print(f"| {n:,} | {prov['seconds']:.2f} s | {prov['peak_mb']:.0f} MB | {cells} |")


def postgres_answers() -> bool:
    try:
        engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:  # noqa: BLE001 - any failure means no server to measure
        return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    args = ap.parse_args()
    quick = args.quick
    kinds = ["sqlite"] + (["postgresql"] if postgres_answers() else [])
    if len(kinds) == 1:
        print(f"(no PostgreSQL server at {PG_URL}: ingest measured on SQLite only)")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}")
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        bench_extraction(100 if quick else 1000)
        bench_ingest(100 if quick else 1000, kinds, scratch)
        bench_target(200 if quick else 10000, scratch)
        queries_on(scratch / "target.db")
    if "postgresql" in kinds:
        from bench_concurrent import measure as concurrent  # it reads this module's setup
        concurrent(40 if quick else 300, 4)
    bench_matching([1000, 10000] if quick else [1000, 10000, 100000], baseline_max=10000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
