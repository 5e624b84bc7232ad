"""prov's HTML reader against trafilatura, on pages whose story and furniture are known.

    pip install trafilatura lxml_html_clean   # for this script only; prov does not use it
    python benchmarks/compare_html.py [--repeat N]

Reads every page of ``tests/data/pages/pages.gold.toml`` (those under ``../shared`` when
present) with each reader and counts, per reader: body paragraphs lost, furniture kept
(in the reader's text, and in what prov's cleaner then keeps as body sentences), metadata
fields found right (title, outlet, date, url, authors), and pages read per second, all in
one run. docs/extraction.md has the figures and the decision.
"""

from __future__ import annotations

import argparse
import time
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from provenance.domain import SourceDocument
from provenance.ingest.readers import authors, parse_date, read_file
from provenance.nlp.clean import clean
from provenance.text import fold_chars

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "pages" / "pages.gold.toml"
FIELDS = ("title", "outlet", "published", "url", "authors")


@dataclass(frozen=True)
class Reading:
    text: str
    meta: dict[str, Any]


def gold_pages() -> list[dict[str, Any]]:
    """The annotated pages that are there (those under ``../shared`` may not be)."""
    return [p for p in tomllib.loads(GOLD.read_text("utf-8"))["page"]
            if (ROOT / p["path"]).exists()]


def prov_reader(path: Path, markup: str) -> Reading:
    """What prov stores of the page: its text, its metadata, and (when metadata names no
    author) the writers its byline names."""
    doc = next(iter(read_file(path)))
    assert isinstance(doc, SourceDocument), doc
    meta = doc.meta
    writers = meta.authors or clean(fold_chars(doc.text), meta.outlet).bylined
    return Reading(doc.text, {"title": meta.title, "outlet": meta.outlet,
                              "published": meta.published, "url": meta.url,
                              "authors": writers})


def trafilatura_reader(precision: bool) -> Callable[[Path, str], Reading]:
    import trafilatura

    def read(path: Path, markup: str) -> Reading:
        found = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False,
                                            favor_precision=precision)
        if found is None:
            return Reading("", {})
        writers = found.author.split("; ") if found.author else []
        return Reading(found.text or "", {
            "title": found.title, "outlet": found.sitename, "published": parse_date(found.date),
            "url": found.url, "authors": authors(writers)})
    return read


def norm(text: str) -> str:
    plain = unicodedata.normalize("NFKD", fold_chars(text))
    return " ".join("".join(c for c in plain if not unicodedata.combining(c)).lower().split())


def body_sentences(text: str, outlet: str | None) -> str:
    folded = fold_chars(text)
    return " | ".join(folded[u.start:u.end] for u in clean(folded, outlet).body())


def field_right(name: str, got: Any, want: Any) -> bool:
    if name == "published":
        return isinstance(got, date) and got.isoformat() == want
    if name == "authors":
        return sorted(map(norm, got or ())) == sorted(map(norm, want))
    return bool(got) and norm(str(got)) == norm(want)


def score(reader: Callable[[Path, str], Reading], pages: list[dict[str, Any]],
          misses: list[str]) -> dict[str, int]:
    """The reader's totals over ``pages``; what it got wrong is added to ``misses``."""
    totals = dict.fromkeys(("lost", "kept_furniture", "kept_after_cleaning", "fields_right"), 0)
    for page in pages:
        path = ROOT / page["path"]
        reading = reader(path, path.read_text("utf-8"))
        text, cleaned = norm(reading.text), norm(body_sentences(reading.text,
                                                                page.get("outlet")))
        lost = [b for b in page["body"] if norm(b) not in text]
        kept = [f for f in page["furniture"] if norm(f) in text]
        after = [f for f in page["furniture"] if norm(f) in cleaned]
        wrong = [f"{f}={reading.meta.get(f)!r}" for f in FIELDS
                 if f in page and not field_right(f, reading.meta.get(f), page[f])]
        totals["lost"] += len(lost)
        totals["kept_furniture"] += len(kept)
        totals["kept_after_cleaning"] += len(after)
        totals["fields_right"] += sum(f in page for f in FIELDS) - len(wrong)
        misses += [f"{path.name}: {what} {items}" for what, items in
                   (("lost", lost), ("kept", kept), ("kept after cleaning", after),
                    ("wrong", wrong)) if items]
    return totals


def speed(reader: Callable[[Path, str], Reading], pages: list[dict[str, Any]],
          repeat: int) -> float:
    markups = [(ROOT / p["path"], (ROOT / p["path"]).read_text("utf-8")) for p in pages]
    start = time.perf_counter()
    for _ in range(repeat):
        for path, markup in markups:
            reader(path, markup)
    return repeat * len(markups) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="passes over the pages, timed")
    parser.add_argument("--verbose", action="store_true", help="list what each reader missed")
    args = parser.parse_args()
    pages = gold_pages()
    readers = {"prov": prov_reader, "trafilatura": trafilatura_reader(False),
               "trafilatura (favor_precision)": trafilatura_reader(True)}
    body = sum(len(p["body"]) for p in pages)
    furniture = sum(len(p["furniture"]) for p in pages)
    fields = sum(f in p for p in pages for f in FIELDS)
    print(f"{len(pages)} pages: {body} body paragraphs, {furniture} pieces of furniture, "
          f"{fields} metadata fields\n")
    misses: dict[str, list[str]] = {name: [] for name in readers}
    totals = {name: score(reader, pages, misses[name]) for name, reader in readers.items()}
    rates = {name: speed(reader, pages, args.repeat) for name, reader in readers.items()}
    print("| reader | body lost | furniture kept | after prov's cleaner | fields right "
          "| pages/s | time vs prov |")
    print("|---|---|---|---|---|---|---|")
    for name, got in totals.items():
        print(f"| {name} | {got['lost']} | {got['kept_furniture']} | "
              f"{got['kept_after_cleaning']} | {got['fields_right']} / {fields} | "
              f"{rates[name]:.0f} | {rates['prov'] / rates[name]:.1f}x |")
    if args.verbose:
        for name, found in misses.items():
            print(f"\n{name}:", *found, sep="\n  ")


if __name__ == "__main__":
    main()
