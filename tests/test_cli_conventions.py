"""What a user of any command line expects: one-line errors that leave nothing behind,
--version, --quiet, correct plurals, standard input and URLs."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.cli import app

ARTICLE = ("Harbour officials said on Tuesday that the new ferry terminal would open in "
           "June.\n\nThe union representing dock workers denied that any jobs would be cut.\n")
PAGE = ("<html><head><title>Ferry terminal to open</title>"
        '<meta property="article:published_time" content="2025-05-06"></head><body>'
        "<article><p>Harbour officials said on Tuesday that the new ferry terminal would "
        "open in June.</p></article></body></html>")


def run(runner: CliRunner, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def one_line_error(code: int, err: str) -> bool:
    lines = err.strip().splitlines()
    return code != 0 and len(lines) == 1 and lines[0].startswith("prov: error:") \
        and "Traceback" not in err


@pytest.mark.parametrize("command", [["claims"], ["sources"], ["show", "1"], ["groups"],
                                     ["conflicts"], ["timeline"], ["report"], ["export"],
                                     ["topics"], ["db", "current"]])
def test_reading_a_database_that_does_not_exist_fails_without_creating_it(
        runner: CliRunner, tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "prov.dbb"
    code, _, err = run(runner, "--db", str(missing), *command)
    assert one_line_error(code, err) and "no database at" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["report"], ["export"]])
def test_output_into_a_missing_folder_is_one_line(runner: CliRunner, sqlite_url: str,
                                                  tmp_path: Path, command: list[str]) -> None:
    target = tmp_path / "no" / "such" / "folder" / "out"
    code, _, err = run(runner, "--db", sqlite_url, *command, "-o", str(target))
    assert one_line_error(code, err) and "cannot write" in err
    assert not target.parent.exists()


def test_version_is_printed(runner: CliRunner) -> None:
    code, out, _ = run(runner, "--version")
    assert code == 0 and out.startswith("prov ") and out.split()[1][:1].isdigit()


def test_standard_input_is_read_as_an_article(runner: CliRunner, sqlite_url: str) -> None:
    code, out, _ = run(runner, "--db", sqlite_url, "ingest", "--outlet", "Harbour News",
                       "--published", "2025-05-06", "-", stdin=ARTICLE)
    assert code == 0 and "1 added" in out
    code, out, _ = run(runner, "--db", sqlite_url, "claims", "--format", "json")
    assert "ferry terminal" in out and "Harbour News" in out


def test_counts_of_one_are_singular(runner: CliRunner, sqlite_url: str) -> None:
    page = "Harbour officials said the new ferry terminal would open in June.\n"
    _, out, _ = run(runner, "--db", sqlite_url, "ingest", "--outlet", "X", "-", stdin=page)
    assert "1 claim extracted" in out
    _, out, _ = run(runner, "--db", sqlite_url, "claims")
    assert out.rstrip().endswith("1 claim")


def test_quiet_prints_results_and_errors_only(runner: CliRunner, sqlite_url: str,
                                              tmp_path: Path) -> None:
    code, out, err = run(runner, "-q", "--db", sqlite_url, "ingest", "--outlet", "X", "-",
                         str(tmp_path / "missing.txt"), stdin=ARTICLE)
    assert code == 1 and out == ""
    assert "missing.txt" in err and "no such file" in err
    code, out, _ = run(runner, "-q", "--db", sqlite_url, "claims")
    assert code == 0 and "ferry terminal" in out


def test_verbose_names_each_input(runner: CliRunner, sqlite_url: str) -> None:
    _, _, err = run(runner, "-v", "--db", sqlite_url, "ingest", "--outlet", "X", "-",
                    stdin=ARTICLE)
    assert "read <stdin>" in err


class _Pages(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        if self.path != "/ferry.html":
            self.send_error(404)
            return
        body = PAGE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def test_a_url_is_fetched_and_read_as_the_page_it_serves(runner: CliRunner, sqlite_url: str,
                                                         site: str) -> None:
    code, out, _ = run(runner, "--db", sqlite_url, "ingest", f"{site}/ferry.html")
    assert code == 0 and "1 added" in out
    code, out, _ = run(runner, "--db", sqlite_url, "show", "1")
    assert "Ferry terminal to open" in out and "2025-05-06" in out
    assert f"{site}/ferry.html" in out and "127.0.0.1" in out  # outlet from the host


def test_a_url_that_cannot_be_fetched_fails_that_input_only(runner: CliRunner,
                                                            sqlite_url: str, site: str) -> None:
    code, out, err = run(runner, "--db", sqlite_url, "ingest", f"{site}/gone.html", "-",
                         stdin=ARTICLE)
    assert code == 1 and "1 added" in out and "1 failed" in out
    assert "gone.html" in err and "HTTP 404" in err


LIST_COMMANDS = [["claims"], ["sources"], ["groups"], ["conflicts"], ["timeline"],
                 ["reviews"], ["topics"]]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("lists") / "prov.db")
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    assert CliRunner().invoke(app, ["--db", db, "-q", "ingest", str(seeds)]).exit_code == 0
    first = json.loads(CliRunner().invoke(app, ["--db", db, "claims", "--format",
                                                "json"]).stdout)[0]
    CliRunner().invoke(app, ["--db", db, "review", str(first["id"]), "--rating", "True"])
    return db


@pytest.mark.parametrize("command", LIST_COMMANDS)
def test_every_list_command_speaks_json_csv_and_a_fitting_table(seeded: str,
                                                                command: list[str]) -> None:
    runner = CliRunner(env={"COLUMNS": "72"})
    code, out, _ = run(runner, "--db", seeded, *command, "--format", "json")
    assert code == 0 and isinstance(json.loads(out), list)
    code, out, _ = run(runner, "--db", seeded, *command, "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert code == 0 and rows and all(len(r) == len(rows[0]) for r in rows)
    code, out, _ = run(runner, "--db", seeded, *command)
    assert code == 0 and all(len(line) <= 72 for line in out.splitlines())


def test_a_long_claim_wraps_instead_of_being_cut(seeded: str) -> None:
    runner = CliRunner(env={"COLUMNS": "80"})
    claims = json.loads(run(runner, "--db", seeded, "claims", "--format", "json")[1])
    longest = max(claims, key=lambda c: len(c["text"]))
    table = run(runner, "--db", seeded, "claims", "--article", str(longest["article_id"]))[1]
    assert "\u2026" not in table
    assert longest["text"].split()[-1] in table


def test_a_database_driver_that_is_not_installed_names_the_extra(runner: CliRunner,
                                                                 tmp_path: Path) -> None:
    # psycopg2 is no dependency of prov: this URL's driver is missing wherever prov is
    # installed as documented, and the message must say what to install.
    if importlib.util.find_spec("psycopg2") is not None:
        pytest.skip("psycopg2 is installed here")
    code, _, err = run(runner, "--db", "postgresql+psycopg2://prov@127.0.0.1/prov", "claims")
    assert one_line_error(code, err) and "pip install 'provenance[postgres]'" in err
