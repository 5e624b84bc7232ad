"""Regression tests for the attacks of the reliability review, one test named after each."""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from provenance import config
from provenance.cli import app
from provenance.db import engine as engine_module
from provenance.db.engine import open_database
from provenance.domain import ArticleMeta, SourceDocument
from provenance.ingest.decode import decode
from provenance.jobs import ingest_paths
from provenance.nlp.pipeline import MAX_SENTENCE_CHARS, extract
from provenance.nlp.speakers import same_speaker
from provenance.nlp.topics import load_taxonomy
from provenance.text import comparable

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
DATA = Path(__file__).resolve().parent / "data"


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


# --- Time: extraction costs time in proportion to the text, whatever the text --------------

NORMAL = ("The ships were diverted to a southern port on Friday, the port authority said in a "
          "statement, and the union said 300 workers had been sent home. ")
PUMPED = {  # the inputs that backtracked for minutes or hours, one per attack
    "trailing_said_adverbials": "The ships were diverted, the port authority said"
                                + " to" * 56 + ' "',
    "trailing_aside_letters": "Officials, " + "a" * 400 + "1 he said the plan would fail.",
    "quote_then_whitespace": '"Yes"' + "\t" * 300 + "x.",
    "according_to_run": "according to officials, " * 200,
    "which_run": "the plan, which failed, " * 200,
    "credit_line_of_joined_words": "With" + " and" * 60 + ")x",
    "semicolon_said_run": "; said" * 160,  # every prefix read as a subject (found by hypothesis)
}
TAXONOMY = load_taxonomy()
SLOWDOWN_MAX = 25
"""How many times the time per character of a normal article hostile text may take; the
hostile inputs above took 10,000 times and more."""
TOKENS = [" to", "\t", " ", "according to officials, ", "the plan, which failed, ", ", ",
          "the minister said the plan failed; ", '"', "'", "a", "A", "1", ".", ";", ":", "-",
          " said", " told reporters", "Ana Ruiz", "(", ")", "'s", " which", " who", " and",
          " that", " on Friday", " saying", " with", "$5 million", "12%", "U.S.", "Mr."]


def _document(text: str) -> SourceDocument:
    return SourceDocument("x.txt", text.encode(), text,
                          ArticleMeta(outlet="Harbour Gazette", published=date(2024, 3, 6)), "txt")


def _seconds(text: str) -> float:
    """The best of five runs, without garbage collection: a pause of the machine, or a
    collection of what the other tests left alive, is not the input's doing."""
    taken = []
    gc.collect()
    gc.disable()
    try:
        for _ in range(5):
            started = time.perf_counter()
            extract(_document(text), TAXONOMY)
            taken.append(time.perf_counter() - started)
    finally:
        gc.enable()
    return min(taken)


@pytest.fixture(scope="module")
def normal_seconds_per_char() -> float:
    text = NORMAL * 10
    return _seconds(text) / len(text)


def _assert_in_proportion(text: str, per_char: float) -> None:
    # Short inputs are compared with a normal text of a few hundred characters: a fixed
    # cost per article is no attack.
    budget = SLOWDOWN_MAX * per_char * max(len(text), 300)
    spent = _seconds(text)
    assert spent <= budget, f"{spent:.3f} s for {len(text)} characters (budget {budget:.3f} s)"


@pytest.mark.parametrize("name", sorted(PUMPED))
def test_pumped_input_is_read_in_proportion_to_its_length(name: str,
                                                         normal_seconds_per_char: float) -> None:
    _assert_in_proportion(PUMPED[name], normal_seconds_per_char)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=st.lists(st.sampled_from(TOKENS), max_size=12),
       pump=st.lists(st.sampled_from(TOKENS), min_size=1, max_size=3),
       times=st.integers(1, 150), suffix=st.lists(st.sampled_from(TOKENS), max_size=12))
def test_adversarial_sentences_take_time_in_proportion_to_their_length(
        prefix: list[str], pump: list[str], times: int, suffix: list[str],
        normal_seconds_per_char: float) -> None:
    text = "".join(prefix + pump * times + suffix)[:2 * MAX_SENTENCE_CHARS]
    _assert_in_proportion(text, normal_seconds_per_char)


