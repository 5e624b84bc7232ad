"""Where settings come from: command-line options, then environment, then defaults."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from urllib.parse import quote

from provenance.errors import InputError

DEFAULT_DB = "prov.db"
CONFIG_FILE = "prov.toml"
"""Settings a desk writes once, read from the working folder (or ``PROV_CONFIG``)."""
CONFIG_KEYS = {"report": ("publisher", "base_url", "author"), "review": ("reviewer",)}
"""Each command's settings a config file may give; flags and environment variables win."""


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


def command_defaults(path: str | None = None) -> dict[str, dict[str, str]]:
    """Defaults per command from ``prov.toml`` (``[report] publisher = "..."``), or from the
    file ``path`` / ``PROV_CONFIG`` names; none when there is no such file in the folder."""
    named = path or os.environ.get("PROV_CONFIG")
    file = Path(named or CONFIG_FILE)
    if not file.is_file():
        if named:
            raise InputError(f"config file {file} not found")
        return {}
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"config file {file}: {exc}") from None
    defaults: dict[str, dict[str, str]] = {}
    for section, values in data.items():
        allowed = CONFIG_KEYS.get(section)
        if allowed is None or not isinstance(values, dict):
            raise InputError(f"config file {file}: unknown section [{section}]; use "
                             + ", ".join(f"[{name}]" for name in CONFIG_KEYS))
        for key, value in values.items():
            if key not in allowed or not isinstance(value, str):
                raise InputError(f"config file {file}: [{section}] takes text values for "
                                 f"{', '.join(allowed)}, not {key!r}")
        defaults[section] = dict(values)
    return defaults
