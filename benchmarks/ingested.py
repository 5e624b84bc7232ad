"""Ingesting a written corpus as a user would, for the scripts that score prov on labelled
data (``eval_ecbplus.py``, ``eval_fnc1.py``)."""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from provenance.db.engine import open_database, unit_of_work  # noqa: E402
from provenance.db.queries import export  # noqa: E402
from provenance.jobs import ingest_paths  # noqa: E402


def ingest_and_export(write: Callable[[Path], None]) -> tuple[dict[str, Any], float]:
    """Write a corpus with ``write`` into a fresh folder, ingest it into a fresh SQLite file
    (2 workers, matching included) and export everything: the export, and the seconds
    ingest and matching took."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        write(corpus)
        engine = open_database(str(Path(tmp) / "prov.db"))
        started = time.perf_counter()
        ingest_paths(engine, [corpus], workers=2)
        seconds = time.perf_counter() - started
        with unit_of_work(engine) as session:
            return export(session), seconds
