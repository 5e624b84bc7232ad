"""The blocking keys of matched claims in the database (``claim_keys``), so that a match run
reads the earlier claims its new claims can meet, not the whole archive.

Keys are stored as 64-bit hashes of their text: over ten million distinct keys, the chance
that two collide is about one in three hundred thousand, and a collision only adds a
candidate, which is then judged like any other.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping

from sqlalchemy import BigInteger, bindparam, delete, insert, select, text
from sqlalchemy.dialects.postgresql import ARRAY
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
    by_hash = {key_hash(k): k for k in set(keys)}
    found: dict[str, list[int]] = defaultdict(list)
    for key, claim_id in _holder_rows(session, sorted(by_hash), limit):
        found[by_hash[key]].append(claim_id)
    return {k: sorted(ids) for k, ids in found.items()}


_LATEST = select(m.ClaimKey.key, m.ClaimKey.claim_id).where(m.ClaimKey.key == bindparam("key")) \
    .order_by(m.ClaimKey.claim_id.desc()).limit(bindparam("limit"))
# One statement for many keys where the server can (a round trip each would bound ingest).
_LATEST_MANY = text(
    "SELECT k.key, h.claim_id FROM unnest(:keys) AS k(key) CROSS JOIN LATERAL "
    "(SELECT claim_id FROM claim_keys WHERE claim_keys.key = k.key "
    "ORDER BY claim_id DESC LIMIT :limit) AS h"
).bindparams(bindparam("keys", type_=ARRAY(BigInteger)))
_KEYS_PER_STATEMENT = 2000


def _holder_rows(session: Session, hashes: list[int], limit: int) -> Iterator[tuple[int, int]]:
    if session.get_bind().dialect.name == "postgresql":
        for start in range(0, len(hashes), _KEYS_PER_STATEMENT):
            rows = session.execute(_LATEST_MANY, {
                "keys": hashes[start:start + _KEYS_PER_STATEMENT], "limit": limit})
            yield from ((key, claim_id) for key, claim_id in rows)
        return
    for key in hashes:  # SQLite answers in-process: a statement each costs microseconds
        yield from ((k, claim_id) for k, claim_id in
                    session.execute(_LATEST, {"key": key, "limit": limit}))
