"""Where settings come from: command-line options, then environment, then defaults."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import make_url

DEFAULT_DB = "prov.db"


def database_url(db: str | None = None) -> str:
    """``--db`` or ``PROV_DB`` as an SQLAlchemy URL; a plain path means an SQLite file."""
    value = db or os.environ.get("PROV_DB") or DEFAULT_DB
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def redacted(url: str) -> str:
    """The URL with any password hidden, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unparsable URL is shown without its credentials
        return url.split("@")[-1]
