"""Bytes to text: UTF-8 first, then the Windows and Latin encodings of old captures."""

from __future__ import annotations

import re

from provenance.errors import InputError

_CONTROL_SHARE_MAX = 0.05
# C0 controls but tab, newline, form feed and carriage return; DEL. PostgreSQL refuses NUL
# in text, and none of them is part of an article.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(raw: bytes) -> str:
    """Decode article bytes; raise :class:`InputError` for empty or binary content."""
    if not raw.strip():
        raise InputError("empty file")
    if _control_share(raw[:65536]) > _CONTROL_SHARE_MAX:  # a stray NUL is not binary
        raise InputError("binary file, not text")
    return printable(_decode(raw))


def printable(text: str) -> str:
    """``text`` without control characters (tab, newline, CR and form feed stay)."""
    return _CONTROLS.sub("", text)


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # A UTF-8 file with a few damaged bytes is still UTF-8: decoding it as cp1252 would turn
    # every accented letter into two ("NicolÃ¡s"). It is UTF-8 when its valid multi-byte
    # characters outnumber its broken bytes.
    lenient = raw.decode("utf-8-sig", errors="replace")
    broken = lenient.count("\ufffd") - raw.decode("utf-8-sig", "ignore").count("\ufffd")
    multibyte = sum(1 for ch in lenient if ord(ch) > 0x7F and ch != "\ufffd")
    if multibyte >= broken:
        return lenient
    for encoding in ("cp1252", "latin-1"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")  # every byte is a latin-1 character; for mypy's sake


def _control_share(sample: bytes) -> float:
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / max(len(sample), 1)
