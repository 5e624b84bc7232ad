"""Matching speed on generated claims, against an all-pairs rapidfuzz baseline.

    python benchmarks/bench_matching.py [--sizes 1000 10000 100000] [--baseline-max 10000]

For each size: prov's stages (frames -> candidates -> pair model -> conflicts -> groups),
with the frames (built once per claim, when it is stored) timed apart; and, where it fits,
rapidfuzz ``process.cdist`` with ``token_set_ratio`` over all pairs, both in this run and
each in a fresh process so peak memory (max RSS) is its own.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def run_prov(n: int) -> dict[str, float]:
    from corpus import claim_texts

    from provenance.match.config import default_config
    from provenance.match.engine import Archive, match_frames
    from provenance.match.frames import ClaimFacts, build_frame
    from provenance.match.store import key_counts, term_weights
    from provenance.nlp.numbers import find_quantities

    texts = claim_texts(n)
    started = time.perf_counter()
    frames = [build_frame(ClaimFacts(id=i, article_id=i, text=text, published=date(2025, 1, 1),
                                     quantities=tuple(find_quantities(text))))
              for i, text in enumerate(texts)]
    built = time.perf_counter()
    counts = key_counts(frames)
    archive = Archive()
    outcome = match_frames(frames, archive, term_weights(counts, len(frames)),
                           lambda key: counts.get(key, 0), default_config())
    done = time.perf_counter()
    return {"seconds": done - started, "frames_seconds": built - started,
            "match_seconds": done - built, "pairs": outcome.pairs,
            "groups": len(archive.groups.members)}


def run_baseline(n: int) -> dict[str, float]:
    from corpus import claim_texts
    from rapidfuzz import fuzz, process

    from provenance.text import comparable

    texts = [comparable(t) for t in claim_texts(n)]
    started = time.perf_counter()
    matrix = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, score_cutoff=75,
                           dtype="uint8", workers=1)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "pairs": int((matrix > 0).sum() - n) // 2}


def own_peak_mb() -> float:
    """This process's peak memory. Linux keeps ru_maxrss across exec, so a child would report
    at least its parent's size at fork; VmHWM starts afresh with the new program."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(kind: str, n: int) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", kind, str(n)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)  # type: ignore[no-any-return]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--baseline-max", type=int, default=10000,
                    help="largest size the all-pairs baseline runs at")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, n = args.child[0], int(args.child[1])
        result = run_prov(n) if kind == "prov" else run_baseline(n)
        result["peak_mb"] = own_peak_mb()
        print(json.dumps(result))
        return 0
    print(f"{'claims':>8} {'prov s':>8} {'frames s':>9} {'match s':>8} {'prov MB':>8} "
          f"{'baseline s':>11} {'base MB':>8} {'prov/base':>9}")
    results = {}
    for n in args.sizes:
        prov = child("prov", n)
        base = child("baseline", n) if n <= args.baseline_max else None
        results[n] = prov
        ratio = f"{prov['seconds'] / base['seconds']:.2f}" if base else "-"
        print(f"{n:>8} {prov['seconds']:>8.2f} {prov['frames_seconds']:>9.2f} "
              f"{prov['match_seconds']:>8.2f} {prov['peak_mb']:>8.0f} "
              f"{base['seconds'] if base else float('nan'):>11.2f} "
              f"{base['peak_mb'] if base else float('nan'):>8.0f} {ratio:>9}")
    sizes = sorted(results)
    for small, large in zip(sizes, sizes[1:]):
        print(f"time({large}) / time({small}) = "
              f"{results[large]['seconds'] / results[small]['seconds']:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
