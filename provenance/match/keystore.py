"""The blocking keys of matched claims in the database (``claim_keys``), so that a match run
reads the earlier claims its new claims can meet, not the whole archive.

Keys are stored as 64-bit hashes of their text: over ten million distinct keys, the chance
that two collide is about one in three hundred thousand, and a collision only adds a
candidate, which is then judged like any other.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

from sqlalchemy import bindparam, delete, insert, select
from sqlalchemy.orm import Session

from provenance.db import models as m

_ROWS_PER_INSERT = 5000


def key_hash(key: str) -> int:
    """The stored form of a blocking key: the same on every run and machine."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(),
                          "big", signed=True)


def write_keys(session: Session, keys: Mapping[int, frozenset[str]]) -> None:
    """Store each claim's keys (claim id -> its blocking keys)."""
    rows = [{"key": key_hash(k), "claim_id": claim_id}
            for claim_id in sorted(keys) for k in sorted(keys[claim_id])]
    for start in range(0, len(rows), _ROWS_PER_INSERT):
        session.execute(insert(m.ClaimKey), rows[start:start + _ROWS_PER_INSERT])


def forget_keys(session: Session) -> None:
    session.execute(delete(m.ClaimKey))


def has_keys(session: Session) -> bool:
    return session.scalar(select(m.ClaimKey.claim_id).limit(1)) is not None


def latest_holders(session: Session, keys: Iterable[str], limit: int) -> dict[str, list[int]]:
    """The latest ``limit`` stored claims holding each of ``keys``, in id order (keys no
    claim holds are left out)."""
    latest = select(m.ClaimKey.claim_id).where(m.ClaimKey.key == bindparam("key")) \
        .order_by(m.ClaimKey.claim_id.desc()).limit(limit)
    found = {}
    for key in sorted(set(keys)):
        ids = list(session.scalars(latest, {"key": key_hash(key)}))
        if ids:
            found[key] = ids[::-1]
    return found
