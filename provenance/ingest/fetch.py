"""Articles named by URL: fetched over HTTP(S), then read like a file of the same format."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from provenance.domain import ArticleMeta, RawInput
from provenance.errors import InputError
from provenance.version import installed_version

FETCH_TIMEOUT_S = 20
MAX_FETCH_BYTES = 10_000_000
"""A news page is well under a megabyte; more than this is not an article."""

_SUFFIX_BY_TYPE = {"text/html": ".html", "application/xhtml+xml": ".html",
                   "application/json": ".json", "application/x-ndjson": ".jsonl",
                   "text/plain": ".txt", "text/markdown": ".md"}
_URL = re.compile(r"^https?://", re.IGNORECASE)


@dataclass(frozen=True)
class Remote:
    """An article to fetch."""

    url: str


def is_url(text: str) -> bool:
    return bool(_URL.match(text))


def fetch(remote: Remote, timeout: float = FETCH_TIMEOUT_S) -> RawInput:
    """The page at ``remote.url``; :class:`InputError` (one line) when it cannot be had."""
    request = urllib.request.Request(remote.url, headers={
        "User-Agent": f"prov/{installed_version()} (claim provenance tracker)",
        "Accept": "text/html, application/json;q=0.9, text/plain;q=0.8"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            raw = response.read(MAX_FETCH_BYTES + 1)
            content_type = response.headers.get_content_type()
            final_url = response.geturl()
    except urllib.error.HTTPError as exc:
        raise InputError(f"the server answered HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise InputError(f"cannot fetch: {exc.reason}") from None
    except (OSError, ValueError) as exc:  # timeouts, resets, malformed URLs
        raise InputError(f"cannot fetch: {exc}") from None
    if len(raw) > MAX_FETCH_BYTES:
        raise InputError(f"more than {MAX_FETCH_BYTES:,} bytes; not an article")
    host = (urlsplit(final_url).hostname or "").removeprefix("www.") or None
    return RawInput(remote.url, raw, _suffix(content_type, final_url),
                    ArticleMeta(url=final_url, outlet=host))  # the page's publisher wins


def _suffix(content_type: str, url: str) -> str:
    """The format: from the server's content type, else the URL's path, else HTML."""
    if content_type in _SUFFIX_BY_TYPE:
        return _SUFFIX_BY_TYPE[content_type]
    suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
    return suffix if suffix in set(_SUFFIX_BY_TYPE.values()) | {".htm"} else ".html"