def test_sentence_over_the_cap_is_kept_unattributed_and_reported(sqlite_url: str,
                                                                 tmp_path: Path) -> None:
    run_on = "the council said the plan had failed, " * 60  # one sentence, 2,280 characters
    (tmp_path / "run-on.txt").write_text(f"{NORMAL}\n\n{run_on}.\n")
    code, out = invoke(sqlite_url, "ingest", str(tmp_path / "run-on.txt"))
    assert code == 0 and "1 sentence over" in out
    claims = exported(sqlite_url)["claims"]
    kept = [c for c in claims if "council said the plan" in str(c["text"])]
    assert kept and all(c["speaker"] is None for c in kept)
    assert all(len(str(c["text"])) <= MAX_SENTENCE_CHARS for c in kept)
    assert sum(len(str(c["text"])) for c in kept) >= len(run_on) - 60


# --- Input: one bad file or record is one named line, and the run goes on ------------------

GOOD = "---\noutlet: Harbour Gazette\npublished: 2024-03-06\n---\n" + NORMAL + "\n"
HOSTILE_FILES = {
    "impossible_date.md": "---\npublished: 2024-13-45\n---\n" + NORMAL,
    "billion_laughs.md": "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a]\n"
                         "c: &c [*b, *b, *b, *b, *b, *b]\ntitle: [*c, *c, *c, *c, *c, *c]\n---\n"
                         + NORMAL,
    "deep_yaml.md": "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n" + NORMAL,
    "deep.json": "[" * 100_000 + "]" * 100_000,
    "title_is_a_list.md": "---\ntitle: [a, b]\n---\n" + NORMAL,
}


@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_hostile_file_fails_alone_in_one_line(name: str, sqlite_url: str,
                                              tmp_path: Path) -> None:
    (tmp_path / name).write_text(HOSTILE_FILES[name])
    (tmp_path / "z-good.md").write_text(GOOD)  # read after the hostile one
    code, out = invoke(sqlite_url, "ingest", str(tmp_path))
    assert code == 1 and "Traceback" not in out
    assert [line for line in out.splitlines() if "skipped" in line][0].count(name) == 1
    assert "1 added" in out and "1 failed" in out


def test_malformed_manifest_fails_its_files_in_one_line(sqlite_url: str, tmp_path: Path) -> None:
    (tmp_path / "manifest.toml").write_text('files = "not a table"\n')
    (tmp_path / "a.txt").write_text(NORMAL)
    code, out = invoke(sqlite_url, "ingest", str(tmp_path))
    assert code == 1 and "'files' must be a table" in out and "Traceback" not in out


def test_one_broken_json_lines_record_fails_alone(sqlite_url: str, tmp_path: Path) -> None:
    good = json.dumps({"text": NORMAL, "outlet": "Harbour Gazette"})
    lines = [good, good.replace("ships", "barges"), "{broken", good.replace("ships", "ferries")]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    code, out = invoke(sqlite_url, "ingest", str(tmp_path / "feed.jsonl"))
    assert code == 1 and "feed.jsonl#3: malformed JSON (line 3, column 2)" in out
    assert "3 added" in out and "1 failed" in out


def test_far_future_publication_date_with_tomorrow(sqlite_url: str, tmp_path: Path) -> None:
    (tmp_path / "end.md").write_text("---\npublished: 9999-12-31\n---\n"
                                     "The mayor said the bridge would reopen tomorrow.\n")
    code, out = invoke(sqlite_url, "ingest", str(tmp_path))
    assert code == 0 and "1 added" in out


