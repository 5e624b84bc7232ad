"""Bytes to text: UTF-8 first, then the Windows and Latin encodings of old captures."""

from __future__ import annotations

from provenance.errors import InputError

_CONTROL_SHARE_MAX = 0.05


def decode(raw: bytes) -> str:
    """Decode article bytes; raise :class:`InputError` for empty or binary content."""
    if not raw.strip():
        raise InputError("empty file")
    if b"\x00" in raw[:65536] or _control_share(raw[:65536]) > _CONTROL_SHARE_MAX:
        raise InputError("binary file, not text")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _control_share(sample: bytes) -> float:
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls / max(len(sample), 1)
