"""What prov reads and what it reveals: folders stay closed, passwords stay hidden."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provenance.cli import app

ARTICLE = "---\noutlet: Harbour Gazette\n---\nThe port authority said the new pier opened.\n"
SECRET = "The vault code is 4471, the treasurer said.\n"


def invoke(db: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--db", db, *args])
    return result.exit_code, result.stdout + result.stderr


def stored_texts(db: str) -> list[str]:
    code, out = invoke(db, "export", "--format", "json")
    assert code == 0, out
    return [claim["text"] for claim in json.loads(out)["claims"]]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text(SECRET)
    inside = tmp_path / "inside"
    inside.mkdir()
    (inside / "pier.txt").write_text(ARTICLE)
    return inside


def test_links_out_of_a_folder_are_refused_unless_asked(folder: Path, sqlite_url: str) -> None:
    (folder / "linked.txt").symlink_to(folder.parent / "outside" / "secret.txt")
    (folder / "linked-dir").symlink_to(folder.parent / "outside", target_is_directory=True)
    code, out = invoke(sqlite_url, "ingest", str(folder))
    assert code == 1 and out.count("links outside") == 1  # linked folders are not walked
    assert not any("vault" in t for t in stored_texts(sqlite_url))
    code, out = invoke(sqlite_url, "ingest", "--follow-links", str(folder))
    assert code == 0, out
    assert any("vault" in t for t in stored_texts(sqlite_url))


def test_links_within_the_folder_are_read(folder: Path, sqlite_url: str) -> None:
    (folder / "sub").mkdir()
    (folder / "sub" / "alias.md").symlink_to(folder / "pier.txt")
    code, out = invoke(sqlite_url, "ingest", str(folder))
    assert code == 0 and "1 unchanged" in out  # the same article, reached twice


def test_a_manifest_cannot_name_files_outside_its_folder(folder: Path, sqlite_url: str) -> None:
    (folder / "manifest.toml").write_text(
        '[files."../outside/secret.txt"]\noutlet = "Leak"\n'
        '[files."/etc/passwd"]\noutlet = "Leak"\n')
    code, out = invoke(sqlite_url, "ingest", str(folder))
    assert code == 0, out
    texts = stored_texts(sqlite_url)
    assert texts and not any("vault" in t or "root:" in t for t in texts)


@pytest.mark.parametrize("url", [
    "postgresql+psycopg://postgres:hunter2@127.0.0.1:5432/no_such_database",
    "postgresql+psycopg://postgres:hunter2@127.0.0.1:notaport/test",
    "postgresql+nosuchdriver://postgres:hunter2@127.0.0.1:5432/test",
    "nosuchdialect://postgres:hunter2@somewhere/test",
    "postgresql+psycopg://postgres@127.0.0.1:1/test?password=hunter2",
    "postgresql+psycopg://postgres:hun@ter2@127.0.0.1:1/test",  # an @ in the password
    "postgresql+psycopg://postgres:hunter2@127.0.0.1:1/test?sslpassword=hunter2",
    "postgres+psycopg:hunter2@somewhere",  # no //: not a file name either
])
@pytest.mark.parametrize("command", [["db", "current"], ["sources"], ["ingest", "missing.txt"]])
def test_database_passwords_never_appear(url: str, command: list[str], tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["--db", url, *command])
    out = result.stdout + result.stderr
    assert result.exit_code in (2, 3), result.exception  # a one-line error, not a crash
    assert "hunter2" not in out and "ter2" not in out
    assert out.strip().count("\n") == 0  # one line
    assert list(tmp_path.iterdir()) == []  # no SQLite file named after the password


def test_password_hidden_when_the_database_answers(pg_server: str, tmp_path: Path) -> None:
    url = pg_server.replace("postgres@", "postgres:hunter2@")  # trust auth ignores it
    code, out = invoke(url, "db", "current")
    assert code == 0 and "hunter2" not in out
