"""The installed version of prov, for ``--version`` and the fetcher's User-Agent."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def installed_version() -> str:
    try:
        return version("provenance")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "0+unknown"
