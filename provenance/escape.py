"""Text from articles made safe for each place it is written to.

Articles are untrusted web pages. Whatever they contain must come out as text: never as a
link that runs code, a heading, a spreadsheet formula, or a sequence that moves a terminal's
cursor or reverses the text after it.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote, urlsplit

# C0 and C1 controls (but newline and tab) and the bidirectional controls.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                          "\u2066-\u2069]")
_JSON_HAZARDS = re.compile("[<>&\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# What can start markup inline: links and images need [ ], autolinks and HTML need <,
# emphasis * and _ (an underscore inside a word, as in file names, cannot), code `, GFM ~.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]<>~]|(?<!\w)_|_(?!\w))")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_URL_KEPT = ":/?#[]@!$&'*+,;=%~"  # reserved characters a URL needs; ( ) < > and spaces go


def terminal(text: str) -> str:
    """``text`` without control and bidirectional characters."""
    return _UNPRINTABLE.sub("", text)


def http_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) address with a host, else None."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url if not _UNPRINTABLE.search(url) and " " not in url else None


def json_text(value: Any, indent: int | None = 2) -> str:
    """JSON that can sit inside an HTML ``<script>`` or be printed: ``<``, ``>``, ``&``,
    line separators and bidirectional controls are written as ``\\u`` escapes (same data)."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _JSON_HAZARDS.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def markdown_text(text: str) -> str:
    """Inline Markdown that renders as the text itself: one line, specials escaped, so no
    link, image, raw HTML or heading can be made from it."""
    one_line = " ".join(terminal(text).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line)


def markdown_link(label: str, url: str | None) -> str:
    """A Markdown link to an http(s) ``url``, or the label alone for any other address."""
    safe = http_url(url)
    if safe is None:
        return markdown_text(label)
    return f"[{markdown_text(label)}]({quote(safe, safe=_URL_KEPT)})"


def csv_cell(value: object) -> object:
    """A CSV value a spreadsheet shows as text: one that would start a formula gets a
    leading apostrophe."""
    if isinstance(value, str):
        value = terminal(value)
        if value.startswith(_FORMULA_START):
            return "'" + value
    return value
