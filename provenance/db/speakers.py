"""Speaker mentions to canonical speaker rows: one per real speaker, however spelled.

Mentions are only compared with stored aliases in the same block, and an article's blocks
are loaded in one query.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select, text
from sqlalchemy.orm import Session, joinedload

from provenance import domain
from provenance.db import models as m
from provenance.nlp.speakers import same_speaker
from provenance.text import comparable


def speaker_block(name: str, kind: str) -> str:
    """Blocking key: speakers are only compared with those sharing it.

    A person's is the start of the surname; an organisation's the starts of its first two
    content words, so that "ministry of defence" and "ministry of health" fall apart.
    """
    words = comparable(name).split() or [""]
    keys = words[-1:] if kind == "person" else [w for w in words if len(w) > 3][:2] or words[:1]
    return " ".join(key[:4] for key in keys)


class SpeakerIndex:
    """The stored aliases of some blocks, and the speakers they belong to."""

    def __init__(self, session: Session, blocks: Iterable[str]) -> None:
        self._session = session
        self._aliases: dict[str, list[m.SpeakerAlias]] = defaultdict(list)
        wanted = sorted(set(blocks))
        if wanted:
            _lock_blocks(session, wanted)
            query = (select(m.SpeakerAlias).where(m.SpeakerAlias.block.in_(wanted))
                     .options(joinedload(m.SpeakerAlias.speaker)
                              .selectinload(m.Speaker.roles)))
            for alias in session.scalars(query):
                self._aliases[alias.block].append(alias)

    def resolve(self, speaker: domain.Speaker) -> m.Speaker:
        """The canonical speaker ``speaker`` refers to, created or enriched as needed."""
        block = speaker_block(speaker.name, speaker.kind)
        found = None if speaker.kind == "anonymous" else self._match(speaker, block)
        if found is None:
            found = m.Speaker(name=speaker.name, kind=speaker.kind)
            self._session.add(found)
        elif len(speaker.name.split()) > len(found.name.split()) and speaker.kind == found.kind:
            found.name = speaker.name  # "Maduro" first, "Nicolás Maduro" later: keep the fuller
        if not any(a.speaker is found and a.alias == speaker.name for a in self._aliases[block]):
            alias = m.SpeakerAlias(alias=speaker.name, block=block, speaker=found)
            self._session.add(alias)
            self._aliases[block].append(alias)
        if speaker.role and speaker.role not in {r.role for r in found.roles}:
            found.roles.append(m.SpeakerRole(role=speaker.role))
        return found

    def _match(self, speaker: domain.Speaker, block: str) -> m.Speaker | None:
        # Each alias must fit, and so must the fullest name: a bare "Okonkwo" alias must not
        # draw "Chidi Okonkwo" into "Adaeze Okonkwo". Unnamed sources are never merged.
        matches = [a.speaker for a in self._aliases[block]
                   if a.speaker.kind != "anonymous"
                   and same_speaker(speaker.name, speaker.kind, a.alias, a.speaker.kind)
                   and same_speaker(speaker.name, speaker.kind, a.speaker.name, a.speaker.kind)]
        return max(matches, key=lambda s: len(s.name), default=None)


_SPEAKER_LOCKS = 0x73706B  # "spk": the advisory-lock namespace of speaker blocks


def _lock_blocks(session: Session, blocks: list[str]) -> None:
    """On PostgreSQL, hold each block's advisory lock until the transaction ends.

    Speakers are matched fuzzily, so no unique key can stop two concurrent writers from
    each creating "Ana Ruiz"; the lock makes the second wait and then see the first's row.
    Keys are taken in sorted order so that two writers never wait on each other. SQLite
    has one writer at a time and needs none.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    keys = sorted({_block_key(block) for block in blocks})
    session.execute(text("select count(pg_advisory_xact_lock(:space, k)) from unnest(:keys) k"),
                    {"space": _SPEAKER_LOCKS, "keys": keys})


def _block_key(block: str) -> int:
    """A stable signed 32-bit number for ``block`` (Python's hash() changes per process)."""
    return int.from_bytes(hashlib.blake2b(block.encode(), digest_size=4).digest(), "big",
                          signed=True)


def resolve_speakers(session: Session,
                     mentions: Iterable[domain.Speaker]) -> list[m.Speaker]:
    """The canonical speaker of each mention, in order; a name is resolved once."""
    mentions = list(mentions)
    index = SpeakerIndex(session, {speaker_block(s.name, s.kind) for s in mentions})
    resolved: dict[domain.Speaker, m.Speaker] = {}
    out = []
    for mention in mentions:
        key = domain.Speaker(mention.name, mention.kind, mention.role)
        if key not in resolved or mention.kind == "anonymous":
            resolved[key] = index.resolve(mention)
        out.append(resolved[key])
    session.flush()
    return out
