"""Where settings come from: command-line options, then environment, then defaults."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote

from provenance.errors import InputError

DEFAULT_DB = "prov.db"


def database_url(db: str | None = None) -> str:
    """``--db`` or ``PROV_DB`` as an SQLAlchemy URL; a plain path means an SQLite file."""
    value = db or os.environ.get("PROV_DB") or DEFAULT_DB
    if "://" in value:
        return value
    if _HALF_URL.match(value):
        raise InputError(f"{redacted(value)!r} looks like a database URL without '//'; write "
                         "DIALECT://USER@HOST/DB, or a file path for SQLite")
    path = Path(value).expanduser().resolve()
    if path.is_file() and not os.access(path, os.W_OK):  # read it, without trying to write
        return f"sqlite:///file:{quote(str(path))}?mode=ro&uri=true"
    return f"sqlite:///{path}"


def redacted(url: str) -> str:
    """The URL with anything that may be a secret hidden, for messages and logs.

    Everything before the last ``@`` is taken as the credentials (a password may itself
    hold an ``@``), and query parameters that carry passwords or tokens are hidden too.
    Hiding too much is harmless: the result is only ever shown.
    """
    scheme, sep, rest = url.partition("://")
    if not sep:
        scheme, rest = "", url
    at = rest.rfind("@")
    if at >= 0:
        user = rest[:at].split(":", 1)[0]
        rest = f"{user}:***{rest[at:]}" if ":" in rest[:at] else f"{user}{rest[at:]}"
    rest = _SECRET_PARAM.sub(lambda m: f"{m.group(1)}=***", rest)
    return f"{scheme}{sep}{rest}"


_HALF_URL = re.compile(r"^(?:postgres(?:ql)?|sqlite|mysql|mariadb|oracle|mssql)(?:\+\w+)?:",
                       re.IGNORECASE)
_SECRET_PARAM = re.compile(r"\b((?:ssl)?pass(?:word|wd)?|pwd|secret|token|api_?key)=[^&]*",
                           re.IGNORECASE)
