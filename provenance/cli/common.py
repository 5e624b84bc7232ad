"""What every command shares: global options, opening the database, output helpers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import typer
from sqlalchemy import Engine

from provenance.db.engine import open_database
from provenance.errors import InputError
from provenance.escape import terminal
from provenance.nlp.topics import Taxonomy, load_taxonomy

MAX_ID = 2**63 - 1
"""The largest id or count a database integer holds; larger numbers are refused as input."""


@dataclass
class Options:
    db: str | None = None
    taxonomy: str | None = None

    def engine(self) -> Engine:
        return open_database(self.db)

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


def plural(n: int, noun: str) -> str:
    """"1 claim", "2 claims"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def short(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"
