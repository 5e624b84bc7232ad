"""How every list command prints: a table that fits the terminal, JSON, or CSV."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

import typer

from provenance.cli.common import plural
from provenance.cli.table import table
from provenance.escape import csv_cell, json_text, terminal

FALLBACK_WIDTH = 100
"""Columns when the output is no terminal (a pipe, a file) and $COLUMNS is unset."""


class ListFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def format_option() -> Any:
    return typer.Option(ListFormat.table, "--format",
                        help="table (fits the terminal), json, or csv (one row per line).")


@dataclass(frozen=True)
class Column:
    """One table column: its header and the row key it shows. Columns that ``wrap`` share
    the width the others leave, the widest narrowed first, and wrap their text; the others
    keep to their content."""

    header: str
    key: str
    wrap: bool = False
    right: bool = False


@dataclass(frozen=True)
class Listing:
    """What a list command shows, in each format."""

    columns: Sequence[Column]
    csv_fields: Sequence[str]
    noun: str
    empty: str


def render(fmt: ListFormat, listing: Listing, rows: list[dict[str, Any]], data: Any = None,
           table_rows: list[dict[str, Any]] | None = None) -> str:
    """``data`` (default ``rows``) as JSON; ``rows`` as CSV; or ``table_rows`` (default
    ``rows``) as a table, followed by how many ``rows`` there are."""
    if fmt is ListFormat.json:
        return json_text(rows if data is None else data) + "\n"
    if fmt is ListFormat.csv:
        return csv_text(rows, listing.csv_fields)
    if not rows:
        return listing.empty + "\n"
    shown = rows if table_rows is None else table_rows
    return table_text(shown, listing.columns) + plural(len(rows), listing.noun) + "\n"


def csv_text(rows: list[dict[str, Any]], fields: Sequence[str]) -> str:
    """Every field quoted, so that sniffers (csvkit, spreadsheets) read the dialect right;
    lists joined with "; "; booleans as true/false."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(fields), extrasaction="ignore",
                            quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _csv_value(row.get(key)) for key in fields})
    return out.getvalue()


def table_text(rows: list[dict[str, Any]], columns: Sequence[Column]) -> str:
    cells = [[terminal(_flat(row.get(col.key))) for col in columns] for row in rows]
    return table(columns, cells, [bool(row.get("_section")) for row in rows], terminal_width())


def terminal_width() -> int:
    return shutil.get_terminal_size((FALLBACK_WIDTH, 24)).columns


def _csv_value(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return csv_cell(_flat(value))


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "; ".join(_flat(v) for v in value)
    return str(value)
