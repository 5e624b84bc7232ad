"""How often prov's groups join look-alike events, on ECB+ (real news about pairs of similar
events), with every document given the same date so that the year gate cannot help.

    python benchmarks/eval_ecbplus.py [../shared/external-data/ecbplus] [--limit N]

ECB+ annotates event mentions in sentences and links the mentions of one event across
documents (coreference chains). Each of its 43 topics holds two look-alike seminal events
(sub-topics "Necb" and "Necbplus": two rehab check-ins, two earthquakes). Claims are mapped
to the sentence they were cut from. Reported:

- grouped pairs that join different events: of the grouped pairs whose sentences both
  carry annotated events, those whose sentences share no coreference chain; and, stricter
  still, those whose documents are about the other look-alike event of the topic;
- coreferent sentence pairs grouped: of the pairs of sentences in different documents that
  share a chain, those with a claim of each in one group.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import defaultdict
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingested import ingest_and_export  # noqa: E402

from provenance.text import comparable  # noqa: E402

SENTENCE_MATCH = 80
"""rapidfuzz token_set_ratio at which a claim's sentence is an ECB+ sentence."""
Key = tuple[str, int]  # (document id, sentence number)


def load(folder: Path, limit: int | None) -> tuple[dict[str, dict[str, str]],
                                                   dict[str, list[tuple[int, str]]],
                                                   dict[Key, set[str]]]:
    docs = {}
    for path in sorted((folder / "docs").rglob("*.json"))[:limit]:
        data = json.loads(path.read_text("utf-8"))
        docs[path.stem] = {"title": data["title"], "text": data["text"],
                           "subtopic": path.parent.name}
    sentences: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for line in (folder / "sentences.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        if row["doc_id"] in docs:
            sentences[row["doc_id"]].append((int(row["sent_id"]), comparable(row["text"])))
    chains: dict[Key, set[str]] = defaultdict(set)
    for path in (folder / "event_mentions").glob("*.json"):
        for mention in json.loads(path.read_text("utf-8")):
            if mention["doc_id"] in docs:
                chains[(mention["doc_id"], int(mention["sent_id"]))].add(mention["coref_chain"])
    return docs, sentences, chains


def write_corpus(docs: dict[str, dict[str, str]], folder: Path) -> None:
    for doc_id, doc in docs.items():
        title = doc["title"].replace('"', "'")
        (folder / f"{doc_id}.txt").write_text(
            f'---\noutlet: "{doc_id}"\npublished: 2010-01-01\ntitle: "{title}"\n---\n'
            f"{doc['title']}\n\n{doc['text']}\n", encoding="utf-8")


def sentence_of(claim: dict[str, object], candidates: list[tuple[int, str]]) -> int | None:
    text = comparable(str(claim["sentence"]))
    best = max(((fuzz.token_set_ratio(text, s), n) for n, s in candidates), default=(0, None))
    return best[1] if best[0] >= SENTENCE_MATCH else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path,
                        default=ROOT.parent / "shared" / "external-data" / "ecbplus")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--show", action="store_true",
                        help="print the grouped pairs that share no event")
    args = parser.parse_args()
    docs, sentences, chains = load(args.folder, args.limit)
    data, seconds = ingest_and_export(lambda folder: write_corpus(docs, folder))
    doc_of = {a["id"]: Path(str(a["source"])).stem for a in data["articles"]}
    where: dict[int, Key] = {}
    for claim in data["claims"]:
        doc = doc_of[claim["article_id"]]
        n = sentence_of(claim, sentences.get(doc, []))
        if n is not None:
            where[claim["id"]] = (doc, n)
    report(data["groups"], where, chains, docs, len(data["claims"]), seconds)
    if args.show:
        text = {c["id"]: c["text"] for c in data["claims"]}
        for group in data["groups"]:
            for a, b in itertools.combinations(group["claim_ids"], 2):
                ka, kb = where.get(a), where.get(b)
                if ka and kb and ka[0] != kb[0] and chains.get(ka) and chains.get(kb) \
                        and not chains[ka] & chains[kb]:
                    print("---", ka, kb, docs[ka[0]]["subtopic"], docs[kb[0]]["subtopic"])
                    print("   ", text[a][:110])
                    print("   ", text[b][:110])
    return 0


def report(groups: list[dict[str, list[int]]], where: dict[int, Key],
           chains: dict[Key, set[str]], docs: dict[str, dict[str, str]], claims: int,
           seconds: float) -> None:
    grouped_pairs = annotated = unrelated = look_alike = 0
    grouped_sentences: set[frozenset[Key]] = set()
    for group in groups:
        for a, b in itertools.combinations(group["claim_ids"], 2):
            grouped_pairs += 1
            ka, kb = where.get(a), where.get(b)
            if ka is None or kb is None or ka[0] == kb[0]:
                continue
            grouped_sentences.add(frozenset((ka, kb)))
            if chains.get(ka) and chains.get(kb):
                annotated += 1
                unrelated += not chains[ka] & chains[kb]
                look_alike += docs[ka[0]]["subtopic"] != docs[kb[0]]["subtopic"]
    coreferent = {frozenset((x, y)) for x, y in itertools.combinations(sorted(chains), 2)
                  if x[0] != y[0] and chains[x] & chains[y]}
    found = len(coreferent & grouped_sentences)
    print(f"documents {len(docs)}, claims {claims}, mapped to sentences {len(where)}, "
          f"ingest and matching {seconds:.0f} s")
    print(f"grouped pairs {grouped_pairs}; with annotated events on both sides {annotated}")
    print(f"  sharing no event (different events): {unrelated / max(annotated, 1):.1%}")
    print(f"  from the other look-alike event of the topic: {look_alike / max(annotated, 1):.1%}")
    print(f"coreferent sentence pairs {len(coreferent)}; grouped {found} "
          f"({found / max(len(coreferent), 1):.1%})")


if __name__ == "__main__":
    sys.exit(main())