def test_extraction_error_fails_the_article_not_the_run(sqlite_url: str, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from provenance import jobs

    def extract_or_break(doc: SourceDocument, taxonomy: object = None) -> object:
        if "boom" in doc.text:
            raise RecursionError("maximum recursion depth exceeded")
        return extract(doc)

    monkeypatch.setattr(jobs, "extract", extract_or_break)
    (tmp_path / "a-boom.txt").write_text("The boom was heard for miles, the police said.\n")
    (tmp_path / "b-good.txt").write_text(NORMAL)
    code, out = invoke(sqlite_url, "ingest", str(tmp_path))
    assert code == 1 and "a-boom.txt: extraction failed (RecursionError" in out
    assert "1 added" in out


def test_nul_and_overlong_fields_are_stored_on_postgres(pg_url: str, tmp_path: Path) -> None:
    speaker = "according to " + "a very long description of the people who said so " * 8
    (tmp_path / "nul.md").write_text(
        f"---\noutlet: {'Harbour Gazette ' * 20}\ntitle: T\n---\n"
        f"The pier\x00 opened on Friday, {speaker.strip()}.\n\n"
        + "The mayor said the new pier cost $" + "9" * 400 + " in all.\n" + NORMAL)
    code, out = invoke(pg_url, "ingest", str(tmp_path))
    assert code == 0, out
    data = exported(pg_url)
    assert len(str(data["articles"][0]["outlet"])) <= 200
    assert all("\x00" not in str(c["text"]) for c in data["claims"])


def test_stray_byte_keeps_utf8_accents() -> None:
    raw = "Nicolás Maduro said the talks would resume. ".encode() + b"\xff\n"
    assert decode(raw).startswith("Nicolás Maduro")


def test_photo_credit_inside_a_one_paragraph_article_drops_only_its_sentence() -> None:
    words = "The port reopened on Friday after a week of repairs, the harbour master said. " * 6
    text = words + "Photo: Harbour Gazette / Ana Ruiz. " + words
    claims = extract(_document(text), TAXONOMY).claims
    assert claims and not any("Photo" in c.text for c in claims)


@pytest.mark.parametrize("a, b", [
    ("Сергей Лавров", "Сергей Лавров"),        # Cyrillic, the same name twice
    ("Σεργκέι Λαβρόφ", "Σεργκέι Λαβρόφ"),      # Greek
    ("Sergei Lavrov", "Sergei Lavr\u043ev"),     # a Cyrillic о among Latin letters
    ("Sergei Lavrov", "Sergei Lav\u200drov"),    # a zero-width joiner
    ("Sergei Lavrov", "Sergei Lav\u00adrov"),    # a soft hyphen
])
def test_names_in_any_script_and_look_alikes_are_one_speaker(a: str, b: str) -> None:
    assert comparable(a) and comparable(a) == comparable(b)
    assert same_speaker(a, "person", b, "person")


def test_names_in_different_scripts_stay_apart() -> None:
    assert not same_speaker("Сергей Лавров", "person", "Sergei Lavrov", "person")
    assert comparable("Лавров") != comparable("Lavrov")


# --- Output: what an article says comes out as text in every format ------------------------

HOSTILE_ARTICLE = (
    "---\noutlet: \"Evil Times\\n# Injected heading\"\npublished: 2024-01-01\n"
    "url: javascript:alert(1)\n---\n"
    "The minister said [click](javascript:alert(1)) <script>alert('x')</script> the budget "
    "had grown by 5%.\n\n"
    "Officials confirmed that <img src=x onerror=alert(2)> taxes would rise </script> soon.\n\n"
    "=HYPERLINK(\"http://evil.example\",\"x\") was written on the wall, the mayor said.\n\n"
    "The \u202eevil\u202c council said the \x1b]0;pwned\x07 vote was close.\n")


@pytest.fixture
def hostile_db(sqlite_url: str, tmp_path: Path) -> str:
    (tmp_path / "hostile.md").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    # A second outlet repeats it, so that the claims are corroborated and reviewed.
    (tmp_path / "copy.md").write_text(HOSTILE_ARTICLE.replace("Evil Times", "Copy Times")
                                      .replace(" soon.", " later."), encoding="utf-8")
    code, out = invoke(sqlite_url, "ingest", str(tmp_path))
    assert code == 0, out
    return sqlite_url


def test_markdown_report_neutralises_links_html_and_headings(hostile_db: str) -> None:
    code, out = invoke(hostile_db, "report", "--format", "md")
    assert code == 0
    for markup in (r"\]\(javascript:", "<script>", "<img"):  # only escaped ones, \] and \<
        assert not re.search(r"(?<!\\)" + markup, out), markup
    assert not any(line.startswith("# Injected") for line in out.splitlines())
    assert "alert('x')" in out  # kept, as text


def test_jsonld_report_escapes_script_ends_and_keeps_only_web_links(hostile_db: str) -> None:
    for group in json.loads(invoke(hostile_db, "groups", "--format", "json")[1]):
        for claim in group["claims"]:
            assert invoke(hostile_db, "review", str(claim["id"]), "--rating", "False")[0] == 0
    code, out = invoke(hostile_db, "report", "--format", "jsonld", "--publisher", "Desk",
                       "--base-url", "https://desk.example/check")
    assert code == 0 and "</script>" not in out and "<" not in out
    works = [a for item in json.loads(out) for a in item["itemReviewed"]["appearance"]]
    assert works and all(a.get("url", "https://").startswith(("http://", "https://"))
                         for a in works)
    assert any("url" not in a for a in works)  # the javascript: link is left out


def test_csv_writes_formulas_as_text(hostile_db: str) -> None:
    code, out = invoke(hostile_db, "claims", "--format", "csv")
    assert code == 0
    cells = [cell for row in csv.reader(io.StringIO(out)) for cell in row]
    assert any("HYPERLINK" in cell for cell in cells)
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)


