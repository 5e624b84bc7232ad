"""What every command shares: global options, opening the database, output helpers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import typer
from sqlalchemy import Engine

from provenance.db.engine import open_database
from provenance.errors import InputError
from provenance.escape import terminal
from provenance.nlp.topics import Taxonomy, load_taxonomy
from provenance.text import plural

__all__ = ["MAX_ID", "Options", "detail", "echo", "note", "options", "parse_day", "plural",
           "short", "write_output"]

MAX_ID = 2**63 - 1
"""The largest id or count a database integer holds; larger numbers are refused as input."""


@dataclass
class Options:
    db: str | None = None
    taxonomy: str | None = None
    verbosity: int = 0
    """-1 with --quiet (errors only), 1 with --verbose (each input as it is read)."""

    def engine(self, create: bool = False) -> Engine:
        """The database, migrated; only commands that store articles may create it."""
        return open_database(self.db, create=create)

    def load_taxonomy(self) -> Taxonomy:
        return load_taxonomy(self.taxonomy)


def options(ctx: typer.Context) -> Options:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Options) else Options()


def parse_day(value: str | None, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option} expects a date as YYYY-MM-DD, got {value!r}") from None


def echo(text: str = "", *, err: bool = False, nl: bool = True) -> None:
    """Print text that may come from articles: control and bidirectional characters, which
    can clear the screen, retitle the window or reverse what follows, are dropped."""
    typer.echo(terminal(text), err=err, nl=nl)


def note(opts: Options, text: str) -> None:
    """A message about the run, not its result: on stderr, and not with --quiet."""
    if opts.verbosity >= 0:
        echo(text, err=True)


def detail(opts: Options, text: str) -> None:
    """A message only --verbose asks for."""
    if opts.verbosity > 0:
        echo(text, err=True)


def write_output(path: Path, text: str) -> None:
    """Write a command's output to ``-o PATH``; a path that cannot be written is one line."""
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None


def short(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"
