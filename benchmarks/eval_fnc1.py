"""Whether prov groups a rumour with the articles that back it and flags the ones that deny
it, on FNC-1 (real news bodies labelled for their stance towards a headline claim).

    python benchmarks/eval_fnc1.py [../shared/external-data/fnc1-competition-test]
                                   [--headlines N] [--show agree|disagree|...]

Each headline that has both a body agreeing with it and one disagreeing (211 of them; the
first N with ``--headlines``) is ingested as a one-line article, and every body labelled for
it as an article of its own outlet, all on one date (FNC-1 gives none). The labels are per
article, so the scoring is too: a headline and a body are *grouped* when a claim of each is
in one corroboration group, and *in conflict* when a conflict joins a claim of each
(updates, a source revising itself, are not conflicts).

Expected: ``agree`` bodies grouped with the headline, ``disagree`` ones in conflict with
it, ``discuss`` ones neither (they report the rumour as a rumour), ``unrelated`` ones neither.
Beside prov, a keyword baseline calls a body a denial when it holds a denial word
("denied", "false", "hoax", ...), the floor any conflict detector must beat.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingested import ingest_and_export  # noqa: E402

STANCES = ("agree", "disagree", "discuss", "unrelated")
_DENIAL_WORDS = re.compile(r"\b(?:den(?:y|ied|ies|ial)|false|fake|hoax|debunk\w*|not true"
                           r"|untrue|rejected|refuted|dismissed)\b", re.IGNORECASE)
Labels = dict[tuple[str, str], str]  # (headline key, body id) -> stance


def load(folder: Path, limit: int | None) -> tuple[dict[str, str], dict[str, str], Labels]:
    """Headlines (keyed h<n>), the bodies they are labelled against, and the labels."""
    with (folder / "competition_test_stances.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with (folder / "competition_test_bodies.csv").open(encoding="utf-8") as f:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(f)}
    stances: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        stances[row["Headline"]].add(row["Stance"])
    chosen = [h for h in dict.fromkeys(r["Headline"] for r in rows)
              if {"agree", "disagree"} <= stances[h]][:limit]
    headlines = {f"h{n}": text for n, text in enumerate(chosen)}
    key = {text: k for k, text in headlines.items()}
    labels = {(key[r["Headline"]], r["Body ID"]): r["Stance"] for r in rows
              if r["Headline"] in key}
    used = {body for _, body in labels}
    return headlines, {b: t for b, t in bodies.items() if b in used}, labels


def write_corpus(headlines: dict[str, str], bodies: dict[str, str], folder: Path) -> None:
    def write(name: str, title: str, text: str) -> None:
        (folder / f"{name}.txt").write_text(
            f'---\noutlet: "{name}"\npublished: 2015-01-01\ntitle: "{title}"\n---\n{text}\n',
            encoding="utf-8")
    for key, text in headlines.items():
        write(key, f"headline {key}", text.rstrip(" .!?") + ".")
    for body_id, text in bodies.items():
        write(f"b{body_id}", f"body {body_id}", text)


def judged(data: dict[str, list[dict[str, object]]]) -> tuple[set[tuple[str, str]],
                                                              set[tuple[str, str]],
                                                              set[str]]:
    """Article pairs (by file stem) grouped, and in conflict; stems with a claim."""
    article = {a["id"]: Path(str(a["source"])).stem for a in data["articles"]}
    stem = {c["id"]: article[c["article_id"]] for c in data["claims"]}
    grouped = {(x, y) for g in data["groups"] for x in _stems(g["claim_ids"], stem)
               for y in _stems(g["claim_ids"], stem)}
    conflicting = set()
    for c in data["conflicts"]:
        if c["kind"] != "update":
            x, y = (stem[i] for i in c["claim_ids"])  # type: ignore[union-attr]
            conflicting |= {(x, y), (y, x)}
    return grouped, conflicting, set(stem.values())


def _stems(ids: object, stem: dict[object, str]) -> set[str]:
    return {stem[i] for i in ids}  # type: ignore[attr-defined]


def report(labels: Labels, bodies: dict[str, str], grouped: set[tuple[str, str]],
           conflicting: set[tuple[str, str]], with_claims: set[str]) -> None:
    counts: Counter[str] = Counter()
    found: Counter[tuple[str, str]] = Counter()
    for (h, b), stance in labels.items():
        if h not in with_claims:
            continue
        counts[stance] += 1
        pair = (h, f"b{b}")
        found[stance, "grouped"] += pair in grouped
        found[stance, "conflict"] += pair in conflicting
        found[stance, "keyword"] += bool(_DENIAL_WORDS.search(bodies[b]))
    print("| stance | pairs | grouped | in conflict | keyword baseline: denial |")
    print("|---|---|---|---|---|")
    for stance in STANCES:
        n = max(counts[stance], 1)
        print(f"| {stance} | {counts[stance]} | {found[stance, 'grouped'] / n:.1%} | "
              f"{found[stance, 'conflict'] / n:.1%} | {found[stance, 'keyword'] / n:.1%} |")
    for what in ("conflict", "keyword"):
        hits = sum(found[s, what] for s in STANCES)
        right = found["disagree", what]
        print(f"{what}: precision for disagree {right / max(hits, 1):.2f}, recall "
              f"{right / max(counts['disagree'], 1):.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT.parent / "shared"
                        / "external-data" / "fnc1-competition-test")
    parser.add_argument("--headlines", type=int, help="only the first N headlines")
    parser.add_argument("--show", choices=STANCES, help="print the pairs of this stance "
                        "prov grouped or flagged")
    args = parser.parse_args()
    headlines, bodies, labels = load(args.folder, args.headlines)
    data, seconds = ingest_and_export(lambda folder: write_corpus(headlines, bodies, folder))
    grouped, conflicting, with_claims = judged(data)
    print(f"headlines {len(headlines)} ({len(set(headlines) & with_claims)} give a claim), "
          f"bodies {len(bodies)}, claims {len(data['claims'])}, ingest and matching "
          f"{seconds:.0f} s\n")
    report(labels, bodies, grouped, conflicting, with_claims)
    if args.show:
        show(args.show, labels, data, grouped | conflicting)
    return 0


def show(stance: str, labels: Labels, data: dict[str, list[dict[str, object]]],
         flagged: set[tuple[str, str]]) -> None:
    article = {a["id"]: Path(str(a["source"])).stem for a in data["articles"]}
    text = {c["id"]: (article[c["article_id"]], c["text"]) for c in data["claims"]}
    links = [(g["claim_ids"], "group") for g in data["groups"]] + \
        [(c["claim_ids"], c["kind"]) for c in data["conflicts"]]
    for (h, b), label in labels.items():
        if label != stance or (h, f"b{b}") not in flagged:
            continue
        for ids, kind in links:
            sides = {text[i][0]: text[i][1] for i in ids}  # type: ignore[attr-defined]
            if h in sides and f"b{b}" in sides:
                print(f"--- {h} ~ b{b}: {kind}\n    {sides[h]}\n    {sides[f'b{b}']}")


if __name__ == "__main__":
    sys.exit(main())
