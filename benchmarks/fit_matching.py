"""Fit the pair model and the matching thresholds to labelled pairs, and report how well
prov's pair score ranks paraphrases next to plain baselines, in one run.

    pip install -e '.[bench]'
    python benchmarks/fit_matching.py            # report only
    python benchmarks/fit_matching.py --write    # and write provenance/match/vocab/pair_model.toml

Labelled pairs (none of them is shipped in the package):
- MRPC's training pairs (``../shared/external-data/mrpc``): news sentences from different
  outlets, paraphrase or not;
- the candidate pairs prov's blocking makes on the development stories
  (``../shared/eval/seeds.gold.yaml`` with ``seeds/``, ``../shared/eval/story-dev``),
  labelled by their gold ``same`` lists (``related`` pairs are left out);
- prov's own test articles (``tests/data/matching``), labelled in their ``gold.yaml``.

Only story pairs that pass matching's gates and score floor teach the model. The model is
a logistic regression over ``provenance.match.features.FEATURES``; MRPC's share of the
weight and the ridge penalty are chosen for the best held-out story F1 among the settings
whose MRPC ROC-AUC (5-fold cross-validated, refitted without the held-out fold) is at
least ``token_sort_ratio``'s. ``same`` is the chance threshold with the best F1 over the
story pairs; the conflict thresholds are the strictest within ``CONFLICT_SLACK`` of the
best pooled conflict F1 on the stories' gold.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tempfile
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
MODEL_FILE = ROOT / "provenance" / "match" / "vocab" / "pair_model.toml"
sys.path.insert(0, str(ROOT))

from provenance.db.engine import open_database, unit_of_work  # noqa: E402
from provenance.db.queries import export  # noqa: E402
from provenance.jobs import ingest_paths  # noqa: E402
from provenance.match.candidates import KeyIndex, blocking_keys  # noqa: E402
from provenance.match.config import MatchConfig, default_config  # noqa: E402
from provenance.match.features import FEATURES, PairModel  # noqa: E402
from provenance.match.frames import ClaimFacts, ClaimFrame, build_frame  # noqa: E402
from provenance.match.pairs import (  # noqa: E402
    Pair,
    frame_features,
    is_same,
    worth_scoring,
)
from provenance.match.store import key_counts, stored_frames, term_weights, update_matches  # noqa: E402
from provenance.nlp.numbers import find_quantities  # noqa: E402
from provenance.nlp.topics import load_taxonomy  # noqa: E402
from provenance.text import comparable  # noqa: E402


@dataclass(frozen=True)
class Story:
    name: str
    gold: Path
    articles: Path
    taxonomy: Path | None


STORIES = [
    Story("seeds", SHARED / "eval" / "seeds.gold.yaml", ROOT / "seeds", None),
    Story("story-dev", SHARED / "eval" / "story-dev" / "story-dev.gold.yaml",
          SHARED / "eval" / "story-dev" / "articles",
          SHARED / "eval" / "story-dev" / "taxonomy.toml"),
    Story("own", ROOT / "tests" / "data" / "matching" / "gold.yaml",
          ROOT / "tests" / "data" / "matching", None),
    # Negations that are and are not contradictions, some worded far apart.
    Story("bridge", ROOT / "tests" / "data" / "bridge" / "bridge.gold.yaml",
          ROOT / "tests" / "data" / "bridge", None),
]


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


# --- MRPC -----------------------------------------------------------------------------------

def mrpc() -> tuple[np.ndarray, np.ndarray, list[tuple[str, str]]]:
    rows = []
    path = SHARED / "external-data" / "mrpc" / "msr_paraphrase_train.txt"
    for line in path.read_text("utf-8-sig").splitlines()[1:]:
        label, _, _, one, two = line.split("\t")
        rows.append((int(label), one, two))
    frames = [_frame(i, text) for i, text in enumerate(t for _, a, b in rows for t in (a, b))]
    weigh = term_weights(key_counts(frames), len(frames))
    features = [frame_features(frames[2 * i], frames[2 * i + 1], weigh) for i in range(len(rows))]
    return (np.array(features), np.array([r[0] for r in rows], dtype=float),
            [(a, b) for _, a, b in rows])


def _frame(i: int, text: str) -> ClaimFrame:
    return build_frame(ClaimFacts(id=i, article_id=i, text=text,
                                  quantities=tuple(find_quantities(text))))


# --- Stories --------------------------------------------------------------------------------

@dataclass
class StoryPairs:
    story: Story
    db: str
    features: np.ndarray
    labels: np.ndarray


def story_pairs(story: Story, workdir: Path, config: MatchConfig) -> StoryPairs:
    db = str(workdir / f"{story.name}.db")
    engine = open_database(db)
    ingest_paths(engine, [story.articles], taxonomy=load_taxonomy(story.taxonomy),
                 match=False)
    with unit_of_work(engine) as session:
        frames = stored_frames(session)
        claims = export(session)
    gold = yaml.safe_load(story.gold.read_text("utf-8"))
    to_gold = _pair_with_gold(gold, claims)
    same = {frozenset(p) for p in gold.get("relations", {}).get("same", [])}
    related = {frozenset(p) for p in gold.get("relations", {}).get("related", [])}
    weigh = term_weights(key_counts(frames.values()), len(frames))
    counts = key_counts(frames.values())
    index = KeyIndex()
    features, labels = [], []
    unscored = 0
    for frame in sorted(frames.values(), key=lambda f: f.id):
        keys = blocking_keys(frame)
        for other in index.partners(keys, lambda k: counts.get(k, 0), config):
            a = frames[other]
            ga, gb = to_gold.get(a.id), to_gold.get(frame.id)
            if frozenset((ga, gb)) in related or not passes_gates(a, frame):
                continue
            is_same_pair = ga is not None and frozenset((ga, gb)) in same
            if not worth_scoring(a, frame, weigh, config):
                unscored += is_same_pair  # matching never scores it: it cannot teach
                continue
            features.append(frame_features(a, frame, weigh))
            labels.append(float(is_same_pair))
        index.add(frame.id, keys)
    print(f"{story.name}: same pairs below the score floor: {unscored}")
    return StoryPairs(story, db, np.array(features), np.array(labels))


def passes_gates(a: ClaimFrame, b: ClaimFrame) -> bool:
    """Whether the pair could be the same claim whatever its chance: the rules of
    ``pairs.is_same`` other than the threshold. Only such pairs teach the model."""
    always = replace(default_config(), same_threshold=0.0)
    return is_same(Pair(a, b, 1.0), always)


def _pair_with_gold(gold: dict[str, Any], exported: dict[str, Any]) -> dict[int, str]:
    """System claim id -> gold claim id, as score.py pairs them."""
    norm = _scorer().norm
    by_file: dict[str, list[dict[str, Any]]] = {}
    source_of = {a["id"]: Path(str(a["source"])).name.split("#")[0]
                 for a in exported["articles"]}
    for claim in exported["claims"]:
        by_file.setdefault(source_of[claim["article_id"]], []).append(claim)
    out: dict[int, str] = {}
    for article in gold["articles"]:
        candidates = sorted(
            ((fuzz.token_set_ratio(norm(c["text"]), norm(g["text"])),
              fuzz.token_sort_ratio(norm(c["text"]), norm(g["text"])), c["id"], g["id"])
             for c in by_file.get(article["file"], []) for g in article["claims"]),
            reverse=True)
        used: set[object] = set()
        for score, _, system, gold_id in candidates:
            if score >= 75 and system not in used and gold_id not in used:
                used |= {system, gold_id}
                out[system] = gold_id
    return out


# --- Fitting --------------------------------------------------------------------------------

def fit(x: np.ndarray, y: np.ndarray, weights: np.ndarray, l2: float = 1.0) -> PairModel:
    """Weighted L2-regularised logistic regression by Newton's method."""
    design = np.hstack([x, np.ones((len(x), 1))])
    beta = np.zeros(design.shape[1])
    penalty = np.eye(design.shape[1]) * l2
    penalty[-1, -1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-design @ beta))
        gradient = design.T @ (weights * (p - y)) + penalty @ beta
        hessian = design.T @ (design * (weights * p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return PairModel(tuple(float(b) for b in beta[:-1]), float(beta[-1]))


def predict(model: PairModel, x: np.ndarray) -> np.ndarray:
    return np.array([model.probability(tuple(row)) for row in x])


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """ROC-AUC by ranks (ties shared)."""
    order = scores.argsort()
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    for value in np.unique(scores):
        tied = scores == value
        ranks[tied] = ranks[tied].mean()
    positives = labels == 1
    n_pos, n_neg = positives.sum(), (~positives).sum()
    return float((ranks[positives].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def weighted(share: float, mrpc_set: tuple[np.ndarray, np.ndarray],
             stories: list[StoryPairs]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """MRPC and the stories stacked: MRPC weighs ``share`` of the whole, each story an equal
    part of the rest."""
    parts = [(mrpc_set[0], mrpc_set[1], share)] + [
        (s.features, s.labels, (1 - share) / len(stories)) for s in stories if len(s.labels)]
    x = np.vstack([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    w = np.concatenate([np.full(len(p[1]), p[2] / len(p[1])) for p in parts])
    return x, y, w * len(y) / w.sum()


def mrpc_cv_auc(x: np.ndarray, y: np.ndarray, stories: list[StoryPairs], share: float,
                l2: float) -> float:
    """ROC-AUC on MRPC train, each fifth scored by a model fitted without it."""
    folds = np.arange(len(y)) % 5
    scores = np.zeros(len(y))
    for k in range(5):
        train, test = folds != k, folds == k
        model = fit(*weighted(share, (x[train], y[train]), stories), l2=l2)
        scores[test] = predict(model, x[test])
    return auc(scores, y)


def held_out(x: np.ndarray, y: np.ndarray, stories: list[StoryPairs], share: float,
             l2: float) -> list[tuple[str, float, float]]:
    """Each story's pair recall and precision, model and threshold fitted without it."""
    out = []
    for held in stories:
        rest = [s for s in stories if s is not held]
        model = fit(*weighted(share, (x, y), rest), l2=l2)
        threshold, _ = best_f1_threshold(predict(model, np.vstack([s.features for s in rest])),
                                         np.concatenate([s.labels for s in rest]))
        chosen = predict(model, held.features) >= threshold
        hits = int((chosen & (held.labels == 1)).sum())
        out.append((held.story.name, hits / max(int(held.labels.sum()), 1),
                    hits / max(int(chosen.sum()), 1)))
    return out


SHARES = (0.5, 0.7, 0.9)
"""How much of the fitting weight MRPC gets; the development stories share the rest."""
L2 = (0.1, 1.0, 10.0)
"""The ridge penalties tried."""


def choose_fit(x: np.ndarray, y: np.ndarray, stories: list[StoryPairs],
               floor: float) -> tuple[float, float]:
    """The share and penalty with the best mean held-out story F1, among those whose MRPC
    cross-validated ROC-AUC is at least ``floor``."""
    best: tuple[float, float, float] = (-1.0, SHARES[-1], L2[0])
    print("| MRPC share | L2 | MRPC CV ROC-AUC | held-out story pairs (recall / precision) |")
    print("|---|---|---|---|")
    for share in SHARES:
        for l2 in L2:
            mrpc_score = mrpc_cv_auc(x, y, stories, share, l2)
            held = held_out(x, y, stories, share, l2)
            f1s = [2 * r * p / (r + p) if r + p else 0.0 for _, r, p in held]
            print(f"| {share} | {l2} | {mrpc_score:.3f} | "
                  + "; ".join(f"{n} {r:.2f} / {p:.2f}" for n, r, p in held) + " |")
            if mrpc_score >= floor and sum(f1s) / len(f1s) > best[0]:
                best = (sum(f1s) / len(f1s), share, l2)
    return best[1], best[2]


def best_f1_threshold(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    best = (0.0, 0.5)
    for t in np.unique(np.round(scores, 3)):
        chosen = scores >= t
        tp = (chosen & (labels == 1)).sum()
        if tp == 0:
            continue
        f1 = 2 * tp / (chosen.sum() + (labels == 1).sum())
        best = max(best, (float(f1), float(t)))
    return best[1], best[0]


CONFLICT_SLACK = 0.02
"""Among thresholds whose pooled conflict F1 is this close to the best, the strictest are
taken: unseen stories reward caution more than the development stories do."""


def tune_conflicts(stories: list[StoryPairs], config: MatchConfig) -> MatchConfig:
    """The strictest conflict thresholds within ``CONFLICT_SLACK`` of the best pooled
    conflict F1 on the stories' gold."""
    scorer = _scorer()
    golds = {s.story.name: yaml.safe_load(s.story.gold.read_text("utf-8")) for s in stories}
    trials = []
    for context in (0.05, 0.1, 0.15, 0.2, 0.3):
        for polarity in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
            for denial in (0.1, 0.15, 0.2, 0.3, 0.4):
                trial = replace(config, conflict_context=context, polarity_threshold=polarity,
                                denial_threshold=denial)
                trials.append((_pooled_f1(stories, trial, golds, scorer), trial))
    best = max(score for score, _ in trials)
    score, chosen = max(((s, t) for s, t in trials if s >= best - CONFLICT_SLACK),
                        key=lambda st: (st[1].denial_threshold + st[1].polarity_threshold
                                        + st[1].conflict_context, st[0]))
    print(f"conflicts: best pooled F1 {best:.2f}; at the chosen thresholds {score:.2f}")
    return chosen


def _pooled_f1(stories: list[StoryPairs], config: MatchConfig, golds: dict[str, Any],
               scorer: Any) -> float:
    tp = found = gold = 0.0
    for s in stories:
        engine = open_database(s.db)
        with unit_of_work(engine) as session:
            update_matches(session, rebuild=True, config=config)
            data = export(session)
            metrics, _ = scorer.score(golds[s.story.name], data)
            session.rollback()
        n_found = sum(1 for c in data["conflicts"] if c["kind"] != "update")
        n_gold = len(golds[s.story.name].get("relations", {}).get("conflicts", []))
        tp += metrics["conflict_recall"] * n_gold
        found += n_found
        gold += n_gold
    return 2 * tp / (found + gold) if found + gold else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="write the fitted model file")
    args = parser.parse_args()
    config = default_config()
    x_mrpc, y_mrpc, texts = mrpc()
    sort_ratio = auc(np.array([fuzz.token_sort_ratio(comparable(a), comparable(b))
                               for a, b in texts], dtype=float), y_mrpc)
    print(f"MRPC train ROC-AUC: token_sort_ratio {sort_ratio:.3f}, TF-IDF cosine "
          f"{auc(x_mrpc[:, FEATURES.index('cosine')], y_mrpc):.3f}")
    with tempfile.TemporaryDirectory() as tmp:
        stories = [story_pairs(s, Path(tmp), config) for s in STORIES if s.gold.exists()]
        for s in stories:
            print(f"{s.story.name}: {len(s.labels)} candidate pairs past the gates, "
                  f"{int(s.labels.sum())} the same")
        share, l2 = choose_fit(x_mrpc, y_mrpc, stories, floor=sort_ratio)
        model = fit(*weighted(share, (x_mrpc, y_mrpc), stories), l2=l2)
        pooled_x = np.vstack([s.features for s in stories])
        pooled_y = np.concatenate([s.labels for s in stories])
        threshold, f1 = best_f1_threshold(predict(model, pooled_x), pooled_y)
        print(f"chosen: MRPC share {share}, L2 {l2}; same threshold {threshold:.3f} "
              f"(story pairs F1 {f1:.2f})")
        tuned = tune_conflicts(stories, replace(config, model=model, same_threshold=threshold))
        print(f"conflict thresholds: context {tuned.conflict_context}, polarity "
              f"{tuned.polarity_threshold}, denial {tuned.denial_threshold}")
    if args.write:
        write_model(tuned)
        print(f"wrote {MODEL_FILE.relative_to(ROOT)}")
    return 0


def write_model(config: MatchConfig) -> None:
    lines = ["# Written by benchmarks/fit_matching.py: do not edit by hand, fit again.",
             "[model]", f"bias = {config.model.bias:.6f}", "", "[model.weights]"]
    lines += [f"{name} = {w:.6f}" for name, w in zip(FEATURES, config.model.weights)]
    lines += ["", "[thresholds]", f"same = {config.same_threshold:.4f}",
              f"conflict_context = {config.conflict_context}",
              f"polarity = {config.polarity_threshold}", f"denial = {config.denial_threshold}"]
    MODEL_FILE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tomllib.loads(MODEL_FILE.read_text("utf-8"))


if __name__ == "__main__":
    sys.exit(main())
