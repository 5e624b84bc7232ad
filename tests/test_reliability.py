"""Regression tests for the attacks of the reliability review, one test named after each."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.cli import app
from provenance.db import engine as engine_module
from provenance.db.engine import open_database
from provenance.jobs import ingest_paths

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def invoke(db: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--db", db, *args])
    return result.exit_code, result.stdout + result.stderr


def exported(db: str) -> dict[str, list[dict[str, object]]]:
    code, out = invoke(db, "export", "--format", "json")
    assert code == 0, out
    return json.loads(out)  # type: ignore[no-any-return]


def test_kill_during_matching_is_matched_by_the_next_run(db_url: str) -> None:
    # What a kill in the matching step leaves: every article stored, its claims unmatched.
    ingest_paths(open_database(db_url), [SEEDS], match=False)
    assert exported(db_url)["groups"] == []

    code, out = invoke(db_url, "ingest", str(SEEDS))

    assert code == 0 and "0 added" in out
    assert exported(db_url)["groups"]


def test_postgres_server_that_never_answers_gives_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "CONNECT_TIMEOUT_S", 1)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()  # accepts connections, never says a word
        port = silent.getsockname()[1]
        started = time.monotonic()
        code, out = invoke(f"postgresql+psycopg://prov@127.0.0.1:{port}/x", "claims")
    assert code == 3 and "cannot connect" in out
    assert time.monotonic() - started < 15