def test_terminal_output_has_no_control_or_bidi_characters(hostile_db: str) -> None:
    for command in (["claims"], ["sources"], ["show", "1"], ["claims", "--format", "json"]):
        code, out = invoke(hostile_db, *command)
        assert code == 0, out
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]", out), command


# --- Databases ------------------------------------------------------------------------------

def test_read_only_sqlite_database_answers_reads_and_refuses_writes(sqlite_url: str,
                                                                    tmp_path: Path) -> None:
    assert invoke(sqlite_url, "ingest", str(SEEDS))[0] == 0
    # Tests run as root, whom file modes do not stop; SQLite's read-only mode does.
    read_only = f"sqlite:///file:{sqlite_url}?mode=ro&uri=true"
    for command in (["claims", "--limit", "3"], ["sources"], ["conflicts"], ["show", "1"]):
        code, out = invoke(read_only, *command)
        assert code == 0, (command, out)
    (tmp_path / "new.txt").write_text(NORMAL)
    code, out = invoke(read_only, "ingest", str(tmp_path / "new.txt"))
    assert code == 3 and "readonly" in out and out.strip().count("\n") == 0


def test_unwritable_sqlite_file_is_opened_read_only(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "archive.db"
    path.write_bytes(b"")
    monkeypatch.setattr(config.os, "access", lambda *_args: False)
    assert "mode=ro" in config.database_url(str(path))


def test_claim_id_past_the_largest_integer_is_one_line(sqlite_url: str) -> None:
    code, out = invoke(sqlite_url, "show", "99999999999999999999")
    assert code == 2 and "Traceback" not in out


def test_rebuild_during_ingest_on_postgres_both_finish(pg_url: str, tmp_path: Path) -> None:
    env = {**os.environ, "PROV_DB": pg_url}
    assert subprocess.run([sys.executable, "-m", "provenance", "ingest", str(SEEDS)], env=env,
                          capture_output=True, timeout=300).returncode == 0
    folder = tmp_path / "more"
    folder.mkdir()
    for n in range(12):
        (folder / f"{n}.txt").write_text(NORMAL.replace("300", str(300 + n)))
    ingest = subprocess.Popen([sys.executable, "-m", "provenance", "ingest", str(folder)],
                              env=env, stderr=subprocess.PIPE)
    rebuilds = [subprocess.run([sys.executable, "-m", "provenance", "match", "--rebuild"],
                               env=env, capture_output=True, timeout=300) for _ in range(3)]
    assert ingest.wait(300) == 0, ingest.stderr.read() if ingest.stderr else ""
    assert all(r.returncode == 0 for r in rebuilds), [r.stderr for r in rebuilds]


# --- Determinism ------------------------------------------------------------------------------

def _matches(data: dict[str, Any]) -> tuple[list[list[str]], list[tuple[str, str, str]]]:
    """Groups and conflicts by claim text, so that ids and group numbers do not matter."""
    text = {c["id"]: c["text"] for c in data["claims"]}
    groups = sorted(sorted(text[i] for i in g["claim_ids"]) for g in data["groups"])
    conflicts = sorted((c["kind"], *sorted(text[i] for i in c["claim_ids"]))
                       for c in data["conflicts"])
    return groups, conflicts  # type: ignore[return-value]


def test_incremental_matching_equals_a_rebuild(sqlite_url: str, tmp_path: Path) -> None:
    later = tmp_path / "later"
    later.mkdir()
    shutil.copy(DATA / "matching" / "04_radio_coastline.md", later)
    first = tmp_path / "first"
    shutil.copytree(DATA / "matching", first, ignore=shutil.ignore_patterns("04_*", "*.yaml"))
    assert invoke(sqlite_url, "ingest", str(first))[0] == 0
    assert invoke(sqlite_url, "ingest", str(later))[0] == 0  # matched incrementally
    incremental = _matches(exported(sqlite_url))
    assert invoke(sqlite_url, "match", "--rebuild")[0] == 0
    assert _matches(exported(sqlite_url)) == incremental
    assert incremental[0] and incremental[1]


def test_matching_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    results = []
    for seed in ("1", "2", "3"):
        db = str(tmp_path / f"seed{seed}.db")
        env = {**os.environ, "PYTHONHASHSEED": seed, "PROV_DB": db}
        for args in (["ingest", str(DATA / "matching")], ["match", "--rebuild"]):
            subprocess.run([sys.executable, "-m", "provenance", *args], env=env, check=True,
                           capture_output=True, timeout=300)
        results.append(_matches(exported(db)))
    assert results[0] == results[1] == results[2]
